package dev.drydock.cli;

import dev.drydock.CallContext;
import dev.drydock.tools.Json;
import dev.drydock.tools.ToolRunner;
import dev.drydock.tools.Toolbox;

import java.io.PrintWriter;
import java.util.Map;

/** Runs one tool for a CLI command and prints its text, or its JSON with {@code --json}. */
final class ToolCommand {
    private ToolCommand() {
    }

    static int run(ToolboxFactory factory, ProjectOptions project, String tool, Map<String, Object> args, boolean json,
                   PrintWriter out, PrintWriter err) throws Exception {
        try (Toolbox toolbox = factory.open(project.projectDir(), project.databaseUrl)) {
            ToolRunner.Response r = toolbox.call(tool, args, CallContext.CLI);
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r.structured()));
            } else {
                (r.isError() ? err : out).println(r.text());
            }
            return r.isError() ? DrydockCommand.FAILED : DrydockCommand.OK;
        }
    }
}
