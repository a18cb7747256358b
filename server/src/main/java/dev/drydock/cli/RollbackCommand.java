package dev.drydock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code drydock rollback}: the rollback tool on the command line; a dry run unless {@code --execute}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll back the newest migrations applied by Drydock (down to --to), newest first, with the "
                + "rollback SQL stored when each was applied. Shows what would run unless --execute is given.")
final class RollbackCommand implements Callable<Integer> {
    private final ToolboxFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ProjectOptions project;

    @Option(names = "--target", paramLabel = "NAME", description = "Target to roll back. Default: the default target.")
    String target;

    @Option(names = "--to", paramLabel = "VERSION",
            description = "Roll back every applied migration newer than this one, and this one. Default: only the newest.")
    String version;

    @Option(names = "--execute", description = "Run the rollback (without it: a dry run).")
    boolean execute;

    @Option(names = "--json", description = "Print the result as JSON (the tool's structuredContent).")
    boolean json;

    RollbackCommand(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
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
        args.put("dry_run", !execute);
        return ToolCommand.run(factory, project, "rollback", args, json, out, err);
    }
}
