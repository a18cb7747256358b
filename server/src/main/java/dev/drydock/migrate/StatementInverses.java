package dev.drydock.migrate;

import dev.drydock.sql.Detail;
import dev.drydock.sql.Identifiers;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.QualifiedName;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The inverse of one statement: CREATE → DROP, DROP → the definition read from the target,
 * ALTER TABLE → {@link AlterInverses}, data-destroying statements → irreversible with a backup.
 * A statement on a table the migration itself creates needs no inverse of its own: dropping the
 * table undoes it.
 */
final class StatementInverses {
    private StatementInverses() {
    }

    static Inverse of(StatementInfo s, int index, InverseContext ctx) {
        Inverse gone = createdAndDropped(index, ctx.script());
        if (gone != null) {
            return gone;
        }
        ObjectRef table = OwnTable.of(s);
        if (table != null && ctx.script().coveredBy(ScriptObjects.relation(table), table, index) && !OwnTable.renames(s)) {
            return Inverse.covered("Undone when " + table.qualified() + ", created by statement "
                    + ctx.script().creatorOf(ScriptObjects.relation(table)) + ", is dropped.");
        }
        int owner = createdWith(s, index, ctx.script());
        if (owner >= 0) {
            return Inverse.covered("Goes with what statement " + owner + " creates: dropping it drops this too.");
        }
        if (s.detail() instanceof Detail.Alter) {
            return AlterInverses.of(s, index, ctx);
        }
        return switch (s.kind()) {
            case CREATE_TABLE, CREATE_TABLE_AS -> createTable(s, index, ctx);
            case CREATE_VIEW, CREATE_MATERIALIZED_VIEW -> Restores.createView(s, index, ctx);
            case CREATE_SEQUENCE -> dropUnlessIn(s, ctx, "SEQUENCE", ctx.exists(s.target(), index));
            case CREATE_INDEX -> createIndex(s, index, ctx);
            case CREATE_TYPE, CREATE_DOMAIN -> dropUnlessIn(s, ctx, s.kind() == StatementKind.CREATE_TYPE ? "TYPE" : "DOMAIN",
                    ctx.stillThere("type:" + s.target().qualified(), index,
                            ctx.hasTarget() && ctx.target().types().contains(Sql.key(s.target()))));
            case CREATE_FUNCTION -> Restores.createFunction(s, index, ctx);
            case CREATE_TRIGGER -> Restores.createTrigger(s, index, ctx);
            case CREATE_POLICY -> Inverse.of("DROP POLICY " + Sql.id(s.objects().get(1).member()) + " ON " + Sql.name(s.target()));
            case CREATE_SCHEMA -> dropUnlessIn(s, ctx, "SCHEMA", ctx.stillThere("schema:" + s.target().name(), index,
                    ctx.hasTarget() && ctx.target().schemas().contains(s.target().name())));
            case CREATE_EXTENSION -> createExtension(s, index, ctx);
            case DROP_TABLE, TRUNCATE, DELETE, UPDATE, MERGE -> Irreversibles.rows(s, ctx);
            case DROP_SEQUENCE, DROP_SCHEMA, DROP_DATABASE, ADD_ENUM_VALUE -> Irreversibles.other(s, ctx);
            case DROP_INDEX -> Restores.dropIndex(s, ctx);
            case DROP_VIEW -> Restores.dropView(s, ctx);
            case DROP_FUNCTION -> Restores.dropFunction(s, ctx);
            case DROP_TRIGGER -> Restores.member(s, ctx, ctx.hasTarget() ? ctx.target().triggers() : null, "trigger");
            case DROP_POLICY -> Restores.member(s, ctx, ctx.hasTarget() ? ctx.target().policies() : null, "policy");
            case GRANT, REVOKE -> grant((Detail.Grant) s.detail());
            case ALTER_PUBLICATION -> publication(s);
            case INSERT, COPY -> Inverse.notDerivable("Drydock does not know which rows it adds; delete them by their keys "
                    + "in the rollback.");
            case SET, RESET, SHOW, SELECT, EXPLAIN, ANALYZE, VACUUM, VACUUM_FULL, CLUSTER, CHECKPOINT, DISCARD, LOCK_TABLE,
                    NOTIFY, LISTEN, REINDEX, REFRESH_MATERIALIZED_VIEW, TRANSACTION_CONTROL, PREPARE, EXECUTE_PREPARED ->
                    Inverse.noneNeeded("Changes no schema.");
            default -> Inverse.notDerivable("Drydock derives no inverse for " + s.kind() + "; write this part of the "
                    + "rollback by hand.");
        };
    }

    /**
     * An object created and dropped again within the migration leaves nothing to undo: both the
     * CREATE (whose objects a later statement drops) and the DROP (of objects created earlier).
     */
    private static Inverse createdAndDropped(int index, ScriptObjects script) {
        List<String> made = script.creates(index).stream().filter(k -> !k.startsWith("column:")).toList();
        if (!made.isEmpty() && made.stream().allMatch(k -> script.droppedAfter(k, index) >= 0)) {
            return Inverse.noneNeeded("Dropped again later in this migration (statement "
                    + script.droppedAfter(made.get(0), index) + "): nothing to undo.");
        }
        Set<String> dropped = script.drops(index);
        if (!dropped.isEmpty() && dropped.stream().allMatch(k -> script.createdBefore(k, index))) {
            return Inverse.noneNeeded("Drops what this migration creates earlier: nothing to restore.");
        }
        return null;
    }

    /**
     * For COMMENT, GRANT, REVOKE and ALTER PUBLICATION … ADD TABLE on objects this migration creates
     * earlier: the statement that creates the (last) object, since dropping an object drops its comment,
     * privileges and publication membership; else -1.
     */
    private static int createdWith(StatementInfo s, int index, ScriptObjects script) {
        boolean addsToPublication = s.detail() instanceof Detail.Publication p && p.action().equals("ADD");
        if (s.kind() != StatementKind.COMMENT && s.kind() != StatementKind.GRANT && s.kind() != StatementKind.REVOKE
                && !addsToPublication || s.objects().isEmpty()) {
            return -1;
        }
        int owner = -1;
        for (ObjectRef o : s.objects()) {
            int by = -1;
            for (String key : candidateKeys(o)) {
                by = script.createdBefore(key, index) ? Math.max(by, script.creatorOf(key)) : by;
            }
            if (by < 0) {
                return -1;
            }
            owner = Math.max(owner, by);
        }
        return owner;
    }

    /** The keys an object named in a COMMENT or GRANT may have been created under. */
    private static List<String> candidateKeys(ObjectRef o) {
        if (o.kind() == Kind.SCHEMA) {
            return List.of("schema:" + o.name());
        }
        if (o.member() != null) {
            return List.of("column:" + o.qualified(), ScriptObjects.relation(o.table()));
        }
        String q = o.qualified();
        return List.of("relation:" + q, "function:" + q, "type:" + q);
    }

    private static Inverse createTable(StatementInfo s, int index, InverseContext ctx) {
        Detail.Table t = (Detail.Table) s.detail();
        if (t.temporary()) {
            return Inverse.noneNeeded("A temporary table disappears with the session.");
        }
        if (t.ifNotExists() && !ctx.hasTarget()) {
            return Inverse.needsTarget("CREATE TABLE IF NOT EXISTS " + s.target().qualified() + ": whether the table "
                    + "exists already (and must be kept) is unknown without a target");
        }
        return dropUnlessIn(s, ctx, "TABLE", ctx.exists(s.target(), index));
    }

    private static Inverse createIndex(StatementInfo s, int at, InverseContext ctx) {
        Detail.Index index = (Detail.Index) s.detail();
        if (index.name() == null) {
            return Inverse.notDerivable("The index has no name, so PostgreSQL picks one; name it (CREATE INDEX name ON …) "
                    + "so the rollback can drop it.");
        }
        ObjectRef ref = ObjectRef.of(Kind.INDEX, index.name());
        if (ctx.exists(ref, at)) {
            return Inverse.noneNeeded(ref.qualified() + " exists on target '" + ctx.target().name()
                    + "': CREATE INDEX IF NOT EXISTS changes nothing.");
        }
        return index.concurrently() ? Inverse.of("DROP INDEX CONCURRENTLY " + Sql.name(ref)).outsideTransaction()
                : Inverse.of("DROP INDEX " + Sql.name(ref));
    }

    private static Inverse dropUnlessIn(StatementInfo s, InverseContext ctx, String what, boolean existing) {
        if (existing) {
            return Inverse.noneNeeded(s.target().qualified() + " exists on target '" + ctx.target().name()
                    + "' already: the statement (IF NOT EXISTS) changes nothing.");
        }
        ObjectRef ref = s.target();
        return Inverse.of("DROP " + what + " " + (ref.schema() == null ? Sql.id(ref.name()) : Sql.name(ref)));
    }

    private static Inverse createExtension(StatementInfo s, int index, InverseContext ctx) {
        String name = s.target().name();
        if (!ctx.hasTarget()) {
            return Inverse.withNote("Assumes the extension was not installed before; plan with a target to check.",
                    "DROP EXTENSION " + Sql.id(name));
        }
        return ctx.stillThere("extension:" + name, index, ctx.target().extensions().contains(name))
                ? Inverse.noneNeeded("Extension " + name + " is installed on the target already.")
                : Inverse.of("DROP EXTENSION " + Sql.id(name));
    }

    /** ADD TABLE ↔ DROP TABLE; SET and other forms are not derived. */
    private static Inverse publication(StatementInfo s) {
        if (!(s.detail() instanceof Detail.Publication p) || p.action().equals("SET")) {
            return Inverse.notDerivable("Drydock derives no inverse for this ALTER PUBLICATION; write it by hand.");
        }
        List<String> tables = new ArrayList<>();
        p.tables().forEach(t -> tables.add("TABLE " + Sql.name(t)));
        String sql = "ALTER PUBLICATION " + Sql.id(p.name()) + (p.action().equals("ADD") ? " DROP " : " ADD ")
                + String.join(", ", tables);
        return p.action().equals("DROP") ? Inverse.withNote("Adds the tables back without a column list or row filter "
                + "they may have had.", sql) : Inverse.of(sql);
    }

    /** GRANT ↔ REVOKE of the same privileges on tables, sequences and schemas. */
    private static Inverse grant(Detail.Grant g) {
        String type = g.objectType();
        boolean supported = type.equals("TABLE") || type.equals("SEQUENCE") || type.equals("SCHEMA")
                || type.equals("ALL TABLES IN SCHEMA") || type.equals("ALL SEQUENCES IN SCHEMA");
        if (!supported || g.objects().isEmpty()) {
            return Inverse.notDerivable("Drydock derives no inverse for " + (g.revoke() ? "REVOKE" : "GRANT") + " on "
                    + type + "; write it by hand.");
        }
        List<String> objects = new ArrayList<>();
        for (QualifiedName o : g.objects()) {
            objects.add(type.contains("SCHEMA") ? Sql.id(o.name()) : Sql.name(o));
        }
        List<String> grantees = new ArrayList<>();
        g.grantees().forEach(r -> grantees.add(r.equals("public") ? "PUBLIC" : Identifiers.quote(r)));
        String body = String.join(", ", g.privileges()) + " ON " + type + " " + String.join(", ", objects);
        return Inverse.withNote(g.revoke() ? "Grants back what was revoked." : "If a grantee held a privilege before, "
                        + "the REVOKE takes it away too.",
                g.revoke() ? "GRANT " + body + " TO " + String.join(", ", grantees)
                        : "REVOKE " + body + " FROM " + String.join(", ", grantees));
    }
}
