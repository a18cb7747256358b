#!/usr/bin/env bash
# Regenerates the TypeScript type goldens used by the generate_types tests.
#
# Usage:
#   scripts/typegen-goldens.sh DATABASE_URL
#     DATABASE_URL: any database on a PostgreSQL server (17 used for the committed goldens) whose
#     user may create and drop databases, e.g. postgresql://postgres@127.0.0.1:54417/postgres
#
# For every directory server/src/test/resources/typegen/<name>/ holding a schema.sql, it
#   1. drops and creates the database typegen_<name> (dashes become underscores) on that server,
#   2. applies typegen/prelude.sql (Supabase basics: anon/authenticated/service_role, auth.users,
#      auth.uid()) and then <name>/schema.sql,
#   3. runs Supabase's own generator and writes <name>/expected.ts.
# Schemas generated: those listed comma-separated in <name>/schemas.txt, else "public".
#
# Generator: @supabase/postgrest-typegen@0.2.5 (the engine behind `supabase gen types typescript`;
# postgres-meta wraps it) with pg@8, called as postgres-meta's CLI path does:
# introspect -> sortGeneratorMetadata -> generateTypescript({detectOneToOneRelationships: true}),
# no postgrestVersion (so no __InternalSupabase block), default schema "public".
# See scripts/typegen-goldens.mjs. Checked with Node 20.20 / npm 11.19 (the package declares
# node >= 22.12; npm warns EBADENGINE on Node 20 but it works), PostgreSQL 17.7.
# The npm packages go into a temp dir (npm install --prefer-offline: works from the npm cache).
# Set TYPEGEN_NODE_DIR to an existing dir with those node_modules to skip the install.
# Only a single case: TYPEGEN_CASES="supabase-app two-schemas" scripts/typegen-goldens.sh URL
set -euo pipefail

if [[ $# -ne 1 ]]; then
  sed -n '2,24p' "$0" >&2
  exit 2
fi
DATABASE_URL=$1

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
TYPEGEN_DIR="$ROOT/server/src/test/resources/typegen"
TYPEGEN_VERSION=0.2.5
PG_VERSION_RANGE=8

cleanup_dir=""
if [[ -n "${TYPEGEN_NODE_DIR:-}" ]]; then
  NODE_DIR=$TYPEGEN_NODE_DIR
else
  NODE_DIR=$(mktemp -d -t drydock-typegen.XXXXXX)
  cleanup_dir=$NODE_DIR
fi
trap '[[ -n "$cleanup_dir" ]] && rm -rf "$cleanup_dir"' EXIT

if [[ ! -d "$NODE_DIR/node_modules/@supabase/postgrest-typegen" || ! -d "$NODE_DIR/node_modules/pg" ]]; then
  echo "Installing @supabase/postgrest-typegen@$TYPEGEN_VERSION and pg@$PG_VERSION_RANGE into $NODE_DIR" >&2
  ( cd "$NODE_DIR" \
    && { [[ -f package.json ]] || echo '{"name":"drydock-typegen-goldens","private":true,"type":"module"}' > package.json; } \
    && npm install --prefer-offline --no-audit --no-fund --loglevel=error \
         "@supabase/postgrest-typegen@$TYPEGEN_VERSION" "pg@$PG_VERSION_RANGE" >&2 )
fi
cp "$SCRIPT_DIR/typegen-goldens.mjs" "$NODE_DIR/typegen-goldens.mjs"

if [[ -n "${TYPEGEN_CASES:-}" ]]; then
  read -r -a cases <<< "$TYPEGEN_CASES"
else
  cases=()
  for d in "$TYPEGEN_DIR"/*/; do
    [[ -f "$d/schema.sql" ]] && cases+=("$(basename "$d")")
  done
fi

for name in "${cases[@]}"; do
  ( cd "$NODE_DIR" && node typegen-goldens.mjs "$DATABASE_URL" "$TYPEGEN_DIR/$name" "$TYPEGEN_DIR/prelude.sql" )
done
echo "Wrote expected.ts for: ${cases[*]}" >&2
