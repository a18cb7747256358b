package dev.drydock.mcp;

import dev.drydock.Elicitation;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Function;

/**
 * {@link Elicitation} over MCP: a form request ({@code elicitation/create}, mode form) to the client
 * of one session. Any failure to get an answer (the client has gone, the request timed out, the
 * client rejected it) is a CANCEL: the caller refuses, it never proceeds on a missing answer.
 */
final class McpElicitation implements Elicitation {
    private static final Logger LOG = LoggerFactory.getLogger(McpElicitation.class);

    private final Function<McpSchema.ElicitRequest, McpSchema.ElicitResult> client;

    /** @param client sends the request and blocks for the result (the exchange's createElicitation) */
    McpElicitation(Function<McpSchema.ElicitRequest, McpSchema.ElicitResult> client) {
        this.client = client;
    }

    /** Elicitation for the client of {@code exchange}: real when it declared form elicitation, else UNSUPPORTED. */
    static Elicitation of(McpSyncServerExchange exchange) {
        return supportsForms(exchange.getClientCapabilities()) ? new McpElicitation(exchange::createElicitation)
                : Elicitation.UNSUPPORTED;
    }

    /**
     * True when the client declared form elicitation. {@code "elicitation": {}} (the form before modes
     * existed) means forms; a client that lists only {@code url} cannot show a form.
     */
    static boolean supportsForms(McpSchema.ClientCapabilities capabilities) {
        McpSchema.ClientCapabilities.Elicitation e = capabilities == null ? null : capabilities.elicitation();
        return e != null && (e.form() != null || e.url() == null);
    }

    @Override
    public boolean supported() {
        return true;
    }

    @Override
    public Answer ask(String message, Map<String, Object> requestedSchema) {
        McpSchema.ElicitResult result;
        try {
            result = client.apply(McpSchema.ElicitFormRequest.builder(message, requestedSchema).build());
        } catch (RuntimeException e) {
            LOG.warn("Elicitation failed, taken as cancel: {}", e.toString());
            return new Answer(Action.CANCEL, Map.of());
        }
        if (result == null || result.action() == null) {
            return new Answer(Action.CANCEL, Map.of());
        }
        return switch (result.action()) {
            case ACCEPT -> new Answer(Action.ACCEPT, result.content());
            case DECLINE -> new Answer(Action.DECLINE, Map.of());
            case CANCEL -> new Answer(Action.CANCEL, Map.of());
        };
    }
}
