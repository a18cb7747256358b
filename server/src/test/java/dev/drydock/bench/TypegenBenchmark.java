package dev.drydock.bench;

import dev.drydock.typegen.TypeCatalog;
import dev.drydock.typegen.TypeCatalogReader;
import dev.drydock.typegen.TypeGeneration;
import dev.drydock.typegen.TypeScriptTypes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Type generation benchmark (issue 6; a main method, not a test; run by scripts/bench-typegen.sh).
 *
 * <p>Starts an embedded PostgreSQL (zonky), creates a 200-table Supabase-style schema in database
 * {@code bench} (generated in code, see {@link #schema()}), then times
 * <ol>
 *   <li>{@code TypeGeneration.generate} in-process on one warm connection, and its two halves
 *       (catalog reading, rendering);</li>
 *   <li>the whole process {@code drydock types --database-url URL --project EMPTY_DIR};</li>
 *   <li>Supabase's generator (@supabase/postgrest-typegen 0.2.5 on Node, scripts/bench-typegen.mjs):
 *       warm in one Node process, and whole process;</li>
 * </ol>
 * and compares both outputs after the normalisation of TypeScriptTypesGoldenTest.
 *
 * <p>Arguments: repository root, the drydock launcher, a directory holding node_modules with
 * postgrest-typegen and pg and a copy of bench-typegen.mjs ("-" skips Node), a work directory.
 * System properties: warmup (5), rounds (20), runs (5, whole-process runs).
 */
public final class TypegenBenchmark {
    private static final int WARMUP = Integer.getInteger("warmup", 5);
    private static final int ROUNDS = Integer.getInteger("rounds", 20);
    private static final int RUNS = Integer.getInteger("runs", 5);
    private static final int TABLES = 200;
    private static final String[][] ENUMS = {
            {"status_kind", "active", "inactive", "pending", "archived"},
            {"priority_level", "low", "medium", "high", "urgent"},
            {"color", "red", "green", "blue"},
            {"visibility", "public", "private", "unlisted"},
    };

    private TypegenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path launcher = Path.of(args.length > 1 ? args[1] : root.resolve("server/target/drydock").toString());
        String nodeDirArg = args.length > 2 ? args[2] : "-";
        Path work = Files.createDirectories(Path.of(args.length > 3 ? args[3] : "target/bench-typegen"));
        Path nodeDir = "-".equals(nodeDirArg) ? null : Path.of(nodeDirArg);

        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        try {
            int port = pg.getPort();
            String jdbc = "jdbc:postgresql://127.0.0.1:" + port + "/bench";
            String url = "postgresql://postgres@127.0.0.1:" + port + "/bench";
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    "postgres", "postgres"); Statement st = admin.createStatement()) {
                st.execute("create database bench");
                try (ResultSet rs = st.executeQuery("select version()")) {
                    rs.next();
                    System.out.println("PostgreSQL (zonky embedded, port " + port + "): " + rs.getString(1));
                }
            }
            String prelude = Files.readString(root.resolve("server/src/test/resources/typegen/prelude.sql"));
            String schema = schema();
            Files.writeString(work.resolve("schema.sql"), schema);
            Properties props = new Properties();
            props.setProperty("user", "postgres");
            props.setProperty("password", "postgres");
            try (Connection c = DriverManager.getConnection(jdbc, props)) {
                try (Statement st = c.createStatement()) {
                    st.execute(prelude);
                    st.execute(schema);
                    st.execute("analyze");
                    try (ResultSet rs = st.executeQuery("""
                            select (select count(*) from pg_tables where schemaname = 'public'),
                                   (select count(*) from pg_views where schemaname = 'public'),
                                   (select count(*) from information_schema.views where table_schema = 'public' and is_updatable = 'YES'),
                                   (select count(*) from pg_proc where pronamespace = 'public'::regnamespace),
                                   (select count(*) from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace),
                                   (select count(*) from pg_attribute a join pg_class r on r.oid = a.attrelid
                                     where r.relnamespace = 'public'::regnamespace and r.relkind = 'r' and a.attnum > 0 and not a.attisdropped),
                                   (select count(*) from pg_type where typnamespace = 'public'::regnamespace and typtype = 'e')""")) {
                        rs.next();
                        System.out.printf(Locale.ROOT, "Schema (public, %d lines of SQL, %s): %d tables, %d table columns, %d foreign keys, "
                                        + "%d views (%d updatable), %d functions, %d enums%n",
                                schema.split("\n").length, work.resolve("schema.sql"), rs.getInt(1), rs.getInt(6),
                                rs.getInt(5), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(7));
                    }
                }
                System.out.println("Database URL: " + url);
                System.out.println();

                // 1. in-process, one warm connection
                List<String> schemas = List.of("public");
                TypeGeneration.Generated g = TypeGeneration.generate(c, schemas, TypeGeneration.Lang.TYPESCRIPT, null);
                Files.writeString(work.resolve("drydock.ts"), g.source());
                System.out.printf(Locale.ROOT, "Drydock output: %,d chars, %d tables, %d views, %d functions, %d enums -> %s%n",
                        g.source().length(), g.tables(), g.views(), g.functions(), g.enums(), work.resolve("drydock.ts"));
                System.out.println("== In-process, one connection (" + WARMUP + " warm-up, " + ROUNDS + " timed) ==");
                report("TypeGeneration.generate (read + render)", time(() -> TypeGeneration.generate(c, schemas,
                        TypeGeneration.Lang.TYPESCRIPT, null)));
                report("  TypeCatalogReader.read (catalog queries)", time(() -> TypeCatalogReader.read(c, schemas)));
                TypeCatalog catalog = TypeCatalogReader.read(c, schemas);
                report("  TypeScriptTypes.generate (rendering)", time(() -> TypeScriptTypes.generate(catalog, "public")));
            }

            // 2. whole process
            System.out.println();
            System.out.println("== Whole process, " + RUNS + " runs each ==");
            Path project = Files.createDirectories(work.resolve("empty-project"));
            List<String> drydock = List.of(launcher.toString(), "types", "--database-url", url, "--project", project.toString());
            run(drydock, null, work.resolve("drydock-cli.ts")); // untimed: page cache
            wall("drydock types --database-url URL --project EMPTY_DIR", drydock, null);
            String cliSource = Files.readString(work.resolve("drydock-cli.ts"));
            System.out.println("  CLI output identical to in-process output: "
                    + cliSource.equals(Files.readString(work.resolve("drydock.ts"))));

            // 3. Supabase's generator
            if (nodeDir == null) {
                System.out.println("postgrest-typegen: skipped (no Node directory)");
                return;
            }
            Path supabaseTs = work.resolve("postgrest-typegen.ts");
            List<String> warm = List.of("node", "bench-typegen.mjs", url, String.valueOf(WARMUP), String.valueOf(ROUNDS),
                    supabaseTs.toString());
            String out = run(warm, nodeDir, null);
            double[] ms = out.lines().filter(l -> l.startsWith("run ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[2]) / 1000)
                    .sorted().toArray();
            System.out.println("== postgrest-typegen 0.2.5 on Node " + run(List.of("node", "--version"), nodeDir, null).strip()
                    + ", one process, pool of 10 (" + WARMUP + " warm-up, " + ROUNDS + " timed) ==");
            report("introspect + sortGeneratorMetadata + generateTypescript", ms);
            wall("node bench-typegen.mjs URL (1 generation, whole process)",
                    List.of("node", "bench-typegen.mjs", url, "0", "1"), nodeDir);

            // 4. cross-check
            System.out.println();
            String ours = Files.readString(work.resolve("drydock.ts"));
            String theirs = Files.readString(supabaseTs);
            System.out.printf(Locale.ROOT, "postgrest-typegen output: %,d chars -> %s%n", theirs.length(), supabaseTs);
            String a = normalise(ours);
            String b = normalise(theirs);
            if (a.equals(b)) {
                System.out.printf(Locale.ROOT, "Cross-check (normalised as TypeScriptTypesGoldenTest): EQUAL (%,d chars normalised)%n",
                        a.length());
            } else {
                int i = 0;
                while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                    i++;
                }
                System.out.printf(Locale.ROOT, "Cross-check (normalised as TypeScriptTypesGoldenTest): DIFFERENT "
                        + "(normalised lengths: drydock %,d, postgrest-typegen %,d; first difference at %,d)%n", a.length(), b.length(), i);
                int from = Math.max(0, i - 300);
                System.out.println("  drydock:           ..." + a.substring(from, Math.min(a.length(), i + 300)) + "...");
                System.out.println("  postgrest-typegen: ..." + b.substring(from, Math.min(b.length(), i + 300)) + "...");
                System.out.println("  (diff -u " + supabaseTs + " " + work.resolve("drydock.ts") + " for the formatted files)");
            }
        } finally {
            pg.close();
        }
        System.exit(0);
    }

    /** The 200-table Supabase-style schema: enums, tables, foreign keys (indexed), views, functions. */
    static String schema() {
        StringBuilder s = new StringBuilder("-- Generated by dev.drydock.bench.TypegenBenchmark\n");
        for (String[] e : ENUMS) {
            s.append("create type public.").append(e[0]).append(" as enum (");
            for (int i = 1; i < e.length; i++) {
                s.append(i > 1 ? ", " : "").append('\'').append(e[i]).append('\'');
            }
            s.append(");\n");
        }
        for (int i = 1; i <= TABLES; i++) {
            String t = table(i);
            String[] e = ENUMS[i % ENUMS.length];
            List<String> cols = new ArrayList<>();
            cols.add("id bigint generated " + (i % 3 == 0 ? "always" : "by default") + " as identity primary key");
            cols.add("name text not null");
            cols.add("created_at timestamptz not null default now()");
            cols.add("payload jsonb");
            cols.add("score integer");
            cols.add(e[0] + " public." + e[0] + " not null default '" + e[1] + "'");
            if (i % 2 == 0) {
                cols.add("tags text[] not null default '{}'");
            }
            if (i % 3 == 0) {
                cols.add("amount numeric(12,2)");
            }
            if (i % 5 == 0) {
                cols.add("is_active boolean not null default true");
            }
            String fk = null;
            if (i > TABLES - 150) { // 150 foreign keys, each to an earlier table
                int parent = (i * 7) % (i - 1) + 1;
                fk = table(parent) + "_id";
                String null_ = i % 4 == 0 ? "" : " not null";
                String unique = i % 10 == 0 ? " unique" : ""; // one-to-one relationships too
                cols.add(fk + " bigint" + null_ + unique + " references public." + table(parent)
                        + " (id) on delete cascade");
            }
            s.append("\ncreate table public.").append(t).append(" (\n  ").append(String.join(",\n  ", cols)).append("\n);\n");
            if (fk != null && i % 10 != 0) {
                s.append("create index ").append(t).append('_').append(fk).append("_idx on public.").append(t)
                        .append(" (").append(fk).append(");\n");
            }
            s.append("alter table public.").append(t).append(" enable row level security;\n");
        }
        // 10 views: the odd ones simple (updatable), the even ones with a join and an aggregate (not updatable)
        for (int v = 1; v <= 10; v++) {
            String view = String.format(Locale.ROOT, "view_%02d", v);
            int i = TABLES - 14 * v; // tables 186 down to 60: each has a foreign key
            String t = table(i);
            s.append('\n');
            if (v % 2 == 1) {
                s.append("create view public.").append(view).append(" as\n  select id, name, created_at, score from public.")
                        .append(t).append(" where score is not null;\n");
            } else {
                int parent = (i * 7) % (i - 1) + 1;
                String p = table(parent);
                s.append("create view public.").append(view).append(" as\n  select p.id, p.name, count(c.id) as children, max(c.created_at) as last_child_at\n")
                        .append("  from public.").append(p).append(" p left join public.").append(t).append(" c on c.")
                        .append(p).append("_id = p.id\n  group by p.id, p.name;\n");
            }
        }
        // 20 functions with named arguments: 15 scalar, 5 setof a table
        String[][] scalars = {
                {"bigint", "select count(*) from public.%s where score > p_min", "p_min integer"},
                {"text", "select name from public.%s where id = p_id", "p_id bigint"},
                {"boolean", "select exists (select 1 from public.%s where name = p_name)", "p_name text"},
                {"jsonb", "select payload from public.%s where id = p_id", "p_id bigint"},
                {"integer", "select coalesce(max(score), 0) from public.%s where created_at >= p_since", "p_since timestamptz"},
        };
        for (int f = 1; f <= 20; f++) {
            String fn = String.format(Locale.ROOT, "fn_%02d", f);
            String t = table(f * 9);
            s.append('\n');
            if (f <= 15) {
                String[] sc = scalars[f % scalars.length];
                String args = sc[2] + (f % 3 == 0 ? ", p_limit integer default 10" : "");
                s.append("create function public.").append(fn).append('(').append(args).append(") returns ").append(sc[0])
                        .append("\n  language sql stable\nas $$ ").append(String.format(Locale.ROOT, sc[1], t)).append(" $$;\n");
            } else {
                String[] e = ENUMS[(f * 9) % ENUMS.length];
                s.append("create function public.").append(fn).append("(p_").append(e[0]).append(" public.").append(e[0])
                        .append(", p_limit integer default 50) returns setof public.").append(t)
                        .append("\n  language sql stable\nas $$ select * from public.").append(t).append(" where ")
                        .append(e[0]).append(" = p_").append(e[0]).append(" order by id limit p_limit $$;\n");
            }
        }
        s.append("\ngrant select on all tables in schema public to anon, authenticated;\n");
        s.append("grant all on all tables in schema public to service_role;\n");
        return s.toString();
    }

    private static String table(int i) {
        return String.format(Locale.ROOT, "table_%03d", i);
    }

    /** As TypeScriptTypesGoldenTest: whitespace, `;` between members, a union's leading `|`, trailing commas. */
    static String normalise(String ts) {
        return ts.replaceAll("\\s+", "").replace(";", "").replace(":|", ":").replace("=|", "=")
                .replace(",]", "]").replace(",}", "}");
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static volatile Object sink;

    private static double[] time(Work w) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            sink = w.run();
        }
        double[] s = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            sink = w.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(s);
        return s;
    }

    private static double median(double[] sorted) {
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void report(String what, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-58s median %8.1f ms (min %.1f, max %.1f; %d rounds)%n",
                what, median(sorted) * 1000, sorted[0] * 1000, sorted[sorted.length - 1] * 1000, sorted.length);
    }

    /** Wall time of RUNS runs of a command; prints each run and the median. */
    private static void wall(String what, List<String> command, Path dir) throws Exception {
        double[] s = new double[RUNS];
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            run(command, dir, null);
            s[i] = (System.nanoTime() - t0) / 1e9;
            each.append(String.format(Locale.ROOT, "%s%.3f", i == 0 ? "" : " ", s[i]));
        }
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-58s median %8.3f s (min %.3f, max %.3f; runs %s)%n",
                what, median(s), s[0], s[s.length - 1], each);
    }

    /** Runs a command, fails on a non-zero exit; returns stdout (and writes it to {@code out} when given). */
    private static String run(List<String> command, Path dir, Path out) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        String stdout;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[65536];
            for (int n; (n = r.read(buf)) >= 0; ) {
                sb.append(buf, 0, n);
            }
            stdout = sb.toString();
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + "): " + command);
        }
        if (out != null) {
            Files.writeString(out, stdout);
        }
        return stdout;
    }
}
