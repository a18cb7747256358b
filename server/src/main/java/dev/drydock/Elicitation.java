package dev.drydock;

import java.util.Map;

/**
 * Asking the human behind the client a question while a tool call runs (MCP elicitation). The
 * MCP server provides it when the client declared the capability; everywhere else it is
 * {@link #UNSUPPORTED}, and a caller that needs an answer must refuse with a next step the human
 * can take themselves (for approvals: {@code drydock approve <plan_id>} in their terminal).
 */
public interface Elicitation {
    Elicitation UNSUPPORTED = new Elicitation() {
        @Override
        public boolean supported() {
            return false;
        }

        @Override
        public Answer ask(String message, Map<String, Object> requestedSchema) {
            throw new IllegalStateException("the client does not support elicitation");
        }
    };

    /** What the human did with the question. */
    enum Action { ACCEPT, DECLINE, CANCEL }

    /** @param content the form's values when accepted (empty otherwise) */
    record Answer(Action action, Map<String, Object> content) {
        public Answer {
            content = content == null ? Map.of() : Map.copyOf(content);
        }
    }

    boolean supported();

    /**
     * Blocks until the human answers, declines or cancels (or the client fails: then CANCEL).
     *
     * @param requestedSchema a flat JSON schema of primitive properties, as MCP elicitation allows
     */
    Answer ask(String message, Map<String, Object> requestedSchema);
}
