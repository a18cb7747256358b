package dev.drydock.sql;

/** Something that makes a script unreadable at a line: an unterminated quote, a psql meta-command. */
public record ScriptProblem(int line, String message, String hint) {
}
