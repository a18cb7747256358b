package dev.drydock.sql;

import net.sf.jsqlparser.parser.AbstractJSqlParser.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static dev.drydock.sql.StatementKind.*;

/**
 * The second, independent reader: JSqlParser (PostgreSQL dialect) parses each statement on a
 * shared pool of worker threads, and its statement class must agree with the token reader's kind.
 * A statement JSqlParser cannot parse is left to the token reader (a known gap); a disagreement
 * makes the statement UNKNOWN, because one of the two readers misread it. JSqlParser parses the
 * statement's {@link StatementShape} (names and values replaced, keywords kept): the same parse,
 * done once for statements that differ only in names and values, and remembered across calls.
 */
public final class JSqlParserCheck implements AutoCloseable {
    /** A statement longer than this is not given to JSqlParser (bulk VALUES lists and the like). */
    static final int MAX_CHARS = 64 * 1024;
    private static final long PARSE_BUDGET_MS = 2_000;
    private static final Map<String, Set<StatementKind>> AGREEMENT = Map.ofEntries(
            Map.entry("CreateTable", Set.of(CREATE_TABLE, CREATE_TABLE_AS)),
            Map.entry("Alter", Set.of(ALTER_TABLE, ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN_TYPE, SET_NOT_NULL,
                    DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT, ADD_IDENTITY, ADD_CONSTRAINT, DROP_CONSTRAINT,
                    VALIDATE_CONSTRAINT, RENAME_COLUMN, RENAME_TABLE, RENAME_CONSTRAINT, ENABLE_RLS, DISABLE_RLS,
                    FORCE_RLS, NO_FORCE_RLS, ATTACH_PARTITION, DETACH_PARTITION, SET_SCHEMA, ALTER_TABLE_OTHER)),
            Map.entry("RenameTableStatement", Set.of(RENAME_TABLE)),
            Map.entry("CreateIndex", Set.of(CREATE_INDEX)),
            Map.entry("Drop", Set.of(DROP_TABLE, DROP_INDEX, DROP_VIEW, DROP_SEQUENCE, DROP_TYPE, DROP_FUNCTION,
                    DROP_TRIGGER, DROP_POLICY, DROP_SCHEMA, DROP_DATABASE, DROP_EXTENSION, DROP_ROLE, DROP_OTHER)),
            Map.entry("Truncate", Set.of(TRUNCATE)),
            Map.entry("Delete", Set.of(DELETE)),
            Map.entry("Update", Set.of(UPDATE)),
            Map.entry("Insert", Set.of(INSERT)),
            Map.entry("Upsert", Set.of(INSERT)),
            Map.entry("Merge", Set.of(MERGE)),
            Map.entry("PlainSelect", Set.of(SELECT)),
            Map.entry("ParenthesedSelect", Set.of(SELECT)),
            Map.entry("SetOperationList", Set.of(SELECT)),
            Map.entry("Values", Set.of(SELECT)),
            Map.entry("TableStatement", Set.of(SELECT)),
            Map.entry("CreateView", Set.of(CREATE_VIEW, CREATE_MATERIALIZED_VIEW)),
            Map.entry("AlterView", Set.of(ALTER_VIEW, CREATE_VIEW)),
            Map.entry("CreateFunction", Set.of(CREATE_FUNCTION)),
            Map.entry("CreateProcedure", Set.of(CREATE_FUNCTION)),
            Map.entry("CreatePolicy", Set.of(CREATE_POLICY)),
            Map.entry("Grant", Set.of(GRANT, REVOKE)),
            Map.entry("Comment", Set.of(COMMENT)),
            Map.entry("CreateSchema", Set.of(CREATE_SCHEMA)),
            Map.entry("CreateSequence", Set.of(CREATE_SEQUENCE)),
            Map.entry("AlterSequence", Set.of(ALTER_SEQUENCE)),
            Map.entry("SetStatement", Set.of(SET)),
            Map.entry("ResetStatement", Set.of(RESET)),
            Map.entry("ShowStatement", Set.of(SHOW)),
            Map.entry("ExplainStatement", Set.of(EXPLAIN)),
            Map.entry("Execute", Set.of(EXECUTE_PREPARED, CALL)),
            Map.entry("Commit", Set.of(TRANSACTION_CONTROL)),
            Map.entry("RollbackStatement", Set.of(TRANSACTION_CONTROL)),
            Map.entry("SavepointStatement", Set.of(TRANSACTION_CONTROL)),
            Map.entry("AlterSystemStatement", Set.of(ALTER_SYSTEM)),
            Map.entry("Analyze", Set.of(ANALYZE)),
            Map.entry("LockStatement", Set.of(LOCK_TABLE)),
            Map.entry("RefreshMaterializedViewStatement", Set.of(REFRESH_MATERIALIZED_VIEW)),
            Map.entry("CreateTrigger", Set.of(CREATE_TRIGGER)),
            Map.entry("DeclareStatement", Set.of(UTILITY)),
            Map.entry("DoStatement", Set.of(DO_BLOCK)),
            Map.entry("AlterSession", Set.of(SET)),
            Map.entry("CreateExtension", Set.of(CREATE_EXTENSION)),
            Map.entry("Revoke", Set.of(REVOKE)),
            Map.entry("CreateType", Set.of(CREATE_TYPE)),
            Map.entry("AlterType", Set.of(ALTER_TYPE, ADD_ENUM_VALUE)),
            Map.entry("CreatePublication", Set.of(CREATE_PUBLICATION)),
            Map.entry("AlterPublication", Set.of(ALTER_PUBLICATION)),
            Map.entry("AlterDefaultPrivileges", Set.of(ALTER_DEFAULT_PRIVILEGES)),
            Map.entry("CreateDomain", Set.of(CREATE_DOMAIN)),
            Map.entry("CreateRole", Set.of(CREATE_ROLE)),
            Map.entry("AlterRole", Set.of(ALTER_ROLE)),
            Map.entry("AlterSchema", Set.of(ALTER_SCHEMA)),
            Map.entry("AlterIndex", Set.of(ALTER_INDEX)),
            Map.entry("AlterFunction", Set.of(ALTER_FUNCTION)),
            Map.entry("AlterPolicy", Set.of(ALTER_POLICY)),
            Map.entry("Vacuum", Set.of(VACUUM, VACUUM_FULL)),
            Map.entry("Reindex", Set.of(REINDEX)),
            Map.entry("Cluster", Set.of(CLUSTER)),
            Map.entry("CopyStatement", Set.of(COPY)),
            Map.entry("Copy", Set.of(COPY)),
            Map.entry("ListenStatement", Set.of(NOTIFY)),
            Map.entry("NotifyStatement", Set.of(NOTIFY)),
            Map.entry("UnlistenStatement", Set.of(NOTIFY)),
            Map.entry("CreateRule", Set.of(CREATE_RULE)),
            Map.entry("PrepareStatement", Set.of(PREPARE)),
            Map.entry("Block", Set.of(TRANSACTION_CONTROL)),
            Map.entry("DropPolicy", Set.of(DROP_POLICY)));

    private static final String UNPARSABLE = "";
    private static final String NOT_PARSED = "?";
    private static final String TIMED_OUT = "!";
    private static final int CACHE_ENTRIES = 50_000;

    private final ExecutorService executor;
    private final int workers;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final StatementShape shapes = new StatementShape();

    public JSqlParserCheck() {
        this.workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.executor = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "drydock-sqlparser");
            t.setDaemon(true);
            return t;
        });
    }

    /** Gives each token reading its path: JSqlParser-confirmed, tokens only, or UNKNOWN on disagreement. */
    public List<StatementInfo> confirm(List<StatementInfo> infos) {
        int n = infos.size();
        String[] shapeOf = new String[n];
        Map<String, String> verdicts = new HashMap<>();
        List<String> toParse = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (infos.get(i).path() == ParsePath.UNKNOWN) {
                continue;
            }
            shapeOf[i] = shapes.of(infos.get(i).statement().significantTokens());
            String known = cache.get(shapeOf[i]);
            if (known != null) {
                verdicts.put(shapeOf[i], known);
            } else if (!verdicts.containsKey(shapeOf[i])) {
                verdicts.put(shapeOf[i], NOT_PARSED);
                toParse.add(shapeOf[i]);
            }
        }
        AtomicReferenceArray<String> parsed = parseAll(toParse);
        for (int i = 0; i < toParse.size(); i++) {
            String verdict = parsed.get(i) == null || parsed.get(i).equals(TIMED_OUT) ? UNPARSABLE : parsed.get(i);
            verdicts.put(toParse.get(i), verdict);
            if (!TIMED_OUT.equals(parsed.get(i))) {
                remember(toParse.get(i), verdict); // a parse cut short under load may succeed next time
            }
        }
        List<StatementInfo> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String verdict = shapeOf[i] == null ? null : verdicts.get(shapeOf[i]);
            out.add(decide(infos.get(i), verdict == null || verdict.equals(UNPARSABLE) ? null : verdict));
        }
        return out;
    }

    /** Parses the texts on the worker threads, in chunks; index i holds the class of text i or null. */
    private AtomicReferenceArray<String> parseAll(List<String> texts) {
        int n = texts.size();
        AtomicReferenceArray<String> classes = new AtomicReferenceArray<>(n);
        List<Worker> running = new ArrayList<>();
        int chunk = Math.max(1, (n + workers - 1) / workers);
        for (int from = 0; from < n; from += chunk) {
            Worker w = new Worker(texts, from, Math.min(n, from + chunk), classes);
            w.future = executor.submit(w);
            running.add(w);
        }
        awaitAll(running);
        return classes;
    }

    /** Waits for every worker, interrupting on each tick any parse that has run past its budget. */
    private static void awaitAll(List<Worker> running) {
        long budget = TimeUnit.MILLISECONDS.toNanos(PARSE_BUDGET_MS);
        for (Worker w : running) {
            while (true) {
                try {
                    w.future.get(100, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    long now = System.nanoTime();
                    for (Worker any : running) {
                        CCJSqlParser parser = any.slot.current;
                        if (parser != null && now - any.startedAt > budget) {
                            parser.interrupted = true;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running.forEach(r -> r.future.cancel(true));
                    return;
                } catch (ExecutionException e) {
                    break;
                }
            }
        }
    }

    /** Verdicts are kept across calls (agents validate the same files again and again), up to a bound. */
    private void remember(String shape, String verdict) {
        if (cache.size() >= CACHE_ENTRIES) {
            cache.clear();
        }
        cache.put(shape, verdict);
    }

    static StatementInfo decide(StatementInfo info, String jsqlClass) {
        if (info.path() == ParsePath.UNKNOWN || jsqlClass == null) {
            return info;
        }
        Set<StatementKind> kinds = AGREEMENT.get(jsqlClass);
        if (kinds == null || !kinds.contains(info.kind())) {
            return info.withPath(ParsePath.UNKNOWN, "JSqlParser reads it as " + jsqlClass + " but the token reader as "
                    + info.kind());
        }
        return info.withPath(ParsePath.JSQLPARSER, null);
    }

    /**
     * Parses one statement on the calling thread with the worker's parser, re-initialised for the
     * text (building a CCJSqlParser costs more than parsing a short statement); null when
     * JSqlParser cannot parse it.
     */
    static String parse(String sql, ParserSlot slot) {
        if (sql.length() > MAX_CHARS) {
            return null;
        }
        try {
            CCJSqlParser parser = slot.parser;
            if (parser == null) {
                parser = new CCJSqlParser(sql).withDialect(Dialect.POSTGRESQL);
            } else {
                parser.ReInit(sql);
                parser.interrupted = false;
            }
            slot.current = parser;
            Statement st = parser.Statement();
            slot.parser = parser;
            return st == null || st instanceof UnsupportedStatement ? null : st.getClass().getSimpleName();
        } catch (Exception | StackOverflowError e) {
            boolean interrupted = slot.current != null && slot.current.interrupted;
            slot.parser = null; // never reuse a parser left in an unknown state
            return interrupted ? TIMED_OUT : null;
        } catch (Error e) {
            // JSqlParser's token manager reports input it cannot tokenise with an Error
            slot.parser = null;
            return null;
        } finally {
            slot.current = null;
        }
    }

    /** One worker's parser, and the one running now (for the watchdog to interrupt). */
    static final class ParserSlot {
        private CCJSqlParser parser;
        private volatile CCJSqlParser current;
    }

    private static final class Worker implements Runnable {
        private final List<String> texts;
        private final int from;
        private final int to;
        private final AtomicReferenceArray<String> classes;
        private final ParserSlot slot = new ParserSlot();
        private volatile long startedAt;
        private Future<?> future;

        Worker(List<String> texts, int from, int to, AtomicReferenceArray<String> classes) {
            this.texts = texts;
            this.from = from;
            this.to = to;
            this.classes = classes;
        }

        @Override
        public void run() {
            for (int i = from; i < to; i++) {
                startedAt = System.nanoTime();
                classes.set(i, parse(texts.get(i), slot));
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
