package dev.drydock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code drydock status}: the status tool on the command line. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show Drydock's version, the project's migrations, and each target's reachability and pending migrations.")
final class StatusCommand implements Callable<Integer> {
    private final ToolboxFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ProjectOptions project;

    @Option(names = "--json", description = "Print the result as JSON (the tool's structuredContent).")
    boolean json;

    StatusCommand(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
        this.factory = factory;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        return ToolCommand.run(factory, project, "status", Map.of(), json, out, err);
    }
}
