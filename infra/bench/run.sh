#!/usr/bin/env bash
# On-demand benchmarks (not tests): builds the server and the bench, starts the server on loopback with a throw-away
# data directory and raised limits, runs every scenario with its same-run baseline, stops the server and writes
# docs/BENCHMARKS.md. Usage: bash infra/bench/run.sh   (knobs: the BENCH_* variables below)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

BENCH_WARMUP_S=${BENCH_WARMUP_S:-5}
BENCH_DURATION_S=${BENCH_DURATION_S:-20}
BENCH_RATE_ME=${BENCH_RATE_ME:-200}
BENCH_RATE_MESSAGES=${BENCH_RATE_MESSAGES:-50}
BENCH_RATE_FANOUT=${BENCH_RATE_FANOUT:-10}
BENCH_SOCKETS=${BENCH_SOCKETS:-1000}
BENCH_USERS=${BENCH_USERS:-20}
BENCH_SCENARIOS=${BENCH_SCENARIOS:-idle,me,messages,fanout,saturation}  # idle first: its baseline is a fresh server
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_IDLE_SOCKETS=${BENCH_IDLE_SOCKETS:-10000}
BENCH_OUT=${BENCH_OUT:-docs/BENCHMARKS.md}
BENCH_SKIP_BUILD=${BENCH_SKIP_BUILD:-0}

log() { echo "bench: $*"; }

# --- JDK >= 21, chosen like .ci/run -------------------------------------------------------------------------------
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate" || echo 0)
    if [ "${major:-0}" -ge 21 ]; then JAVA_HOME="$candidate"; break; fi
  done
  [ -n "$JAVA_HOME" ] || { echo "no JDK >= 21 found under /usr/lib/jvm" >&2; exit 1; }
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; fi
log "using JAVA_HOME=$JAVA_HOME"

# --- pgbench and psql (Debian: postgresql-contrib pulls postgresql-15, which ships pgbench) ------------------------
if ! command -v pgbench >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
  log "installing pgbench/psql with apt-get (postgresql-contrib)"
  sudo=(); if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
  timeout 300 "${sudo[@]}" apt-get update -qq </dev/null
  DEBIAN_FRONTEND=noninteractive timeout 600 "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    postgresql-contrib postgresql-client </dev/null >/dev/null
fi

# --- wrk (closed-loop saturation) ----------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk with apt-get"
  sudo=(); if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
  timeout 300 "${sudo[@]}" apt-get update -qq </dev/null
  DEBIAN_FRONTEND=noninteractive timeout 600 "${sudo[@]}" apt-get install -y -qq --no-install-recommends wrk </dev/null >/dev/null
fi

# --- build ---------------------------------------------------------------------------------------------------------
SERVER_JAR=$ROOT/bootstrap/target/filament-server.jar
BENCH_JAR=$ROOT/infra/bench/target/filament-bench.jar
if [ "$BENCH_SKIP_BUILD" != 1 ] || [ ! -f "$SERVER_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  log "building the server (mvn -B -q -DskipTests package) and the bench"
  mvn -B -q -DskipTests package
  mvn -B -q -f infra/bench/pom.xml package
fi

# --- server on loopback, throw-away data dir, limits raised so the limiters do not shape the load -----------------
WORK=$(mktemp -d /tmp/filament-bench.XXXXXX)
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then kill -KILL "$SERVER_PID"; fi
  fi
  SERVER_PID=""
  # the embedded PostgreSQL is a child of the server; if the server died hard, stop it by its own pid file
  local pidfile=$WORK/data/postgres/postmaster.pid
  if [ -f "$pidfile" ]; then
    local pg_pid; pg_pid=$(head -n 1 "$pidfile")
    if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then kill -INT "$pg_pid"; sleep 2; fi
  fi
}
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT

log "starting the server (data in $WORK)"
env FILAMENT_BIND_ADDR=127.0.0.1:0 \
    FILAMENT_DATA_DIR="$WORK/data" \
    FILAMENT_ATTACHMENT_ROOT="$WORK/data/attachments" \
    FILAMENT_LOG_FORMAT=json \
    FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE=1000000000 \
    FILAMENT_AUTH_ROUTE_REQUESTS_PER_MINUTE=1000000 \
    FILAMENT_DIRECTORY_JOIN_REQUESTS_PER_MINUTE_PER_IP=1000000 \
    FILAMENT_DIRECTORY_JOIN_REQUESTS_PER_MINUTE_PER_USER=1000000 \
    FILAMENT_GATEWAY_INGRESS_EVENTS_PER_WINDOW=1000000 \
    "$JAVA_HOME/bin/java" -jar "$SERVER_JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

PORT=""; PG_PORT=""
for _ in $(seq 1 240); do
  PORT=$(grep -o 'Filament server ready on port [0-9]*' "$WORK/server.log" | head -n 1 | awk '{print $NF}' || true)
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; echo "server exited during startup" >&2; exit 1; }
  sleep 0.5
done
[ -n "$PORT" ] || { tail -n 50 "$WORK/server.log"; echo "server not ready within 120 s" >&2; exit 1; }
PG_PORT=$(grep -o 'embedded PostgreSQL ready on localhost:[0-9]*' "$WORK/server.log" | head -n 1 | awk -F: '{print $NF}')
for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" && break
  sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" || { echo "/health/ready did not answer 200" >&2; exit 1; }
# the embedded cluster takes password logins only; pgbench and psql (children of the bench) read PGPASSWORD
PGPASSWORD=$(cat "$WORK/data/postgres-password"); export PGPASSWORD
log "server ready on 127.0.0.1:$PORT, embedded PostgreSQL on 127.0.0.1:$PG_PORT"

# --- the bench ---------------------------------------------------------------------------------------------------
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
timeout 900 "$JAVA_HOME/bin/java" -jar "$BENCH_JAR" \
  --server="http://127.0.0.1:$PORT" --pg-port="$PG_PORT" \
  --warmup-s="$BENCH_WARMUP_S" --duration-s="$BENCH_DURATION_S" \
  --rate-me="$BENCH_RATE_ME" --rate-messages="$BENCH_RATE_MESSAGES" --rate-fanout="$BENCH_RATE_FANOUT" \
  --sockets="$BENCH_SOCKETS" --users="$BENCH_USERS" --scenarios="$BENCH_SCENARIOS" \
  --work-dir="$WORK/bench" --out="$WORK/results.md" \
  --pgbench="$(command -v pgbench)" --psql="$(command -v psql)" --wrk="$(command -v wrk || echo wrk)" \
  --connections="$BENCH_CONNECTIONS" --idle-sockets="$BENCH_IDLE_SOCKETS" --server-pid="$SERVER_PID"
PG_VERSION=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -At -c 'show server_version' 2>/dev/null || echo '?')
stop_server

# --- docs/BENCHMARKS.md ------------------------------------------------------------------------------------------
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain -- . ':!docs/BENCHMARKS.md' 2>/dev/null)" ]; then COMMIT="$COMMIT (with uncommitted changes)"; fi
CPU=$(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
JDK=$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)
OVERRIDES=$(env | grep -E '^BENCH_' | sort | tr '\n' ' ' || true)
mkdir -p "$(dirname "$BENCH_OUT")"
{
  echo "# Benchmarks"
  echo
  echo "On-demand load measurements, not tests: \`mvn verify\` never runs them. Every number below comes from one run"
  echo "of the command shown, and every scenario is reported as a ratio to a baseline measured in that same run, so"
  echo "compare ratios across machines, not milliseconds."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| Command | \`${OVERRIDES}bash infra/bench/run.sh\` |"
  echo "| Date | $STARTED |"
  echo "| Commit | \`$COMMIT\` |"
  echo "| Machine | $(nproc) cores ($CPU), $MEM RAM, $(uname -sr) |"
  echo "| Load average before the run | $LOAD (1, 5, 15 min; other work on the machine shows here) |"
  echo "| JDK | $JDK |"
  echo "| Database | embedded PostgreSQL $PG_VERSION (the server's default), pgbench $(pgbench --version | awk '{print $3}') |"
  echo "| Load | java.net.http (HTTP/1.1, virtual threads), HdrHistogram; all traffic on 127.0.0.1 |"
  echo
  echo "The load generator, the server, PostgreSQL and (for the HTTP baseline) the bare Javalin app share the same"
  echo "cores, so absolute numbers include the client's own cost. The server runs with its production defaults except:"
  echo "a fresh data directory, \`FILAMENT_LOG_FORMAT=json\` to a file, and the baseline, auth-route, directory-join"
  echo "and gateway-ingress limits raised so the rate limiters do not shape the load. On a shared 2-core machine the"
  echo "tails (p99 and above) and the database ceiling can differ by several times between back-to-back runs: compare"
  echo "ratios within one run, and repeat a run before trusting a tail."
  echo
  echo "**Method.** Open model: requests are scheduled on a fixed-rate timeline and each one runs on its own virtual"
  echo "thread, so a slow response never delays the next send; latency is measured from the request's *intended* send"
  echo "time (free of coordinated omission) and recorded in an HdrHistogram. Only successes enter the histogram; every"
  echo "other outcome is counted under Errors by status (\`429\`, \`503\`, ...) or kind (\`timeout\`, \`io_error\`)."
  echo "\"Achieved\" is successes per second over the measured window. \"vs baseline\" divides each percentile by the"
  echo "baseline's same percentile."
  echo
  echo "**Closed loop.** The saturation scenario runs \`wrk\` instead: each of $BENCH_CONNECTIONS connections sends its"
  echo "next request when the previous answer arrived, so throughput is the ceiling the server sustains and each row"
  echo "is compared with its same-run ceiling (share of baseline throughput). The idle scenario reports the server's"
  echo "heap after a full GC and its RSS with $BENCH_IDLE_SOCKETS idle subscribed sockets."
  echo
  cat "$WORK/results.md"
  echo "## Reproduce"
  echo
  echo '```sh'
  echo 'bash infra/bench/run.sh                       # builds, runs every scenario (~5 min), rewrites docs/BENCHMARKS.md'
  echo 'BENCH_DURATION_S=10 BENCH_SCENARIOS=me bash infra/bench/run.sh   # shorter, one scenario'
  echo '```'
  echo
  echo "Knobs: \`BENCH_WARMUP_S\` (5), \`BENCH_DURATION_S\` (20), \`BENCH_RATE_ME\` (200), \`BENCH_RATE_MESSAGES\` (50),"
  echo "\`BENCH_RATE_FANOUT\` (10), \`BENCH_SOCKETS\` (1000), \`BENCH_USERS\` (20), \`BENCH_SCENARIOS\` (idle,me,messages,fanout,saturation),"
  echo "\`BENCH_CONNECTIONS\` (32, closed loop), \`BENCH_IDLE_SOCKETS\` (10000),"
  echo "\`BENCH_OUT\` (docs/BENCHMARKS.md), \`BENCH_SKIP_BUILD=1\` (reuse built jars). The driver lives in \`infra/bench/\`,"
  echo "a standalone Maven project outside the root reactor."
} >"$BENCH_OUT"
log "wrote $BENCH_OUT"
