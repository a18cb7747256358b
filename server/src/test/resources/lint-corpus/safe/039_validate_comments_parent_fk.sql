-- Validate the parent_id foreign key added NOT VALID earlier.

ALTER TABLE public.comments VALIDATE CONSTRAINT comments_parent_id_fkey;
