-- expect-line: 4
-- expect-object: private.webhook_events.received_at
-- Raw webhook payloads, kept out of the API schema.
create table private.webhook_events (id bigint generated always as identity primary key, provider text not null, payload jsonb not null, received_at timestamp not null default now());
