package dev.drydock.catalog;

/**
 * One object that differs between two {@link SchemaSnapshot}s.
 *
 * @param kind   the first word of the snapshot key: {@code table}, {@code column}, {@code index}…
 * @param object the rest of the key: the qualified name, as {@code public.posts.slug}
 * @param before its definition in the first snapshot; null when it is only in the second
 * @param after  its definition in the second snapshot; null when it is only in the first
 */
public record SchemaDifference(String kind, String object, String before, String after) {
    private static final String ABSENT = "(absent)";

    /**
     * One line, both sides shown:
     * {@code column public.posts.slug: -> before: (absent) / -> after: text NULL POSITION 3}. Line breaks
     * and tabs inside definitions (function bodies, view queries) are written as {@code \n}, {@code \t}.
     */
    public String describe() {
        return kind + " " + object + ": -> before: " + shown(before) + " / -> after: " + shown(after);
    }

    private static String shown(String definition) {
        if (definition == null) {
            return ABSENT;
        }
        return definition.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
