package dev.drydock.lint;

/**
 * One finding. {@code line} and {@code column} are 1-based in {@code file} (or the SQL given);
 * {@code object} is the schema-qualified object named, or null.
 */
public record Finding(String rule, Severity severity, String message, String fix, String file, int statementIndex,
                      int line, int column, String object) {
}
