-- Consent flags for the checkout flow.
create table private.customer_consents (id bigint generated always as identity primary key, customer_id bigint not null, accepted_marketing_email_during_checkout_before_the_gdpr_update boolean not null default false);
