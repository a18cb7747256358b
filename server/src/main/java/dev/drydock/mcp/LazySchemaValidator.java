package dev.drydock.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.Map;

/**
 * The SDK's JSON Schema validator, loaded on the first tool call instead of at start-up (it is a
 * quarter of the classes loaded before {@code tools/list}). The SDK meta-validates every tool's
 * output schema while the server is built; Drydock's schemas are fixed files, so that check runs in
 * the test suite ({@code ToolContractTest}) and start-up skips it.
 */
final class LazySchemaValidator implements JsonSchemaValidator {
    private volatile JsonSchemaValidator delegate;

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object content) {
        return delegate().validate(schema, content);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return ValidationResponse.asValid(null);
    }

    private JsonSchemaValidator delegate() {
        JsonSchemaValidator d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = McpJsonDefaults.getSchemaValidator();
                }
                d = delegate;
            }
        }
        return d;
    }
}
