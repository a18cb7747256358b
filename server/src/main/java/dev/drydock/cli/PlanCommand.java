package dev.drydock.cli;

import dev.drydock.CallContext;
import dev.drydock.tools.Json;
import dev.drydock.tools.ToolRunner;
import dev.drydock.tools.Toolbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code drydock plan}: the plan_migration tool on a migration file, for people and CI. Prints the
 * plan's text, or with {@code --json} the tool's result object. Exit codes as {@code drydock validate}:
 * 0 planned, 1 a finding of severity error or a blocked pattern, 2 usage, I/O or target errors.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a migration before it runs: locks, risk, estimates, rollback, ordering, findings, plan_id.")
final class PlanCommand implements Callable<Integer> {
    private final ToolboxFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ProjectOptions project;

    @Parameters(paramLabel = "FILE", description = "The up migration (.sql), relative to the working directory or absolute.")
    Path file;

    @Option(names = "--rollback", paramLabel = "FILE", description = "Its rollback. Default: Drydock derives one.")
    Path rollback;

    @Option(names = "--target", paramLabel = "NAME",
            description = "Read sizes and old values from this target. Default: the default target when reachable.")
    String target;

    @Option(names = "--json", description = "Print the result as JSON (the tool's structuredContent).")
    boolean json;

    PlanCommand(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
        this.factory = factory;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        try {
            args.put("sql", read(file));
            if (rollback != null) {
                args.put("rollback_sql", read(rollback));
            }
        } catch (IOException e) {
            err.println("drydock plan: " + e.getMessage());
            return DrydockCommand.USAGE;
        }
        if (target != null) {
            args.put("target", target);
        }
        try (Toolbox toolbox = factory.open(project.projectDir(), project.databaseUrl)) {
            ToolRunner.Response r = toolbox.call("plan_migration", args, CallContext.CLI);
            if (r.isError()) {
                // bad input, configuration or target: not a verdict on the SQL, so not exit 1
                err.println(r.text());
                return DrydockCommand.USAGE;
            }
            out.println(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r.structured()) : r.text());
            out.flush();
            return Boolean.TRUE.equals(r.structured().get("ok")) ? DrydockCommand.OK : DrydockCommand.FAILED;
        }
    }

    private static String read(Path path) throws IOException {
        Path resolved = Path.of("").toAbsolutePath().resolve(path).normalize();
        if (!Files.isRegularFile(resolved)) {
            throw new IOException(path + ": no such file");
        }
        try {
            return Files.readString(resolved);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(path + ": not UTF-8 text");
        }
    }
}
