package dev.drydock.tools;

import dev.drydock.CallContext;
import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.config.DrydockConfig;
import dev.drydock.lint.Validator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tool of one Drydock process, with the resources behind them (pools, the embedded server).
 * The MCP server and the CLI both call tools through this, so they share every line of behaviour.
 */
public final class Toolbox implements AutoCloseable {
    private final Map<String, ToolHandler> handlers = new LinkedHashMap<>();
    private final ToolRunner runner;
    private final Runnable warmUp;
    private final AutoCloseable resources;
    private final Validator validator;
    private final DrydockConfig config;
    private final ToolHandler test;
    private boolean closed;

    public Toolbox(List<ToolHandler> handlers, ToolRunner runner, Runnable warmUp,
                   AutoCloseable resources, Validator validator, DrydockConfig config, ToolHandler test) {
        this.validator = validator;
        this.test = test;
        this.config = config;
        handlers.forEach(h -> this.handlers.put(h.name(), h));
        this.runner = runner;
        this.warmUp = warmUp;
        this.resources = resources;
    }

    public List<ToolHandler> handlers() {
        return List.copyOf(handlers.values());
    }

    /** The validation core, for {@code drydock validate} (formats and exit codes of its own). */
    public Validator validator() {
        return validator;
    }

    /** The configuration the tools were built from (the CLI reads its defaults, such as types.out). */
    public DrydockConfig config() {
        return config;
    }

    /** {@code drydock test}: the branch cycle for a migration file, nothing written (see {@link BranchTest}). */
    public ToolRunner.Response test(Map<String, Object> args) {
        return runner.run(test, args);
    }

    public ToolRunner runner() {
        return runner;
    }

    /** Starts what tools will need (the embedded server) without waiting for it. */
    public void warmUp() {
        warmUp.run();
    }

    public ToolRunner.Response call(String tool, Map<String, Object> args) {
        return call(tool, args, CallContext.NONE);
    }

    /** Calls {@code tool} for {@code context}'s client ({@link CallContext#CLI} from the command line): the audit log names it. */
    public ToolRunner.Response call(String tool, Map<String, Object> args, CallContext context) {
        ToolHandler handler = handlers.get(tool);
        if (handler == null) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "No tool named '" + tool + "'.",
                    "Tools: " + handlers.keySet());
        }
        return runner.run(handler, args, context);
    }

    /**
     * Idempotent, and a second caller waits until the first has finished: on SIGTERM both the
     * serving thread (its stdin ends) and the shutdown hook close, and the JVM halts as soon as the
     * hook returns, so the hook must not return while the other thread is still stopping PostgreSQL.
     */
    @Override
    public synchronized void close() throws Exception {
        if (!closed) {
            closed = true;
            resources.close();
        }
    }
}
