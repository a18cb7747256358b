package dev.drydock.mcp;

import dev.drydock.Main;
import dev.drydock.config.ConfigKey;
import dev.drydock.config.ConfigLoader;
import dev.drydock.tools.ToolHandler;
import dev.drydock.tools.Toolbox;
import io.modelcontextprotocol.json.McpJsonDefaults;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every tool has a contract and a doc page, every contract a handler; every config key is documented. */
class ToolContractTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private static Set<String> handlerNames() throws Exception {
        try (Toolbox toolbox = Main.toolbox(ConfigLoader.parse(REPO, null, null, "postgres://u@127.0.0.1:1/none", k -> null))) {
            return toolbox.handlers().stream().map(ToolHandler::name).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> baseNames(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void everySpecHasAHandlerAndEveryHandlerASpec() throws Exception {
        assertThat(baseNames(REPO.resolve("tool-specs"), ".json")).isEqualTo(handlerNames());
    }

    @Test
    void everyToolHasADocPage() throws Exception {
        assertThat(baseNames(REPO.resolve("docs/tools"), ".md")).containsAll(handlerNames());
    }

    @Test
    void specsAreCompleteAndLoadFromTheClasspath() throws Exception {
        for (String name : handlerNames()) {
            ToolSpec spec = ToolSpec.load(name, McpJsonDefaults.getMapper());
            assertThat(spec.title()).as(name).isNotBlank();
            assertThat(spec.description()).as(name).hasSizeGreaterThan(80);
            assertThat(spec.inputSchema()).as(name).containsEntry("type", "object").containsKey("properties");
            assertThat(spec.outputSchema()).as(name).containsEntry("type", "object").containsKey("required");
            assertThat(spec.annotations()).as(name)
                    .containsKeys("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint");
            assertThat(spec.toTool().name()).isEqualTo(name);
            var validator = McpJsonDefaults.getSchemaValidator();
            assertThat(validator.validateSchema(spec.inputSchema()).valid()).as("%s inputSchema is a valid JSON Schema", name).isTrue();
            assertThat(validator.validateSchema(spec.outputSchema()).valid()).as("%s outputSchema is a valid JSON Schema", name).isTrue();
        }
    }

    @Test
    void theSchemaCheckRejectsABrokenSchema() {
        var validator = McpJsonDefaults.getSchemaValidator();
        assertThat(validator.validateSchema(java.util.Map.of("type", 5)).valid()).isFalse();
        assertThat(validator.validateSchema(java.util.Map.of("type", "object", "required", "sql")).valid()).isFalse();
    }

    @Test
    void everyConfigurationKeyIsDocumented() throws Exception {
        String doc = Files.readString(REPO.resolve("docs/configuration.md"));
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(doc).as("docs/configuration.md documents %s", key.path()).contains("`" + key.path() + "`");
        }
    }
}
