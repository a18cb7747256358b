package dev.drydock.migrate;

import dev.drydock.migrate.MigrationPlan.ValidationStep;
import dev.drydock.sql.AlterAction;
import dev.drydock.sql.Detail;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.QualifiedName;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

import java.util.ArrayList;
import java.util.List;

import static dev.drydock.sql.Identifiers.literal;

/**
 * Read-only queries a reviewer runs after apply to see that each statement did what it says:
 * objects exist (or are gone), indexes are valid, constraints validated, columns as intended.
 * Names are bound in as literals through one helper.
 */
final class ValidationSteps {
    private ValidationSteps() {
    }

    static List<ValidationStep> of(List<StatementInfo> statements) {
        List<ValidationStep> out = new ArrayList<>();
        for (StatementInfo s : statements) {
            int i = s.statement().index();
            ObjectRef main = s.target();
            if (s.detail() instanceof Detail.Alter alter) {
                ObjectRef table = ObjectRef.of(Kind.TABLE, alter.table());
                alter.actions().forEach(a -> action(i, table, a, out));
                continue;
            }
            switch (s.kind()) {
                case CREATE_TABLE, CREATE_TABLE_AS, CREATE_VIEW, CREATE_MATERIALIZED_VIEW, CREATE_SEQUENCE ->
                        out.add(new ValidationStep(i, main.qualified() + " exists", "SELECT to_regclass(" + regclass(main)
                                + ") IS NOT NULL AS exists", "true"));
                case CREATE_INDEX -> index(i, (Detail.Index) s.detail(), out);
                case CREATE_TYPE, CREATE_DOMAIN -> out.add(new ValidationStep(i, main.qualified() + " exists",
                        "SELECT to_regtype(" + regclass(main) + ") IS NOT NULL AS exists", "true"));
                case CREATE_FUNCTION -> out.add(new ValidationStep(i, main.qualified() + " exists",
                        "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = "
                                + literal(main.schema()) + " AND p.proname = " + literal(main.name()), "1 or more"));
                case CREATE_POLICY -> out.add(new ValidationStep(i, "policy " + s.objects().get(1).qualified() + " exists",
                        "SELECT cmd, roles, qual, with_check FROM pg_policies WHERE schemaname = " + literal(main.schema())
                                + " AND tablename = " + literal(main.name()) + " AND policyname = "
                                + literal(s.objects().get(1).member()), "one row"));
                case CREATE_TRIGGER -> out.add(new ValidationStep(i, "trigger " + main.qualified() + " exists and is enabled",
                        "SELECT tgenabled FROM pg_trigger WHERE tgrelid = " + regclass(main.table()) + "::regclass AND tgname = "
                                + literal(main.member()), "one row, O (enabled)"));
                case CREATE_EXTENSION -> out.add(new ValidationStep(i, "extension " + main.name() + " is installed",
                        "SELECT extversion FROM pg_extension WHERE extname = " + literal(main.name()), "one row"));
                case DROP_TABLE, DROP_VIEW, DROP_INDEX, DROP_SEQUENCE -> ((Detail.Objects) s.detail()).names().forEach(n ->
                        out.add(new ValidationStep(i, n.qualified("public") + " is gone", "SELECT to_regclass("
                                + regclass(ObjectRef.of(Kind.TABLE, n)) + ") IS NULL AS gone", "true")));
                default -> {
                }
            }
        }
        return out;
    }

    private static void index(int i, Detail.Index index, List<ValidationStep> out) {
        if (index.name() == null) {
            return;
        }
        ObjectRef ref = ObjectRef.of(Kind.INDEX, index.name());
        out.add(new ValidationStep(i, "index " + ref.qualified() + " is valid" + (index.concurrently()
                ? " (a failed CONCURRENTLY build leaves it INVALID: drop it and build again)" : ""),
                "SELECT indisvalid FROM pg_index WHERE indexrelid = " + regclass(ref) + "::regclass", "true"));
    }

    private static void action(int i, ObjectRef table, AlterAction a, List<ValidationStep> out) {
        String column = a.column();
        switch (a.kind()) {
            case ADD_COLUMN -> out.add(column(i, table, column, "column " + column + " exists", "one row"));
            case DROP_COLUMN -> out.add(column(i, table, column, "column " + column + " is gone", "no row"));
            case RENAME_COLUMN -> out.add(column(i, table, a.newName(), "column " + a.newName() + " exists", "one row"));
            case SET_DEFAULT, DROP_DEFAULT -> out.add(column(i, table, column, "default of " + column,
                    a.kind() == StatementKind.SET_DEFAULT ? "column_default " + a.name() : "column_default NULL"));
            case SET_NOT_NULL, DROP_NOT_NULL -> out.add(column(i, table, column, "nullability of " + column,
                    a.kind() == StatementKind.SET_NOT_NULL ? "is_nullable NO" : "is_nullable YES"));
            case ALTER_COLUMN_TYPE -> out.add(new ValidationStep(i, "type of " + column, "SELECT format_type(atttypid, "
                    + "atttypmod) FROM pg_attribute WHERE attrelid = " + regclass(table) + "::regclass AND attname = "
                    + literal(column), a.name()));
            case ADD_CONSTRAINT, VALIDATE_CONSTRAINT -> constraint(i, table, a, out);
            case ENABLE_RLS, DISABLE_RLS -> out.add(new ValidationStep(i, "row level security on " + table.qualified(),
                    "SELECT relrowsecurity FROM pg_class WHERE oid = " + regclass(table) + "::regclass",
                    a.kind() == StatementKind.ENABLE_RLS ? "true" : "false"));
            case RENAME_TABLE -> out.add(new ValidationStep(i, table.qualified() + " is now " + a.newName(),
                    "SELECT to_regclass(" + regclass(ObjectRef.of(Kind.TABLE, new QualifiedName(table.schema(), a.newName())))
                            + ") IS NOT NULL AS renamed", "true"));
            default -> {
            }
        }
    }

    private static void constraint(int i, ObjectRef table, AlterAction a, List<ValidationStep> out) {
        if (a.name() == null) {
            return;
        }
        boolean notValid = a.constraint() != null && a.constraint().notValid();
        out.add(new ValidationStep(i, "constraint " + a.name() + " on " + table.qualified() + (notValid
                ? " exists (NOT VALID until VALIDATE CONSTRAINT)" : " is validated"),
                "SELECT convalidated FROM pg_constraint WHERE conrelid = " + regclass(table) + "::regclass AND conname = "
                        + literal(a.name()), notValid ? "false" : "true"));
    }

    private static ValidationStep column(int i, ObjectRef table, String column, String check, String expect) {
        return new ValidationStep(i, check, "SELECT data_type, is_nullable, column_default FROM information_schema.columns "
                + "WHERE table_schema = " + literal(table.schema()) + " AND table_name = " + literal(table.name())
                + " AND column_name = " + literal(column), expect);
    }

    /** A relation's name as a regclass literal: {@code 'public.orders'}, quoted parts where needed. */
    private static String regclass(ObjectRef ref) {
        return literal(Sql.name(ref));
    }
}
