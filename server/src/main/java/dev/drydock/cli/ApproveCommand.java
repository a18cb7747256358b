package dev.drydock.cli;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.policy.Approval;
import dev.drydock.policy.ApprovalRequest;
import dev.drydock.policy.Approvals;
import dev.drydock.policy.PendingRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code drydock approve <plan_id>}: a human approves a change to a protected target that Drydock
 * refused with APPROVAL_REQUIRED. It shows the pending request, asks y/N on the terminal, and
 * stores the approval in Drydock's state directory. Without a terminal it refuses unless
 * {@code --yes} is given, which is for a human's CI job, never for an agent.
 */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approve a change to a protected target that Drydock refused with APPROVAL_REQUIRED: "
                + "shows the plan (target, migrations, risk, locks, estimate) and asks y/N.",
                "Run it yourself, in your own terminal. Approvals are kept in Drydock's state directory "
                        + "($DRYDOCK_STATE_DIR, else $XDG_STATE_HOME/drydock, else ~/.local/state/drydock) and expire "
                        + "(policy.approvalTtl, default 30m)."})
final class ApproveCommand implements Callable<Integer> {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Approvals approvals;
    private final Console console;

    @Parameters(paramLabel = "PLAN_ID", arity = "0..1",
            description = "The plan_id named in the APPROVAL_REQUIRED message (or a unique prefix of at least 6 characters).")
    String planId;

    @Option(names = "--yes", description = "Approve without asking. For a human's CI job that has no terminal "
            + "(for example behind a required reviewer); never hand this to an agent.")
    boolean yes;

    @Option(names = "--list", description = "List the pending requests and the approvals still valid.")
    boolean list;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "Project whose audit log (.drydock/audit.jsonl) records the decision, when it has one. "
                    + "Default: the working directory.")
    java.nio.file.Path project;

    ApproveCommand(PrintWriter out, PrintWriter err, Approvals approvals, Console console) {
        this.out = out;
        this.err = err;
        this.approvals = approvals;
        this.console = console;
    }

    /** The command as the process runs it: the state directory from the environment at start, the real terminal. */
    static ApproveCommand create(PrintWriter out, PrintWriter err) {
        return new ApproveCommand(out, err,
                new Approvals(Approvals.stateDirectory(System::getenv, System.getProperty("user.home")), Clock.systemUTC()),
                System.console());
    }

    @Override
    public Integer call() {
        if (list) {
            printList();
            return DrydockCommand.OK;
        }
        if (planId == null) {
            err.println("Name the plan_id to approve: drydock approve PLAN_ID (it is in the APPROVAL_REQUIRED message). "
                    + "drydock approve --list shows the pending requests.");
            return DrydockCommand.USAGE;
        }
        String id = planId.strip().toLowerCase(Locale.ROOT);
        Optional<PendingRequest> pending = approvals.pending(id);
        if (pending.isEmpty()) {
            return alreadyApproved(id) ? DrydockCommand.OK : unknown(id);
        }
        return approve(pending.get());
    }

    private int approve(PendingRequest pending) {
        ApprovalRequest request = pending.request();
        Instant expires = approvals.now().plus(pending.approvalTtl());
        out.println("Approve this change to a protected target?");
        out.println(request.describe());
        out.println("Requested:   " + seconds(pending.requestedAt()));
        out.println("Expires:     " + seconds(expires) + " if approved now (" + pending.approvalTtl().toMinutes() + " minutes)");
        out.flush();
        String via;
        if (yes) {
            via = console != null ? Approval.VIA_TERMINAL : Approval.VIA_CI;
        } else if (console == null) {
            err.println("Not approved: drydock approve asks y/N on a terminal, and this is not one (no TTY). "
                    + "Run it yourself in your own terminal. In a CI job a human has set up, add --yes. "
                    + "An agent must never approve its own change.");
            return DrydockCommand.USAGE;
        } else {
            String answer = console.readLine("Approve? [y/N] ");
            if (answer == null || !List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
                out.println("Not approved. Nothing was stored; the change stays refused.");
                audit(request, dev.drydock.audit.AuditRecord.DECLINED, null);
                return DrydockCommand.FAILED;
            }
            via = Approval.VIA_TERMINAL;
        }
        Approval approval = approvals.grant(request, System.getProperty("user.name", "unknown"), via, pending.approvalTtl());
        audit(request, dev.drydock.audit.AuditRecord.APPROVED, approval.approvedBy() + " (" + approval.via() + ")");
        out.println("Approved by " + approval.approvedBy() + " (" + approval.via() + ") until " + seconds(approval.expiresAt()) + ".");
        out.println("The agent can now call " + (ApprovalRequest.ROLLBACK.equals(request.action()) ? "rollback" : "apply_migration")
                + " again with the same arguments; a change to the SQL or the target's schema needs a new approval.");
        return DrydockCommand.OK;
    }

    /** The human's decision in the project's audit log, when the project keeps one (a Drydock has run there). */
    private void audit(ApprovalRequest request, String decision, String approver) {
        java.nio.file.Path dir = project == null ? null : project.toAbsolutePath().normalize();
        if (dir == null || !java.nio.file.Files.isDirectory(dir.resolve(".drydock"))) {
            return;
        }
        try {
            new dev.drydock.audit.AuditLog(dir, dev.drydock.db.Redactor.none(), name -> {
                throw new IllegalStateException("drydock approve writes no target");
            }).append(new dev.drydock.audit.AuditRecord(approvals.now(), "approve", request.target(), null, "drydock-cli",
                    request.migrations().stream().map(m -> new dev.drydock.audit.AuditRecord.Migration(
                            m.length() > 15 ? m.substring(0, 14) : m, m.length() > 15 ? m.substring(15) : null, null, null))
                            .toList(), decision, List.of(), approver, request.planId(), dev.drydock.audit.AuditRecord.OK,
                    null, 0));
        } catch (RuntimeException e) {
            err.println("(The decision could not be added to " + dir.resolve(".drydock/audit.jsonl") + ": " + e.getMessage() + ")");
        }
    }

    private boolean alreadyApproved(String id) {
        Optional<Approval> done = approvals.validApprovals().stream().filter(a -> a.planId().startsWith(id)).findFirst();
        done.ifPresent(a -> out.println("Already approved: " + a.planId() + " on '" + a.target() + "' by " + a.approvedBy()
                + " (" + a.via() + "), valid until " + seconds(a.expiresAt()) + "."));
        return done.isPresent();
    }

    private int unknown(String id) {
        List<PendingRequest> all = approvals.pendingRequests();
        String listed = all.isEmpty() ? "none" : String.join(", ", all.stream().map(p -> p.request().planId()
                + " (" + p.request().action() + " on " + p.request().target() + ")").toList());
        throw new DrydockException(ErrorCode.INVALID_ARGUMENT,
                "No pending approval request matches plan_id '" + id + "'. Pending requests in "
                        + approvals.directory().resolve("requests") + ": " + listed + ".",
                "A request is kept when apply_migration or rollback on a protected target is refused with "
                        + "APPROVAL_REQUIRED; that message names its plan_id. A prefix must match exactly one request. "
                        + "Drydock and this command must see the same state directory ($DRYDOCK_STATE_DIR).",
                "drydock approve --list");
    }

    private void printList() {
        List<PendingRequest> pending = approvals.pendingRequests();
        out.println("Pending requests (" + pending.size() + "):");
        for (PendingRequest p : pending) {
            ApprovalRequest r = p.request();
            out.println("  " + r.planId() + "  " + r.action() + " on " + r.target() + "  " + String.join(", ", r.migrations())
                    + "  risk " + r.risk() + "/100  requested " + seconds(p.requestedAt()));
        }
        List<Approval> valid = approvals.validApprovals();
        out.println("Valid approvals (" + valid.size() + "):");
        for (Approval a : valid) {
            out.println("  " + a.planId() + "  " + a.action() + " on " + a.target() + "  by " + a.approvedBy() + " (" + a.via()
                    + ")  expires " + seconds(a.expiresAt()) + " (in " + Duration.between(approvals.now(), a.expiresAt()).toMinutes()
                    + " min)");
        }
    }

    private static Instant seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }
}
