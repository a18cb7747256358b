-- Extensions used by later migrations. Supabase keeps them in the "extensions" schema
-- so that they do not clutter the API-exposed public schema.

create extension if not exists pgcrypto with schema extensions;
create extension if not exists citext with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists moddatetime with schema extensions;
