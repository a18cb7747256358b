package dev.drydock;

import java.util.List;
import java.util.Objects;

/**
 * The one exception Drydock throws for domain failures. Its fields are what an agent reads:
 * a code, what happened (with real values), a hint and the exact next steps. Failures that came
 * from PostgreSQL also carry the server's own fields in {@link #serverError()}.
 */
public final class DrydockException extends RuntimeException {
    private final ErrorCode code;
    private final String hint;
    private final List<String> nextSteps;
    private final ServerError serverError;

    public DrydockException(ErrorCode code, String message, String hint, List<String> nextSteps,
                            ServerError serverError, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.hint = hint;
        this.nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
        this.serverError = serverError;
    }

    public DrydockException(ErrorCode code, String message, String hint, String... nextSteps) {
        this(code, message, hint, List.of(nextSteps), null, null);
    }

    public ErrorCode code() {
        return code;
    }

    public String hint() {
        return hint;
    }

    public List<String> nextSteps() {
        return nextSteps;
    }

    public ServerError serverError() {
        return serverError;
    }

    /**
     * What PostgreSQL said, field by field, as pgjdbc's ServerErrorMessage keeps it. Passwords
     * are already redacted from every string here.
     */
    public record ServerError(String sqlState, String severity, String message, String detail, String hint,
                              Integer position, String where, String schema, String table, String column,
                              String constraint) {
    }
}
