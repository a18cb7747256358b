#!/usr/bin/env bash
# Type generation benchmark (issue 6).
#
# Rerun (from the repository root):
#
#   scripts/bench-typegen.sh
#
# Builds if needed (mvn -q -B -o -DskipTests -Ddrydock.skipArchives package), compiles TypegenBenchmark
# against a copy of the shaded jar, installs @supabase/postgrest-typegen@0.2.5 and pg@8 into a temp dir
# (npm install --prefer-offline: works from the npm cache), then runs dev.drydock.bench.TypegenBenchmark
# (server/src/test/java), which
#   1. starts an embedded PostgreSQL (zonky, from the shaded jar) and creates a 200-table Supabase-style
#      schema generated in code (enums, ~150 indexed foreign keys, 10 views, 20 functions);
#   2. times TypeGeneration.generate in-process on one warm connection (WARMUP=5 untimed, ROUNDS=20
#      timed), and its halves: TypeCatalogReader.read and TypeScriptTypes.generate;
#   3. times the whole process `server/target/drydock types --database-url URL --project EMPTY_DIR`,
#      RUNS=5 times;
#   4. times Supabase's generator (scripts/bench-typegen.mjs: introspect -> sortGeneratorMetadata ->
#      generateTypescript, as `supabase gen types typescript --db-url` does) warm in one Node process
#      (WARMUP + ROUNDS) and as a whole process `node bench-typegen.mjs URL` (RUNS);
#   5. compares both outputs after the normalisation of TypeScriptTypesGoldenTest and prints EQUAL or
#      the first differing region.
# Options (environment): RUNS, WARMUP, ROUNDS; JAVA_OPTS (the benchmark JVM's options; default the
# launcher's: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC); NODE=0 skips postgrest-typegen; TYPEGEN_NODE_DIR reuses a
# directory whose node_modules already holds both packages; KEEP=1 keeps the work dir (schema.sql,
# drydock.ts, postgrest-typegen.ts; its path is printed).
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f -- "${BASH_SOURCE[0]}")")/.." && pwd)
target=$root/server/target
tmp=$(mktemp -d "${TMPDIR:-/tmp}/drydock-bench-typegen.XXXXXX")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$tmp"' EXIT

if [[ ! -f $target/drydock.jar || ! -x $target/drydock ]]; then
    echo "Building: mvn -q -B -o -DskipTests -Ddrydock.skipArchives package" >&2
    (cd "$root" && mvn -q -B -o -DskipTests -Ddrydock.skipArchives package)
fi
# Compiled against a private copy of the shaded jar (Drydock, its dependencies and zonky's embedded
# PostgreSQL), so a concurrent mvn build in this checkout cannot swap classes under the benchmark.
cp "$target/drydock.jar" "$tmp/drydock.jar"
mkdir -p "$tmp/classes"
javac -nowarn --release 17 -cp "$tmp/drydock.jar" -d "$tmp/classes" \
    "$root/server/src/test/java/dev/drydock/bench/TypegenBenchmark.java"
cp="$tmp/classes:$tmp/drydock.jar"

# The whole-process runs use the launcher as shipped, i.e. with its class-data archive for this JDK.
# When server/target has none, or one older than the jar (a -Ddrydock.skipArchives build), a private
# copy of launcher and jar is trained here with the build's train.sh, as `mvn package` would.
java_home=$(readlink -f -- "$(command -v java)") && java_home=${java_home%/bin/java}
feature=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$java_home/release" 2>/dev/null || true)
kind=jsa; [[ $feature =~ ^[0-9]+$ ]] && (( feature >= 25 )) && kind=aot
launcher=$target/drydock
if [[ ! -f $target/drydock-$feature.$kind || ! $target/drydock-$feature.$kind -nt $target/drydock.jar ]]; then
    echo "server/target/drydock-$feature.$kind missing or older than drydock.jar: training a copy in $tmp/dist" >&2
    mkdir -p "$tmp/dist"
    cp "$target/drydock" "$tmp/drydock.jar" "$tmp/dist/"
    if bash "$root/server/src/main/launcher/train.sh" "$tmp/dist" "$java_home" >"$tmp/train.log" 2>&1; then
        grep '^\[drydock archives\] /' "$tmp/train.log" >&2 || true
    else
        cat "$tmp/train.log" >&2
        echo "training failed: drydock types runs without an archive (slower start)" >&2
    fi
    launcher=$tmp/dist/drydock
fi
archive_note="launcher $launcher, archive $(basename "$(ls "$(dirname "$launcher")"/drydock-"$feature".$kind 2>/dev/null || echo none)")"

node_dir=-
if [[ ${NODE:-1} != 0 ]]; then
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        echo "postgrest-typegen: node/npm not found, skipped" >&2
    else
        node_dir=${TYPEGEN_NODE_DIR:-$tmp/node}
        if [[ ! -d $node_dir/node_modules/@supabase/postgrest-typegen || ! -d $node_dir/node_modules/pg ]]; then
            echo "Installing @supabase/postgrest-typegen@0.2.5 and pg@8 into $node_dir" >&2
            mkdir -p "$node_dir"
            ( cd "$node_dir" \
              && { [[ -f package.json ]] || echo '{"name":"drydock-bench-typegen","private":true,"type":"module"}' > package.json; } \
              && npm install --prefer-offline --no-audit --no-fund --loglevel=error \
                   "@supabase/postgrest-typegen@0.2.5" "pg@8" >&2 )
        fi
        cp "$root/scripts/bench-typegen.mjs" "$node_dir/bench-typegen.mjs"
    fi
fi

echo "Machine: $(nproc) cores, $(uname -sr); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $(java -version 2>&1 | head -1); benchmark JVM options: ${JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
echo "drydock types: $archive_note"
echo
# The benchmark JVM runs with the launcher's JVM options (C1 only, serial GC), as `drydock serve` does
# when an agent calls generate_types; JAVA_OPTS replaces them (e.g. JAVA_OPTS= for the JVM defaults).
# shellcheck disable=SC2086
java ${JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -Dwarmup="${WARMUP:-5}" -Drounds="${ROUNDS:-20}" -Druns="${RUNS:-5}" -cp "$cp" \
    dev.drydock.bench.TypegenBenchmark "$root" "$launcher" "$node_dir" "$tmp/work"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ ${KEEP:-0} != 1 ]] || echo "Work dir kept: $tmp/work"
