package dev.drydock.policy;

import dev.drydock.DrydockException;
import dev.drydock.Elicitation;
import dev.drydock.ErrorCode;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The approval guard for changes to protected targets. A valid stored approval for the plan_id
 * lets the change through; otherwise the human is asked through MCP elicitation when the client
 * can ask, and else the call is refused with {@code drydock approve <plan_id>} as the next step.
 * Nothing in the tool call itself can grant an approval.
 */
public final class ApprovalGate {
    static final String APPROVE = "approve";
    static final String APPROVER = "approver";
    private static final int MAX_NAME = 100;

    private final Approvals approvals;
    private final Duration ttl;
    private final String osUser;

    /**
     * @param ttl    {@code policy.approvalTtl}
     * @param osUser the user Drydock runs as ({@code user.name}): the approver when the form names none
     */
    public ApprovalGate(Approvals approvals, Duration ttl, String osUser) {
        this.approvals = approvals;
        this.ttl = ttl;
        this.osUser = osUser == null || osUser.isBlank() ? "unknown" : osUser;
    }

    /**
     * The approval for {@code request}: stored already, or given now by the human in the elicitation
     * form. Throws APPROVAL_REQUIRED when the human declines or cannot be asked.
     */
    public Approval require(ApprovalRequest request, Elicitation elicitation) {
        Optional<Approval> stored = approvals.valid(request.planId(), request.target())
                .filter(a -> request.action().equals(a.action()));
        if (stored.isPresent()) {
            return stored.get();
        }
        if (elicitation == null || !elicitation.supported()) {
            throw notAsked(request, keepPending(request));
        }
        Elicitation.Answer answer = ask(request, elicitation);
        if (answer.action() == Elicitation.Action.ACCEPT && Boolean.TRUE.equals(answer.content().get(APPROVE))) {
            return approvals.grant(request, approver(answer.content().get(APPROVER)), Approval.VIA_ELICITATION, ttl);
        }
        keepPending(request);
        throw declined(request, answer);
    }

    private Elicitation.Answer ask(ApprovalRequest request, Elicitation elicitation) {
        try {
            Elicitation.Answer answer = elicitation.ask(message(request), schema());
            return answer == null ? new Elicitation.Answer(Elicitation.Action.CANCEL, Map.of()) : answer;
        } catch (RuntimeException e) {
            return new Elicitation.Answer(Elicitation.Action.CANCEL, Map.of());
        }
    }

    /** The question in the form: every fact the human approves, then what yes means. */
    String message(ApprovalRequest request) {
        return "Drydock asks for your approval: " + request.action() + " on protected target '" + request.target() + "'.\n"
                + request.describe() + "\n"
                + "Approving lets this exact plan run on '" + request.target() + "' for the next " + duration(ttl)
                + "; any change to the SQL, the rollback or the target's schema needs a new approval.";
    }

    static Map<String, Object> schema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(APPROVE, Map.of("type", "boolean", "title", "Approve this change",
                "description", "Yes lets Drydock run exactly this plan on the protected target.", "default", false));
        properties.put(APPROVER, Map.of("type", "string", "title", "Your name",
                "description", "Recorded as the approver in the audit log (optional).", "maxLength", MAX_NAME));
        return Map.of("type", "object", "properties", properties, "required", List.of(APPROVE));
    }

    /** The name the human typed, cleaned of control characters and cut to length; the OS user when none. */
    private String approver(Object given) {
        String name = given instanceof String s ? s.replaceAll("\\p{Cntrl}", " ").strip() : "";
        if (name.isEmpty()) {
            return osUser;
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /** Records the request for {@code drydock approve}; returns why it could not, or null. */
    private String keepPending(ApprovalRequest request) {
        try {
            approvals.requestPending(request, ttl);
            return null;
        } catch (UncheckedIOException e) {
            return e.getMessage();
        }
    }

    private DrydockException notAsked(ApprovalRequest request, String notKept) {
        String where = notKept == null
                ? "The request waits in " + approvals.directory().resolve("requests") + " for `drydock approve`."
                : "The request could not be kept for `drydock approve` (" + notKept + "): Drydock's state directory must "
                        + "be writable (set DRYDOCK_STATE_DIR when starting Drydock).";
        return new DrydockException(ErrorCode.APPROVAL_REQUIRED,
                what(request) + " needs a human's approval, and this client cannot ask for one (it did not declare MCP "
                        + "elicitation). The target was not changed.\n" + request.describe() + "\n" + where,
                "Only a human grants an approval: in an MCP client's elicitation form, or with `drydock approve` in their "
                        + "own terminal. No tool argument, environment variable or project file can. Once given it lasts "
                        + duration(ttl) + ".",
                "ask the user to run `drydock approve " + request.planId() + "` in their own terminal (not through a "
                        + "shell tool of yours); it shows this plan and asks y/N",
                "once they say they approved, call " + tool(request) + " again with the same arguments");
    }

    private DrydockException declined(ApprovalRequest request, Elicitation.Answer answer) {
        String how = switch (answer.action()) {
            case DECLINE -> "declined it";
            case CANCEL -> "dismissed the form without answering (or the client could not show it)";
            case ACCEPT -> "answered the form without approving";
        };
        return new DrydockException(ErrorCode.APPROVAL_REQUIRED,
                what(request) + " was not approved: the human " + how + ". The target was not changed.\n"
                        + request.describe(),
                "Do not call " + tool(request) + " again just to ask once more; find out what the user wants changed.",
                "ask the user why, and if they want a different migration, prove it on a branch with apply_on_branch",
                "if they change their mind: they run `drydock approve " + request.planId() + "` in their own terminal, "
                        + "then call " + tool(request) + " again with the same arguments");
    }

    private static String what(ApprovalRequest request) {
        String names = request.migrations().isEmpty() ? "" : " of " + String.join(", ", request.migrations());
        return "The " + request.action() + names + " on protected target '" + request.target() + "'";
    }

    private static String tool(ApprovalRequest request) {
        return ApprovalRequest.ROLLBACK.equals(request.action()) ? "rollback" : "apply_migration";
    }

    static String duration(Duration d) {
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.toSeconds() + " s";
    }
}
