package dev.drydock.cli;

import dev.drydock.DrydockException;
import dev.drydock.audit.AuditLog;
import dev.drydock.audit.AuditRecord;
import dev.drydock.audit.Since;
import dev.drydock.tools.Json;
import dev.drydock.tools.Toolbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code drydock audit}: the audit log, from the project's .drydock/audit.jsonl or a target's drydock.audit_log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Print the audit log: one line per mutating call (apply, rollback, branch changes, approvals, refusals).")
final class AuditCommand implements Callable<Integer> {
    private final ToolboxFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Option(names = "--target", paramLabel = "T",
            description = "Read the target's own drydock.audit_log (changes made to it) instead of the project's .drydock/audit.jsonl.")
    String target;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only records from then on: 2026-11-21T10:00Z, 2026-11-21, or an age (90m, 1h, 2d).")
    String since;

    @Option(names = "--json", description = "Print the records as JSON lines, as stored.")
    boolean json;

    AuditCommand(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
        this.factory = factory;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Instant from = from();
        try (Toolbox toolbox = factory.open(project.projectDir(), project.databaseUrl)) {
            AuditLog log = toolbox.runner().audit();
            List<AuditRecord> records;
            if (target == null) {
                records = log.read(from, null);
                if (records.isEmpty()) {
                    err.println("No audit records" + (from == null ? "" : " since " + from) + " in " + log.file() + ".");
                }
            } else {
                Optional<List<AuditRecord>> onTarget = log.readTarget(target, from);
                if (onTarget.isEmpty()) {
                    err.println("Target '" + target + "' has no drydock.audit_log table: Drydock has not changed it yet.");
                    return DrydockCommand.OK;
                }
                records = onTarget.get();
                if (records.isEmpty()) {
                    err.println("No audit records" + (from == null ? "" : " since " + from) + " on target '" + target + "'.");
                }
            }
            records.forEach(r -> out.println(json ? Json.mapper().writeValueAsString(r) : line(r)));
            return DrydockCommand.OK;
        }
    }

    private Instant from() {
        if (since == null) {
            return null;
        }
        try {
            return Since.parse(since, Instant.now());
        } catch (DrydockException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + " " + e.hint());
        }
    }

    /** time, tool, where, client, outcome (and decision), versions, duration. */
    static String line(AuditRecord r) {
        String where = r.branch() != null ? "branch:" + r.branch() + (r.target() != null ? " → " + r.target() : "")
                : r.target() != null ? r.target() : "-";
        String outcome = r.outcome() + (r.decision() != null ? " (" + r.decision() + ")" : "");
        String versions = r.migrations().stream()
                .map(m -> (m.version() == null ? "?" : m.version()) + (m.name() == null ? "" : "_" + m.name()))
                .collect(Collectors.joining(","));
        return String.join("  ", r.at().truncatedTo(ChronoUnit.SECONDS).toString(), r.tool(), where,
                "[" + r.client() + "]", outcome, versions.isEmpty() ? "-" : versions, r.durationMs() + " ms")
                + (r.approver() != null ? "  approved by " + r.approver() : "");
    }
}
