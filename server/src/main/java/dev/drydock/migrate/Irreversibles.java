package dev.drydock.migrate;

import dev.drydock.sql.Detail;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.QualifiedName;
import dev.drydock.sql.StatementInfo;

import java.util.ArrayList;
import java.util.List;

/** Statements no rollback can undo, each with the reason and the SQL that keeps what it destroys. */
final class Irreversibles {
    private Irreversibles() {
    }

    /** DROP TABLE, TRUNCATE, DELETE, UPDATE, MERGE: a backup table of each table's rows. */
    static Inverse rows(StatementInfo s, InverseContext ctx) {
        List<ObjectRef> tables = new ArrayList<>();
        if (s.detail() instanceof Detail.Objects o) {
            o.names().forEach(n -> tables.add(ObjectRef.of(Kind.TABLE, n)));
        } else if (s.detail() instanceof Detail.Dml d) {
            tables.add(ObjectRef.of(Kind.TABLE, d.table()));
        }
        boolean ifExists = s.detail() instanceof Detail.Objects o && o.ifExists();
        if (ifExists && ctx.hasTarget() && tables.stream().noneMatch(t -> ctx.target().hasRelation(Sql.key(t)))) {
            return Inverse.noneNeeded("No such table on target '" + ctx.target().name() + "': the statement (IF EXISTS) "
                    + "changes nothing there.");
        }
        List<String> backups = new ArrayList<>();
        tables.forEach(t -> backups.add(DataBackups.table(t, ctx.day())));
        String names = String.join(", ", tables.stream().map(ObjectRef::qualified).toList());
        String reason = switch (s.kind()) {
            case DROP_TABLE -> "DROP TABLE " + names + " deletes the table and all its rows; a rollback can at best "
                    + "re-create it empty.";
            case TRUNCATE -> "TRUNCATE deletes every row of " + names + ".";
            case DELETE -> "DELETE removes rows of " + names + "; once committed they are gone.";
            default -> s.kind().toString().toUpperCase(java.util.Locale.ROOT) + " overwrites values in " + names
                    + "; once committed the old values are gone.";
        };
        return Inverse.irreversible(reason, backups.isEmpty() ? null : String.join(";\n", backups));
    }

    /** DROP SEQUENCE, DROP SCHEMA, DROP DATABASE, ALTER TYPE … ADD VALUE. */
    static Inverse other(StatementInfo s, InverseContext ctx) {
        ObjectRef main = s.target();
        String name = main == null ? "" : main.qualified();
        return switch (s.kind()) {
            case DROP_SEQUENCE -> Inverse.irreversible("DROP SEQUENCE " + name + " loses the sequence's position; "
                    + "re-create it and setval() to the backed-up value.", sequenceBackups(s, ctx));
            case ADD_ENUM_VALUE -> Inverse.irreversible("PostgreSQL cannot remove a value from an enum type; undoing it "
                    + "means re-creating " + name + " and every column that uses it.", null);
            default -> Inverse.irreversible(s.kind() + " " + name + " drops everything inside it, data included; back it "
                    + "up first with pg_dump (pg_dump --schema=" + (main == null ? "…" : main.name()) + ").", null);
        };
    }

    private static String sequenceBackups(StatementInfo s, InverseContext ctx) {
        List<String> backups = new ArrayList<>();
        for (QualifiedName n : ((Detail.Objects) s.detail()).names()) {
            ObjectRef seq = ObjectRef.of(Kind.SEQUENCE, n);
            backups.add("CREATE TABLE " + DataBackups.name(seq, null, ctx.day()) + " AS SELECT last_value, is_called FROM "
                    + Sql.name(seq));
        }
        return String.join(";\n", backups);
    }
}
