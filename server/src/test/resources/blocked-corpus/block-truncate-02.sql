-- tests: truncate only t restart identity
truncate only t restart identity;
