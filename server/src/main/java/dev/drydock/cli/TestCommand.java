package dev.drydock.cli;

import dev.drydock.tools.Json;
import dev.drydock.tools.ToolRunner;
import dev.drydock.tools.Toolbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code drydock test FILE --rollback FILE}: the branch cycle for a migration written by hand. Exit 0
 * only when the round trip holds. Nothing is written into the project; a file already in the
 * migrations directory is tested on the history before its version.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Prove a migration and its rollback on a branch: up, rollback (schema and rows restored), up again. "
                + "Writes no files. Exit 0 only when the round trip holds.")
final class TestCommand implements Callable<Integer> {
    private final ToolboxFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ProjectOptions project;

    @Parameters(paramLabel = "FILE", description = "The migration (up) SQL file.")
    Path file;

    @Option(names = "--rollback", paramLabel = "FILE", required = true, description = "The rollback SQL file.")
    Path rollback;

    @Option(names = "--branch", paramLabel = "B",
            description = "Run on this branch (it keeps the migration as its own). Default: a temporary branch, deleted afterwards.")
    String branch;

    @Option(names = "--name", paramLabel = "N", description = "Migration name. Default: from the file name.")
    String name;

    @Option(names = "--no-seed", description = "Do not load the seed into the temporary branch (never loaded for a file "
            + "already in the migrations directory).")
    boolean noSeed;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    TestCommand(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
        this.factory = factory;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("path", file.toAbsolutePath().toString());
        args.put("rollback_path", rollback.toAbsolutePath().toString());
        if (branch != null) {
            args.put("branch", branch);
        }
        if (name != null) {
            args.put("name", name);
        }
        if (noSeed) {
            args.put("seed", false);
        }
        try (Toolbox toolbox = factory.open(project.projectDir(), project.databaseUrl)) {
            ToolRunner.Response r = toolbox.test(args);
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r.structured()));
            } else {
                (r.isError() ? err : out).println(r.text());
            }
            return r.isError() ? DrydockCommand.FAILED : DrydockCommand.OK;
        }
    }
}
