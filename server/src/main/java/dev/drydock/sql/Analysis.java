package dev.drydock.sql;

import java.util.List;

/**
 * A script read statement by statement.
 *
 * @param problems      lines that make the script unreadable (unterminated quotes, psql meta-commands)
 * @param noTransaction the script starts with the directive {@code -- drydock:no-transaction}
 * @param ignores       the {@code -- drydock:ignore} comments, in order
 */
public record Analysis(List<StatementInfo> statements, List<ScriptProblem> problems, boolean noTransaction,
                       List<IgnoreComment> ignores) {

    public Analysis {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
        ignores = List.copyOf(ignores);
    }

    /** {@code -- drydock:ignore <rule> <reason>}: {@code reason} is empty when none was given. */
    public record IgnoreComment(int line, int column, String rule, String reason) {
    }
}
