package dev.drydock.branch;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.Progress;
import dev.drydock.db.DatabaseUrl;
import dev.drydock.migrate.MigrationFile;
import dev.drydock.migrate.MigrationSteps;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.migrate.StatementFailure;
import dev.drydock.migrate.SupabaseHistory;
import dev.drydock.sql.Splitter;
import dev.drydock.sql.StatementAnalyzer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Branch lifecycle on the branch server: create (template replay, then clone), reset, rebase,
 * delete, and the rebuild the branch cycle falls back on. Every operation on a branch holds that
 * branch's lock; the metadata database records what each branch is.
 */
public final class Branches {
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    static final String BRANCH_PREFIX = "drydock_branch_";
    static final String REBASE_PREFIX = "drydock_rebase_";

    /** What create, reset and rebase report. */
    /** @param spareUsed true when the clone was the template's spare, made ahead and renamed */
    public record Built(Branch branch, boolean templateCached, boolean spareUsed, long templateMillis, long cloneMillis,
                        long totalMillis, List<String> ownReapplied, StatementFailure failure) {
    }

    /** One daemon thread copies spares for every Branches of the process; it never holds up exit. */
    private static final java.util.concurrent.ExecutorService SPARES = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drydock-spare-clones");
        t.setDaemon(true);
        return t;
    });

    private final BranchServer server;
    private final BranchStore store;
    private final Templates templates;
    private final Supplier<ProjectLayout> layout;
    private final StatementAnalyzer analyzer;

    public Branches(BranchServer server, BranchStore store, Supplier<ProjectLayout> layout, StatementAnalyzer analyzer) {
        this.server = server;
        this.store = store;
        this.templates = new Templates(server, store, SPARES);
        this.layout = layout;
        this.analyzer = analyzer;
    }

    public BranchServer server() {
        return server;
    }

    public BranchStore store() {
        return store;
    }

    Templates templates() {
        return templates;
    }

    public ProjectLayout layout() {
        return layout.get();
    }

    public Built create(String name, boolean seed, Progress progress) {
        checkName(name);
        return locked(name, meta -> {
            if (store.branch(name).isPresent() || Templates.exists(meta, BRANCH_PREFIX + name)) {
                throw new DrydockException(ErrorCode.BRANCH_EXISTS, "Branch '" + name + "' exists already.",
                        "Use it, rebuild it with reset_branch, or delete it first.",
                        "reset_branch with branch '" + name + "'", "delete_branch with branch '" + name + "'");
            }
            return build(name, layout.get().migrations(), seed, List.of(), progress);
        });
    }

    /** Creates a branch from the project's history strictly before {@code version}: where that migration was tested. */
    public Built createBefore(String name, String version, boolean seed, Progress progress) {
        checkName(name);
        return locked(name, meta -> {
            if (store.branch(name).isPresent() || Templates.exists(meta, BRANCH_PREFIX + name)) {
                throw new DrydockException(ErrorCode.BRANCH_EXISTS, "Branch '" + name + "' exists already.",
                        "Choose another name, or delete it first.", "delete_branch with branch '" + name + "'");
            }
            List<MigrationFile> before = layout.get().migrations().stream().filter(m -> m.version().compareTo(version) < 0).toList();
            return build(name, before, seed, List.of(), progress);
        });
    }

    /** Rebuilds a branch from the project's history up to {@code version} (all of it when null); own migrations are dropped. */
    public Built reset(String name, String version, Progress progress) {
        return locked(name, meta -> {
            Branch b = require(name);
            ProjectLayout l = layout.get();
            if (version != null && l.migrations().stream().noneMatch(m -> m.version().equals(version))) {
                throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "The project has no migration with version " + version
                        + ". Versions: " + l.migrations().stream().map(MigrationFile::version).toList() + ".",
                        "Give one of the versions listed, or leave `version` out for the project's head.");
            }
            // The seed is written for the head's schema: a branch reset to an earlier version goes without it.
            boolean seed = b.seed() && (version == null || version.equals(l.headVersion()));
            return build(name, l.upTo(version), seed, List.of(), progress);
        });
    }

    /**
     * Rebuilds a branch from the project's current history (less the branch's own migrations) and
     * re-applies its own migrations on top. Built beside the branch and swapped in only on success:
     * a conflict leaves the branch as it was.
     */
    public Built rebase(String name, Progress progress) {
        return locked(name, meta -> {
            Branch b = require(name);
            List<OwnMigration> own = store.ownMigrations(name);
            Set<String> ownVersions = new HashSet<>();
            own.forEach(o -> ownVersions.add(o.version()));
            List<MigrationFile> base = layout.get().migrations().stream().filter(m -> !ownVersions.contains(m.version())).toList();
            return build(name, base, b.seed(), own, progress);
        });
    }

    public void delete(String name) {
        locked(name, meta -> {
            server.dropDatabase(BRANCH_PREFIX + name);
            server.dropDatabase(REBASE_PREFIX + name);
            store.delete(name);
            return null;
        });
    }

    /** A branch and what the server says about its database. */
    public record Listed(Branch branch, List<OwnMigration> own, Long sizeBytes, boolean databaseExists) {
    }

    /** A database Drydock made that nothing records: left by a crash or an interrupted build. */
    public record Leftover(String database, String kind, long sizeBytes) {
    }

    /** Every recorded branch, the cached templates, and leftovers. */
    public record Listing(List<Listed> branches, List<Leftover> templates, List<Leftover> leftovers) {
    }

    public Listing list() {
        try (Connection meta = store.connect()) {
            Map<String, Long> sizes = new TreeMap<>();
            try (var st = meta.createStatement(); var rs = st.executeQuery("SELECT datname, pg_database_size(oid) "
                    + "FROM pg_database WHERE datname LIKE 'drydock\\_%'")) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
            List<Listed> listed = new ArrayList<>();
            Set<String> recorded = new HashSet<>(Set.of(BranchStore.DATABASE));
            for (Branch b : store.branches()) {
                recorded.add(b.database());
                listed.add(new Listed(b, store.ownMigrations(b.name()), sizes.get(b.database()), sizes.containsKey(b.database())));
            }
            List<Leftover> templateList = new ArrayList<>();
            List<Leftover> leftovers = new ArrayList<>();
            for (var e : sizes.entrySet()) {
                String db = e.getKey();
                if (db.startsWith(Templates.TEMPLATE_PREFIX)) {
                    templateList.add(new Leftover(db, "template", e.getValue()));
                } else if (db.startsWith(Templates.SPARE_PREFIX)) {
                    templateList.add(new Leftover(db, "spare clone of a template (the next branch of its history)", e.getValue()));
                } else if (db.startsWith(ScratchDatabase.PREFIX)) {
                    templateList.add(new Leftover(db, "scratch clone of a template (validate_sql)", e.getValue()));
                } else if (db.startsWith(Templates.BUILDING_PREFIX)
                        && BranchLocks.free(meta, "template:" + db.substring(Templates.BUILDING_PREFIX.length()))) {
                    leftovers.add(new Leftover(db, "interrupted template build", e.getValue()));
                } else if (db.startsWith(REBASE_PREFIX)
                        && BranchLocks.free(meta, "branch:" + db.substring(REBASE_PREFIX.length()))) {
                    leftovers.add(new Leftover(db, "interrupted rebase or reset", e.getValue()));
                } else if (db.startsWith(BRANCH_PREFIX) && !recorded.contains(db)) {
                    leftovers.add(new Leftover(db, "branch database without a record", e.getValue()));
                }
            }
            return new Listing(listed, templateList, leftovers);
        } catch (SQLException e) {
            throw BranchStore.unusable(e, server);
        }
    }

    /**
     * Deletes a branch by name, or a leftover or cached template by its database name (as
     * list_branches shows them). Returns what was removed.
     */
    public String deleteAny(String name) {
        if (name.startsWith("drydock_") && !name.equals(BranchStore.DATABASE)) {
            Listing listing = list();
            boolean known = Stream.concat(listing.leftovers().stream(), listing.templates().stream())
                    .anyMatch(l -> l.database().equals(name));
            if (known) {
                try {
                    server.dropDatabase(name);
                    if (name.startsWith(Templates.TEMPLATE_PREFIX)) {
                        // A template's spare is a copy of it: removing the cache removes both.
                        server.dropDatabase(Templates.SPARE_PREFIX + name.substring(Templates.TEMPLATE_PREFIX.length()));
                    }
                } catch (SQLException e) {
                    throw BranchStore.unusable(e, server);
                }
                return "database " + name;
            }
        }
        checkName(name);
        require(name);
        delete(name);
        return "branch " + name;
    }

    public Branch require(String name) {
        try {
            Optional<Branch> b = store.branch(name);
            if (b.isPresent()) {
                return b.get();
            }
            throw new DrydockException(ErrorCode.BRANCH_NOT_FOUND,
                    "No branch named '" + name + "'" + names() + ".", "Create it with create_branch first.",
                    "create_branch with name '" + name + "'", "list_branches");
        } catch (SQLException e) {
            throw BranchStore.unusable(e, server);
        }
    }

    private String names() throws SQLException {
        List<String> names = store.branches().stream().map(Branch::name).toList();
        return names.isEmpty() ? " (there are none)" : "; branches: " + String.join(", ", names);
    }

    /** The branch's address as the agent role: what execute_sql, list_tables and generate_types on a branch use. */
    public DatabaseUrl url(Branch b) {
        return server.agentUrl(b.database());
    }

    /** A connection to the branch as the agent role. */
    public Connection connect(Branch b) {
        return server.connectAsAgent(b.database());
    }

    /** Runs {@code work} holding the branch's lock; SQL failures of Drydock's own statements are translated. */
    public <T> T locked(String name, LockedWork<T> work) {
        try (Connection meta = store.connect(); BranchLocks.Held lock = BranchLocks.branch(meta, name)) {
            return work.run(meta);
        } catch (SQLException e) {
            throw BranchStore.unusable(e, server);
        }
    }

    /** Work done under a branch lock. */
    public interface LockedWork<T> {
        T run(Connection meta) throws SQLException;
    }

    /**
     * Builds {@code name} from {@code base} (template, clone) and applies {@code own} on top, into
     * a side database when the branch exists (swapped in on success), else directly.
     */
    private Built build(String name, List<MigrationFile> base, boolean seed, List<OwnMigration> own, Progress progress)
            throws SQLException {
        long start = System.nanoTime();
        ProjectLayout l = layout.get();
        String preamble = SupabaseCompat.preamble(l);
        String database = BRANCH_PREFIX + name;
        boolean exists = store.branch(name).isPresent();
        String buildInto = exists ? REBASE_PREFIX + name : database;
        List<Branch.HistoryEntry> history = Templates.history(base);
        String head = base.isEmpty() ? null : base.get(base.size() - 1).version();
        Templates.Build template = templates.ensure(l, base, seed, preamble, own.isEmpty() ? buildInto : null, progress);
        if (template.failure() != null) {
            if (!own.isEmpty()) {
                throw new DrydockException(ErrorCode.REBASE_CONFLICT, "The project's history no longer replays: "
                        + template.failure().describe() + " Branch '" + name + "' is unchanged.",
                        "Fix the project's migration file named above.", "list_migrations");
            }
            Branch failed = new Branch(name, database, Branch.FAILED, null, seed, history, null, null,
                    template.failure().describe());
            swapIn(exists, buildInto, database);
            store.save(failed);
            return new Built(store.branch(name).orElse(failed), false, false, template.millis(), 0, Templates.millis(start),
                    List.of(), template.failure());
        }
        long cloneStart = System.nanoTime();
        server.dropDatabase(buildInto);
        boolean spareUsed = templates.cloneInto(template.database(), buildInto);
        long cloneMillis = Templates.millis(cloneStart);
        List<String> reapplied = new ArrayList<>();
        for (OwnMigration m : own) {
            progress.report(reapplied.size(), (double) own.size(), "re-applying " + m.version() + "_" + m.name());
            StatementFailure f = applyOwn(buildInto, m);
            if (f != null) {
                server.dropDatabase(buildInto);
                throw new DrydockException(ErrorCode.REBASE_CONFLICT, "Branch '" + name + "' does not rebase: its migration "
                        + m.version() + "_" + m.name() + " conflicts with the project's history: " + f.describe()
                        + " The branch is unchanged.",
                        "Change that migration so it applies on top of the new history (apply_on_branch on a fresh branch), "
                                + "or reset the branch to drop it.", List.of("reset_branch with branch '" + name + "'"),
                        f.serverError(), null);
            }
            head = m.version();
            reapplied.add(m.version());
        }
        swapIn(exists, buildInto, database);
        Branch b = new Branch(name, database, Branch.PASSED, template.database(), seed, history, head, null, null);
        store.save(b);
        store.replaceOwnMigrations(name, own);
        return new Built(store.branch(name).orElse(b), template.cached(), spareUsed, template.millis(), cloneMillis,
                Templates.millis(start), reapplied, null);
    }

    private void swapIn(boolean exists, String built, String database) throws SQLException {
        if (exists && !built.equals(database)) {
            server.dropDatabase(database);
            server.renameDatabase(built, database);
        }
    }

    /** Applies an own migration as the branch cycle applied it: its steps, then its history row. */
    StatementFailure applyOwn(String database, OwnMigration m) throws SQLException {
        try (Connection c = server.connectAsAgent(database)) {
            searchPath(c);
            List<MigrationSteps.Step> steps = MigrationSteps.of(analyzer.analyze(m.up()), "up");
            return MigrationSteps.run(c, steps, m.version() + "_" + m.name() + ".sql",
                    steps.stream().mapToInt(s -> s.statements().size()).sum(), "branch", () -> {
                        SupabaseHistory.insert(c, m.version(), m.name(), Splitter.supabaseStatements(m.up()));
                        return null;
                    }, server.redactor());
        }
    }

    /** For Supabase projects, migrations see `extensions` on the search_path, as Supabase's roles do. */
    void searchPath(Connection c) throws SQLException {
        if (layout.get().isSupabase()) {
            try (var st = c.createStatement()) {
                st.execute("SET search_path TO \"$user\", public, extensions");
            }
        }
    }

    /**
     * Puts a branch back to its recorded state (base history plus own migrations) by rebuilding it,
     * for the branch cycle when a failed step left changes a transaction could not undo. The
     * caller holds the branch's lock.
     */
    void rebuild(Branch b, Progress progress) throws SQLException {
        List<OwnMigration> own = store.ownMigrations(b.name());
        ProjectLayout l = layout.get();
        Set<String> baseVersions = new HashSet<>();
        b.base().forEach(h -> baseVersions.add(h.version()));
        List<MigrationFile> base = l.migrations().stream().filter(m -> baseVersions.contains(m.version())).toList();
        if (!Templates.history(base).equals(b.base())) {
            throw new DrydockException(ErrorCode.BRANCH_STALE, "Branch '" + b.name() + "' cannot be rebuilt: the project's "
                    + "migration files it was built from have changed since.", "Reset or rebase the branch.",
                    "reset_branch with branch '" + b.name() + "'");
        }
        build(b.name(), base, b.seed(), own, progress);
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Branch name '" + name + "' is not valid: use 1 to 40 "
                    + "lower-case letters, digits, _ and -, starting with a letter or digit.",
                    "Choose a short name such as add-slug or feature_42.");
        }
    }
}
