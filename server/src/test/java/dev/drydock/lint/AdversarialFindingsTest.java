package dev.drydock.lint;

import dev.drydock.sql.StatementAnalyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adversarial review: each test is a statement PostgreSQL 17 runs as a blocked pattern (or a safe
 * statement Drydock wrongly blocked), each checked by hand against a real PostgreSQL 17 server.
 * Every test failed against the code it was written for; they now stand as regression tests.
 */
class AdversarialFindingsTest {
    private static StatementAnalyzer analyzer;

    @BeforeAll
    static void start() {
        analyzer = new StatementAnalyzer();
    }

    @AfterAll
    static void stop() {
        analyzer.close();
    }

    private static List<String> blocked(String sql) {
        return new Linter(analyzer, LintPolicy.defaults())
                .lint(List.of(new Linter.Source("t.sql", sql)), LintOptions.defaults())
                .blocked().stream().map(Finding::rule).toList();
    }

    // ---------------------------------------------------------------- statement boundaries

    /**
     * Splitter.BodyTracker counts every BEGIN word in a CREATE FUNCTION/PROCEDURE as the start of a
     * BEGIN ATOMIC block. BEGIN is an unreserved keyword, so a function (or parameter, or RETURNS
     * TABLE column) named "begin" leaves blocks=1 for ever: the ';' after the $$ body is no longer a
     * boundary and the DROP TABLE is swallowed into the CREATE FUNCTION statement, whose reader skips
     * it. PostgreSQL (psql, pgjdbc in ScriptRunner, the Supabase CLI) runs both statements: verified
     * on PG 17 through pgjdbc's default extended mode, public.users is gone. Same with
     * {@code create procedure p(begin int) … ; truncate users;}.
     * Fix: Splitter.BodyTracker should count BEGIN only as BEGIN ATOMIC (BEGIN followed by ATOMIC)
     * and only outside parentheses, after the routine header.
     */
    @Test
    void routineNamedBeginSwallowsTheNextStatement() {
        assertThat(blocked("create function begin() returns int language sql as $$select 1$$;\n"
                + "drop table users;")).contains("drop-table");
    }

    // ---------------------------------------------------------------- PL/pgSQL bodies

    /**
     * BodyReader.stripControl skips a FOR header up to LOOP without reading it, but a FOR … IN
     * query LOOP runs its query, and that query may be DELETE/UPDATE … RETURNING. PG 17 deletes
     * every row of users here. Fix: in stripControl, for FOR … IN &lt;query&gt; LOOP, read the tokens
     * between IN and LOOP as a statement (unless they start with EXECUTE or are a range a..b).
     */
    @Test
    void forInDmlLoopHeaderIsNeverRead() {
        assertThat(blocked("do $$ declare r record; begin\n"
                + "  for r in delete from users returning * loop end loop;\n"
                + "end $$")).contains("delete-without-where");
    }

    /**
     * Misread the other way: FOR r IN EXECUTE 'constant' is flagged as dynamic-sql (a blocked
     * pattern) although the string is a constant, while the equivalent top-level
     * EXECUTE 'constant' and RETURN QUERY EXECUTE 'constant' are (rightly) read as static SQL.
     * containsExecute in BodyReader.stripControl should treat EXECUTE + a lone string literal the
     * same way plpgsql() does.
     */
    @Test
    void forInExecuteOfAConstantIsNotDynamicSql() {
        assertThat(blocked("do $$ declare r record; begin\n"
                + "  for r in execute 'select 1' loop end loop;\n"
                + "end $$")).doesNotContain("dynamic-sql");
    }

    // ---------------------------------------------------------------- COPY

    /**
     * COPY's grammar is {@code COPY opt_binary qualified_name …}: the old BINARY keyword may come
     * before the table. TokenReader.copy() takes "binary" as the table name, then sees "users"
     * where it expects TO/FROM, so program=false. PG 17 runs the program (COPY 3 rows to it).
     * Fix: TokenReader.copy() should accept an optional BINARY before the table name (and look for
     * PROGRAM anywhere after TO/FROM rather than at one fixed position).
     */
    @Test
    void copyBinaryToProgram() {
        assertThat(blocked("copy binary users to program 'cat > /tmp/x'")).contains("copy-to-program");
    }

    // ---------------------------------------------------------------- DELETE / UPDATE of every row

    /**
     * MERGE … ON true WHEN MATCHED THEN DELETE deletes every row (PG 17: MERGE 3 of 3). DmlReader
     * records every MERGE as having a WHERE (Detail.Dml(table, true, false, true)), so neither
     * delete-without-where nor update-without-where can fire. Fix: DmlReader should evaluate the ON
     * condition with Expressions.alwaysTrue and report WHEN MATCHED THEN DELETE/UPDATE as
     * delete/update of every row when it is a tautology.
     */
    @Test
    void mergeOnTrueThenDelete() {
        assertThat(blocked("merge into users u using (select 1) s on true when matched then delete"))
                .contains("delete-without-where");
    }

    /**
     * Expressions.Evaluator.comparison() returns as soon as it meets a predicate it does not know
     * (IS NULL, IN, LIKE, BETWEEN, arithmetic) without consuming it, so the trailing "OR true" is
     * never seen and evaluate() gives UNKNOWN. The brief's own example `id is not null or true`
     * deletes every row on PG 17. Fix: when the comparison is not understood, skipRest() to the
     * next depth-0 AND/OR/')' so OR/AND still combine (UNKNOWN OR TRUE = TRUE).
     */
    @Test
    void orTrueAfterAnUnknownPredicateIsLost() {
        assertThat(blocked("delete from users where id is not null or true")).contains("delete-without-where");
        assertThat(blocked("delete from users where id in (1, 2) or true")).contains("delete-without-where");
    }

    /**
     * compareLiterals compares "L:'1" with "L:1" as text, so '1' = 1 is FALSE; PostgreSQL coerces
     * the unknown-typed literal to integer and the condition is TRUE (PG 17: DELETE 3). Fix: in
     * Expressions.compareLiterals, when one side is a number and the other a plain '…' literal,
     * compare them as numbers (and treat anything not parseable as UNKNOWN, not FALSE).
     */
    @Test
    void quotedNumberEqualsNumberIsTrue() {
        assertThat(blocked("delete from users where '1' = 1")).contains("delete-without-where");
    }

    /**
     * A string literal standing alone (or cast to boolean) is a boolean constant: WHERE 'true' and
     * WHERE 't'::bool delete every row on PG 17. Expressions.truth() knows only B:TRUE. Fix: map
     * unknown-typed literals through PostgreSQL's boolin spellings (t, true, y, yes, on, 1, any case,
     * surrounding blanks) in truth().
     */
    @Test
    void stringLiteralAsBooleanIsTrue() {
        assertThat(blocked("delete from users where 'true'")).contains("delete-without-where");
        assertThat(blocked("delete from users where 't'::bool")).contains("delete-without-where");
    }

    /**
     * Expressions.operand() does new BigDecimal(token) on any NUMBER token; 0x1 (valid since PG 16,
     * PG 17 deletes every row here) throws NumberFormatException, TokenReader.read catches it and
     * turns the whole statement into UNKNOWN with no Detail: the DELETE is reported only as
     * unparsed-statement, never as a blocked pattern. Any exception in a reader silently drops the
     * blocked check. Fix: parse 0x/0o/0b literals (or return UNKNOWN) in Expressions.operand(); and
     * in TokenReader.read keep kind/objects already decided before the failure, failing closed for
     * DELETE/UPDATE (treat as unlimited).
     */
    @Test
    void hexLiteralCrashesTheReaderAndHidesTheDelete() {
        assertThat(blocked("delete from users where 0x1 = 1")).contains("delete-without-where");
    }

    /**
     * operand() skips a cast after a literal or column but not after a parenthesised expression:
     * (true)::boolean leaves "::boolean" unconsumed and the whole condition is UNKNOWN. PG 17
     * deletes every row. Fix: call skipCast() after the ')' in Expressions.operand().
     */
    @Test
    void castOfAParenthesisedTrue() {
        assertThat(blocked("delete from users where (true)::boolean")).contains("delete-without-where");
    }

    /**
     * Conditions that mention no column, no subquery over a table and no volatile function do not
     * depend on the row, so they either delete every row or none. The evaluator knows only literal
     * comparisons; each of these deletes every row on PG 17 and none is reported. The brief lists
     * coalesce(true, false) explicitly. Fix: in DmlReader/Expressions, treat a WHERE with no column
     * reference (no identifier that is not a function name/keyword) and no FROM-bearing subquery as
     * row-independent, hence unlimited, unless it evaluates to FALSE.
     */
    @Test
    void rowIndependentConditionsAreNotLimits() {
        assertThat(blocked("delete from users where coalesce(true, false)")).contains("delete-without-where");
        assertThat(blocked("delete from users where 1 in (1)")).contains("delete-without-where");
        assertThat(blocked("delete from users where null is null")).contains("delete-without-where");
        assertThat(blocked("delete from users where exists (select)")).contains("delete-without-where");
    }

    // ---------------------------------------------------------------- "created in this migration" is wrong

    /**
     * MigrationState.existing() says a table created earlier in the migration cannot hold data, but
     * CREATE TEMP TABLE users creates pg_temp.users and Drydock records it as public.users: the
     * following DROP TABLE public.users drops the real, populated table (PG 17: to_regclass is null
     * afterwards) and is not reported. Fix: TableReader/Checks should record temporary tables under
     * "pg_temp" (never under public).
     */
    @Test
    void tempTableShadowsTheRealTable() {
        assertThat(blocked("create temp table users (id int);\ndrop table public.users;")).contains("drop-table");
    }

    /**
     * CREATE TABLE IF NOT EXISTS users is a no-op when users already exists, yet Drydock records
     * users as new and empty, so DROP TABLE users (or DELETE FROM users) is not reported. PG 17 drops
     * the pre-existing table. Fix: Checks.one (Detail.Table branch) should not add a table created
     * with IF NOT EXISTS to createdTables.
     */
    @Test
    void createTableIfNotExistsDoesNotMakeATableNew() {
        assertThat(blocked("create table if not exists users (id int);\ndrop table users;")).contains("drop-table");
    }

    /**
     * createdTables is never updated by DROP or RENAME: create t2, drop it, rename the real users
     * table to t2, drop t2 — the last DROP removes all of users' data (PG 17: users gone) but t2 is
     * still "created in this migration". Fix: MigrationState should remove a name from
     * createdTables on DROP TABLE, and on ALTER TABLE x RENAME TO y carry x's status to y.
     */
    @Test
    void renameIntoADroppedNewTableName() {
        assertThat(blocked("create table t2 (id int);\ndrop table t2;\nalter table users rename to t2;\ndrop table t2;"))
                .contains("drop-table");
    }

    /**
     * Identifiers.normalize resolves U&"…" escapes with the default '\' and ignores a following
     * UESCAPE clause. With UESCAPE '!' PostgreSQL creates a table literally named \0075sers, but
     * Drydock records public.users as created in this migration, so DROP TABLE users (the real,
     * pre-existing table; PG 17 drops it) is not reported. Fix: the reader must apply the UESCAPE
     * character when normalising a U& identifier (Identifiers.normalize needs the next tokens), or
     * fail closed (UNKNOWN) on UESCAPE.
     */
    @Test
    void uescapeIdentifierMisnamedAsUsers() {
        assertThat(blocked("create table U&\"\\0075sers\" UESCAPE '!' (id int);\ndrop table users;"))
                .contains("drop-table");
    }

    // ---------------------------------------------------------------- other spellings

    /**
     * ALTER TABLE takes a relation_expr, so "users *" (descendants included, the old syntax) is
     * valid; PG 17 disables RLS. TableReader stops at '*' and the statement ends UNKNOWN, with only
     * unparsed-statement reported. Fix: TableReader.alterTable should accept an optional '*' after
     * the table name (as Cursor.qualifiedNames already does).
     */
    @Test
    void alterTableStarDisableRls() {
        assertThat(blocked("alter table users * disable row level security")).contains("disable-rls");
    }

    /**
     * DROP OWNED BY role drops every table (and schema, function…) the role owns in the database:
     * a DROP TABLE of many tables at once. DropReader marks it destructive but no rule fires, so
     * it passes execute_sql's and protected targets' blocked check. Fix: Checks.objects should
     * report DROP OWNED as drop-schema-or-database (or drop-table); RESTRICT does not
     * make it safe, it still drops every owned table nothing else depends on.
     */
    @Test
    void dropOwnedDropsEveryTableOfTheRole() {
        assertThat(blocked("drop owned by postgres")).containsAnyOf("drop-table", "drop-schema-or-database");
    }

    /** Bodies in other procedural languages can run any SQL and cannot be read: dynamic SQL. */
    @Test
    void otherProceduralLanguagesAreDynamicSql() {
        assertThat(blocked("do language plv8 $$ plv8.execute('drop table users') $$")).contains("dynamic-sql");
        assertThat(blocked("create function f() returns int language c as 'lib', 'f'")).isEmpty();
    }
}
