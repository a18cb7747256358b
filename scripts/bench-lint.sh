#!/usr/bin/env bash
# Lint throughput benchmark (issue 3).
#
# Rerun (from the repository root):
#
#   scripts/bench-lint.sh
#
# Builds if needed (mvn -q -B -o -DskipTests -Ddrydock.skipArchives package), compiles LintBenchmark
# against the jar, then:
#   1. runs dev.drydock.bench.LintBenchmark (server/src/test/java) in-process: generates a script of
#      >= 10,000 statements from the safe corpus (server/src/test/resources/lint-corpus/safe,
#      repeated, objects renamed per copy), lints it WARMUP=5 times untimed and ROUNDS=10 times timed,
#      prints statements/s (median, min, max), a rough split of the time (lexer, token reader,
#      JSqlParser), and the share of statements per parse path for several corpora;
#   2. times the whole process `server/target/drydock validate <generated.sql>` RUNS=5 times;
#   3. times squawk on the same file (`npx -y squawk-cli@2.66 --pg-version=17.0 --reporter json`),
#      RUNS times, when npx can run it (offline: only from the npm cache). SQUAWK=0 skips it.
# Options (environment): RUNS, WARMUP, ROUNDS, SQUAWK, KEEP=1 keeps the generated script (its path is
# printed).
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f -- "${BASH_SOURCE[0]}")")/.." && pwd)
target=$root/server/target
runs=${RUNS:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/drydock-bench-lint.XXXXXX")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$tmp"' EXIT
script=$tmp/generated.sql

if [[ ! -f $target/drydock.jar || ! -x $target/drydock ]]; then
    echo "Building: mvn -q -B -o -DskipTests -Ddrydock.skipArchives package" >&2
    (cd "$root" && mvn -q -B -o -DskipTests -Ddrydock.skipArchives package)
fi
# LintBenchmark is compiled with javac against a private copy of the shaded jar (it holds Drydock and
# all its dependencies), not run from server/target/classes: a concurrent mvn build in this checkout
# would otherwise swap classes under the running benchmark.
cp "$target/drydock.jar" "$tmp/drydock.jar"
mkdir -p "$tmp/classes"
javac -nowarn --release 17 -cp "$tmp/drydock.jar" -d "$tmp/classes" \
    "$root/server/src/test/java/dev/drydock/bench/LintBenchmark.java"
cp="$tmp/classes:$tmp/drydock.jar"

echo "Machine: $(nproc) cores, $(uname -sr); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $(java -version 2>&1 | head -1)"
echo
echo "== In-process (LintBenchmark) =="
java -Dwarmup="${WARMUP:-5}" -Drounds="${ROUNDS:-10}" -cp "$cp" dev.drydock.bench.LintBenchmark "$root" "$script"

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
timed() { # COMMAND...: wall seconds of one run; output discarded; exit status 0 or 1 (findings) accepted
    local t0 t1 rc=0
    t0=$(date +%s%N)
    "$@" >/dev/null 2>"$tmp/stderr" || rc=$?
    t1=$(date +%s%N)
    if (( rc > 1 )); then echo "exit $rc: $*" >&2; tail -5 "$tmp/stderr" >&2; return 1; fi
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", (b - a) / 1e9}'
}
bench() { # LABEL COMMAND...
    local label=$1 all=() t
    shift
    for ((i = 0; i < runs; i++)); do
        t=$(timed "$@") || { echo "$label: failed"; return 1; }
        all+=("$t")
    done
    local med
    med=$(printf '%s\n' "${all[@]}" | median)
    echo "$label: runs ${all[*]} s; median $med s = $(awk -v m="$med" 'BEGIN {printf "%.0f", 10000 / m}') statements/s (10,000 / median)"
}

echo
echo "== Whole process, $runs runs each ($(grep -c '' "$script") lines, $(du -h "$script" | cut -f1)) =="
if "$target/drydock" validate --help >/dev/null 2>&1; then
    timed "$target/drydock" validate "$script" >/dev/null   # one untimed run: page cache
    bench "drydock validate" "$target/drydock" validate "$script"
    echo "drydock validate exit status: $("$target/drydock" validate "$script" >/dev/null 2>&1; echo $?)"
else
    echo "drydock validate: not available in this build (no 'validate' command)"
fi
if [[ ${SQUAWK:-1} != 0 ]]; then
    if npx -y squawk-cli@2.66 --version >/dev/null 2>&1; then
        echo "squawk: $(npx -y squawk-cli@2.66 --version 2>/dev/null | head -1)"
        bench "squawk (npx squawk-cli@2.66)" npx -y squawk-cli@2.66 --pg-version=17.0 --reporter json "$script"
        squawk=$(find "$HOME/.npm/_npx" -path '*/node_modules/.bin/squawk' 2>/dev/null | head -1)
        if [[ -n $squawk ]]; then
            bench "squawk binary directly ($squawk, no npx)" "$squawk" --pg-version=17.0 --reporter json "$script"
        fi
    else
        echo "squawk: npx cannot run squawk-cli@2.66 (not in the npm cache, offline?)"
    fi
fi
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ ${KEEP:-0} != 1 ]] || echo "Generated script kept: $script"
