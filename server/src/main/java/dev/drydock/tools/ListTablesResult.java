package dev.drydock.tools;

import dev.drydock.catalog.TableInfo;
import dev.drydock.catalog.ViewInfo;

import java.util.List;

/** What {@code list_tables} returns. */
public record ListTablesResult(String target, List<String> schemas, boolean verbose, List<TableInfo> tables,
                               List<ViewInfo> views) implements ToolOutput {

    @Override
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(tables.size()).append(" table(s) and ").append(views.size()).append(" view(s) in ")
                .append(String.join(", ", schemas)).append(" on target '").append(target).append("'\n");
        if (!tables.isEmpty()) {
            TextTable t = new TextTable().row("TABLE", "ROWS", "SIZE", "RLS", "POLICIES", "PRIMARY KEY", "COMMENT");
            for (TableInfo i : tables) {
                t.row(i.schema() + "." + i.name(), i.rows() == null ? "?" : i.rows().toString(), i.size(),
                        i.rls() ? "on" : "OFF", String.valueOf(i.policyCount()), String.join(",", i.primaryKey()),
                        i.comment() == null ? "" : i.comment());
            }
            out.append(t.render("  "));
        }
        if (!views.isEmpty()) {
            TextTable t = new TextTable().row("VIEW", "KIND", "COMMENT");
            views.forEach(v -> t.row(v.schema() + "." + v.name(), v.kind(), v.comment() == null ? "" : v.comment()));
            out.append(t.render("  "));
        }
        if (verbose) {
            for (TableInfo i : tables) {
                out.append('\n').append(i.schema()).append('.').append(i.name()).append('\n');
                TextTable cols = new TextTable();
                i.columns().forEach(c -> cols.row(c.name(), c.type(), c.nullable() ? "null" : "not null",
                        c.defaultValue() == null ? "" : "default " + c.defaultValue(),
                        c.identity() == null ? "" : "identity " + c.identity(),
                        c.generated() == null ? "" : "generated " + c.generated()));
                out.append(cols.render("    "));
                i.foreignKeys().forEach(f -> out.append("    fk ").append(f.name()).append(": ").append(f.definition()).append('\n'));
                i.referencedBy().forEach(f -> out.append("    referenced by ").append(f.table()).append(" (")
                        .append(f.name()).append(")\n"));
                i.indexes().forEach(x -> out.append("    ").append(x.definition()).append(x.valid() ? "" : " INVALID").append('\n'));
                i.checks().forEach(c -> out.append("    check ").append(c.name()).append(": ").append(c.definition()).append('\n'));
                i.policies().forEach(p -> out.append("    policy ").append(p.name()).append(" for ").append(p.command())
                        .append(" to ").append(String.join(",", p.roles()))
                        .append(p.using() == null ? "" : " using (" + p.using() + ")")
                        .append(p.withCheck() == null ? "" : " with check (" + p.withCheck() + ")").append('\n'));
            }
        }
        return out.toString().stripTrailing();
    }
}
