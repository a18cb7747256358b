-- tests: tabs and newlines between every token
drop
	table
		public."orders"
;
