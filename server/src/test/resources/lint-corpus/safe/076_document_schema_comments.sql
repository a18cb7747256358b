-- Documentation only: comments show up in Supabase Studio and in generated API docs.

comment on column public.posts.view_count is 'Approximate number of views; updated asynchronously.';
comment on column public.posts.comment_count is 'Number of comments; maintained by the application.';
comment on column public.posts.slug is 'URL slug, unique within the organization.';
comment on column public.profiles.public_id is 'Opaque id used in share links instead of the auth user id.';
comment on table public.invitations is 'Pending and accepted invitations to join an organization.';
comment on table public.api_keys is 'Hashed API keys; the plaintext is shown once at creation.';
comment on table public.webhook_deliveries is 'Delivery attempts; rows older than 30 days are purged by a job.';
comment on function public.check_rate_limit(text, integer, integer) is 'Fixed-window rate limiter; true when the call is allowed.';
comment on type public.ticket_priority is 'Priority of a support ticket.';
comment on index public.posts_title_trgm_idx is 'Trigram index for search_posts().';
