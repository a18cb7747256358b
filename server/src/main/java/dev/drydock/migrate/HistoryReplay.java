package dev.drydock.migrate;

import dev.drydock.Progress;
import dev.drydock.db.Redactor;
import dev.drydock.sql.Splitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Brings a database to a point of the project's history as {@code supabase start} does: for
 * Supabase projects the compatibility layer first, then each migration not yet in the history, in
 * version order, each in its own transaction together with its history row (written as the
 * Supabase CLI writes it), then the seed. Used for the local database and for branch templates.
 */
public final class HistoryReplay {

    /**
     * @param applied versions applied by this run
     * @param seeded  whether the seed ran
     * @param failure the statement that failed (nothing after it ran), or null
     */
    public record Result(List<String> applied, boolean seeded, StatementFailure failure) {
        public Result {
            applied = List.copyOf(applied);
        }
    }

    private HistoryReplay() {
    }

    /**
     * @param files    the migrations to apply (in version order); those already recorded are skipped
     * @param seed     load the layout's seed file (when there is one and it is not yet recorded)
     * @param database the target or branch name, for messages
     * @param preamble SQL run first in its own transaction (the Supabase compatibility layer), or null
     */
    public static Result run(Connection c, ProjectLayout layout, List<MigrationFile> files, boolean seed, String database,
                             String preamble, Progress progress, Redactor redactor) throws SQLException {
        List<String> applied = new ArrayList<>();
        int total = files.size() + 2;
        if (preamble != null) {
            progress.report(0, (double) total, "Supabase compatibility layer");
            StatementFailure f = inTransaction(c, () -> ScriptRunner.execute(c, "supabase compatibility layer",
                    preamble, database, redactor));
            if (f != null) {
                return new Result(applied, false, f);
            }
        }
        inTransaction(c, () -> {
            SupabaseHistory.ensureTables(c);
            return null;
        });
        Set<String> done = SupabaseHistory.appliedVersions(c);
        int step = 1;
        for (MigrationFile m : files) {
            step++;
            if (done.contains(m.version())) {
                continue;
            }
            progress.report(step, (double) total, m.path().getFileName().toString());
            String sql = read(m.path());
            StatementFailure f = inTransaction(c, () -> {
                StatementFailure failed = ScriptRunner.execute(c, m.path().getFileName().toString(), sql, database, redactor);
                if (failed == null) {
                    SupabaseHistory.insert(c, m.version(), m.name(), Splitter.supabaseStatements(sql));
                }
                return failed;
            });
            if (f != null) {
                return new Result(applied, false, f);
            }
            applied.add(m.version());
        }
        if (!seed || layout.seedFile() == null) {
            return new Result(applied, false, null);
        }
        progress.report(total - 1, (double) total, "seed");
        byte[] bytes = readBytes(layout);
        String path = layout.root().relativize(layout.seedFile()).toString();
        String hash = Checksums.sha256(bytes);
        if (SupabaseHistory.seedRecorded(c, path, hash)) {
            return new Result(applied, false, null);
        }
        StatementFailure f = inTransaction(c, () -> {
            StatementFailure failed = ScriptRunner.execute(c, path, new String(bytes, StandardCharsets.UTF_8), database, redactor);
            if (failed == null) {
                SupabaseHistory.recordSeed(c, path, hash);
            }
            return failed;
        });
        return new Result(applied, f == null, f);
    }

    static String read(java.nio.file.Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readBytes(ProjectLayout layout) {
        try {
            return Files.readAllBytes(layout.seedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + layout.seedFile() + ": " + e.getMessage(), e);
        }
    }

    /** Work that returns its failure (null for success); committed only when it succeeded. */
    public interface Work {
        StatementFailure run() throws SQLException;
    }

    public static StatementFailure inTransaction(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            StatementFailure failure = work.run();
            if (failure == null) {
                c.commit();
            } else {
                c.rollback();
            }
            return failure;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
