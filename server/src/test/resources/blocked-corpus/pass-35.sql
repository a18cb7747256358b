-- tests: EXECUTE FUNCTION in CREATE TRIGGER is not dynamic SQL
create trigger t_touch before update on t
  for each row execute function public.set_updated_at();
