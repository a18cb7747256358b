package dev.drydock.tools;

import dev.drydock.DrydockException;

import java.util.List;

/**
 * A domain failure as an agent reads it: {@code CODE: what happened}, the facts, the hint and
 * the exact next steps; for PostgreSQL failures also the server's own fields.
 */
public record ErrorOutput(String code, String message, String hint, List<String> nextSteps, String sqlState,
                          Integer position, String detail, DrydockException.ServerError server) implements ToolOutput {

    public static ErrorOutput of(DrydockException e) {
        DrydockException.ServerError s = e.serverError();
        return new ErrorOutput(e.code().name(), e.getMessage(), e.hint(), e.nextSteps(),
                s == null ? null : s.sqlState(), s == null ? null : s.position(), s == null ? null : s.detail(), s);
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder(code).append(": ").append(message);
        if (hint != null && !hint.isBlank()) {
            out.append("\nHint: ").append(hint);
        }
        for (String step : nextSteps) {
            out.append("\nNext step: ").append(step);
        }
        return out.toString();
    }
}
