package dev.drydock.tools;

import java.util.ArrayList;
import java.util.List;

/** Aligned plain-text columns, for tool text and the CLI. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    public TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    public String render(String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i] == null ? 0 : r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                String cell = r[i] == null ? "" : r[i];
                line.append(cell);
                if (i < r.length - 1) {
                    line.append(" ".repeat(width[i] - cell.length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
