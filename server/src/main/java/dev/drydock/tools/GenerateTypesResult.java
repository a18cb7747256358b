package dev.drydock.tools;

import java.util.List;

/**
 * generate_types' result. Without {@code out} the source is returned; with it, the file is written
 * and {@code source} is null. {@code changed} says whether the written file differs from what was
 * there before (always true when nothing was there).
 */
public record GenerateTypesResult(String lang, String target, List<String> schemas, String sha256, Counts counts,
                                  String source, String path, boolean changed) implements ToolOutput {

    public record Counts(int tables, int views, int functions, int enums, int compositeTypes) {
    }

    @Override
    public String text() {
        String summary = lang + " types for " + String.join(", ", schemas) + " on target '" + target + "': "
                + counts.tables() + " table(s), " + counts.views() + " view(s), " + counts.functions() + " function(s), "
                + counts.enums() + " enum(s), " + counts.compositeTypes() + " composite type(s); sha256 " + sha256;
        if (path != null) {
            return summary + "\n" + (changed ? "Wrote " : "Unchanged: ") + path;
        }
        return summary + "\n\n" + source;
    }
}
