package dev.drydock.audit;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The audit log's two copies: {@code <project>/.drydock/audit.jsonl}, one JSON line per mutating
 * call, and a target's {@code drydock.audit_log}, one row per call that changed that target
 * (written by the apply engine in the same transaction as the change). Every string is redacted
 * before it is written, with the full {@link Redactor#redact}: no secret reaches either copy.
 */
public final class AuditLog {
    /** Where the project's copy lives, relative to the project directory. */
    public static final String FILE = ".drydock/audit.jsonl";

    /**
     * One monitor per audit file for this JVM: a {@link FileLock} excludes other processes but not
     * other threads of this one (a second lock from the same JVM throws), so threads queue here first.
     */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Redactor redactor;
    private final TargetConnections targets;

    /** Opens a connection for reading to a configured target, by name. */
    @FunctionalInterface
    public interface TargetConnections {
        Connection openForRead(String target);
    }

    public AuditLog(Path projectDir, Redactor redactor, TargetConnections targets) {
        this.file = projectDir.resolve(FILE).toAbsolutePath().normalize();
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.targets = targets;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends {@code r}, redacted, as one line: one write under an exclusive lock on the file, then
     * forced to disk, so concurrent appends from threads and from other Drydock processes never interleave.
     */
    public void append(AuditRecord r) {
        byte[] line = (redacted(r).toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (IN_PROCESS.computeIfAbsent(file, f -> new Object())) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                     FileLock ignored = ch.lock()) {
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) {
                        ch.write(buffer);
                    }
                    ch.force(false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not append to the audit log " + file, e);
            }
        }
    }

    /**
     * The project's records, oldest first: those at or after {@code since} (all when null) and, when
     * {@code target} is given, those for that target. A line that does not parse (a crash mid-write
     * on a file system without atomic appends) is skipped.
     */
    public List<AuditRecord> read(Instant since, String target) {
        List<AuditRecord> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit log " + file, e);
        }
        for (String line : lines) {
            AuditRecord r = parse(line);
            if (r != null && (since == null || !r.at().isBefore(since)) && (target == null || target.equals(r.target()))) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Writes {@code r}, redacted, to the target's {@code drydock.audit_log} through {@code c}. The
     * table must exist ({@code TargetLog.ensureTables}); call this inside the transaction of the
     * change, so the row commits or rolls back with it.
     */
    public void insertOnTarget(Connection c, AuditRecord r) throws SQLException {
        AuditRecord clean = redacted(r);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drydock.audit_log(at, tool, record) VALUES (?, ?, ?::jsonb)")) {
            ps.setObject(1, clean.at().atOffset(ZoneOffset.UTC));
            ps.setString(2, clean.tool());
            ps.setString(3, clean.toJson());
            ps.executeUpdate();
        }
    }

    /** The records in a target's {@code drydock.audit_log} at or after {@code since} (all when null), oldest first. */
    public static List<AuditRecord> readTarget(Connection c, Instant since) throws SQLException {
        List<AuditRecord> out = new ArrayList<>();
        if (!hasTargetLog(c)) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT record::text FROM drydock.audit_log "
                + "WHERE ?::timestamptz IS NULL OR at >= ? ORDER BY at, id")) {
            OffsetDateTime from = since == null ? null : since.atOffset(ZoneOffset.UTC);
            ps.setObject(1, from, Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(2, from, Types.TIMESTAMP_WITH_TIMEZONE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditRecord r = parse(rs.getString(1));
                    if (r != null) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    public static boolean hasTargetLog(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('drydock.audit_log') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * A configured target's records (see {@link #readTarget(Connection, Instant)}); empty when the
     * target has no {@code drydock.audit_log} yet, that is when Drydock never changed it.
     */
    public Optional<List<AuditRecord>> readTarget(String target, Instant since) {
        if (targets == null) {
            throw new DrydockException(ErrorCode.NOT_AVAILABLE, "This Drydock cannot read targets' audit logs.",
                    "Read the project's copy instead: drydock audit without --target.");
        }
        try (Connection c = targets.openForRead(target)) {
            return hasTargetLog(c) ? Optional.of(readTarget(c, since)) : Optional.empty();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target, redactor);
        }
    }

    /** {@code r} with every string redacted: what both copies hold. */
    public AuditRecord redacted(AuditRecord r) {
        UnaryOperator<String> x = redactor::redact;
        return new AuditRecord(r.at(), x.apply(r.tool()), x.apply(r.target()), x.apply(r.branch()), x.apply(r.client()),
                r.migrations().stream().map(m -> new AuditRecord.Migration(x.apply(m.version()), x.apply(m.name()),
                        x.apply(m.upSha256()), x.apply(m.rollbackSha256()))).toList(),
                x.apply(r.decision()),
                r.guards().stream().map(g -> new AuditRecord.Guard(x.apply(g.name()), x.apply(g.result()),
                        x.apply(g.detail()))).toList(),
                x.apply(r.approver()), x.apply(r.planId()), x.apply(r.outcome()), x.apply(r.message()), r.durationMs());
    }

    private static AuditRecord parse(String line) {
        if (line == null || line.isBlank()) {
            return null;
        }
        try {
            return AuditRecord.fromJson(line);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
