package dev.drydock.migrate;

import dev.drydock.migrate.MigrationPlan.Prerequisite;
import dev.drydock.sql.Analysis;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold before the migration can run: extensions it uses that are missing, the
 * no-transaction directive for CONCURRENTLY and friends, the PostgreSQL version its features need,
 * and (with a target) tables and schemas it uses that exist neither there nor in the migration.
 */
final class Prerequisites {
    private Prerequisites() {
    }

    static List<Prerequisite> of(Analysis up, ScriptObjects script, PlanTarget target) {
        List<Prerequisite> out = new ArrayList<>();
        noTransaction(up, out);
        extensions(up.statements(), target, out);
        versions(up, target, out);
        if (target != null) {
            missing(script, target, out);
        }
        return out;
    }

    private static void noTransaction(Analysis up, List<Prerequisite> out) {
        if (up.noTransaction()) {
            return;
        }
        for (StatementInfo s : up.statements()) {
            if (!s.transactional() && s.kind() != StatementKind.TRANSACTION_CONTROL) {
                out.add(new Prerequisite("no-transaction", "Statement " + s.statement().index() + " (" + s.kind()
                        + ", line " + s.line() + ") cannot run inside a transaction block: start the migration with "
                        + "-- drydock:no-transaction, and keep that statement alone in its migration.",
                        s.statement().index()));
            }
        }
    }

    private static void extensions(List<StatementInfo> statements, PlanTarget target, List<Prerequisite> out) {
        Map<String, StatementInfo> used = new LinkedHashMap<>();
        List<String> created = new ArrayList<>();
        for (StatementInfo s : statements) {
            KnownExtensions.used(s).forEach(ext -> used.putIfAbsent(ext, s));
            if (s.kind() == StatementKind.CREATE_EXTENSION && s.target() != null) {
                created.add(s.target().name());
                if (target != null && !target.availableExtensions().contains(s.target().name())) {
                    out.add(new Prerequisite("extension", "Extension " + s.target().name() + " is not available on "
                            + "target '" + target.name() + "' (pg_available_extensions): install it on the server first.",
                            s.statement().index()));
                }
            }
        }
        used.forEach((ext, s) -> {
            if (created.contains(ext) || target != null && target.extensions().contains(ext)) {
                return;
            }
            String where = target == null ? "could not be checked without a target"
                    : "is not installed on target '" + target.name() + "'";
            out.add(new Prerequisite("extension", "Statement " + s.statement().index() + " (line " + s.line()
                    + ") uses extension " + ext + ", which " + where + " and which this migration does not create: "
                    + "add CREATE EXTENSION IF NOT EXISTS " + ext + "; first.", s.statement().index()));
        });
    }

    private static void versions(Analysis up, PlanTarget target, List<Prerequisite> out) {
        for (StatementInfo s : up.statements()) {
            KnownExtensions.Feature f = KnownExtensions.versionNeeded(s, !up.noTransaction());
            if (f == null || target != null && target.version() >= f.version()) {
                continue;
            }
            out.add(new Prerequisite("pg-version", "Statement " + s.statement().index() + " (line " + s.line() + ") uses "
                    + f.what() + ", which needs PostgreSQL " + f.version() + " or later"
                    + (target == null ? " (no target to check the version)." : "; target '" + target.name() + "' runs "
                    + target.version() + "."), s.statement().index()));
        }
    }

    private static void missing(ScriptObjects script, PlanTarget target, List<Prerequisite> out) {
        for (int i = 0; i < script.statements().size(); i++) {
            for (String key : script.requires(i)) {
                if (script.creatorOf(key) >= 0) {
                    continue;
                }
                String name = ScriptObjects.display(key);
                boolean missing = key.startsWith("relation:") && !target.hasRelation(name)
                        || key.startsWith("schema:") && !target.schemas().contains(name);
                if (missing) {
                    StatementInfo s = script.statements().get(i);
                    out.add(new Prerequisite("missing-object", "Statement " + i + " (" + s.kind() + ", line " + s.line()
                            + ") needs " + name + ", which exists neither on target '" + target.name()
                            + "' nor in this migration.", i));
                }
            }
        }
    }
}
