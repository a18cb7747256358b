package dev.drydock.sql;

import java.util.List;

/**
 * One statement of a script: its exact text (from its first token, comments included, to its
 * last significant token, without the terminating semicolon), where it starts, and its tokens.
 *
 * @param index     0-based position of the statement in the script
 * @param start     char offset of the text in the script ({@code end} exclusive)
 * @param byteStart UTF-8 byte offset of the text in the script ({@code byteEnd} exclusive); -1 for a
 *                  statement found inside another one's body
 */
public record SqlStatement(int index, String text, int start, int end, int line, int column, List<Token> tokens,
                           int byteStart, int byteEnd) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
    }

    /** A statement without byte offsets (one read from inside another statement's body). */
    public SqlStatement(int index, String text, int start, int end, int line, int column, List<Token> tokens) {
        this(index, text, start, end, line, column, tokens, -1, -1);
    }

    /** The tokens that carry meaning: no whitespace, no comments. */
    public List<Token> significantTokens() {
        return tokens.stream().filter(Token::significant).toList();
    }
}
