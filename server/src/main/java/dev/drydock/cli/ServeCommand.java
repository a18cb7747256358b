package dev.drydock.cli;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.mcp.HttpServer;
import dev.drydock.mcp.McpServers;
import dev.drydock.mcp.StdioServer;
import dev.drydock.tools.Toolbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code drydock serve}: the MCP server, over stdio (default) or HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the MCP server: stdio by default; --http PORT for Streamable HTTP at /mcp and legacy SSE at /sse.")
final class ServeCommand implements Callable<Integer> {
    private final ToolboxFactory factory;
    private final OutputStream stdout;
    private final PrintWriter err;

    @Mixin
    ProjectOptions project;

    @Option(names = "--http", paramLabel = "PORT", description = "Serve HTTP on PORT (0 picks a free one) instead of stdio.")
    Integer httpPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServeOptions.DEFAULT_BIND,
            description = "Address to bind with --http. Default: 127.0.0.1. Beyond loopback, DRYDOCK_HTTP_TOKEN is required.")
    String bind;

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "A browser Origin allowed to call the HTTP server besides http://localhost:PORT; repeatable.")
    List<String> allowedOrigins = new ArrayList<>();

    ServeCommand(ToolboxFactory factory, OutputStream stdout, PrintWriter err) {
        this.factory = factory;
        this.stdout = stdout;
        this.err = err;
    }

    ServeOptions options() {
        return new ServeOptions(project.projectDir(), project.databaseUrl, httpPort, bind, allowedOrigins);
    }

    @Override
    public Integer call() throws Exception {
        return serve(options(), factory, stdout, err);
    }

    /** Runs the server until stdin closes (stdio) or the process is stopped (HTTP); shared by both parses. */
    static int serve(ServeOptions options, ToolboxFactory factory, OutputStream stdout, PrintWriter err) throws Exception {
        Toolbox toolbox = factory.open(options.project(), options.databaseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("Drydock stopping");
            closeQuietly(toolbox, err);
        }, "drydock-shutdown"));
        McpServers servers = new McpServers(toolbox.handlers(), toolbox.runner());
        if (options.httpPort() == null) {
            new StdioServer(servers, System.in, stdout).serve(toolbox::warmUp);
            closeQuietly(toolbox, err);
            return DrydockCommand.OK;
        }
        String bind = options.bind();
        String token = blankToNull(System.getenv("DRYDOCK_HTTP_TOKEN"));
        if (!InetAddress.getByName(bind).isLoopbackAddress() && token == null) {
            throw new DrydockException(ErrorCode.CONFIG_INVALID,
                    "--bind " + bind + " exposes Drydock beyond this machine, and DRYDOCK_HTTP_TOKEN is not set.",
                    "Set DRYDOCK_HTTP_TOKEN to a long random secret (clients send it as 'Authorization: Bearer …'), "
                            + "or bind to 127.0.0.1.");
        }
        try (HttpServer http = HttpServer.start(servers, bind, options.httpPort(), token, options.allowedOrigins())) {
            String base = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + http.port();
            err.println("Drydock MCP server listening on " + base + HttpServer.MCP_PATH + " (Streamable HTTP) and "
                    + base + HttpServer.SSE_PATH + " (SSE)" + (token == null ? "" : "; bearer token required"));
            toolbox.warmUp();
            http.join();
        }
        return DrydockCommand.OK;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void closeQuietly(Toolbox toolbox, PrintWriter err) {
        try {
            toolbox.close();
        } catch (Exception e) {
            err.println("Shutting down: " + e.getMessage());
        }
    }
}
