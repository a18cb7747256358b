-- tests: tabs and newlines inside the statement
	TRUNCATE
		TABLE
		ONLY
		public.queue
		RESTART IDENTITY;
