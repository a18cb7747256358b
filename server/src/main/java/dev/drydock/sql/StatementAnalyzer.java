package dev.drydock.sql;

import dev.drydock.sql.Token.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a script into {@link StatementInfo}s: split by the lexer, each statement read by the token
 * reader and parsed by JSqlParser on a shared pool; the two must agree. One instance per process.
 */
public final class StatementAnalyzer implements AutoCloseable {
    public static final String NO_TRANSACTION = "drydock:no-transaction";
    public static final String IGNORE = "drydock:ignore";

    private final JSqlParserCheck parser = new JSqlParserCheck();

    public Analysis analyze(String script) {
        List<ScriptProblem> problems = new ArrayList<>();
        List<SqlStatement> statements = Splitter.splitLenient(script, problems);
        List<StatementInfo> infos = new ArrayList<>(statements.size());
        for (SqlStatement s : statements) {
            infos.add(TokenReader.read(s));
        }
        return new Analysis(parser.confirm(infos), problems, noTransaction(statements), ignores(statements));
    }

    /** The directive must come in the comments before the first statement. */
    private static boolean noTransaction(List<SqlStatement> statements) {
        if (statements.isEmpty()) {
            return false;
        }
        for (Token t : statements.get(0).tokens()) {
            if (t.significant()) {
                return false;
            }
            if (t.type() == Type.LINE_COMMENT && directive(t).equals(NO_TRANSACTION)) {
                return true;
            }
        }
        return false;
    }

    private static List<Analysis.IgnoreComment> ignores(List<SqlStatement> statements) {
        List<Analysis.IgnoreComment> out = new ArrayList<>();
        for (SqlStatement s : statements) {
            for (Token t : s.tokens()) {
                if (t.type() != Type.LINE_COMMENT || !t.text().contains(IGNORE) || !directive(t).startsWith(IGNORE)) {
                    continue;
                }
                String rest = directive(t).substring(IGNORE.length()).strip();
                String[] parts = rest.split("\\s+", 2);
                out.add(new Analysis.IgnoreComment(t.line(), t.column(), parts[0].toLowerCase(Locale.ROOT),
                        parts.length > 1 ? parts[1].strip() : ""));
            }
        }
        return out;
    }

    private static String directive(Token comment) {
        return comment.text().substring(2).strip();
    }

    @Override
    public void close() {
        parser.close();
    }
}
