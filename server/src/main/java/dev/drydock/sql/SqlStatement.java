package dev.drydock.sql;

import java.util.List;

/**
 * One statement of a script: its exact text (from its first token, comments included, to its
 * last significant token, without the terminating semicolon), where it starts, and its tokens.
 *
 * @param index 0-based position of the statement in the script
 */
public record SqlStatement(int index, String text, int start, int end, int line, int column, List<Token> tokens) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
    }

    /** The tokens that carry meaning: no whitespace, no comments. */
    public List<Token> significantTokens() {
        return tokens.stream().filter(Token::significant).toList();
    }
}
