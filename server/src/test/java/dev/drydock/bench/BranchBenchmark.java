package dev.drydock.bench;

import dev.drydock.Main;
import dev.drydock.config.ConfigLoader;
import dev.drydock.config.DrydockConfig;
import dev.drydock.tools.ToolRunner;
import dev.drydock.tools.Toolbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Branch benchmark (issue 4, point 9; a main method, not a test; run by scripts/bench-branches.sh).
 *
 * <p>Starts an embedded PostgreSQL (zonky, with the settings of Drydock's own embedded server:
 * fsync and synchronous_commit on), generates a Supabase-layout project of 100 migrations and a
 * seed (see {@link #project}), wires Drydock's tools in-process as {@code drydock serve} does
 * ({@code Main.toolbox}, that PostgreSQL as {@code branchServer}), then times
 * <ol>
 *   <li>the first branch: {@code create_branch} with no template yet (replay of the 100 migrations
 *       and the seed into the template, then a clone): the very first call of the JVM, and
 *       {@code cold} more after dropping the template;</li>
 *   <li>{@code next} more branches of the same history (template cached: the spare clone made in the
 *       background after the previous branch, renamed), {@code nextGap} ms apart as an agent
 *       calls, then {@code next} more back to back (each waits for the spare still being copied);</li>
 *   <li>{@code apply_on_branch} on a warm server ({@code warmup} untimed cycles first) with a
 *       typical migration — {@code ADD COLUMN}, {@code CREATE INDEX}, {@code CREATE POLICY} and
 *       its rollback — {@code cycles} times, each with a new name and version, on tables of
 *       50 to 2,000 rows; and the breakdown from the result's {@code timings};</li>
 *   <li>the same cycle on a table of 100,000 rows, {@code bigCycles} times.</li>
 * </ol>
 *
 * <p>Arguments: a work directory (the project is generated in {@code WORK/project}). System
 * properties: cold (2), next (10), nextGap (2000), warmup (3), cycles (10), bigCycles (5), bigRows (100000).
 */
public final class BranchBenchmark {
    private static final int COLD = Integer.getInteger("cold", 2);
    private static final int NEXT = Integer.getInteger("next", 10);
    private static final int NEXT_GAP = Integer.getInteger("nextGap", 2000);
    private static final int WARMUP = Integer.getInteger("warmup", 3);
    private static final int CYCLES = Integer.getInteger("cycles", 10);
    private static final int BIG_CYCLES = Integer.getInteger("bigCycles", 5);
    private static final int BIG_ROWS = Integer.getInteger("bigRows", 100_000);
    private static final int MIGRATIONS = 100;
    private static final int TABLES = 45;
    private static final int USERS = 100;
    private static final int[] ROWS = {200, 1000, 50, 500, 2000, 100};
    private static final String[] NOUNS = {
            "organizations", "teams", "projects", "boards", "tasks", "comments", "labels", "attachments", "milestones",
            "sprints", "invoices", "invoice_lines", "customers", "contacts", "deals", "pipelines", "products", "prices",
            "orders", "order_items", "shipments", "warehouses", "stock_levels", "suppliers", "purchase_orders", "documents",
            "document_versions", "folders", "notifications", "webhooks", "api_keys", "events", "tickets", "ticket_replies",
            "knowledge_articles", "surveys", "survey_answers", "campaigns", "campaign_sends", "subscriptions", "coupons",
            "reviews", "bookmarks", "reports", "dashboards",
    };
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private BranchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench-branches"));
        Path project = work.resolve("project");
        int[] rows = project(project);

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        int port = pg.getPort();
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&password=postgres";
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("create database bench_main");
            try (ResultSet rs = st.executeQuery("select version(), current_setting('fsync'), current_setting('synchronous_commit'), "
                    + "current_setting('shared_buffers'), current_setting('file_copy_method', true)")) {
                rs.next();
                System.out.println("PostgreSQL (zonky embedded, port " + port + "): " + rs.getString(1));
                System.out.println("  fsync " + rs.getString(2) + ", synchronous_commit " + rs.getString(3) + ", shared_buffers "
                        + rs.getString(4) + " (as Drydock's embedded server; CREATE DATABASE strategy: the default, WAL_LOG)");
            }
        }
        String yaml = "targets:\n  main:\n    url: jdbc:postgresql://127.0.0.1:" + port + "/bench_main?user=postgres&password=postgres\n"
                + "branchServer:\n  url: " + admin + "\n";
        DrydockConfig config = ConfigLoader.parse(project, project.resolve("drydock.yaml"), yaml, null, k -> null);
        Toolbox tools = Main.toolbox(config);
        try {
            run(tools, admin, project, rows);
        } finally {
            tools.close();
            pg.close();
        }
        System.exit(0);
    }

    private static void run(Toolbox tools, String admin, Path project, int[] rows) throws Exception {
        // 1. first branch: template replay + clone
        System.out.println();
        System.out.println("== First branch (no template: replay of " + MIGRATIONS + " migrations + seed, then clone) ==");
        List<double[]> cold = new ArrayList<>();
        for (int i = 0; i <= COLD; i++) {
            if (i > 0) {
                dropTemplates(admin);
            }
            long t = System.nanoTime();
            Map<String, Object> r = call(tools, "create_branch", Map.of("name", "cold-" + i));
            double wall = ms(t);
            Map<?, ?> tm = (Map<?, ?>) r.get("timings");
            if (Boolean.TRUE.equals(r.get("templateCached"))) {
                throw new IllegalStateException("cold run found a cached template: " + r);
            }
            double[] row = {wall, num(tm.get("templateMs")), num(tm.get("cloneMs")), num(tm.get("totalMs"))};
            cold.add(row);
            System.out.printf(Locale.ROOT, "  %s: wall %.0f ms (template replay %.0f ms, clone %.0f ms, total %.0f ms)%n",
                    i == 0 ? "first call of the JVM (JIT cold)" : "again, template dropped       ", row[0], row[1], row[2], row[3]);
        }
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select datname, pg_size_pretty(pg_database_size(datname)) from pg_database "
                     + "where datname like 'drydock\\_template\\_%'")) {
            while (rs.next()) {
                System.out.println("  template " + rs.getString(1) + ": " + rs.getString(2));
            }
        }
        try (Connection c = DriverManager.getConnection(admin.replace("/postgres?", "/drydock_branch_cold-0?"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                     select (select count(*) from pg_tables where schemaname = 'public'),
                            (select count(*) from pg_indexes where schemaname = 'public'),
                            (select count(*) from pg_policies where schemaname = 'public'),
                            (select count(*) from pg_proc where pronamespace in ('public'::regnamespace, 'private'::regnamespace)),
                            (select count(*) from pg_views where schemaname = 'public'),
                            (select count(*) from pg_trigger t join pg_class r on r.oid = t.tgrelid
                              where r.relnamespace = 'public'::regnamespace and not t.tgisinternal),
                            (select count(*) from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace),
                            (select count(*) from pg_type where typnamespace = 'public'::regnamespace and typtype = 'e'),
                            (select sum((xpath('/row/n/text()', query_to_xml(format('select count(*) as n from public.%I', tablename),
                              false, true, '')))[1]::text::bigint) from pg_tables where schemaname = 'public')""")) {
            rs.next();
            System.out.printf(Locale.ROOT, "  branch schema: %d tables, %d indexes, %d policies, %d functions, %d views, %d triggers, "
                            + "%d foreign keys, %d enums; %,d rows%n", rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                    rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getLong(9));
        }
        if (cold.size() > 1) {
            List<double[]> again = cold.subList(1, cold.size());
            report("first branch, template dropped (JIT warm), wall", again.stream().mapToDouble(r -> r[0]).toArray());
            report("  of which template replay", again.stream().mapToDouble(r -> r[1]).toArray());
        }

        // 2. next branches: the spare made after the previous clone, renamed; at an agent's pace and back to back
        nextBranches(tools, "agent pace: " + NEXT_GAP + " ms between calls", "next-", NEXT_GAP);
        nextBranches(tools, "back to back: the previous call's spare still being copied", "rush-", 0);

        // 3. apply_on_branch on a warm server
        call(tools, "create_branch", Map.of("name", "cycle"));
        List<String> small = new ArrayList<>();
        for (int k = 1; k <= TABLES; k++) {
            if (rows[k] >= 500) {
                small.add(NOUNS[k - 1] + ":" + rows[k]);
            }
        }
        String[] version = {"20250101000000"};
        System.out.println();
        System.out.println("== apply_on_branch, typical migration (add column + index + policy, with rollback), warm server ==");
        for (int i = 0; i < WARMUP; i++) {
            String[] t = small.get(i % small.size()).split(":");
            cycle(tools, "cycle", t[0], "warm" + i, version);
        }
        List<Map<String, Double>> runs = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            String[] t = small.get((WARMUP + i) % small.size()).split(":");
            runs.add(cycle(tools, "cycle", t[0], "run" + i, version));
            used.add(t[0] + " (" + t[1] + " rows)");
        }
        System.out.println(WARMUP + " untimed warm-up cycles, " + CYCLES + " timed; tables: "
                + String.join(", ", used.stream().distinct().toList()));
        breakdown(runs);

        // 4. the same cycle on a table of 100,000 rows
        String big = small.get(0).split(":")[0];
        try (Connection c = DriverManager.getConnection(admin.replace("/postgres?", "/drydock_branch_cycle?"));
             Statement st = c.createStatement()) {
            long have;
            try (ResultSet rs = st.executeQuery("select count(*) from public." + big)) {
                rs.next();
                have = rs.getLong(1);
            }
            st.execute("insert into public." + big + " (owner_id, name) select md5('user' || (g % " + USERS + " + 1))::uuid, '"
                    + big + " ' || g from generate_series(" + (have + 1) + ", " + BIG_ROWS + ") g");
            st.execute("vacuum analyze public." + big);
            try (ResultSet rs = st.executeQuery("select count(*), pg_size_pretty(pg_total_relation_size('public." + big + "')) from public." + big)) {
                rs.next();
                System.out.println();
                System.out.printf(Locale.ROOT, "== apply_on_branch on public.%s with %,d rows (%s with indexes), %d runs ==%n",
                        big, rs.getLong(1), rs.getString(2), BIG_CYCLES);
            }
        }
        cycle(tools, "cycle", big, "bigwarm", version); // untimed: first cycle on the grown table
        List<Map<String, Double>> bigRuns = new ArrayList<>();
        for (int i = 0; i < BIG_CYCLES; i++) {
            bigRuns.add(cycle(tools, "cycle", big, "big" + i, version));
        }
        breakdown(bigRuns);
    }

    /** One apply_on_branch with the typical migration on {@code table}; the wall time and the result's timings. */
    private static Map<String, Double> cycle(Toolbox tools, String branch, String table, String tag, String[] version) {
        version[0] = LocalDateTime.parse(version[0], STAMP).plusMinutes(1).format(STAMP);
        String col = "note_" + tag;
        String idx = table + "_" + col + "_idx";
        String policy = table + " readable with " + col;
        String up = "alter table public." + table + " add column " + col + " text;\n"
                + "create index " + idx + " on public." + table + " (" + col + ");\n"
                + "create policy \"" + policy + "\" on public." + table + " for select to authenticated\n"
                + "  using (" + col + " is not null and owner_id = (select auth.uid()));\n";
        String down = "drop policy \"" + policy + "\" on public." + table + ";\n"
                + "drop index public." + idx + ";\n"
                + "alter table public." + table + " drop column " + col + ";\n";
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("branch", branch);
        args.put("name", "add_" + col + "_to_" + table);
        args.put("version", version[0]);
        args.put("sql", up);
        args.put("rollback_sql", down);
        long t = System.nanoTime();
        Map<String, Object> r = call(tools, "apply_on_branch", args);
        double wall = ms(t);
        if (!"ROUND_TRIP_PASSED".equals(r.get("status"))) {
            throw new IllegalStateException("cycle did not pass: " + r);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("wall", wall);
        ((Map<?, ?>) r.get("timings")).forEach((k, v) -> out.put((String) k, num(v)));
        return out;
    }

    private static void breakdown(List<Map<String, Double>> runs) {
        List<String> keys = new ArrayList<>(runs.get(0).keySet());
        report("apply_on_branch, wall (tool call)", column(runs, "wall"));
        for (String k : keys) {
            if (!k.equals("wall")) {
                report("  timings." + k, column(runs, k));
            }
        }
        double[] outside = runs.stream().mapToDouble(r -> r.get("wall") - r.getOrDefault("total", 0d)).toArray();
        report("  wall − total (lock, history check, parse, evidence, types check)", outside);
        double[] data = runs.stream().mapToDouble(r -> r.getOrDefault("total", 0d) - keys.stream()
                .filter(k -> !k.equals("wall") && !k.equals("total")).mapToDouble(r::get).sum()).toArray();
        report("  total − named steps (row checks, INVALID index check, files)", data);
    }

    private static double[] column(List<Map<String, Double>> runs, String key) {
        return runs.stream().mapToDouble(r -> r.getOrDefault(key, 0d)).toArray();
    }

    private static Map<String, Object> call(Toolbox tools, String tool, Map<String, Object> args) {
        ToolRunner.Response r = tools.call(tool, args);
        if (r.isError()) {
            throw new IllegalStateException(tool + " failed: " + r.text());
        }
        return r.structured();
    }

    private static void nextBranches(Toolbox tools, String label, String prefix, int gapMillis)
            throws Exception {
        System.out.println();
        System.out.println("== Next branches (template cached), " + NEXT + " runs, " + label + " ==");
        double[] wall = new double[NEXT];
        double[] clone = new double[NEXT];
        double[] total = new double[NEXT];
        int spares = 0;
        for (int i = 0; i < NEXT; i++) {
            Thread.sleep(gapMillis);
            long t = System.nanoTime();
            Map<String, Object> r = call(tools, "create_branch", Map.of("name", prefix + i));
            wall[i] = ms(t);
            if (!Boolean.TRUE.equals(r.get("templateCached"))) {
                throw new IllegalStateException("template not cached: " + r);
            }
            spares += Boolean.TRUE.equals(r.get("spareUsed")) ? 1 : 0;
            Map<?, ?> tm = (Map<?, ?>) r.get("timings");
            clone[i] = num(tm.get("cloneMs"));
            total[i] = num(tm.get("totalMs"));
        }
        System.out.println("  spare used: " + spares + " of " + NEXT);
        report("create_branch, wall (tool call)", wall);
        report("  timings.cloneMs (rename of the spare, or wait for it / clone)", clone);
        report("  timings.totalMs (Branches.create)", total);
    }

    /** Drops every template, then every spare (a spare being copied finishes first: the drop waits for it). */
    private static void dropTemplates(String admin) throws SQLException {
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            for (String like : List.of("drydock\\_template\\_%", "drydock\\_spare\\_%")) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select datname from pg_database where datname like '" + like + "'")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String n : names) {
                    st.execute("drop database \"" + n + "\" with (force)");
                }
            }
        }
    }

    private static double num(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static void report(String label, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        double p90 = v[Math.max(0, (int) Math.ceil(0.9 * v.length) - 1)];
        System.out.printf(Locale.ROOT, "%-72s median %7.1f ms, p90 %7.1f ms (min %.1f, max %.1f, n=%d)%n", label, median, p90,
                v[0], v[v.length - 1], v.length);
    }

    // ------------------------------------------------------------------ the generated project

    /**
     * Writes a Supabase-layout project: supabase/config.toml, 100 migrations, supabase/seed.sql.
     * Migrations: a helpers file (set_updated_at, an audit log and its trigger function, a private
     * schema), two of enums, 45 tables (identity key, owner referencing auth.users, a foreign key
     * to an earlier table, enum/jsonb/numeric/array columns by turns, indexes, RLS with 2–3
     * policies, updated_at trigger, grants, comments), and 52 later changes in rotation: added
     * columns with an expression index, SQL functions, security-invoker views, rewritten policies,
     * backfills, check constraints, audit triggers, composite indexes. The seed inserts 100 users
     * and 50–2,000 rows per table (~29,000 rows, plus the audit rows its triggers write).
     *
     * @return rows seeded per table, by table number (1-based)
     */
    static int[] project(Path root) throws Exception {
        Path supabase = Files.createDirectories(root.resolve("supabase"));
        Path migrations = Files.createDirectories(supabase.resolve("migrations"));
        Files.writeString(supabase.resolve("config.toml"), "project_id = \"drydock-bench-branches\"\n\n[api]\nenabled = true\n"
                + "schemas = [\"public\", \"graphql_public\"]\nextra_search_path = [\"public\", \"extensions\"]\n");
        LocalDateTime at = LocalDateTime.of(2024, 3, 1, 9, 0, 0);
        List<String[]> files = new ArrayList<>();
        files.add(new String[]{"helpers", """
                create schema if not exists private;

                create function public.set_updated_at() returns trigger
                language plpgsql as $$
                begin
                  new.updated_at := now();
                  return new;
                end;
                $$;

                create table public.audit_log (
                  id bigint generated always as identity primary key,
                  table_name text not null,
                  row_id bigint,
                  action text not null check (action in ('insert', 'update', 'delete')),
                  actor uuid default auth.uid(),
                  at timestamptz not null default now()
                );
                create index audit_log_table_name_at_idx on public.audit_log (table_name, at desc);
                alter table public.audit_log enable row level security;
                create policy "audit readable by service role" on public.audit_log for select to service_role using (true);

                create function private.log_change() returns trigger
                language plpgsql security definer set search_path = '' as $$
                begin
                  insert into public.audit_log (table_name, row_id, action)
                  values (tg_table_name, (to_jsonb(coalesce(new, old)) ->> 'id')::bigint, lower(tg_op));
                  return coalesce(new, old);
                end;
                $$;

                create function private.is_owner(p_owner uuid) returns boolean
                language sql stable as $$ select p_owner = (select auth.uid()) $$;
                """});
        files.add(new String[]{"create_status_and_priority_enums", """
                create type public.status_kind as enum ('draft', 'active', 'paused', 'archived');
                create type public.priority_level as enum ('low', 'medium', 'high', 'urgent');
                """});
        files.add(new String[]{"create_visibility_enum", """
                create type public.visibility as enum ('private', 'team', 'public');
                comment on type public.visibility is 'Who can see a row.';
                """});
        int[] rows = new int[TABLES + 1];
        int[] parent = new int[TABLES + 1];
        int tables = 0;
        int others = 0;
        for (int j = 0; files.size() < MIGRATIONS; j++) {
            if (tables < TABLES && (j < 6 || j % 2 == 0 || others >= MIGRATIONS - 3 - TABLES)) {
                int k = ++tables;
                rows[k] = ROWS[k % ROWS.length];
                parent[k] = k == 1 ? 0 : 1 + (k * 7) % (k - 1);
                files.add(new String[]{"create_" + NOUNS[k - 1], table(k, parent[k])});
            } else {
                int o = others++;
                int k = 1 + (o * 17) % tables;
                files.add(other(o, k));
            }
        }
        for (String[] f : files) {
            at = at.plusMinutes(10);
            Files.writeString(migrations.resolve(at.format(STAMP) + "_" + f[0] + ".sql"), f[1]);
        }
        StringBuilder seed = new StringBuilder("-- Generated by dev.drydock.bench.BranchBenchmark\n");
        seed.append("insert into auth.users (id, email, created_at) select md5('user' || g)::uuid, 'user' || g || '@example.com', "
                + "now() - g * interval '1 day' from generate_series(1, " + USERS + ") g;\n");
        for (int k = 1; k <= TABLES; k++) {
            String t = NOUNS[k - 1];
            String cols = "owner_id, name" + (parent[k] > 0 ? ", " + NOUNS[parent[k] - 1] + "_id" : "");
            String vals = "md5('user' || (g % " + USERS + " + 1))::uuid, '" + t + " ' || g"
                    + (parent[k] > 0 ? ", (g % " + rows[parent[k]] + ") + 1" : "");
            seed.append("insert into public.").append(t).append(" (").append(cols).append(") select ").append(vals)
                    .append(" from generate_series(1, ").append(rows[k]).append(") g;\n");
        }
        Files.writeString(supabase.resolve("seed.sql"), seed);
        return rows;
    }

    private static String table(int k, int parent) {
        String t = NOUNS[k - 1];
        List<String> cols = new ArrayList<>();
        cols.add("id bigint generated by default as identity primary key");
        cols.add("owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade");
        String fk = null;
        if (parent > 0) {
            fk = NOUNS[parent - 1] + "_id";
            cols.add(fk + " bigint" + (k % 3 == 0 ? "" : " not null") + " references public." + NOUNS[parent - 1]
                    + " (id) on delete " + (k % 3 == 0 ? "set null" : "cascade"));
        }
        cols.add("name text not null" + (k % 2 == 1 ? " check (char_length(name) between 1 and 200)" : ""));
        if (k % 2 == 0) {
            cols.add("status public.status_kind not null default 'active'");
        }
        if (k % 3 == 0) {
            cols.add("priority public.priority_level");
        }
        if (k % 4 == 0) {
            cols.add("metadata jsonb not null default '{}'::jsonb");
        }
        if (k % 5 == 0) {
            cols.add("amount numeric(12,2) check (amount >= 0)");
        }
        if (k % 6 == 0) {
            cols.add("tags text[] not null default '{}'");
        }
        if (k % 7 == 0) {
            cols.add("visibility public.visibility not null default 'private'");
        }
        cols.add("created_at timestamptz not null default now()");
        cols.add("updated_at timestamptz not null default now()");
        StringBuilder s = new StringBuilder();
        s.append("create table public.").append(t).append(" (\n  ").append(String.join(",\n  ", cols)).append("\n);\n");
        s.append("comment on table public.").append(t).append(" is 'The ").append(t.replace('_', ' ')).append(" of a workspace.';\n");
        if (fk != null) {
            s.append("create index ").append(t).append('_').append(fk).append("_idx on public.").append(t).append(" (").append(fk).append(");\n");
        }
        if (k % 2 == 1) {
            s.append("create index ").append(t).append("_owner_id_idx on public.").append(t).append(" (owner_id);\n");
        }
        s.append("\nalter table public.").append(t).append(" enable row level security;\n");
        s.append("create policy \"").append(t).append(" select own\" on public.").append(t)
                .append(" for select to authenticated using (owner_id = (select auth.uid()));\n");
        s.append("create policy \"").append(t).append(" insert own\" on public.").append(t)
                .append(" for insert to authenticated with check (owner_id = (select auth.uid()));\n");
        if (k % 2 == 0) {
            s.append("create policy \"").append(t).append(" update own\" on public.").append(t)
                    .append(" for update to authenticated using (private.is_owner(owner_id)) with check (private.is_owner(owner_id));\n");
        }
        s.append("\ncreate trigger ").append(t).append("_set_updated_at before update on public.").append(t)
                .append(" for each row execute function public.set_updated_at();\n");
        s.append("grant select, insert, update, delete on public.").append(t).append(" to authenticated;\n");
        return s.toString();
    }

    private static String[] other(int o, int k) {
        String t = NOUNS[k - 1];
        return switch (o % 8) {
            case 0 -> new String[]{"add_description_" + o + "_to_" + t, "alter table public." + t + " add column description_" + o + " text;\n"
                    + "create index " + t + "_lower_name_" + o + "_idx on public." + t + " (lower(name));\n"};
            case 1 -> new String[]{"create_count_" + t + "_" + o, "create or replace function public.count_" + t + "_" + o
                    + "(p_owner uuid default auth.uid()) returns bigint\nlanguage sql stable security invoker set search_path = '' as $$\n"
                    + "  select count(*) from public." + t + " where owner_id = p_owner\n$$;\n"
                    + "grant execute on function public.count_" + t + "_" + o + "(uuid) to authenticated;\n"};
            case 2 -> new String[]{"create_" + t + "_summary_" + o, "create view public." + t + "_summary_" + o
                    + " with (security_invoker = true) as\n  select owner_id, count(*) as total, max(created_at) as last_created_at\n"
                    + "  from public." + t + " group by owner_id;\ngrant select on public." + t + "_summary_" + o + " to authenticated;\n"};
            case 3 -> new String[]{"tighten_" + t + "_select_policy_" + o, "drop policy \"" + t + " select own\" on public." + t + ";\n"
                    + "create policy \"" + t + " select own\" on public." + t + " for select to authenticated\n"
                    + "  using (owner_id = (select auth.uid()) or (select auth.role()) = 'service_role');\n"};
            case 4 -> new String[]{"add_slug_" + o + "_to_" + t, "alter table public." + t + " add column slug_" + o + " text;\n"
                    + "update public." + t + " set slug_" + o + " = lower(regexp_replace(name, '[^a-zA-Z0-9]+', '-', 'g'));\n"
                    + "create index " + t + "_slug_" + o + "_idx on public." + t + " (slug_" + o + ");\n"};
            case 5 -> new String[]{"check_" + t + "_name_" + o, "alter table public." + t + " add constraint " + t + "_name_not_blank_" + o
                    + " check (btrim(name) <> '');\n"};
            case 6 -> new String[]{"audit_" + t + "_" + o, "create trigger " + t + "_audit_" + o + " after insert or update or delete on public."
                    + t + "\n  for each row execute function private.log_change();\n"};
            default -> new String[]{"index_" + t + "_owner_created_" + o, "create index " + t + "_owner_created_" + o + "_idx on public."
                    + t + " (owner_id, created_at desc);\n"};
        };
    }
}
