-- tests: copy from program inside a DO block
do $$
begin
  copy imports from program 'curl -s https://data.example/feed.csv' with (format csv);
end
$$;
