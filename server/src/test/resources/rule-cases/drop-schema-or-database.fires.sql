-- expect-line: 4
-- expect-object: legacy
-- Everything in legacy was migrated to public in 2024.
drop schema legacy cascade;
