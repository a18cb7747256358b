package dev.drydock.sql;

import java.util.Locale;

/** Which reader recognised a statement. */
public enum ParsePath {
    /** JSqlParser parsed it and its statement class agrees with the token reader's kind. */
    JSQLPARSER,
    /** JSqlParser could not parse it (a known gap); the token reader recognised it alone. */
    TOKENS,
    /** Not recognised, or the two readers disagreed: treated as risky. */
    UNKNOWN;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
