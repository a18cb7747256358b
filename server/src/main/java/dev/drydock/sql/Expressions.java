package dev.drydock.sql;

import dev.drydock.sql.Detail.DefaultKind;
import dev.drydock.sql.Token.Type;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What Drydock can tell about an expression from its tokens alone: volatility and constant truth. */
final class Expressions {
    /** Built-ins whose result changes per row: a default using one rewrites the table when a column is added. */
    private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "setval",
            "txid_current", "random_normal", "gen_random_bytes", "uuidv4", "uuidv7", "uuid_generate_v7");
    /** Stable or immutable built-ins commonly seen in defaults. */
    private static final Set<String> NON_VOLATILE = Set.of("now", "current_timestamp", "current_date",
            "current_time", "localtimestamp", "localtime", "transaction_timestamp", "statement_timestamp",
            "current_user", "session_user", "current_role", "user", "true", "false", "null", "coalesce",
            "lower", "upper", "to_jsonb", "jsonb_build_object", "jsonb_build_array", "json_build_object",
            "array", "interval", "timezone", "date_trunc", "make_interval", "auth", "uid", "jwt", "role",
            "concat", "nullif", "greatest", "least", "length", "md5", "abs", "round", "cast");

    private Expressions() {
    }

    /** Classifies a DEFAULT expression; an unknown function counts as volatile (fail closed). */
    static DefaultKind defaultKind(List<Token> expr) {
        if (expr.isEmpty()) {
            return DefaultKind.NONE;
        }
        boolean unknown = false;
        for (int i = 0; i < expr.size(); i++) {
            Token t = expr.get(i);
            boolean call = i + 1 < expr.size() && expr.get(i + 1).isPunct("(");
            boolean castTarget = i > 0 && expr.get(i - 1).isPunct("::");
            if (t.type() != Type.WORD || castTarget) {
                continue;
            }
            String name = t.text().toLowerCase(Locale.ROOT);
            if (VOLATILE.contains(name)) {
                return DefaultKind.VOLATILE;
            }
            if (call && !NON_VOLATILE.contains(name) && !isTypeLike(name)) {
                unknown = true;
            }
        }
        return unknown ? DefaultKind.VOLATILE : DefaultKind.NON_VOLATILE;
    }

    private static boolean isTypeLike(String name) {
        return name.equals("numeric") || name.equals("varchar") || name.equals("timestamp")
                || name.equals("timestamptz") || name.equals("decimal") || name.equals("char");
    }

    /**
     * True when a WHERE condition is always true whatever the row: {@code true}, {@code 1=1},
     * {@code 'a'='a'}, {@code x = x}, {@code … OR true}, {@code NOT false}. Anything Drydock cannot
     * evaluate counts as a real condition.
     */
    static boolean alwaysTrue(List<Token> condition) {
        try {
            Value v = new Evaluator(condition).evaluate();
            return v == Value.TRUE || v == Value.UNKNOWN && !condition.isEmpty() && rowIndependent(condition);
        } catch (RuntimeException | StackOverflowError e) {
            return true; // a condition Drydock cannot even read is no proof of a limit
        }
    }

    /** Words in a condition that are SQL, not names of columns. */
    private static final Set<String> CONDITION_KEYWORDS = Set.of("TRUE", "FALSE", "NULL", "NOT", "AND", "OR", "IS",
            "IN", "EXISTS", "SELECT", "BETWEEN", "SYMMETRIC", "LIKE", "ILIKE", "SIMILAR", "TO", "CASE", "WHEN", "THEN",
            "ELSE", "END", "CAST", "AS", "ANY", "ALL", "SOME", "DISTINCT", "FROM", "UNKNOWN", "ARRAY", "ESCAPE",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_USER",
            "SESSION_USER", "CURRENT_ROLE", "USER", "INTERVAL", "VALUES", "ISNULL", "NOTNULL");

    /**
     * True when a condition cannot depend on the row: no column, no parameter, no table in a
     * subquery. Then it is true for every row or for none, so it names no rows.
     */
    static boolean rowIndependent(List<Token> condition) {
        for (int i = 0; i < condition.size(); i++) {
            Token t = condition.get(i);
            if (t.type() == Type.QUOTED_IDENT || t.type() == Type.PARAM) {
                return false;
            }
            if (t.type() != Type.WORD) {
                continue;
            }
            boolean call = i + 1 < condition.size() && condition.get(i + 1).isPunct("(");
            boolean castTarget = i > 0 && condition.get(i - 1).isPunct("::");
            if (!call && !castTarget && !CONDITION_KEYWORDS.contains(t.upperWord())) {
                return false;
            }
        }
        return true;
    }

    private enum Value { TRUE, FALSE, UNKNOWN }

    /** A tiny evaluator over OR / AND / NOT / comparisons of literals; everything else is UNKNOWN. */
    private static final class Evaluator {
        /** Deeper nesting than this is not evaluated (and so proves no limit): no stack overflow. */
        private static final int MAX_DEPTH = 200;
        private final List<Token> tokens;
        private int pos;
        private int depth;

        Evaluator(List<Token> tokens) {
            this.tokens = tokens;
        }

        Value evaluate() {
            Value v = or();
            return pos == tokens.size() ? v : Value.UNKNOWN;
        }

        private Value or() {
            Value v = and();
            while (word("OR")) {
                Value r = and();
                v = v == Value.TRUE || r == Value.TRUE ? Value.TRUE
                        : v == Value.FALSE && r == Value.FALSE ? Value.FALSE : Value.UNKNOWN;
            }
            return v;
        }

        private Value and() {
            Value v = not();
            while (word("AND")) {
                Value r = not();
                v = v == Value.FALSE || r == Value.FALSE ? Value.FALSE
                        : v == Value.TRUE && r == Value.TRUE ? Value.TRUE : Value.UNKNOWN;
            }
            return v;
        }

        private Value not() {
            if (++depth > MAX_DEPTH) {
                throw new IllegalStateException("condition nested deeper than " + MAX_DEPTH);
            }
            try {
                return notAtDepth();
            } finally {
                depth--;
            }
        }

        private Value notAtDepth() {
            if (word("NOT")) {
                Value v = not();
                return v == Value.TRUE ? Value.FALSE : v == Value.FALSE ? Value.TRUE : Value.UNKNOWN;
            }
            return comparison();
        }

        private Value comparison() {
            int start = pos;
            String left = operand();
            if (left == null) {
                return skipRest(start);
            }
            if (word("IS")) {
                boolean negate = word("NOT");
                Value v;
                if (word("TRUE")) {
                    v = truth(left);
                } else if (word("FALSE")) {
                    v = negate(truth(left));
                } else if (word("NULL")) {
                    v = left.equals("N:") ? Value.TRUE : left.startsWith("L:") || left.startsWith("B:") ? Value.FALSE
                            : Value.UNKNOWN;
                } else {
                    return skipRest(pos);
                }
                return negate ? negate(v) : v;
            }
            Token op = peek();
            if (op == null || op.type() != Type.OPERATOR || !isComparison(op.text())) {
                return atBoundary() ? truth(left) : skipRest(pos);
            }
            pos++;
            String right = operand();
            if (right == null) {
                return skipRest(start);
            }
            Value v = compare(left, op.text(), right);
            return atBoundary() ? v : skipRest(pos);
        }

        /** At the end, a closing parenthesis, AND or OR: where a predicate must end. */
        private boolean atBoundary() {
            Token t = peek();
            return t == null || t.isPunct(")") || t.isWord("AND") || t.isWord("OR");
        }

        private Value skipRest(int start) {
            pos = Math.max(pos, start);
            int depth = 0;
            while (pos < tokens.size()) {
                Token t = tokens.get(pos);
                if (depth == 0 && (t.isWord("OR") || t.isWord("AND") || t.isPunct(")"))) {
                    break;
                }
                depth += t.isPunct("(") ? 1 : t.isPunct(")") ? -1 : 0;
                pos++;
            }
            return Value.UNKNOWN;
        }

        /** A literal as "L:text", a column reference as "C:name", TRUE/FALSE as "B:…"; null for anything else. */
        private String operand() {
            Token t = peek();
            if (t == null) {
                return null;
            }
            if (t.isPunct("(")) {
                pos++;
                Value v = or();
                if (!(peek() != null && peek().isPunct(")"))) {
                    return null;
                }
                pos++;
                skipCast();
                return v == Value.UNKNOWN ? "U:" : "B:" + v;
            }
            if (t.isWord("NULL")) {
                pos++;
                skipCast();
                return "N:";
            }
            String value;
            if (t.type() == Type.NUMBER) {
                value = "L:" + number(t.text());
            } else if (t.type() == Type.STRING || t.type() == Type.DOLLAR_STRING) {
                value = "L:'" + Identifiers.stringValue(t);
            } else if (t.isWord("TRUE") || t.isWord("FALSE")) {
                value = "B:" + t.upperWord();
            } else if ((t.type() == Type.WORD || t.type() == Type.QUOTED_IDENT) && !isKeyword(t)
                    && !(peek(1) != null && peek(1).isPunct("("))) {
                StringBuilder name = new StringBuilder(Identifiers.normalize(t));
                pos++;
                while (peek() != null && peek().isPunct(".") && peek(1) != null) {
                    name.append('.').append(Identifiers.normalize(peek(1)));
                    pos += 2;
                }
                skipCast();
                return "C:" + name;
            } else {
                return null;
            }
            pos++;
            skipCast();
            return value;
        }

        private void skipCast() {
            while (peek() != null && peek().isPunct("::") && peek(1) != null && peek(1).type() == Type.WORD) {
                pos += 2;
            }
        }

        /** A numeric literal in canonical form: decimal, or 0x / 0o / 0b integers (PostgreSQL 16+). */
        private static String number(String text) {
            String n = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
            int radix = n.startsWith("0x") ? 16 : n.startsWith("0o") ? 8 : n.startsWith("0b") ? 2 : 10;
            java.math.BigDecimal value = radix == 10 ? new java.math.BigDecimal(n)
                    : new java.math.BigDecimal(new java.math.BigInteger(n.substring(2), radix));
            return value.stripTrailingZeros().toPlainString();
        }

        private static Value compare(String left, String op, String right) {
            if (left.startsWith("C:") && left.equals(right) && (op.equals("=") || op.equals("<=") || op.equals(">="))) {
                return Value.TRUE;
            }
            if (!(left.startsWith("L:") || left.startsWith("B:")) || !(right.startsWith("L:") || right.startsWith("B:"))) {
                return Value.UNKNOWN;
            }
            int cmp = compareLiterals(left, right);
            boolean result = switch (op) {
                case "=" -> cmp == 0;
                case "<>", "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case ">" -> cmp > 0;
                case "<=" -> cmp <= 0;
                case ">=" -> cmp >= 0;
                default -> false;
            };
            return result ? Value.TRUE : Value.FALSE;
        }

        /** Compares as PostgreSQL would: a quoted literal next to a number is read as a number. */
        private static int compareLiterals(String a, String b) {
            boolean aNumber = a.startsWith("L:") && !a.startsWith("L:'");
            boolean bNumber = b.startsWith("L:") && !b.startsWith("L:'");
            if (aNumber || bNumber) {
                return new java.math.BigDecimal(a.substring(a.startsWith("L:'") ? 3 : 2).strip())
                        .compareTo(new java.math.BigDecimal(b.substring(b.startsWith("L:'") ? 3 : 2).strip()));
            }
            Value ta = truth(a);
            Value tb = truth(b);
            if (ta != Value.UNKNOWN && tb != Value.UNKNOWN && (a.startsWith("B:") || b.startsWith("B:"))) {
                return ta == tb ? 0 : ta == Value.TRUE ? 1 : -1;
            }
            return a.compareTo(b);
        }

        /** TRUE/FALSE, and the strings PostgreSQL's boolean input accepts ('t', 'yes', 'on', '1'…). */
        private static Value truth(String operand) {
            if (operand.equals("B:TRUE")) {
                return Value.TRUE;
            }
            if (operand.equals("B:FALSE")) {
                return Value.FALSE;
            }
            if (operand.startsWith("L:'")) {
                String v = operand.substring(3).strip().toLowerCase(java.util.Locale.ROOT);
                if (List.of("t", "tr", "tru", "true", "y", "ye", "yes", "on", "1").contains(v)) {
                    return Value.TRUE;
                }
                if (List.of("f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0").contains(v)) {
                    return Value.FALSE;
                }
            }
            return Value.UNKNOWN;
        }

        private static Value negate(Value v) {
            return v == Value.TRUE ? Value.FALSE : v == Value.FALSE ? Value.TRUE : Value.UNKNOWN;
        }

        private static boolean isComparison(String op) {
            return op.equals("=") || op.equals("<>") || op.equals("!=") || op.equals("<") || op.equals(">")
                    || op.equals("<=") || op.equals(">=");
        }

        private static boolean isKeyword(Token t) {
            String w = t.upperWord();
            return w != null && (w.equals("NOT") || w.equals("AND") || w.equals("OR") || w.equals("IS")
                    || w.equals("NULL") || w.equals("EXISTS") || w.equals("CASE") || w.equals("CURRENT"));
        }

        private boolean word(String w) {
            Token t = peek();
            if (t != null && t.isWord(w)) {
                pos++;
                return true;
            }
            return false;
        }

        private Token peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        private Token peek(int ahead) {
            return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
        }
    }
}
