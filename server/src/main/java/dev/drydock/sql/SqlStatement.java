package dev.drydock.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement of a script: its exact text (from its first token, comments included, to its
 * last significant token, without the terminating semicolon), where it starts, and its tokens.
 *
 * @param index     0-based position of the statement in the script
 * @param start     char offset of the text in the script ({@code end} exclusive)
 * @param byteStart UTF-8 byte offset of the text in the script ({@code byteEnd} exclusive); -1 for a
 *                  statement found inside another one's body
 * @param significantTokens the tokens that carry meaning (no whitespace, no comments), computed once
 */
public record SqlStatement(int index, String text, int start, int end, int line, int column, List<Token> tokens,
                           int byteStart, int byteEnd, List<Token> significantTokens) {

    /** {@code significantTokens} is always derived from {@code tokens}: whatever is passed is ignored. */
    public SqlStatement {
        tokens = List.copyOf(tokens);
        List<Token> significant = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.significant()) {
                significant.add(t);
            }
        }
        significantTokens = Collections.unmodifiableList(significant);
    }

    public SqlStatement(int index, String text, int start, int end, int line, int column, List<Token> tokens,
                        int byteStart, int byteEnd) {
        this(index, text, start, end, line, column, tokens, byteStart, byteEnd, null);
    }

    /** A statement without byte offsets (one read from inside another statement's body). */
    public SqlStatement(int index, String text, int start, int end, int line, int column, List<Token> tokens) {
        this(index, text, start, end, line, column, tokens, -1, -1, null);
    }
}
