package dev.drydock.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Humans' approvals, and the requests waiting for one, in Drydock's state directory outside the
 * project: {@code approvals/<plan_id>.json} and {@code requests/<plan_id>.json}, directories 0700
 * and files 0600 where the file system is POSIX. No tool call writes here: only a human's answer to
 * an elicitation form and {@code drydock approve} grant an approval. A file that cannot be read,
 * does not parse, or that other users could have written is not an approval.
 */
public final class Approvals {
    private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);
    private static final Pattern PLAN_ID = Pattern.compile("[0-9a-f]{16,64}");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path approvals;
    private final Path requests;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** @param stateDirectory Drydock's state directory (see {@link #stateDirectory}) */
    public Approvals(Path stateDirectory, Clock clock) {
        this.approvals = stateDirectory.resolve("approvals");
        this.requests = stateDirectory.resolve("requests");
        this.clock = clock;
    }

    /**
     * Drydock's state directory: {@code $DRYDOCK_STATE_DIR}, else {@code $XDG_STATE_HOME/drydock},
     * else {@code ~/.local/state/drydock}. Read once, when Drydock starts.
     */
    public static Path stateDirectory(Function<String, String> env, String userHome) {
        return dev.drydock.config.StateDirectory.resolve(env, userHome);
    }

    /** True for text shaped like a plan_id (lowercase hex); only such names become file names. */
    public static boolean isPlanId(String text) {
        return text != null && PLAN_ID.matcher(text).matches();
    }

    public Path directory() {
        return approvals.getParent();
    }

    public Instant now() {
        return clock.instant();
    }

    /** The stored approval of {@code planId} for {@code target}, if it has not expired. */
    public Optional<Approval> valid(String planId, String target) {
        if (!isPlanId(planId)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return read(approvals.resolve(planId + ".json"), Approval.class)
                .filter(a -> planId.equals(a.planId()) && target != null && target.equals(a.target()) && a.validAt(now));
    }

    /** Every approval that is still valid, newest first. */
    public List<Approval> validApprovals() {
        Instant now = clock.instant();
        return list(approvals, Approval.class).stream().filter(a -> a.validAt(now))
                .sorted(Comparator.comparing(Approval::approvedAt).reversed()).toList();
    }

    /** Stores a human's yes to {@code request}, valid for {@code ttl} from now; the pending request is done. */
    public Approval grant(ApprovalRequest request, String approvedBy, String via, Duration ttl) {
        Instant now = clock.instant();
        Approval approval = new Approval(request.planId(), request.target(), request.action(), request.migrations(),
                approvedBy, via, now, now.plus(ttl));
        write(approvals, request.planId(), approval);
        try {
            Files.deleteIfExists(requests.resolve(request.planId() + ".json"));
        } catch (IOException e) {
            LOG.warn("Could not remove the pending request {}: {}", request.planId(), e.getMessage());
        }
        return approval;
    }

    /** Keeps {@code request} for {@code drydock approve}; an approval given for it will last {@code ttl}. */
    public PendingRequest requestPending(ApprovalRequest request, Duration ttl) {
        PendingRequest pending = new PendingRequest(request, clock.instant(), ttl.toSeconds());
        write(requests, request.planId(), pending);
        return pending;
    }

    /** The pending request of exactly {@code planId}, or of the one pending plan_id it is a prefix of. */
    public Optional<PendingRequest> pending(String planIdOrPrefix) {
        if (planIdOrPrefix == null || !planIdOrPrefix.matches("[0-9a-f]{6,64}")) {
            return Optional.empty();
        }
        List<PendingRequest> matches = pendingRequests().stream()
                .filter(p -> p.request().planId().startsWith(planIdOrPrefix)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Every pending request, newest first. */
    public List<PendingRequest> pendingRequests() {
        return list(requests, PendingRequest.class).stream()
                .filter(p -> p.request() != null && p.requestedAt() != null)
                .sorted(Comparator.comparing(PendingRequest::requestedAt).reversed()).toList();
    }

    private <T> List<T> list(Path dir, Class<T> type) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (isPlanId(name.substring(0, name.length() - ".json".length()))) {
                    read(file, type).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list {}: {}", dir, e.getMessage());
        }
        return out;
    }

    private <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            if (POSIX && writableByOthers(file)) {
                LOG.warn("Ignoring {}: other users can write it (it must be 0600)", file);
                return Optional.empty();
            }
            return Optional.ofNullable(json.readValue(Files.readString(file), type));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            LOG.warn("Ignoring {}: it cannot be read as {} ({})", file, type.getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean writableByOthers(Path file) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        return perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** Writes {@code dir/<planId>.json} whole or not at all: a temporary 0600 file, then an atomic rename. */
    private void write(Path dir, String planId, Object value) {
        try {
            directory(dir);
            Path tmp = POSIX ? Files.createTempFile(dir, planId, ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                    : Files.createTempFile(dir, planId, ".tmp");
            try {
                Files.writeString(tmp, json.writeValueAsString(value));
                move(tmp, dir.resolve(planId + ".json"));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(planId + ".json") + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Creates {@code dir} (and the state directory) 0700, and narrows them to 0700 if they exist wider. */
    private static void directory(Path dir) throws IOException {
        FileAttribute<?>[] attrs = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)}
                : new FileAttribute<?>[0];
        Files.createDirectories(dir, attrs);
        if (POSIX) {
            for (Path d : List.of(dir.getParent(), dir)) {
                if (!Files.getPosixFilePermissions(d).equals(DIRECTORY)) {
                    Files.setPosixFilePermissions(d, DIRECTORY);
                }
            }
        }
    }
}
