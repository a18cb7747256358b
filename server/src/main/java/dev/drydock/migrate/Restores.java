package dev.drydock.migrate;

import dev.drydock.migrate.PlanTarget.View;
import dev.drydock.sql.Detail;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.QualifiedName;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inverses that put back a definition the target holds now: a dropped index, view, function,
 * trigger or policy, or the old body of a view, function or trigger the migration replaces.
 */
final class Restores {
    private Restores() {
    }

    static Inverse createView(StatementInfo s, int index, InverseContext ctx) {
        boolean materialized = s.kind() == StatementKind.CREATE_MATERIALIZED_VIEW;
        View before = ctx.exists(s.target(), index) ? ctx.target().views().get(Sql.key(s.target())) : null;
        if (before == null) {
            return Inverse.of("DROP " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + Sql.name(s.target()));
        }
        if (materialized) {
            return Inverse.noneNeeded(s.target().qualified() + " exists on the target: IF NOT EXISTS changes nothing.");
        }
        return Inverse.withNote("Puts back the view's definition from the target (CREATE OR REPLACE cannot remove "
                + "columns the migration adds: then DROP VIEW and CREATE VIEW instead).",
                "CREATE OR REPLACE VIEW " + Sql.name(s.target()) + " AS " + before.definition());
    }

    static Inverse createFunction(StatementInfo s, int index, InverseContext ctx) {
        String key = "function:" + s.target().qualified();
        long created = ctx.script().statements().stream().filter(o -> o.kind() == StatementKind.CREATE_FUNCTION
                && o.target() != null && ("function:" + o.target().qualified()).equals(key)).count();
        List<String> before = ctx.hasTarget() && !ctx.script().droppedBefore(key, index)
                ? ctx.target().functions().getOrDefault(Sql.key(s.target()), List.of()) : List.of();
        if (created > 1 || before.size() > 1) {
            return Inverse.notDerivable(s.target().qualified() + " has several definitions (overloads or redefinitions); "
                    + "write DROP FUNCTION " + s.target().qualified() + "(argument types) or the old definition by hand.");
        }
        if (before.size() == 1) {
            return Inverse.withNote("Puts back the definition the target holds now.", before.get(0));
        }
        if (!ctx.hasTarget()) {
            return Inverse.withNote("Assumes the function is new; with CREATE OR REPLACE of an existing one, plan with a "
                    + "target to restore its old definition.", "DROP ROUTINE " + Sql.name(s.target()));
        }
        return Inverse.of("DROP ROUTINE " + Sql.name(s.target()));
    }

    static Inverse createTrigger(StatementInfo s, int index, InverseContext ctx) {
        ObjectRef trigger = s.target();
        String drop = "DROP TRIGGER " + Sql.id(trigger.member()) + " ON " + Sql.table(trigger);
        String before = ctx.stillThere("trigger:" + trigger.qualified(), index, ctx.hasTarget())
                ? ctx.target().triggers().get(trigger.qualified()) : null;
        return before == null ? Inverse.of(drop) : Inverse.withNote("Puts back the trigger the target holds now.", drop,
                before);
    }

    static Inverse dropIndex(StatementInfo s, InverseContext ctx) {
        Detail.Objects drop = (Detail.Objects) s.detail();
        Inverse restored = restore(names(drop, Kind.INDEX), ctx, ctx.hasTarget() ? ctx.target().indexes() : null, "index",
                def -> drop.concurrently() ? def.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ")
                        : def);
        return drop.concurrently() ? restored.outsideTransaction() : restored;
    }

    static Inverse dropView(StatementInfo s, InverseContext ctx) {
        Detail.Objects drop = (Detail.Objects) s.detail();
        Map<String, String> definitions = null;
        if (ctx.hasTarget()) {
            definitions = new java.util.HashMap<>();
            for (Map.Entry<String, View> e : ctx.target().views().entrySet()) {
                definitions.put(e.getKey(), (e.getValue().materialized() ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ")
                        + Sql.fromKey(e.getKey()) + " AS " + e.getValue().definition());
            }
        }
        Inverse restored = restore(names(drop, Kind.VIEW), ctx, definitions, "view", def -> def);
        return drop.cascade() ? restored.preserving(null, "Objects dropped by CASCADE (dependent views) are not restored.")
                : restored;
    }

    static Inverse dropFunction(StatementInfo s, InverseContext ctx) {
        Map<String, String> single = null;
        if (ctx.hasTarget()) {
            single = new java.util.HashMap<>();
            for (Map.Entry<String, List<String>> e : ctx.target().functions().entrySet()) {
                if (e.getValue().size() == 1) {
                    single.put(e.getKey(), e.getValue().get(0));
                }
            }
        }
        return restore(names((Detail.Objects) s.detail(), Kind.FUNCTION), ctx, single, "function (or its only overload)",
                def -> def);
    }

    /** DROP TRIGGER / DROP POLICY: the definition of {@code schema.table.name}. */
    static Inverse member(StatementInfo s, InverseContext ctx, Map<String, String> definitions, String what) {
        return restore(List.of(s.target().qualified()), ctx, definitions, what, def -> def);
    }

    private static List<String> names(Detail.Objects drop, Kind kind) {
        List<String> keys = new ArrayList<>();
        for (QualifiedName n : drop.names()) {
            keys.add(Sql.key(ObjectRef.of(kind, n)));
        }
        return keys;
    }

    private static Inverse restore(List<String> keys, InverseContext ctx, Map<String, String> definitions, String what,
                                   java.util.function.UnaryOperator<String> adapt) {
        if (definitions == null) {
            return Inverse.needsTarget("definition of " + what + " " + String.join(", ", keys) + " unknown without a target");
        }
        List<String> sql = new ArrayList<>();
        for (String key : keys) {
            String def = definitions.get(key);
            if (def == null) {
                return Inverse.notDerivable("No " + what + " " + key + " on target '" + ctx.target().name()
                        + "' to read the definition of.");
            }
            sql.add(adapt.apply(PlanTargetReader.strip(def)));
        }
        return Inverse.withNote("Re-created from the target's definition; comments and privileges on it are not "
                + "restored.", sql.toArray(String[]::new));
    }
}
