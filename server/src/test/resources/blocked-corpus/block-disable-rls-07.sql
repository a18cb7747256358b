-- tests: enable first (harmless), then disable later in the same script
alter table t enable row level security;
create policy "read own" on t for select to authenticated using (owner_id = auth.uid());
AlTeR tAbLe t DiSaBlE rOw LeVeL sEcUrItY;
