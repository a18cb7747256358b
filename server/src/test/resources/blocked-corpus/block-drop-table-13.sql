-- tests: PostgreSQL block comments nest; the drop follows a nested comment
drop /* outer /* inner */ still a comment */ table t;
