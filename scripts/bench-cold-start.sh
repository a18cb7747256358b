#!/usr/bin/env bash
# Cold-start benchmark of Drydock in stdio mode: spawn -> `tools/list` answered.
#
# Rerun (from the repository root):
#
#   mvn -q -B -DskipTests package && scripts/bench-cold-start.sh
#
# Options (environment): RUNS=10 timed runs per row, WARMUP=2 untimed runs per row first (they
# fill the page cache), JDK17_HOME (default: the java on PATH when it is 17, else /usr/lib/jvm/*17*),
# JDK25_HOME (default: $DRYDOCK_AOT_JDK, else /usr/lib/jvm/*25*), PROJECT (default:
# examples/supabase-starter).
#
#   scripts/bench-cold-start.sh --breakdown    where the time goes (see below)
#
# For each JDK it times two ways of starting the server:
#   java -jar       <jdk>/bin/java -jar server/target/drydock.jar (no archive, JVM defaults)
#   launcher        JAVA_HOME=<jdk> server/target/drydock, with the archive made at package time
# Both get --database-url postgres://u:p@127.0.0.1:1/none, so that no database work happens at
# all (pools are lazy; no embedded PostgreSQL). Runs of all rows are interleaved, so that noise
# from other processes spreads over every row. A run is timed like a client would see it: spawn,
# write `initialize`, wait for its answer, write `notifications/initialized` and `tools/list`,
# stop the clock when the `tools/list` answer arrives; then stdin is closed and the server must
# exit with status 0. Every stdout line of every run must be a JSON-RPC 2.0 message; otherwise
# the script reports it and exits with status 1. Output: a markdown table (milliseconds; CPU is
# user + system time of the whole process, exit included).
#
# --breakdown compiles a probe against the jar (ColdStartProbe: Drydock's Main with System.nanoTime
# marks when main() starts, when picocli hands over to `serve`, when the toolbox is built and when
# the MCP server is built), trains an archive for it with the launcher's JVM options, and prints the
# median time of each phase, then the classes each phase loads and where they come from.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f -- "${BASH_SOURCE[0]}")")/.." && pwd)
target=$root/server/target
project=${PROJECT:-$root/examples/supabase-starter}
[[ -f $target/drydock.jar && -x $target/drydock ]] \
    || { echo "Build first: mvn -q -B -DskipTests package" >&2; exit 1; }

feature_of() {
    local v
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null) || true
    echo "${v%%[.+-]*}"
}
find_jdk() { # FEATURE_MIN FEATURE_MAX GLOB...: the newest matching JDK home
    local min=$1 max=$2 found= h f
    shift 2
    for h in "$@"; do
        [[ -n $h && -x $h/bin/java ]] || continue
        h=$(readlink -f -- "$h")
        f=$(feature_of "$h")
        if [[ $f =~ ^[0-9]+$ ]] && (( f >= min && f <= max )); then found=$h; fi
    done
    echo "$found"
}

breakdown() {
    local home f javac archive train cp rows=()
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/drydock-breakdown.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/src" "$tmp/classes" "$tmp/project"
    cat > "$tmp/src/ColdStartProbe.java" <<'JAVA'
import dev.drydock.Main;
import dev.drydock.cli.DrydockCommand;
import dev.drydock.tools.Toolbox;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** dev.drydock.Main, plus System.nanoTime() marks on stderr; a marker class is loaded at each mark. */
public final class ColdStartProbe {
    static final class Main0 {} static final class Picocli {} static final class Toolbox0 {} static final class Server {}
    static final PrintStream ERR = System.err;

    static void mark(String phase, Class<?> marker) {
        ERR.println("MARK " + phase + " " + System.nanoTime() + " " + marker.getName());
    }

    public static void main(String[] args) {
        mark("main", Main0.class);
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        System.exit(DrydockCommand.run(args, stdout, (project, url) -> {
            mark("picocli", Picocli.class);
            Toolbox t = Main.toolbox(project, url);
            mark("toolbox", Toolbox0.class);
            return new Toolbox(t.config(), t.handlers(), t.runner(), () -> {
                mark("server", Server.class);
                t.warmUp();
            }, t);
        }));
    }
}
JAVA
    javac=${jdk17:-$jdk25}/bin/javac
    "$javac" -nowarn --release 17 -cp "$target/drydock.jar" -d "$tmp/classes" "$tmp/src/ColdStartProbe.java"
    (cd "$tmp/classes" && "${javac%/javac}/jar" cf "$tmp/probe.jar" .)
    # The launcher's own JVM options, read from it so that they cannot drift.
    eval "$(grep '^opts=(' "$target/drydock")"
    for home in "$jdk17" "$jdk25"; do
        [[ -n $home ]] || continue
        f=$(feature_of "$home")
        if (( f >= 25 )); then archive=(-XX:AOTCache="$tmp/probe-$f.aot"); train=(-XX:AOTCacheOutput="$tmp/probe-$f.aot")
        else archive=(-XX:SharedArchiveFile="$tmp/probe-$f.jsa"); train=(-XX:ArchiveClassesAtExit="$tmp/probe-$f.jsa"); fi
        cp=(-cp "$target/drydock.jar:$tmp/probe.jar" ColdStartProbe)
        # Train like train.sh does: initialize, tools/list, close stdin.
        python3 - "$tmp/project" "$home/bin/java" "${opts[@]}" "${train[@]}" "${cp[@]}" <<'PY' >&2 || { echo "training the probe failed" >&2; exit 1; }
import json, subprocess, sys
p = subprocess.Popen(sys.argv[2:] + ["serve", "--project", sys.argv[1], "--database-url", "postgres://u:p@127.0.0.1:1/none"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
for msg, rid in (({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
                   "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}, 1),
                 ({"jsonrpc": "2.0", "method": "notifications/initialized"}, None),
                 ({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}, 2)):
    p.stdin.write((json.dumps(msg) + "\n").encode()); p.stdin.flush()
    while rid is not None and json.loads(p.stdout.readline()).get("id") != rid:
        pass
p.stdin.close(); p.stdout.read(); sys.exit(p.wait())
PY
        # argv joined with the unit separator, so that paths may hold spaces
        rows+=("$f|java (no options, no archive)|$(printf '%s\x1f' "$home/bin/java" "${cp[@]}")")
        rows+=("$f|launcher options + archive|$(printf '%s\x1f' "$home/bin/java" "${opts[@]}" "${archive[@]}" "${cp[@]}")")
    done
    python3 - "$project" "${RUNS:-10}" "${WARMUP:-2}" "$tmp" "${rows[@]}" <<'PY'
import collections, json, re, statistics, subprocess, sys, threading, time
project, runs, warmup, tmp = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = [r.split("|", 2) for r in sys.argv[5:]]
ARGS = ["serve", "--project", project, "--database-url", "postgres://u:p@127.0.0.1:1/none"]
INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
        "capabilities": {}, "clientInfo": {"name": "bench-cold-start", "version": "1"}}}
PHASES = ["main", "picocli", "toolbox", "server", "initialize", "tools/list"]

def run(argv):
    marks = {}
    t0 = time.monotonic_ns()  # CLOCK_MONOTONIC, as System.nanoTime() on Linux
    p = subprocess.Popen(argv + ARGS, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    def err():
        for line in p.stderr:
            part = line.decode(errors="replace").split()
            if len(part) == 4 and part[0] == "MARK":
                marks[part[1]] = (int(part[2]) - t0) / 1e6
    th = threading.Thread(target=err, daemon=True); th.start()
    def send(m): p.stdin.write((json.dumps(m) + "\n").encode()); p.stdin.flush()
    def until(rid):
        while True:
            line = p.stdout.readline()
            if not line: raise SystemExit("stdout ended early: " + " ".join(argv))
            if json.loads(line).get("id") == rid: return (time.monotonic_ns() - t0) / 1e6
    send(INIT); marks["initialize"] = until(1)
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    send({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}); marks["tools/list"] = until(2)
    p.stdin.close(); p.stdout.read(); p.wait(); th.join(5)
    return marks

res = collections.defaultdict(list)
for i in range(warmup + runs):
    for r in rows:
        m = run(r[2].split("\x1f")[:-1])
        if i >= warmup: res[tuple(r)].append(m)
print("Median ms since spawn at the end of each phase (%d runs, after %d warm-up):\n" % (runs, warmup))
print("| JDK | start | JVM start to main() | picocli: to `serve` | toolbox built | MCP server built | `initialize` answered | `tools/list` answered |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for r in rows:
    med = [statistics.median(m[k] for m in res[tuple(r)]) for k in PHASES]
    print("| %s | %s | " % (r[0], r[1]) + " | ".join("%.0f (+%.0f)" % (v, v - (med[i - 1] if i else 0)) for i, v in enumerate(med)) + " |")

print("\nClasses loaded per phase, by origin (one run with -Xlog:class+load; an AOT cache loads every")
print("cached class while the JVM starts, so with one only the whole run is counted):\n")
print("| JDK | start | phase | classes | from archive | from the jar | JDK (jrt) | generated | the jar's, by package |")
print("|---|---|---|---:|---:|---:|---:|---:|---|")
names = ["to main()", "picocli", "toolbox", "MCP server build", "initialize, tools/list, exit"]
GROUPS = ["picocli", "tools.jackson", "com.fasterxml", "reactor", "io.modelcontextprotocol", "com.networknt",
          "org.slf4j", "dev.drydock", "com.zaxxer", "org.postgresql", "io.zonky", "org.eclipse.jetty", "jakarta"]

def group(cls):
    return next((g for g in GROUPS if cls.startswith(g + ".")), "other")

for r in rows:
    log = "%s/classes.txt" % tmp
    argv = r[2].split("\x1f")[:-1]
    cp = argv.index("-cp")  # after the launcher's -Xlog:disable
    run(argv[:cp] + ["-Xlog:class+load=info:file=" + log] + argv[cp:])
    phase, counts = 0, [collections.Counter() for _ in names]
    pkgs = [collections.Counter() for _ in names]
    markers = ["ColdStartProbe$Main0", "ColdStartProbe$Picocli", "ColdStartProbe$Toolbox0", "ColdStartProbe$Server"]
    for line in open(log):
        m = re.search(r"\] (\S+) source: (.*)$", line)
        if not m: continue
        cls, src = m.groups()
        if phase < len(markers) and cls == markers[phase]:
            phase += 1
        if cls.startswith("ColdStartProbe"):
            continue
        kind = ("archive" if "shared objects file" in src else "jar" if src.startswith(("file:", "jar:"))
                else "jrt" if src.startswith("jrt:") else "generated")
        counts[phase][kind] += 1
        if kind == "jar":
            pkgs[phase][group(cls)] += 1
    if "AOTCache" in r[2]:  # the cache loads its classes, markers included, before main(): no phases
        for i in range(1, len(names)):
            counts[0].update(counts[i]); pkgs[0].update(pkgs[i])
        rows_out = [("whole run", 0)]
    else:
        rows_out = [(n, i) for i, n in enumerate(names)]
    for n, i in rows_out:
        c = counts[i]
        print("| %s | %s | %s | %d | %d | %d | %d | %d | %s |" % (r[0], r[1], n, sum(c.values()), c["archive"], c["jar"],
              c["jrt"], c["generated"], ", ".join("%s %d" % kv for kv in pkgs[i].most_common(5))))
PY
}

path_home=
if command -v java >/dev/null; then
    path_home=$(readlink -f -- "$(command -v java)")
    path_home=${path_home%/bin/java}
fi
jdk17=${JDK17_HOME:-$(find_jdk 17 17 /usr/lib/jvm/*17* "$path_home")}
jdk25=${JDK25_HOME:-$(find_jdk 25 999 /usr/lib/jvm/*25* "${DRYDOCK_AOT_JDK:-}")}

for home in "$jdk17" "$jdk25"; do
    if [[ -n $home && ! -x $home/bin/java ]]; then
        echo "$home/bin/java does not exist (JDK17_HOME / JDK25_HOME)" >&2
        exit 1
    fi
done

if [[ ${1:-} == --breakdown ]]; then
    breakdown
    exit
fi

configs=()
for home in "$jdk17" "$jdk25"; do
    [[ -n $home ]] || continue
    f=$(feature_of "$home")
    archive=none
    for a in "$target/drydock-$f.jsa" "$target/drydock-$f.aot"; do
        if [[ -f $a ]]; then archive=${a##*/}; fi
    done
    configs+=("$f|java -jar|$home|plain")
    configs+=("$f|launcher ($archive)|$home|launcher")
done
[[ ${#configs[@]} -gt 0 ]] || { echo "No JDK 17 or 25 found" >&2; exit 1; }

echo "Machine: $(nproc) cores, $(uname -sr); load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for home in "$jdk17" "$jdk25"; do
    if [[ -n $home ]]; then
        echo "JDK $(feature_of "$home"): $home ($(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$home/release"))" >&2
    fi
done

python3 - "$target" "$project" "${RUNS:-10}" "${WARMUP:-2}" "${configs[@]}" <<'PY'
import json, os, queue, statistics, subprocess, sys, threading, time

target, project, runs, warmup = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
configs = [c.split("|") for c in sys.argv[5:]]
server_args = ["serve", "--project", project, "--database-url", "postgres://u:p@127.0.0.1:1/none"]
TIMEOUT = 60
INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                   "clientInfo": {"name": "bench-cold-start", "version": "1"}}}
problems = []


def command(cfg):
    feature, label, home, kind = cfg
    env = dict(os.environ)
    env.pop("DRYDOCK_JAVA_OPTS", None)
    if kind == "plain":
        return [home + "/bin/java", "-jar", target + "/drydock.jar"] + server_args, env
    env["JAVA_HOME"] = home
    return [target + "/drydock"] + server_args, env


def valid_jsonrpc(line):
    try:
        m = json.loads(line)
    except ValueError:
        return False
    return (isinstance(m, dict) and m.get("jsonrpc") == "2.0"
            and (("id" in m and ("result" in m or "error" in m)) or "method" in m))


def run(cfg):
    """One cold start; returns (ms to initialize answer, ms to tools/list answer, CPU ms)."""
    argv, env = command(cfg)
    name = "JDK %s %s" % (cfg[0], cfg[1])
    lines = queue.Queue()
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, bufsize=0)
    stderr = []
    threading.Thread(target=lambda: stderr.append(p.stderr.read()), daemon=True).start()

    def pump():
        for raw in p.stdout:
            lines.put(raw)
        lines.put(None)
    threading.Thread(target=pump, daemon=True).start()
    seen = []

    def until(rid):
        deadline = time.perf_counter() + TIMEOUT
        while True:
            raw = lines.get(timeout=max(0.001, deadline - time.perf_counter()))
            if raw is None:
                raise RuntimeError("stdout closed before the answer to id %d" % rid)
            seen.append(raw)
            if not valid_jsonrpc(raw):
                problems.append("%s: stdout line is not JSON-RPC: %r" % (name, raw[:200]))
                continue
            m = json.loads(raw)
            if m.get("id") == rid:
                return m

    def send(obj):
        p.stdin.write((json.dumps(obj) + "\n").encode())
        p.stdin.flush()
    try:
        send(INIT)
        until(1)
        t_init = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        send({"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
        answer = until(2)
        t_list = time.perf_counter()
        if not answer.get("result", {}).get("tools"):
            problems.append("%s: tools/list answered without tools: %r" % (name, answer))
        p.stdin.close()
        deadline = time.perf_counter() + TIMEOUT
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                raise RuntimeError("still running %d s after stdin was closed" % TIMEOUT)
            time.sleep(0.005)
        p.returncode = os.waitstatus_to_exitcode(status)
        while True:  # the rest of stdout, up to EOF
            raw = lines.get(timeout=TIMEOUT)
            if raw is None:
                break
            if not valid_jsonrpc(raw):
                problems.append("%s: stdout line is not JSON-RPC: %r" % (name, raw[:200]))
        if p.returncode != 0:
            problems.append("%s: exit status %d" % (name, p.returncode))
    except (RuntimeError, queue.Empty) as e:
        p.kill()
        p.wait()
        time.sleep(0.2)
        raise SystemExit("%s: %s\nstdout: %r\nstderr: %s" % (
            name, e or "timed out", seen, b"".join(stderr).decode(errors="replace")[-2000:]))
    return (t_init - t0) * 1000, (t_list - t0) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


results = {tuple(c): [] for c in configs}
for i in range(warmup + runs):
    for cfg in configs:
        r = run(cfg)
        if i >= warmup:
            results[tuple(cfg)].append(r)

print("| JDK | start | median | min | max | `initialize` median | CPU median |")
print("|---|---|---:|---:|---:|---:|---:|")
for cfg in configs:
    rs = results[tuple(cfg)]
    lst = [r[1] for r in rs]
    print("| %s | %s | **%.0f** | %.0f | %.0f | %.0f | %.0f |" % (
        cfg[0], cfg[1], statistics.median(lst), min(lst), max(lst),
        statistics.median(r[0] for r in rs), statistics.median(r[2] for r in rs)))
print("\n%d timed runs per row (after %d warm-up), milliseconds from spawn to the `tools/list` answer."
      % (runs, warmup))
if problems:
    print("\nFAILED:\n" + "\n".join(problems[:20]), file=sys.stderr)
    sys.exit(1)
PY
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
