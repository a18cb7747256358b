-- One-off cleanup: overrides that expired more than 30 days ago are dead weight.
-- Data only; the WHERE clause names the rows.

delete from public.feature_flag_overrides
 where expires_at is not null
   and expires_at < now() - interval '30 days';
