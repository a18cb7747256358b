package dev.drydock.lint;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about PostgreSQL type names as written in DDL. */
final class TypeRules {
    private static final Pattern VARCHAR = Pattern.compile("(?:varchar|character varying)\\s*(?:\\(\\s*(\\d+)\\s*\\))?");
    private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BOUNDED_TEXT = Pattern.compile("(varchar|character varying|char|character|bpchar)\\s*\\(\\s*\\d+\\s*\\)");
    private static final Pattern TIMESTAMP_P = Pattern.compile("timestamp\\s*\\(\\s*\\d\\s*\\)( without time zone)?");
    private static final Pattern VARBIT = Pattern.compile("(?:varbit|bit varying)\\s*(?:\\(\\s*(\\d+)\\s*\\))?");

    private TypeRules() {
    }

    static String normalize(String type) {
        String t = SPACES.matcher(type.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
        if (t.startsWith("pg_catalog.")) {
            t = t.substring("pg_catalog.".length());
        }
        return switch (t) {
            case "int", "int4" -> "integer";
            case "int8" -> "bigint";
            case "int2" -> "smallint";
            case "bool" -> "boolean";
            case "float8", "double precision" -> "double precision";
            case "timestamp without time zone" -> "timestamp";
            case "timestamp with time zone" -> "timestamptz";
            default -> t;
        };
    }

    /** True when changing {@code from} to {@code to} needs no table rewrite (PostgreSQL's binary coercions). */
    static boolean binaryCompatible(String from, String to) {
        String f = normalize(from);
        String t = normalize(to);
        if (f.equals(t)) {
            return true;
        }
        Matcher fv = VARCHAR.matcher(f);
        if (fv.matches() || f.equals("text")) {
            if (t.equals("text")) {
                return true;
            }
            Matcher tv = VARCHAR.matcher(t);
            if (tv.matches()) {
                if (tv.group(1) == null) {
                    return true;
                }
                return fv.matches() && fv.group(1) != null && Integer.parseInt(tv.group(1)) >= Integer.parseInt(fv.group(1));
            }
            return false;
        }
        Matcher fn = NUMERIC.matcher(f);
        Matcher tn = NUMERIC.matcher(t);
        if (fn.matches() && tn.matches()) {
            if (tn.group(1) == null) {
                return true;
            }
            if (fn.group(1) == null) {
                return false;
            }
            int fs = fn.group(2) == null ? 0 : Integer.parseInt(fn.group(2));
            int ts = tn.group(2) == null ? 0 : Integer.parseInt(tn.group(2));
            return fs == ts && Integer.parseInt(tn.group(1)) >= Integer.parseInt(fn.group(1));
        }
        Matcher fb = VARBIT.matcher(f);
        Matcher tb = VARBIT.matcher(t);
        if (fb.matches() && tb.matches()) {
            return tb.group(1) == null || fb.group(1) != null && Integer.parseInt(tb.group(1)) >= Integer.parseInt(fb.group(1));
        }
        return f.equals("cidr") && t.equals("inet");
    }

    /** True when some old type could reach {@code to} without a rewrite (so an unknown old type leaves doubt). */
    static boolean possiblyCompatible(String to) {
        String t = normalize(to);
        return t.equals("text") || VARCHAR.matcher(t).matches() || NUMERIC.matcher(t).matches()
                || VARBIT.matcher(t).matches() || t.equals("inet");
    }

    static boolean isSmallInt(String type) {
        String t = normalize(type);
        return t.equals("integer") || t.equals("smallint") || t.equals("serial") || t.equals("serial4")
                || t.equals("smallserial") || t.equals("serial2");
    }

    static boolean isSerial(String type) {
        String t = normalize(type);
        return t.equals("serial") || t.equals("bigserial") || t.equals("smallserial") || t.equals("serial4")
                || t.equals("serial8") || t.equals("serial2");
    }

    static boolean isBoundedText(String type) {
        String t = normalize(type);
        return BOUNDED_TEXT.matcher(t).matches() || t.equals("char")
                || t.equals("character");
    }

    static boolean isJson(String type) {
        return normalize(type).equals("json");
    }

    static boolean isTimestampWithoutZone(String type) {
        String t = normalize(type);
        return t.equals("timestamp") || TIMESTAMP_P.matcher(t).matches();
    }
}
