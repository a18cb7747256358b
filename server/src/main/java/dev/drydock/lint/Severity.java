package dev.drydock.lint;

import java.util.Locale;

/** How much a finding matters: error fails validation and blocks apply; warning needs acknowledgement. */
public enum Severity {
    ERROR, WARNING, INFO, OFF;

    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
