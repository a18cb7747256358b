package dev.drydock.tools;

import dev.drydock.CallContext;
import dev.drydock.ErrorCode;
import dev.drydock.audit.AuditLog;
import dev.drydock.audit.AuditRecord;
import dev.drydock.audit.Audited;
import dev.drydock.migrate.Checksums;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hook that writes one audit record after every mutating tool call, whatever its outcome:
 * the branch tools that change a branch, {@code apply_on_branch}, {@code execute_sql} on a branch,
 * and the target changes ({@code apply_migration}, {@code rollback}, {@code merge_branch}).
 * Read-only calls leave no record.
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    /** Tools that change a branch: a record with no decision when they pass. */
    static final Set<String> BRANCH_CHANGES = Set.of("create_branch", "reset_branch", "rebase_branch", "delete_branch",
            "apply_on_branch");
    /** Tools that change a target: decision "allowed" when they pass, unless the tool says more. */
    static final Set<String> TARGET_CHANGES = Set.of("apply_migration", "rollback", "merge_branch");
    /** Codes that mean a guard said no (as against a failure along the way): decision "refused". */
    static final Set<String> REFUSALS = Set.of(ErrorCode.ROLLBACK_REQUIRED, ErrorCode.BLOCKED_PATTERN,
                    ErrorCode.READ_ONLY_VIOLATION, ErrorCode.FUNCTION_NOT_ALLOWED, ErrorCode.ROUND_TRIP_FAILED,
                    ErrorCode.BRANCH_STALE, ErrorCode.NOT_BRANCH_TESTED, ErrorCode.HISTORY_DRIFT,
                    ErrorCode.APPROVAL_REQUIRED).stream().map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final AuditLog log;

    public AuditTrail(AuditLog log) {
        this.log = log;
    }

    public AuditLog log() {
        return log;
    }

    /** True when a call of {@code tool} with {@code args} may change a database, so it is audited. */
    public static boolean mutating(String tool, Map<String, Object> args) {
        return BRANCH_CHANGES.contains(tool) || TARGET_CHANGES.contains(tool)
                || "execute_sql".equals(tool) && args != null && args.get("branch") != null;
    }

    /**
     * Appends the record of one finished call. A failure to write it is logged on stderr, not
     * returned: the call has happened, and telling the agent otherwise would mislead it.
     *
     * @param noted what the handler noted while it ran ({@link Arguments#noteAudit}), or null
     */
    void record(String tool, Map<String, Object> args, CallContext context, Instant at, long durationMs,
                ToolOutput output, AuditRecord.Details noted) {
        try {
            log.append(build(tool, args, context, at, durationMs, output, noted));
        } catch (RuntimeException e) {
            LOG.error("Could not write the audit record of {} to {}: {}", tool, log.file(), e.toString());
        }
    }

    static AuditRecord build(String tool, Map<String, Object> args, CallContext context, Instant at, long durationMs,
                             ToolOutput output, AuditRecord.Details noted) {
        AuditRecord.Details details = (output instanceof Audited a ? a.auditDetails() : AuditRecord.Details.NONE)
                .or(noted).or(fromArguments(tool, args));
        String outcome = AuditRecord.OK;
        String message = null;
        if (output instanceof ErrorOutput e) {
            outcome = e.code();
            message = e.message() == null ? null : e.message().lines().findFirst().orElse("");
        }
        return new AuditRecord(at, tool, details.target(), branch(tool, args), context.client(), details.migrations(),
                decision(tool, outcome, details.decision()), details.guards(), details.approver(), details.planId(),
                outcome, message, durationMs);
    }

    private static String decision(String tool, String outcome, String given) {
        if (given != null) {
            return given;
        }
        if (REFUSALS.contains(outcome)) {
            return AuditRecord.REFUSED;
        }
        return AuditRecord.OK.equals(outcome) && TARGET_CHANGES.contains(tool) ? AuditRecord.ALLOWED : null;
    }

    private static String branch(String tool, Map<String, Object> args) {
        Object branch = args.get("branch");
        if (branch == null && "create_branch".equals(tool)) {
            branch = args.get("name");
        }
        return branch instanceof String s ? s : null;
    }

    /** What the arguments alone say: the target, and the migration an apply_on_branch was given (as it would be hashed). */
    private static AuditRecord.Details fromArguments(String tool, Map<String, Object> args) {
        String target = args.get("target") instanceof String t ? t : null;
        List<AuditRecord.Migration> migrations = null;
        if ("apply_on_branch".equals(tool) && args.get("sql") instanceof String up) {
            migrations = List.of(new AuditRecord.Migration(string(args, "version"), string(args, "name"), sha(up),
                    sha(string(args, "rollback_sql"))));
        }
        return new AuditRecord.Details(target, migrations, null, null, null, null);
    }

    private static String string(Map<String, Object> args, String name) {
        return args.get(name) instanceof String s ? s : null;
    }

    /** The checksum the branch cycle gives a script: SHA-256 of its text ending in a newline. */
    private static String sha(String script) {
        if (script == null || script.isBlank()) {
            return null;
        }
        return Checksums.sha256(script.endsWith("\n") ? script : script + "\n");
    }
}
