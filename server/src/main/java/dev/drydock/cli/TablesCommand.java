package dev.drydock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code drydock tables}: the list_tables tool on the command line. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "List the tables and views of a target (terse; --verbose for columns, keys, indexes, policies).")
final class TablesCommand implements Callable<Integer> {
    private final ToolboxFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ProjectOptions project;

    @Option(names = "--target", paramLabel = "NAME", description = "Target to read. Default: the default target.")
    String target;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "Schema to list; repeat for several. Default: public.")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--verbose", description = "Add columns, foreign keys, indexes, checks and policies.")
    boolean verbose;

    @Option(names = "--json", description = "Print the result as JSON (the tool's structuredContent).")
    boolean json;

    TablesCommand(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
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
        if (!schemas.isEmpty()) {
            args.put("schemas", schemas);
        }
        args.put("verbose", verbose);
        return ToolCommand.run(factory, project, "list_tables", args, json, out, err);
    }
}
