package dev.drydock.sql;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.sql.Token.Type;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The static layer of execute_sql's read-only guarantee: only statement kinds that read pass,
 * and calls to functions that reach outside the database, administer it or change session state
 * are refused. PostgreSQL's READ ONLY transaction is the layer behind this one, so this check
 * errs on the side of refusing: a word it cannot rule out is treated as a write.
 */
public final class ReadOnlyCheck {
    private static final Set<String> READING_KINDS = Set.of("SELECT", "VALUES", "TABLE", "SHOW", "WITH", "EXPLAIN");

    /** Words that, anywhere outside strings and comments, mean the statement may write or lock. */
    private static final Set<String> WRITING_WORDS = Set.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "COPY", "INTO", "CALL", "DO",
            "LOCK", "NOWAIT", "CREATE", "ALTER", "DROP", "GRANT", "REVOKE", "REFRESH",
            "PREPARE", "EXECUTE", "LISTEN", "NOTIFY", "VACUUM", "ANALYZE", "CLUSTER", "REINDEX");

    private static final Set<String> DENIED_FUNCTIONS = Set.of(
            // file and program access
            "pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_ls_dir", "pg_file_write",
            "pg_file_rename", "pg_file_unlink", "pg_file_sync", "pg_logdir_ls",
            // large objects on the server's file system or in the database
            "lo_import", "lo_export", "lo_create", "lo_creat", "lo_unlink", "lo_put", "lo_from_bytea",
            "lo_truncate", "lo_truncate64", "lowrite", "lo_open",
            // other databases and servers
            "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query",
            "dblink_open", "dblink_fetch", "dblink_get_result",
            // SQL hidden in a string, which this check cannot see
            "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml",
            "cursor_to_xmlschema", "ts_stat", "ts_rewrite",
            // lasting effects outside the rolled-back transaction
            "txid_current", "pg_current_xact_id", "pg_nextoid", "gin_clean_pending_list", "brin_summarize_range",
            "brin_summarize_new_values", "brin_desummarize_range", "pg_log_standby_snapshot",
            // backend signalling and server administration
            "pg_terminate_backend", "pg_cancel_backend", "pg_signal_backend", "pg_reload_conf",
            "pg_rotate_logfile", "pg_promote", "pg_switch_wal", "pg_create_restore_point",
            "pg_backup_start", "pg_backup_stop", "pg_start_backup", "pg_stop_backup",
            "pg_log_backend_memory_contexts", "pg_stat_reset", "pg_stat_reset_shared",
            "pg_stat_reset_single_table_counters", "pg_stat_reset_single_function_counters",
            "pg_stat_reset_slru", "pg_stat_reset_replication_slot", "pg_stat_statements_reset",
            "pg_logical_emit_message", "pg_replication_origin_create", "pg_replication_origin_drop",
            "pg_create_physical_replication_slot", "pg_create_logical_replication_slot",
            "pg_drop_replication_slot", "pg_copy_physical_replication_slot",
            "pg_copy_logical_replication_slot", "pg_logical_slot_get_changes",
            "pg_wal_replay_pause", "pg_wal_replay_resume", "pg_import_system_collations",
            // session state
            "set_config", "setseed", "pg_notify",
            // sequences
            "nextval", "setval");

    private static final Pattern DENIED_PREFIXES = Pattern.compile(
            "^(pg_advisory_.*|pg_try_advisory_.*|pg_ls_.*|lo_.*|dblink.*|pg_replication_.*|pg_stat_reset.*|pg_logical_.*"
                    + "|pg_create_.*|pg_drop_.*|pg_copy_.*)$");

    /** The next step for a change execute_sql refuses: the one way changes are made with Drydock. */
    public static final String CHANGE_THROUGH_MIGRATION = "write the change as a migration file "
            + "(<14-digit UTC timestamp>_<name>.sql in supabase/migrations/, or migrations/ in a plain project) "
            + "with its rollback under the same name in supabase/rollbacks/ (or rollbacks/), for review and a tested apply";

    private ReadOnlyCheck() {
    }

    /**
     * Checks one statement and returns the names of the functions it calls (lower case, without
     * schema), so that the caller can also refuse volatile user functions it finds in the catalog.
     */
    public static Set<String> check(SqlStatement statement) {
        List<Token> tokens = statement.significantTokens();
        String kind = leadingKeyword(tokens);
        if (!READING_KINDS.contains(kind)) {
            throw notReadOnly("is a " + kind + " statement", statement);
        }
        int body = kind.equals("EXPLAIN") ? explainBody(tokens, statement) : 0;
        for (int i = body; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String word = t.upperWord();
            if (word != null && WRITING_WORDS.contains(word) && !isNameOrField(tokens, i)) {
                throw notReadOnly("contains the keyword " + word + " (line " + t.line() + ")", statement);
            }
            if (word != null && word.equals("FOR") && followedByLockingClause(tokens, i)) {
                throw notReadOnly("takes row locks with FOR " + tokens.get(i + 1).text() + " (line " + t.line() + ")",
                        statement);
            }
        }
        Set<String> calls = calledFunctions(tokens);
        for (String fn : calls) {
            if (DENIED_FUNCTIONS.contains(fn) || DENIED_PREFIXES.matcher(fn).matches()) {
                throw new DrydockException(ErrorCode.FUNCTION_NOT_ALLOWED,
                        "execute_sql refuses to call " + fn + "(): it reaches outside the database, administers "
                                + "the server or changes state, and execute_sql only reads.",
                        "Query tables and views instead; changes go through a migration.",
                        "execute_sql with a query that reads tables or views", CHANGE_THROUGH_MIGRATION);
            }
        }
        return calls;
    }

    /** The statement's kind: its first keyword, skipping opening parentheses. */
    static String leadingKeyword(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.isPunct("(")) {
                continue;
            }
            return t.type() == Type.WORD ? t.upperWord() : t.text();
        }
        return "";
    }

    /** For EXPLAIN, refuses ANALYZE of anything but a plain read; returns where the explained statement starts. */
    private static int explainBody(List<Token> tokens, SqlStatement statement) {
        boolean analyze = false;
        int i = 1;
        if (i < tokens.size() && tokens.get(i).isPunct("(")) {
            int depth = 0;
            for (; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                depth += t.isPunct("(") ? 1 : t.isPunct(")") ? -1 : 0;
                String option = optionName(t);
                analyze |= option.equals("analyze") || option.equals("analyse");
                if (depth == 0) {
                    i++;
                    break;
                }
            }
        }
        while (i < tokens.size() && Set.of("ANALYZE", "ANALYSE", "VERBOSE").contains(tokens.get(i).upperWord())) {
            analyze |= !tokens.get(i).isWord("VERBOSE");
            i++;
        }
        String inner = leadingKeyword(tokens.subList(i, tokens.size()));
        if (!Set.of("SELECT", "VALUES", "TABLE", "WITH").contains(inner) && analyze) {
            throw notReadOnly("is EXPLAIN ANALYZE of a " + inner + " statement, which runs it", statement);
        }
        if (!Set.of("SELECT", "VALUES", "TABLE", "WITH").contains(inner)) {
            return tokens.size();
        }
        return i;
    }

    /** An EXPLAIN option as PostgreSQL compares it: lower-cased word, or a quoted name as written. */
    private static String optionName(Token t) {
        if (t.type() == Type.QUOTED_IDENT && t.text().startsWith("\"")) {
            return t.text().substring(1, t.text().length() - 1);
        }
        return t.type() == Type.WORD ? t.text().toLowerCase(Locale.ROOT) : "";
    }

    /** True when the word at {@code i} is a column or field name ({@code t.update}, {@code "x".drop}). */
    private static boolean isNameOrField(List<Token> tokens, int i) {
        return i > 0 && tokens.get(i - 1).isPunct(".");
    }

    private static boolean followedByLockingClause(List<Token> tokens, int i) {
        if (i + 1 >= tokens.size()) {
            return false;
        }
        String next = tokens.get(i + 1).upperWord();
        return "UPDATE".equals(next) || "SHARE".equals(next) || "NO".equals(next) || "KEY".equals(next);
    }

    private static Set<String> calledFunctions(List<Token> tokens) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean name = t.type() == Type.WORD || t.type() == Type.QUOTED_IDENT;
            if (name && tokens.get(i + 1).isPunct("(")) {
                names.add(identifier(t));
            }
        }
        return names;
    }

    private static String identifier(Token t) {
        if (t.type() == Type.QUOTED_IDENT) {
            String text = t.text();
            if (text.startsWith("U&") || text.startsWith("u&")) {
                throw new DrydockException(ErrorCode.FUNCTION_NOT_ALLOWED,
                        "execute_sql refuses to call a function named with a Unicode-escaped identifier ("
                                + text + ", line " + t.line() + "): its real name cannot be checked.",
                        "Write the function name plainly.", "execute_sql with the function name unescaped");
            }
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return t.text().toLowerCase(Locale.ROOT);
    }

    private static DrydockException notReadOnly(String what, SqlStatement statement) {
        return new DrydockException(ErrorCode.READ_ONLY_VIOLATION,
                "execute_sql on a target only reads, and this statement " + what
                        + ". Allowed: SELECT, VALUES, TABLE, SHOW, WITH without data-modifying parts, "
                        + "EXPLAIN (ANALYZE only of a SELECT).",
                "A column whose name is a keyword can be written quoted (\"update\").",
                "execute_sql with a statement that only reads", CHANGE_THROUGH_MIGRATION);
    }
}
