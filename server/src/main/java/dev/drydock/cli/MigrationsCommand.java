package dev.drydock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code drydock migrations}: the list_migrations tool on the command line. */
@Command(name = "migrations", mixinStandardHelpOptions = true,
        description = "List the project's migrations against a target's applied history: applied, pending, "
                + "missing_locally, drifted; rollback present, branch-tested, applied at and by.")
final class MigrationsCommand implements Callable<Integer> {
    private final ToolboxFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ProjectOptions project;

    @Option(names = "--target", paramLabel = "NAME", description = "Target to compare with. Default: the default target.")
    String target;

    @Option(names = "--json", description = "Print the result as JSON (the tool's structuredContent).")
    boolean json;

    MigrationsCommand(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
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
        return ToolCommand.run(factory, project, "list_migrations", args, json, out, err);
    }
}
