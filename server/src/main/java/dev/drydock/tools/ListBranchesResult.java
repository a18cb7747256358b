package dev.drydock.tools;

import dev.drydock.branch.Branches;

import java.util.List;

/**
 * What {@code list_branches} reports. {@code leftovers} are databases Drydock made that no branch
 * records (a crash, an interrupted build): {@code delete_branch} with their database name removes them.
 */
public record ListBranchesResult(String branchServer, List<Entry> branches, List<Database> templates,
                                 List<Database> leftovers) implements ToolOutput {

    /** One branch; {@code sizeBytes} is null when its database is missing. */
    public record Entry(String name, String status, String headVersion, List<Own> ownMigrations, String createdAt,
                        Long sizeBytes, String database, boolean databaseExists, String failure) {
    }

    /** A migration applied on the branch by apply_on_branch (not part of the history it was built from). */
    public record Own(String version, String name, long evidenceId) {
    }

    public record Database(String database, String kind, long sizeBytes) {
    }

    static ListBranchesResult of(Branches.Listing l, String server) {
        List<Entry> entries = l.branches().stream().map(b -> new Entry(b.branch().name(),
                b.databaseExists() ? b.branch().status() : "DATABASE_MISSING", b.branch().headVersion(),
                b.own().stream().map(o -> new Own(o.version(), o.name(), o.evidenceId())).toList(),
                String.valueOf(b.branch().createdAt()), b.sizeBytes(), b.branch().database(), b.databaseExists(),
                b.branch().failure())).toList();
        return new ListBranchesResult(server, entries,
                l.templates().stream().map(t -> new Database(t.database(), t.kind(), t.sizeBytes())).toList(),
                l.leftovers().stream().map(t -> new Database(t.database(), t.kind(), t.sizeBytes())).toList());
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder(branches.size() + " branch(es) on the branch server (" + branchServer + ")\n");
        if (!branches.isEmpty()) {
            TextTable t = new TextTable().row("NAME", "STATUS", "HEAD", "OWN", "SIZE", "CREATED");
            branches.forEach(b -> t.row(b.name(), b.status(), b.headVersion() == null ? "-" : b.headVersion(),
                    b.ownMigrations().isEmpty() ? "-" : String.join(",", b.ownMigrations().stream().map(Own::version).toList()),
                    b.sizeBytes() == null ? "-" : (b.sizeBytes() / 1024 / 1024) + " MB", b.createdAt()));
            out.append(t.render("  "));
        }
        out.append(templates.size()).append(" cached template(s)\n");
        if (!leftovers.isEmpty()) {
            out.append("Left behind (remove with delete_branch and the database name):\n");
            leftovers.forEach(d -> out.append("  ").append(d.database()).append(" — ").append(d.kind()).append('\n'));
        }
        return out.toString().stripTrailing();
    }
}
