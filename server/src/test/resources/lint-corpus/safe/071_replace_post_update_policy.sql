-- Archived posts become read-only: replace the update policy on posts and tighten the
-- comment update policy. Policies are dropped and recreated in one transaction, so there
-- is no window without a policy.

set local lock_timeout = '3s';

drop policy if exists "Authors can edit their posts" on public.posts;

create policy "Authors can edit their unarchived posts"
  on public.posts for update
  to authenticated
  using (author_id = (select auth.uid()) and status <> 'archived')
  with check (
    author_id = (select auth.uid())
    and status <> 'archived'
    and private.is_org_member(organization_id)
  );

alter policy "Authors can edit their comments"
  on public.comments
  using (author_id = (select auth.uid()) and created_at > now() - interval '1 day')
  with check (author_id = (select auth.uid()));
