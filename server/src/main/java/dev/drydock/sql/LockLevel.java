package dev.drydock.sql;

import java.util.Locale;

/** PostgreSQL's table lock modes, weakest first; {@link #NONE} when a statement locks no table. */
public enum LockLevel {
    NONE, ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
    ACCESS_EXCLUSIVE;

    /** The name PostgreSQL uses, such as {@code ACCESS EXCLUSIVE}. */
    public String sqlName() {
        return name().replace('_', ' ');
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
