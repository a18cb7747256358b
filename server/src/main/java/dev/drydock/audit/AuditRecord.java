package dev.drydock.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * One line of the audit log: what one mutating tool call did, to which database, for whom, with
 * which migrations and guard results, and how it ended. The same JSON goes to
 * {@code .drydock/audit.jsonl} and, for calls that changed a target, to its {@code drydock.audit_log}.
 *
 * @param target     the target the call was for (null for calls on a branch only)
 * @param branch     the branch the call was for (null for calls on a target only)
 * @param client     the MCP client's name and version, or "drydock-cli"
 * @param decision   "allowed", "refused", "approved", "declined", or null for a branch change that passed
 * @param outcome    "ok", or the error code the call returned
 * @param message    for an error, the first line of what the agent was told (redacted); null when ok
 */
public record AuditRecord(Instant at, String tool, String target, String branch, String client,
                          List<Migration> migrations, String decision, List<Guard> guards, String approver,
                          String planId, String outcome, String message, long durationMs) {
    public static final String OK = "ok";
    public static final String ALLOWED = "allowed";
    public static final String REFUSED = "refused";
    public static final String APPROVED = "approved";
    public static final String DECLINED = "declined";

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public AuditRecord {
        migrations = migrations == null ? List.of() : List.copyOf(migrations);
        guards = guards == null ? List.of() : List.copyOf(guards);
    }

    /** A migration the call applied, tested, rolled back or was refused: its version, name and both checksums. */
    public record Migration(String version, String name, String upSha256, String rollbackSha256) {
    }

    /**
     * One guard's verdict.
     *
     * @param result "pass", "fail" or "needs_approval"
     */
    public record Guard(String name, String result, String detail) {
        public static final String PASS = "pass";
        public static final String FAIL = "fail";
        public static final String NEEDS_APPROVAL = "needs_approval";
    }

    /**
     * What only the tool knows about its call, for the record: supplied by a result that is
     * {@link Audited}, or noted by the handler while it ran (so that a refusal carries it too).
     * Every field may be null; a null list means "nothing to say".
     */
    public record Details(String target, List<Migration> migrations, String decision, List<Guard> guards,
                          String approver, String planId) {
        public static final Details NONE = new Details(null, null, null, null, null, null);

        public static Details of(Migration migration) {
            return new Details(null, List.of(migration), null, null, null, null);
        }

        /** These details, with each field this one leaves null taken from {@code other}. */
        public Details or(Details other) {
            if (other == null) {
                return this;
            }
            return new Details(target != null ? target : other.target, migrations != null ? migrations : other.migrations,
                    decision != null ? decision : other.decision, guards != null ? guards : other.guards,
                    approver != null ? approver : other.approver, planId != null ? planId : other.planId);
        }
    }

    /** The record as one line of JSON (no line breaks: every string's newlines are escaped). */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    public static AuditRecord fromJson(String json) {
        return JSON.readValue(json, AuditRecord.class);
    }
}
