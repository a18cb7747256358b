#!/usr/bin/env bash
# Creates Drydock's cold-start archives next to drydock.jar. Run at package time by Maven
# (exec-maven-plugin, after maven-shade-plugin and after the launcher is installed), or by hand:
#
#   server/src/main/launcher/train.sh server/target [BUILD_JAVA_HOME]
#
# For each JDK found, a training run starts the server through the installed launcher with
# DRYDOCK_TRAIN_ARCHIVE set, so the archive is made with exactly the jar and JVM options the
# launcher uses at run time, then answers initialize, tools/list and one validate_sql call, and exits when stdin closes:
#   - the build JDK (BUILD_JAVA_HOME, else JAVA_HOME, else java on PATH): drydock-<feature>.jsa,
#     a dynamic AppCDS archive (-XX:ArchiveClassesAtExit), or drydock-<feature>.aot on JDK 25+;
#   - a JDK 25 or newer for an AOT cache drydock-<feature>.aot (-XX:AOTCacheOutput, JEP 514):
#     $DRYDOCK_AOT_JDK, else the newest /usr/lib/jvm/*25*. None found: skipped, with a message.
# Each archive is then checked: a second run must load Drydock's own classes from it. Any failure
# fails the build, with the server's stderr. -Ddrydock.skipArchives skips the training (the launcher
# still works, it starts slower). A JDK 17 archive only matches the directory it was made in: after
# copying drydock, drydock.jar (and the archives) elsewhere, run this script on the new directory.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 TARGET_DIR [BUILD_JAVA_HOME]" >&2
    exit 2
fi
target=$(readlink -f -- "$1")
build_home=${2:-${JAVA_HOME:-}}
launcher=$target/drydock
jar=$target/drydock.jar
timeout=${DRYDOCK_TRAIN_TIMEOUT:-60}

say() { echo "[drydock archives] $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

[[ -f $jar ]] || die "$jar does not exist (run after maven-shade-plugin)"
[[ -x $launcher ]] || die "$launcher does not exist or is not executable (install the launcher first)"

# Never leave an archive from an earlier build next to a new jar.
rm -f "$target"/drydock-*.jsa "$target"/drydock-*.aot

feature_of() { # JAVA_HOME -> feature version from its release file, or nothing
    local line v
    [[ -r $1/release ]] || return 0
    while IFS= read -r line; do
        if [[ $line == JAVA_VERSION=* ]]; then
            v=${line#JAVA_VERSION=}
            v=${v//\"/}
            echo "${v%%[.+-]*}"
            return 0
        fi
    done < "$1/release"
}

work=$(mktemp -d "${TMPDIR:-/tmp}/drydock-train.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/project" # an empty project: no drydock.yaml, no migrations

INIT='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"drydock-train","version":"1"}}}'
INITIALIZED='{"jsonrpc":"2.0","method":"notifications/initialized"}'
LIST='{"jsonrpc":"2.0","id":2,"method":"tools/list"}'
# A validate_sql call, so that the statement analyzer, JSqlParser and the lint rules are archived too
# (agents call it on every migration; `drydock validate` shares the classes). No database involved.
VALIDATE='{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"validate_sql","arguments":{"sql":"create table public.t (id bigint generated always as identity primary key, name text not null);\nalter table public.t enable row level security;\ncreate index concurrently t_name_idx on public.t (name);\nupdate public.t set name = $$x$$ where id = 1;\ndo $$ begin perform 1; end $$;"}}}'

# session JAVA_HOME LOG [ENV=VALUE...]: one stdio session through the launcher, as a client would
# hold it: initialize, wait for the answer, initialized + tools/list, wait for the tools, close stdin,
# wait for the exit. On failure, says why in $failure, appends what stdout had to LOG, returns 1.
session() {
    local home=$1 log=$2 line got= status=0 pid in out stdout
    shift 2
    failure=
    rm -f "$work/stdin" "$work/stdout"
    mkfifo "$work/stdin" "$work/stdout"
    # No database work at all: an explicit target on a closed port (pools are lazy), so the
    # embedded PostgreSQL is not started.
    env -u DRYDOCK_JAVA_OPTS JAVA_HOME="$home" "$@" "$launcher" serve --project "$work/project" \
        --database-url postgres://u:p@127.0.0.1:1/none <"$work/stdin" >"$work/stdout" 2>"$log" &
    pid=$!
    exec {in}>"$work/stdin" {out}<"$work/stdout"
    echo "$INIT" >&"$in"
    stdout=
    while IFS= read -r -t "$timeout" line <&"$out"; do
        stdout+=$line$'\n'
        if [[ $line == *'"id":1'* ]]; then got=1; break; fi
    done
    if [[ -n $got ]]; then
        got=
        printf '%s\n%s\n' "$INITIALIZED" "$LIST" >&"$in"
        while IFS= read -r -t "$timeout" line <&"$out"; do
            stdout+=$line$'\n'
            if [[ $line == *'"id":2'* && $line == *'"tools"'* ]]; then got=1; break; fi
        done
        [[ -n $got ]] || failure="no answer to tools/list (the server ended, or ${timeout}s passed)"
        if [[ -n $got && -n ${TRAIN_CALLS:-} ]]; then
            got=
            printf '%s\n' "$VALIDATE" >&"$in"
            while IFS= read -r -t "$timeout" line <&"$out"; do
                stdout+=$line$'\n'
                if [[ $line == *'"id":3'* ]]; then got=1; break; fi
            done
            [[ -n $got ]] || failure="no answer to the validate_sql training call (the server ended, or ${timeout}s passed)"
        fi
    else
        failure="no answer to initialize (the server ended, or ${timeout}s passed)"
    fi
    exec {in}>&-
    if [[ -n $failure ]]; then
        kill "$pid" 2>/dev/null || true
        printf '%s' "$stdout" >>"$log" # the JVM reports a bad option on stdout
    else
        # Up to the exit (a JDK 25 training writes its cache then), at most $timeout s: what
        # follows on stdout (the JVM's AOT messages, no JSON-RPC) goes to the build log.
        local deadline=$((SECONDS + timeout))
        while (( SECONDS < deadline )); do
            if IFS= read -r -t 1 line <&"$out"; then
                printf '%s\n' "$line" >&2
            elif (( $? <= 128 )); then
                break # end of stdout: the server has exited
            fi
        done
        if (( SECONDS >= deadline )) && kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            failure="still running ${timeout}s after stdin was closed"
        fi
    fi
    exec {out}<&-
    wait "$pid" || status=$?
    if [[ -z $failure ]] && (( status != 0 )); then
        failure="the server exited with status $status after stdin was closed"
    fi
    [[ -z $failure ]]
}

train() { # JAVA_HOME FEATURE
    local home=$1 feature=$2 kind=jsa archive start
    if (( feature >= 25 )); then kind=aot; fi
    archive=$target/drydock-$feature.$kind
    start=$(date +%s%N)
    if ! TRAIN_CALLS=1 session "$home" "$work/train-$feature.log" DRYDOCK_TRAIN_ARCHIVE="$work/drydock-$feature.$kind"; then
        cat "$work/train-$feature.log" >&2
        die "training run on $home failed: $failure (its stderr is above)"
    fi
    [[ -s $work/drydock-$feature.$kind ]] || {
        cat "$work/train-$feature.log" >&2
        die "training run on $home created no $work/drydock-$feature.$kind (its stderr is above)"
    }
    mv "$work/drydock-$feature.$kind" "$archive"
    # Check that the JVM accepts the archive for this jar: Drydock's Main must come from it.
    if ! session "$home" "$work/check-$feature.log" DRYDOCK_JAVA_OPTS="-Xlog:class+load=info:file=$work/classes-$feature.txt"; then
        cat "$work/check-$feature.log" >&2
        die "the server failed with $archive: $failure (its stderr is above)"
    fi
    if ! grep -q 'dev\.drydock\.Main source: shared objects file' "$work/classes-$feature.txt"; then
        cat "$work/check-$feature.log" >&2
        rm -f "$archive"
        die "JDK $feature ignores $archive: the launcher would start without it (stderr above)"
    fi
    say "$archive: $(( $(stat -c %s "$archive") / 1048576 )) MiB, $(grep -c 'source: shared objects file' "$work/classes-$feature.txt") classes from archives, $(( ($(date +%s%N) - start) / 1000000 )) ms"
}

# The build JDK.
if [[ -z $build_home ]]; then
    java=$(command -v java) || die "no java: set JAVA_HOME"
    build_home=$(readlink -f -- "$java")
    build_home=${build_home%/bin/java}
fi
build_home=$(readlink -f -- "$build_home")
build_feature=$(feature_of "$build_home")
[[ $build_feature =~ ^[0-9]+$ ]] || die "cannot read the Java version from $build_home/release"
(( build_feature >= 17 )) || die "$build_home is Java $build_feature; Drydock needs 17 or newer"
train "$build_home" "$build_feature"

# A JDK 25+ for the AOT cache, unless the build JDK was one.
if (( build_feature < 25 )); then
    aot_home=
    if [[ -n ${DRYDOCK_AOT_JDK:-} ]]; then
        aot_home=$(readlink -f -- "$DRYDOCK_AOT_JDK")
        f=$(feature_of "$aot_home")
        [[ $f =~ ^[0-9]+$ ]] && (( f >= 25 )) && [[ -x $aot_home/bin/java ]] \
            || die "DRYDOCK_AOT_JDK=$DRYDOCK_AOT_JDK is not a JDK 25 or newer"
    else
        shopt -s nullglob
        for candidate in /usr/lib/jvm/*25*; do # sorted: the last match wins
            candidate=$(readlink -f -- "$candidate")
            f=$(feature_of "$candidate")
            if [[ $f =~ ^[0-9]+$ ]] && (( f >= 25 )) && [[ -x $candidate/bin/java ]]; then
                aot_home=$candidate
            fi
        done
        shopt -u nullglob
    fi
    if [[ -n $aot_home ]]; then
        train "$aot_home" "$(feature_of "$aot_home")"
    else
        say "no JDK 25 or newer (DRYDOCK_AOT_JDK unset, nothing under /usr/lib/jvm/*25*): no AOT cache made;" \
            "on JDK 25 the launcher starts without one"
    fi
fi
