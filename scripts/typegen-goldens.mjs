// Helper for scripts/typegen-goldens.sh: builds one typegen test database and writes expected.ts.
//
//   node typegen-goldens.mjs SERVER_URL CASE_DIR PRELUDE_SQL
//
// Must run from a directory whose node_modules holds @supabase/postgrest-typegen@0.2.5 and pg@8
// (the shell script copies it into such a temp dir). It calls the generator exactly as
// postgres-meta's CLI path (used by `supabase gen types typescript --db-url ...`) does:
// introspect(includedSchemas) -> sortGeneratorMetadata -> generateTypescript with
// detectOneToOneRelationships=true, default schema 'public', no postgrestVersion.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { introspect } from "@supabase/postgrest-typegen/introspection";
import { generateTypescript, sortGeneratorMetadata } from "@supabase/postgrest-typegen/generation";

const [serverUrl, caseDir, preludePath] = process.argv.slice(2);
if (!serverUrl || !caseDir || !preludePath) {
  console.error("usage: node typegen-goldens.mjs SERVER_URL CASE_DIR PRELUDE_SQL");
  process.exit(2);
}

const name = path.basename(path.resolve(caseDir));
const dbName = "typegen_" + name.replace(/[^a-zA-Z0-9]+/g, "_").toLowerCase();
const schemasFile = path.join(caseDir, "schemas.txt");
const schemas = fs.existsSync(schemasFile)
  ? fs.readFileSync(schemasFile, "utf8").split(",").map((s) => s.trim()).filter(Boolean)
  : ["public"];

function urlForDb(db) {
  const u = new URL(serverUrl);
  u.pathname = "/" + encodeURIComponent(db);
  return u.toString();
}

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
try {
  await admin.query(`drop database if exists "${dbName}" with (force)`);
  await admin.query(`create database "${dbName}"`);
} finally {
  await admin.end();
}

const client = new pg.Client({ connectionString: urlForDb(dbName) });
await client.connect();
try {
  // Simple-query protocol: each file may hold many statements.
  await client.query(fs.readFileSync(preludePath, "utf8"));
  await client.query(fs.readFileSync(path.join(caseDir, "schema.sql"), "utf8"));
} finally {
  await client.end();
}

// A pool, like postgres-meta: introspect() issues its queries concurrently.
const pool = new pg.Pool({ connectionString: urlForDb(dbName), max: 10 });
try {
  const metadata = await introspect(pool, { includedSchemas: schemas });
  // A case may pin the PostgREST version (the __InternalSupabase block), as the CLI does for projects.
  const versionFile = path.join(caseDir, "postgrest-version.txt");
  const postgrestVersion = fs.existsSync(versionFile) ? fs.readFileSync(versionFile, "utf8").trim() : undefined;
  const ts = await generateTypescript(sortGeneratorMetadata(metadata), {
    detectOneToOneRelationships: true,
    defaultSchema: "public",
    ...(postgrestVersion ? { postgrestVersion } : {}),
  });
  fs.writeFileSync(path.join(caseDir, "expected.ts"), ts);
  console.error(`${name}: schemas=${schemas.join(",")} -> ${ts.length} chars`);
} finally {
  await pool.end();
}
