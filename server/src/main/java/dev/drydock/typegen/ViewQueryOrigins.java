package dev.drydock.typegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, from a view's stored query (pg_rewrite.ev_action, PostgreSQL's node tree text), the
 * origin PostgreSQL records for each output column: {@code resorigtbl} / {@code resorigcol} of
 * the top-level query's target list. Only the top-level target list counts; subqueries are skipped.
 */
final class ViewQueryOrigins {
    private static final Pattern FIELD = Pattern.compile(":(resno|resname|resorigtbl|resorigcol|resjunk) ((?:\\\\.|[^\\s\\\\])+)");

    /** View column {@code name} is column {@code column} (attnum) of relation {@code table} (oid). */
    record Origin(long view, String name, long table, int column) {
    }

    private ViewQueryOrigins() {
    }

    static List<Origin> read(long view, String nodeTree) {
        int start = topLevelField(nodeTree, ":targetList");
        List<Origin> out = new ArrayList<>();
        if (start < 0) {
            return out;
        }
        for (String entry : entries(nodeTree, start)) {
            String name = null;
            long table = 0;
            int column = 0;
            boolean junk = false;
            Matcher m = FIELD.matcher(entry);
            while (m.find()) {
                switch (m.group(1)) {
                    case "resname" -> name = unescape(m.group(2));
                    case "resorigtbl" -> table = Long.parseLong(m.group(2));
                    case "resorigcol" -> column = Integer.parseInt(m.group(2));
                    case "resjunk" -> junk = m.group(2).equals("true");
                    default -> {
                    }
                }
            }
            if (name != null && table != 0 && column > 0 && !junk) {
                out.add(new Origin(view, name, table, column));
            }
        }
        return out;
    }

    /** Position of {@code field} at brace depth 1: a field of the outermost node (the view's Query). */
    private static int topLevelField(String s, String field) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 1 && s.startsWith(field + " ", i)) {
                return i + field.length();
            }
        }
        return -1;
    }

    /** The TARGETENTRY nodes of the list starting at {@code from}, each with its nested nodes removed. */
    private static List<String> entries(String s, int from) {
        List<String> out = new ArrayList<>();
        int i = s.indexOf('(', from);
        if (i < 0) {
            return out;
        }
        int depth = 0;
        StringBuilder entry = null;
        for (i = i + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                if (entry != null && depth == 1) {
                    entry.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    entry = new StringBuilder();
                }
                continue;
            }
            if (c == '}') {
                depth--;
                if (depth == 0 && entry != null) {
                    out.add(entry.toString());
                    entry = null;
                }
                continue;
            }
            if (depth == 0 && c == ')') {
                break;
            }
            if (depth == 1 && entry != null) {
                entry.append(c);
            }
        }
        return out;
    }

    /** Node-tree text escapes special characters in names with a backslash. */
    private static String unescape(String token) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '\\' && i + 1 < token.length()) {
                sb.append(token.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
