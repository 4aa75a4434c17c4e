#!/usr/bin/env bash
# Cross-node delivery benchmark (issue #16 item 5; on demand, not a test): one throw-away PostgreSQL (Debian's
# postgresql 15 binaries), one throw-away redis-server, two server processes of one cluster, then the bench's
# `crossnode` scenario: POSTs on node A at BENCH_RATE_FANOUT/s, BENCH_SOCKETS sockets split over both nodes, delivery
# latency on B (cross-node, through Redis) next to A (local) in the same run. Writes BENCH_OUT (default
# docs/BENCHMARKS-crossnode.md). Loopback is a trusted proxy here, so the 256-connections-per-peer bound (2.1) does not
# cap the sockets. Usage: bash infra/bench/crossnode.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

BENCH_WARMUP_S=${BENCH_WARMUP_S:-5}
BENCH_DURATION_S=${BENCH_DURATION_S:-20}
BENCH_RATE_FANOUT=${BENCH_RATE_FANOUT:-100}
BENCH_SOCKETS=${BENCH_SOCKETS:-1000}
BENCH_USERS=${BENCH_USERS:-20}
BENCH_OUT=${BENCH_OUT:-docs/BENCHMARKS-crossnode.md}
BENCH_SKIP_BUILD=${BENCH_SKIP_BUILD:-0}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

log() { echo "crossnode: $*"; }
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2* 2>/dev/null | tail -n 1)}
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH" MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
command -v redis-server >/dev/null || { echo "redis-server is required (apt-get install redis-server)" >&2; exit 1; }
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL binaries not found in $PG_BIN (set PG_BIN)" >&2; exit 1; }

SERVER_JAR=$ROOT/bootstrap/target/filament-server.jar
BENCH_JAR=$ROOT/infra/bench/target/filament-bench.jar
if [ "$BENCH_SKIP_BUILD" != 1 ] || [ ! -f "$SERVER_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  log "building the server and the bench"
  mvn -B -q -DskipTests package
  mvn -B -q -f infra/bench/pom.xml package
fi

WORK=$(mktemp -d /tmp/filament-crossnode.XXXXXX)
PIDS=()
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  sleep 3
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

PG_PORT=$(free_port); REDIS_PORT=$(free_port); PORT_A=$(free_port); PORT_B=$(free_port)
log "PostgreSQL on $PG_PORT, Redis on $REDIS_PORT, nodes on $PORT_A and $PORT_B (work dir $WORK)"
if [ "$(id -u)" -eq 0 ]; then RUN_PG=(runuser -u nobody --); chmod 777 "$WORK"; else RUN_PG=(); fi
"${RUN_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U filament --auth=trust >/dev/null
"${RUN_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" \
  -l "$WORK/pg.log" start >/dev/null
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
PIDS+=($!)

start_node() { # id port
  env FILAMENT_BIND_ADDR="127.0.0.1:$2" FILAMENT_NODE_ID="$1" \
      FILAMENT_DATABASE_URL="postgres://filament@127.0.0.1:$PG_PORT/postgres" \
      FILAMENT_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
      FILAMENT_DATA_DIR="$WORK/data-$1" FILAMENT_ATTACHMENT_ROOT="$WORK/blobs" FILAMENT_LOG_FORMAT=json \
      FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE=1000000000 FILAMENT_AUTH_ROUTE_REQUESTS_PER_MINUTE=1000000 \
      FILAMENT_DIRECTORY_JOIN_REQUESTS_PER_MINUTE_PER_IP=1000000 \
      FILAMENT_DIRECTORY_JOIN_REQUESTS_PER_MINUTE_PER_USER=1000000 \
      FILAMENT_GATEWAY_INGRESS_EVENTS_PER_WINDOW=1000000 \
      FILAMENT_TRUSTED_PROXY_CIDRS=127.0.0.1/32 \
      "$JAVA_HOME/bin/java" -jar "$SERVER_JAR" >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}
start_node node-a "$PORT_A"
sleep 5 # node A applies the migrations first
start_node node-b "$PORT_B"
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 0.5; done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" || { tail -n 30 "$WORK"/node-*.log; exit 1; }
done
log "both nodes ready"

STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
timeout 900 "$JAVA_HOME/bin/java" -jar "$BENCH_JAR" \
  --server="http://127.0.0.1:$PORT_A" --server-b="http://127.0.0.1:$PORT_B" --scenarios=crossnode \
  --warmup-s="$BENCH_WARMUP_S" --duration-s="$BENCH_DURATION_S" --rate-fanout="$BENCH_RATE_FANOUT" \
  --sockets="$BENCH_SOCKETS" --users="$BENCH_USERS" --work-dir="$WORK/bench" --out="$WORK/results.md"

mkdir -p "$(dirname "$BENCH_OUT")"
{
  echo "# Cross-node delivery benchmark"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| Command | \`bash infra/bench/crossnode.sh\` |"
  echo "| Date | $STARTED |"
  echo "| Commit | \`$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\` |"
  echo "| Machine | $(nproc) cores, load before the run $LOAD |"
  echo "| Cluster | 2 server processes, PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), $(redis-server --version | awk '{print $3}'), all on 127.0.0.1 |"
  echo
  cat "$WORK/results.md"
} >"$BENCH_OUT"
log "wrote $BENCH_OUT"
