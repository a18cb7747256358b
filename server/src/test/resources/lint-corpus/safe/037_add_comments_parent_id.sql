-- Threaded replies: comments.parent_id points at another comment.
-- The foreign key is added NOT VALID (no scan now); it is validated after its index exists.

set local lock_timeout = '3s';

alter table public.comments add column parent_id bigint;

alter table public.comments
  add constraint comments_parent_id_fkey
  foreign key (parent_id) references public.comments (id) on delete cascade
  not valid;
