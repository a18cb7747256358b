package dev.drydock.migrate;

import dev.drydock.migrate.Inverse.Status;
import dev.drydock.migrate.MigrationPlan.RollbackStep;
import dev.drydock.sql.StatementAnalyzer;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The generated rollback: each statement's inverse ({@link StatementInverses}), written in reverse
 * statement order, with a comment naming the statement it undoes. What cannot be derived is never
 * left out silently: a {@code -- TODO} line stands in its place, and the plan says the rollback is
 * incomplete.
 */
final class RollbackGenerator {
    /**
     * @param inverses  one per statement of the migration, in statement order
     * @param sql       the rollback script
     * @param complete  every statement is undone or needs no undoing
     * @param backupSql what to run before the migration to keep the data irreversible statements destroy, or null
     */
    record Generated(List<Inverse> inverses, List<RollbackStep> steps, String sql, boolean complete, String backupSql) {
    }

    private RollbackGenerator() {
    }

    static Generated generate(List<StatementInfo> statements, InverseContext ctx) {
        List<Inverse> inverses = new ArrayList<>();
        List<RollbackStep> steps = new ArrayList<>();
        List<String> backups = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < statements.size(); i++) {
            StatementInfo s = statements.get(i);
            Inverse inverse = StatementInverses.of(s, i, ctx);
            inverses.add(inverse);
            steps.add(step(s, inverse));
            complete &= inverse.status().compareTo(Status.INVERSE) <= 0;
            if (inverse.preserveSql() != null) {
                backups.add(inverse.preserveSql() + ";");
            }
        }
        return new Generated(inverses, steps, script(statements, inverses), complete,
                backups.isEmpty() ? null : String.join("\n", backups) + "\n");
    }

    private static RollbackStep step(StatementInfo s, Inverse inverse) {
        String sql = inverse.sql().isEmpty() ? null : String.join("\n", terminated(inverse.sql()));
        return new RollbackStep(s.statement().index(), s.line(), s.kind().toString(), object(s), inverse.status().wire(),
                sql, inverse.reason(), inverse.preserveSql() == null ? null : inverse.preserveSql() + ";");
    }

    /** What a statement acts on, for people: the column or policy of a one-change statement, else its main object. */
    static String object(StatementInfo s) {
        if (s.target() == null) {
            return null;
        }
        if (s.kind() != StatementKind.ALTER_TABLE && s.objects().size() > 1) {
            ObjectRef second = s.objects().get(1);
            boolean member = second.member() != null && second.table().equals(s.target().table())
                    && (second.kind() == Kind.COLUMN || second.kind() == Kind.POLICY);
            if (member) {
                return second.qualified();
            }
        }
        return s.target().qualified();
    }

    /** Statements get their semicolon; TODO comments stay as they are. */
    private static List<String> terminated(List<String> lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.startsWith("--") ? l : l + ";"));
        return out;
    }

    private static String script(List<StatementInfo> statements, List<Inverse> inverses) {
        StringBuilder sb = new StringBuilder();
        if (inverses.stream().anyMatch(Inverse::nonTransactional)) {
            sb.append("-- ").append(StatementAnalyzer.NO_TRANSACTION).append('\n');
        }
        for (int i = statements.size() - 1; i >= 0; i--) {
            Inverse inverse = inverses.get(i);
            StatementInfo s = statements.get(i);
            String what = "statement " + i + " (line " + s.line() + ", " + s.kind()
                    + (object(s) == null ? "" : " " + object(s)) + ")";
            switch (inverse.status()) {
                case NONE_NEEDED, COVERED -> {
                    continue;
                }
                case IRREVERSIBLE -> sb.append("-- TODO: ").append(what).append(" cannot be undone: ")
                        .append(inverse.reason()).append('\n');
                case NOT_DERIVABLE -> sb.append("-- TODO: no inverse for ").append(what).append(": ")
                        .append(inverse.reason()).append('\n');
                default -> sb.append("-- undoes ").append(what).append('\n');
            }
            terminated(inverse.sql()).forEach(line -> sb.append(line).append('\n'));
        }
        return sb.toString();
    }
}
