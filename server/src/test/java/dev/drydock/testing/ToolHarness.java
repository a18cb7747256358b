package dev.drydock.testing;

import dev.drydock.Main;
import dev.drydock.config.ConfigLoader;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.DatabaseUrl;
import dev.drydock.tools.ToolRunner;
import dev.drydock.tools.Toolbox;

import java.nio.file.Path;
import java.util.Map;

/** Drydock's tools, wired by {@link Main} as in production, over test databases. */
public final class ToolHarness implements AutoCloseable {
    private final Toolbox toolbox;

    private ToolHarness(Toolbox toolbox) {
        this.toolbox = toolbox;
    }

    /** Tools whose only target, {@code main}, is {@code url}; more drydock.yaml may follow. */
    public static ToolHarness on(DatabaseUrl url, String extraYaml) {
        String yaml = "targets:\n  main:\n    url: " + jdbc(url) + "\n" + (extraYaml == null ? "" : extraYaml);
        return fromYaml(Projects.withConfig(null), yaml);
    }

    /** Tools over {@code yaml}; Drydock's state directory (approvals) is a fresh temporary one, never the user's. */
    public static ToolHarness fromYaml(Path project, String yaml) {
        try {
            return fromYaml(project, yaml, Map.of("DRYDOCK_STATE_DIR",
                    java.nio.file.Files.createTempDirectory("drydock-state").toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** As {@link #fromYaml(Path, String)}, with the environment Drydock reads at start. */
    public static ToolHarness fromYaml(Path project, String yaml, Map<String, String> env) {
        DrydockConfig config = ConfigLoader.parse(project, project.resolve("drydock.yaml"), yaml, null, env::get);
        return new ToolHarness(Main.toolbox(config));
    }

    /** {@code r}, after checking that a successful response's structuredContent validates against the tool's outputSchema. */
    public static ToolRunner.Response conforming(String tool, ToolRunner.Response r) {
        if (!r.isError()) {
            dev.drydock.mcp.ToolSpec spec = dev.drydock.mcp.ToolSpec.load(tool, io.modelcontextprotocol.json.McpJsonDefaults.getMapper());
            var check = io.modelcontextprotocol.json.McpJsonDefaults.getSchemaValidator().validate(spec.outputSchema(),
                    r.structured());
            if (!check.valid()) {
                throw new AssertionError(tool + " structuredContent " + r.structured() + " breaks its outputSchema: "
                        + check.errorMessage());
            }
        }
        return r;
    }

    public static String jdbc(DatabaseUrl url) {
        return url.jdbcUrl() + (url.user() == null ? "" : "?user=" + url.user())
                + (url.password() == null ? "" : "&password=" + url.password());
    }

    public ToolRunner.Response call(String tool, Map<String, Object> args) {
        return toolbox.call(tool, args);
    }

    public Toolbox toolbox() {
        return toolbox;
    }

    @Override
    public void close() throws Exception {
        toolbox.close();
    }
}
