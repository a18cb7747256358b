package dev.drydock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code drydock apply}: the apply_migration tool on the command line, for pipelines (what
 * {@code supabase db push} is, with Drydock's guards). A protected target still needs a human's
 * approval: the refusal names {@code drydock approve <plan_id>}.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply pending migrations to a target through every guard (rollback present, branch-tested, "
                + "blocked patterns, history, approval for protected targets). Exit 0 applied or nothing pending, 1 refused "
                + "or failed.")
final class ApplyCommand implements Callable<Integer> {
    private final ToolboxFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ProjectOptions project;

    @Option(names = "--target", paramLabel = "NAME", description = "Target to apply to. Default: the default target.")
    String target;

    @Option(names = "--to", paramLabel = "VERSION",
            description = "Apply pending migrations up to and including this version. Default: only the next pending one.")
    String version;

    @Option(names = "--dry-run", description = "Show what would run and every guard's verdict; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as JSON (the tool's structuredContent).")
    boolean json;

    ApplyCommand(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
        this.factory = factory;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        if (target != null) {
            args.put("target", target);
        }
        if (version != null) {
            args.put("version", version);
        }
        args.put("dry_run", dryRun);
        return ToolCommand.run(factory, project, "apply_migration", args, json, out, err);
    }
}
