-- drydock:no-transaction
-- Look-ups by public id from share links.

set lock_timeout = '5s';

create unique index concurrently if not exists profiles_public_id_key
  on public.profiles (public_id);
