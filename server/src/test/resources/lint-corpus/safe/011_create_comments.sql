-- Comments on posts. Readers of a post can read its comments.

SET LOCAL lock_timeout = '5s';

CREATE TABLE public.comments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id     bigint NOT NULL REFERENCES public.posts (id) ON DELETE CASCADE,
    author_id   uuid NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
    body        text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
    edited_at   timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX comments_post_id_created_at_idx ON public.comments (post_id, created_at);
CREATE INDEX comments_author_id_idx ON public.comments (author_id);

ALTER TABLE public.comments ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Readers of a post can read its comments"
    ON public.comments FOR SELECT
    TO authenticated
    USING (EXISTS (SELECT 1 FROM public.posts p WHERE p.id = comments.post_id));

CREATE POLICY "Members can comment as themselves"
    ON public.comments FOR INSERT
    TO authenticated
    WITH CHECK (
        author_id = (SELECT auth.uid())
        AND EXISTS (SELECT 1 FROM public.posts p WHERE p.id = comments.post_id)
    );

CREATE POLICY "Authors can edit their comments"
    ON public.comments FOR UPDATE
    TO authenticated
    USING (author_id = (SELECT auth.uid()))
    WITH CHECK (author_id = (SELECT auth.uid()));

CREATE POLICY "Authors can delete their comments"
    ON public.comments FOR DELETE
    TO authenticated
    USING (author_id = (SELECT auth.uid()));

COMMENT ON TABLE public.comments IS 'Comments on posts; visibility follows the post.';
