#!/usr/bin/env bash
# Branch benchmark (issue 4, point 9).
#
# Rerun (from the repository root):
#
#   scripts/bench-branches.sh
#
# Builds if needed (mvn -q -B -o -DskipTests -Ddrydock.skipArchives package), compiles BranchBenchmark
# against a copy of the shaded jar, then runs dev.drydock.bench.BranchBenchmark (server/src/test/java),
# which
#   1. generates a Supabase-layout project of 100 migrations (45 tables with foreign keys, indexes,
#      enums, functions, views, triggers, RLS policies, later alters and backfills) and a seed
#      (100 users, 50-2,000 rows per table);
#   2. starts an embedded PostgreSQL (zonky, fsync and synchronous_commit on, as Drydock's embedded
#      server) and wires Drydock's tools in-process (Main.toolbox) with it as branchServer;
#   3. times create_branch with no template (replay + clone): the JVM's first call, then COLD more
#      after dropping the template;
#   4. times NEXT create_branch of the same history (template cached: its spare clone renamed), NEXT_GAP ms
#      apart (an agent's pace), then NEXT more back to back (each waits for the spare being copied);
#   5. times apply_on_branch with a typical migration (ALTER TABLE ... ADD COLUMN; CREATE INDEX;
#      CREATE POLICY; and its rollback) on a warm server: WARMUP untimed, CYCLES timed, each a new
#      name and version; prints the result's timings breakdown;
#   6. grows the touched table to BIG_ROWS rows and times BIG_CYCLES more cycles on it.
# Options (environment): COLD (2), NEXT (10), NEXT_GAP (2000), WARMUP (3), CYCLES (10), BIG_CYCLES (5), BIG_ROWS (100000);
# JAVA_OPTS (the benchmark JVM's options; default the launcher's: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC);
# KEEP=1 keeps the work dir (the generated project, with the migrations the cycles wrote).
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f -- "${BASH_SOURCE[0]}")")/.." && pwd)
target=$root/server/target
tmp=$(mktemp -d "${TMPDIR:-/tmp}/drydock-bench-branches.XXXXXX")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$tmp"' EXIT

if [[ ! -f $target/drydock.jar ]]; then
    echo "Building: mvn -q -B -o -DskipTests -Ddrydock.skipArchives package" >&2
    (cd "$root" && mvn -q -B -o -DskipTests -Ddrydock.skipArchives package)
fi
# Compiled against a private copy of the shaded jar (Drydock, its dependencies and zonky's embedded
# PostgreSQL), so a concurrent mvn build in this checkout cannot swap classes under the benchmark.
cp "$target/drydock.jar" "$tmp/drydock.jar"
mkdir -p "$tmp/classes"
javac -nowarn --release 17 -cp "$tmp/drydock.jar" -d "$tmp/classes" \
    "$root/server/src/test/java/dev/drydock/bench/BranchBenchmark.java"
cp="$tmp/classes:$tmp/drydock.jar"

echo "Machine: $(nproc) cores, $(uname -sr); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $(java -version 2>&1 | head -1); benchmark JVM options: ${JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
echo "Disk of the PostgreSQL data directory: $(df -h "${TMPDIR:-/tmp}" | awk 'NR==2 {print $1 " (" $2 ")"}')"
# The benchmark JVM runs with the launcher's JVM options (C1 only, serial GC), as `drydock serve` does;
# JAVA_OPTS replaces them. Drydock's logging goes to stderr (kept in the work dir, shown on failure).
# shellcheck disable=SC2086
if ! java ${JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -Dcold="${COLD:-2}" -Dnext="${NEXT:-10}" -DnextGap="${NEXT_GAP:-2000}" \
        -Dwarmup="${WARMUP:-3}" -Dcycles="${CYCLES:-10}" -DbigCycles="${BIG_CYCLES:-5}" -DbigRows="${BIG_ROWS:-100000}" \
        -cp "$cp" dev.drydock.bench.BranchBenchmark "$tmp/work" 2>"$tmp/stderr.log"; then
    tail -40 "$tmp/stderr.log" >&2
    exit 1
fi
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ ${KEEP:-0} != 1 ]] || echo "Work dir kept: $tmp/work"
