package dev.drydock.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A tool's contract, read from {@code tool-specs/<name>.json} packaged in the jar: name, title,
 * description, input and output schemas, and annotations.
 */
public record ToolSpec(String name, String title, String description, Map<String, Object> inputSchema,
                       Map<String, Object> outputSchema, Map<String, Boolean> annotations) {

    public static final String DIRECTORY = "tool-specs";

    /** Loads the spec of {@code name}; fails when the jar has none (a handler without a contract). */
    public static ToolSpec load(String name, McpJsonMapper json) {
        String resource = "/" + DIRECTORY + "/" + name + ".json";
        try (InputStream in = ToolSpec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Tool '" + name + "' has no contract " + resource + " in the jar");
            }
            ToolSpec spec = json.readValue(in.readAllBytes(), new TypeRef<ToolSpec>() {
            });
            if (!name.equals(spec.name())) {
                throw new IllegalStateException(resource + " names the tool '" + spec.name() + "', not '" + name + "'");
            }
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    public McpSchema.Tool toTool() {
        return McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(inputSchema)
                .outputSchema(outputSchema)
                .annotations(new McpSchema.ToolAnnotations(title, annotations.get("readOnlyHint"),
                        annotations.get("destructiveHint"), annotations.get("idempotentHint"),
                        annotations.get("openWorldHint"), null))
                .build();
    }
}
