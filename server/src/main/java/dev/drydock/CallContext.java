package dev.drydock;

/**
 * What a tool call knows of its caller beyond its arguments: where it reports progress, which
 * client called (for the audit log; from the MCP {@code initialize} or "drydock-cli"), and whether
 * the human behind the client can be asked a question.
 *
 * @param client the client's name and version as it introduced itself, or "drydock-cli"
 */
public record CallContext(Progress progress, String client, Elicitation elicitation) {
    /** A call with no client behind it (tests, in-process use). */
    public static final CallContext NONE = new CallContext(Progress.NONE, "unknown", Elicitation.UNSUPPORTED);
    /** A call from Drydock's own command line. */
    public static final CallContext CLI = new CallContext(Progress.NONE, "drydock-cli", Elicitation.UNSUPPORTED);

    public CallContext {
        progress = progress == null ? Progress.NONE : progress;
        client = client == null || client.isBlank() ? "unknown" : client;
        elicitation = elicitation == null ? Elicitation.UNSUPPORTED : elicitation;
    }

    public CallContext withProgress(Progress p) {
        return new CallContext(p, client, elicitation);
    }
}
