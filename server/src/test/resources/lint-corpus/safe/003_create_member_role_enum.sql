-- Role a user holds inside an organization.

create type public.member_role as enum ('owner', 'admin', 'member');

comment on type public.member_role is 'Role of a user within an organization.';
