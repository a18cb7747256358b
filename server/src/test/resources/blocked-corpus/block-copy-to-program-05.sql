-- tests: comments between COPY, TO and PROGRAM
copy t /* everything */ to -- via a shell
  program 'id';
