package dev.drydock.lint;

import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Collects findings of one file with their default (context-adjusted) severity. */
final class Emitter {
    /** Rules whose risk grows with the table: the target's row estimate raises or lowers them. */
    private static final Set<Rule> SIZE_AWARE = Set.of(Rule.REQUIRE_CONCURRENT_INDEX, Rule.REQUIRE_CONCURRENT_INDEX_DROP,
            Rule.REQUIRE_CONCURRENT_REINDEX, Rule.CONSTRAINT_MISSING_NOT_VALID, Rule.SET_NOT_NULL_SCAN,
            Rule.UNIQUE_CONSTRAINT_LOCK, Rule.EXCLUSION_CONSTRAINT, Rule.COLUMN_TYPE_REWRITE, Rule.VOLATILE_DEFAULT,
            Rule.STORED_GENERATED_COLUMN, Rule.ADD_SERIAL_COLUMN, Rule.BACKFILL_WITH_DDL, Rule.DETACH_PARTITION_LOCK);
    static final long SMALL_TABLE_ROWS = 10_000;
    static final long LARGE_TABLE_ROWS = 1_000_000;

    final String file;
    private final MigrationState state;
    final List<Finding> findings = new ArrayList<>();

    Emitter(String file, MigrationState state) {
        this.file = file;
        this.state = state;
    }

    void emit(Rule rule, StatementInfo s, ObjectRef object, String message) {
        emit(rule, s, s.line(), s.column(), object, message, rule.defaultSeverity());
    }

    void emit(Rule rule, StatementInfo s, Token at, ObjectRef object, String message) {
        int line = at == null ? s.line() : at.line();
        int column = at == null ? s.column() : at.column();
        emit(rule, s, line, column, object, message, rule.defaultSeverity());
    }

    void emit(Rule rule, StatementInfo s, int line, int column, ObjectRef object, String message, Severity severity) {
        emit(rule, s, line, column, object, object == null ? null : object.table(), message, severity);
    }

    /** {@code sizedBy} is the table whose size on the target raises or lowers the risk (an index's table). */
    void emit(Rule rule, StatementInfo s, int line, int column, ObjectRef object, ObjectRef sizedBy, String message,
              Severity severity) {
        Severity adjusted = severity;
        String text = message;
        if (SIZE_AWARE.contains(rule) && sizedBy != null) {
            long rows = state.rows(sizedBy.qualified());
            if (rows >= 0 && rows < SMALL_TABLE_ROWS) {
                adjusted = Severity.INFO;
                text += " (" + sizedBy.qualified() + " has about " + rows + " rows on target "
                        + state.options.target().target() + ": the lock is brief)";
            } else if (rows >= LARGE_TABLE_ROWS && severity == Severity.WARNING) {
                adjusted = Severity.ERROR;
                text += " (" + sizedBy.qualified() + " has about " + rows + " rows on target "
                        + state.options.target().target() + ")";
            }
        }
        findings.add(new Finding(rule.id(), adjusted, text, rule.fix(), file, s == null ? -1 : s.statement().index(),
                line, column, object == null ? null : object.qualified()));
    }

    void emitAt(Rule rule, int statementIndex, int line, int column, String object, String message) {
        findings.add(new Finding(rule.id(), rule.defaultSeverity(), message, rule.fix(), file, statementIndex, line,
                column, object));
    }
}
