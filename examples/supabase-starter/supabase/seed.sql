-- Development data, loaded after the migrations. Runs as the database owner, so RLS does not apply.
-- Two users (fixed ids so the rows below can refer to them), one organization, three posts.

insert into auth.users (id, email)
values
  ('7c0a3f52-5b8e-4d4a-9a51-0f6f3d2b1a01', 'ada@example.com'),
  ('7c0a3f52-5b8e-4d4a-9a51-0f6f3d2b1a02', 'grace@example.com');

insert into public.profiles (id, username, full_name)
values
  ('7c0a3f52-5b8e-4d4a-9a51-0f6f3d2b1a01', 'ada', 'Ada Lovelace'),
  ('7c0a3f52-5b8e-4d4a-9a51-0f6f3d2b1a02', 'grace', 'Grace Hopper');

insert into public.organizations (id, name, slug)
values ('0e5d9c1e-2f7a-4b3c-8d6e-1a2b3c4d5e01', 'Analytical Engines', 'analytical-engines');

insert into public.memberships (organization_id, user_id, role)
values
  ('0e5d9c1e-2f7a-4b3c-8d6e-1a2b3c4d5e01', '7c0a3f52-5b8e-4d4a-9a51-0f6f3d2b1a01', 'owner'),
  ('0e5d9c1e-2f7a-4b3c-8d6e-1a2b3c4d5e01', '7c0a3f52-5b8e-4d4a-9a51-0f6f3d2b1a02', 'member');

insert into public.posts (organization_id, author_id, title, body, published)
values
  ('0e5d9c1e-2f7a-4b3c-8d6e-1a2b3c4d5e01', '7c0a3f52-5b8e-4d4a-9a51-0f6f3d2b1a01',
   'Notes on the engine', 'The engine weaves algebraic patterns just as the loom weaves flowers and leaves.', true),
  ('0e5d9c1e-2f7a-4b3c-8d6e-1a2b3c4d5e01', '7c0a3f52-5b8e-4d4a-9a51-0f6f3d2b1a02',
   'Found a bug', 'An actual moth, taped into the logbook.', true),
  ('0e5d9c1e-2f7a-4b3c-8d6e-1a2b3c4d5e01', '7c0a3f52-5b8e-4d4a-9a51-0f6f3d2b1a02',
   'Compiler draft', 'Work in progress, not published yet.', false);
