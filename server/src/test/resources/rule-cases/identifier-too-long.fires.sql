-- expect-line: 4
-- expect-object: accepted_marketing_emails_during_checkout_before_the_gdpr_update
-- Consent flags for the checkout flow.
create table private.customer_consents (id bigint generated always as identity primary key, customer_id bigint not null, accepted_marketing_emails_during_checkout_before_the_gdpr_update boolean not null default false);
