// Helper for scripts/bench-typegen.sh (via dev.drydock.bench.TypegenBenchmark): times Supabase's
// generator on an existing database. Generates only; creates nothing.
//
//   node bench-typegen.mjs DATABASE_URL [WARMUP] [RUNS] [OUT_FILE]
//
// Must run from a directory whose node_modules holds @supabase/postgrest-typegen@0.2.5 and pg@8.
// One generation is what postgres-meta's CLI path (`supabase gen types typescript --db-url`) does:
// introspect(schema public) -> sortGeneratorMetadata -> generateTypescript with
// detectOneToOneRelationships=true, default schema 'public', no postgrestVersion. The pool (max 10,
// like postgres-meta: introspect() issues its queries concurrently) is opened once, before timing.
// Prints one line per timed run, "run <i> <ms>", then "chars <n>"; writes the output of the last
// run to OUT_FILE when given.
import fs from "node:fs";
import pg from "pg";
import { introspect } from "@supabase/postgrest-typegen/introspection";
import { generateTypescript, sortGeneratorMetadata } from "@supabase/postgrest-typegen/generation";

const [url, warmupArg = "0", runsArg = "1", outFile] = process.argv.slice(2);
if (!url) {
  console.error("usage: node bench-typegen.mjs DATABASE_URL [WARMUP] [RUNS] [OUT_FILE]");
  process.exit(2);
}
const warmup = Number(warmupArg);
const runs = Number(runsArg);

const pool = new pg.Pool({ connectionString: url, max: 10 });
async function generate() {
  const metadata = await introspect(pool, { includedSchemas: ["public"] });
  return generateTypescript(sortGeneratorMetadata(metadata), {
    detectOneToOneRelationships: true,
    defaultSchema: "public",
  });
}

try {
  let ts = "";
  for (let i = 0; i < warmup; i++) {
    ts = await generate();
  }
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    ts = await generate();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`run ${i + 1} ${ms.toFixed(3)}`);
  }
  console.log(`chars ${ts.length}`);
  if (outFile) {
    fs.writeFileSync(outFile, ts);
  }
} finally {
  await pool.end();
}
