-- expect-line: 4
-- expect-object: private.webhook_events.payload
-- Raw webhook payloads, kept out of the API schema.
create table private.webhook_events (id bigint generated always as identity primary key, provider text not null, payload json not null, received_at timestamptz not null default now());
