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

    public static ToolHarness fromYaml(Path project, String yaml) {
        DrydockConfig config = ConfigLoader.parse(project, project.resolve("drydock.yaml"), yaml, null, k -> null);
        return new ToolHarness(Main.toolbox(config));
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
