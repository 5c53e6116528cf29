#!/usr/bin/env bash
# What metrics and the access log cost: check_username throughput (closed loop, 64 connections) of one gateway
# with metrics.enabled and log.access off/on, each mode run BENCH_ROUNDS times alternately (each round starting one
# mode further on), ratios against both off.
# With wrk it also reads the gateway's CPU time over each measured run (/proc/PID/stat): CPU per call, which other
# work on the machine disturbs less than throughput does.
# Load comes from wrk (src/test/bench/wrk/check_username.lua, one session logged in per gateway start) when wrk is
# installed, else from the jar's JVM driver (BENCH_DRIVER=wrk|jvm forces one); the driver used is printed.
#   src/test/bench/ops-overhead.sh                          # ~5 minutes with the defaults
#   BENCH_SECONDS=3 BENCH_WARMUP_SECONDS=2 BENCH_ROUNDS=1 src/test/bench/ops-overhead.sh   # quick pass
# Needs: java 17, wrk (optional), PostgreSQL on 127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379, psql, curl. The gateway's
# output (access lines included) goes to a file, as a container runtime would take it. Creates and drops $BENCH_DB.
set -uo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
JAR=${BENCH_JAR:-$ROOT/target/fs-gateway.jar}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP_SECONDS:-10}
ROUNDS=${BENCH_ROUNDS:-3}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
CONCURRENCY=${BENCH_CONCURRENCY:-64}
GW_PORT=${BENCH_GATEWAY_PORT:-24080}
MGMT_PORT=${BENCH_MANAGEMENT_PORT:-24090}
DB=${BENCH_DB:-fsgw_ops_bench}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA"
OUT=${BENCH_OUT:-$ROOT/target/bench-ops}
export BENCH_AGENT_PASSWORD=${BENCH_AGENT_PASSWORD:-Bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')}
CARD_KEY=$(head -c 32 /dev/urandom | base64)
mkdir -p "$OUT"
# login, choose_driver, wrk_run and wrk_field come from bench-lib.sh; this script's own log/start_gateway follow it.
. "$ROOT/src/test/bench/bench-lib.sh"
GW_PID=""

log() { echo "[ops-bench] $*" >&2; }
stop_gateway() {
  if [ -n "$GW_PID" ]; then kill "$GW_PID" 2>/dev/null; wait "$GW_PID" 2>/dev/null; GW_PID=""; fi
}
trap 'stop_gateway; $PG -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1' EXIT

[ -f "$JAR" ] || { log "building $JAR"; mvn -q -DskipTests package || exit 2; }
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" || exit 2
env_common=(GW_HTTP_HOST=127.0.0.1 GW_HTTP_PORT=$GW_PORT GW_MANAGEMENT_HOST=127.0.0.1 GW_MANAGEMENT_PORT=$MGMT_PORT
  GW_PG_HOST=127.0.0.1 GW_PG_PORT=5432 GW_PG_DATABASE=$DB GW_PG_USER=postgres
  GW_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379} GW_BILLING_CARD_KEY=$CARD_KEY GW_SHUTDOWN_DRAIN_DELAY_SECONDS=0)
admin() { env "${env_common[@]}" java -jar "$JAR" admin "$@"; }
# start_gateway LOG ENV...: starts the gateway (it migrates the schema) and waits for readiness
start_gateway() {
  local out=$1; shift
  env "${env_common[@]}" "$@" java ${BENCH_GATEWAY_JAVA_OPTS:-} -jar "$JAR" serve >"$out" 2>&1 &
  GW_PID=$!
  for _ in $(seq 1 1500); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MGMT_PORT/health/ready")" = 200 ] && return 0
    kill -0 "$GW_PID" 2>/dev/null || { log "gateway exited: $(tail -3 "$out")"; exit 2; }
    sleep 0.02
  done
  log "gateway not ready: $(tail -3 "$out")"; exit 2
}
start_gateway "$OUT/gateway-migrate.log"
stop_gateway
{ printf '%s\n' "$BENCH_AGENT_PASSWORD" | admin agent create --username bench --name "Bench reseller" --password-stdin \
  && admin domain create --domain bench.example.net \
  && admin package create --name "Bench" --setup 0 --recur 19.95 --freq 1 --default-domain bench.example.net \
  && admin package allow --agent bench --pkgpart "$($PG -d "$DB" -c "SELECT max(pkgpart) FROM part_pkg")"; } \
  >"$OUT/seed.log" 2>&1 || { log "seeding failed: $(tail -2 "$OUT/seed.log")"; exit 2; }

# run MODE METRICS ACCESS ROUND: one gateway start, one driver run (warm-up, then the measured run); prints req/s and
# the gateway's CPU µs per call over the measured run (wrk only)
run() {
  local mode=$1 metrics=$2 access=$3 round=$4 url="http://127.0.0.1:$GW_PORT/RPC2" logf="$OUT/bench-$mode-$round.log"
  start_gateway "$OUT/gateway-$mode-$round.log" GW_METRICS_ENABLED=$metrics GW_LOG_ACCESS=$access
  if [ "$DRIVER" = wrk ]; then
    BENCH_SESSION_ID=$(login "$url")
    [ -n "$BENCH_SESSION_ID" ] || { log "agent_login through the gateway failed ($mode, round $round)"; stop_gateway; return; }
    export BENCH_SESSION_ID BENCH_DOMAIN=bench.example.net
    # wrk sees only HTTP statuses: one call by hand first, so a fault or an error answer cannot pass for throughput
    xml_call check_username session_id "$BENCH_SESSION_ID" username ckprobe domain bench.example.net | post "$url" | answer_ok \
      || { log "check_username through the gateway does not answer error '' ($mode, round $round)"; stop_gateway; return; }
    wrk_run "$OUT/bench-$mode-$round-warmup.log" "$url" check_username "$CONCURRENCY" "$WARMUP"
    local ticks; ticks=$(cpu_ticks "$GW_PID")
    wrk_run "$logf" "$url" check_username "$CONCURRENCY" "$SECONDS_PER_RUN"
    ticks=$(( $(cpu_ticks "$GW_PID") - ticks ))
    stop_gateway
    local f; for f in status timeout read connect; do
      [ "$(wrk_field "$logf" "$f")" = 0 ] || log "$mode round $round: $f errors $(wrk_field "$logf" "$f") (see $logf)"
    done
    echo "$(wrk_field "$logf" rps) $(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$(wrk_field "$logf" requests)" \
      'BEGIN { if (n > 0) printf "%.1f", t * 1e6 / hz / n }')"
  else
    java -jar "$JAR" bench --url "$url" --scenario check_username \
      --concurrency "$CONCURRENCY" --duration "${SECONDS_PER_RUN}s" --warmup "${WARMUP}s" >"$logf" 2>&1
    stop_gateway
    sed -n 's/^SUMMARY.* rps=\([0-9.]*\).*/\1/p' "$logf" | tail -1
  fi
}

choose_driver
declare -A SUM PASSES CPU CPU_PASSES
MODES=("off:false:false" "metrics:true:false" "access:false:true" "both:true:true")
for round in $(seq 1 "$ROUNDS"); do
  # Each round starts one mode further on, so no mode always runs first (or last) in its round.
  for i in "${!MODES[@]}"; do
    IFS=: read -r mode metrics access <<<"${MODES[$(( (i + round - 1) % ${#MODES[@]} ))]}"
    read -r rps cpu <<<"$(run "$mode" "$metrics" "$access" "$round")"
    log "round $round, $mode (metrics=$metrics, access log=$access): ${rps:-n/a} req/s, ${cpu:-n/a} µs CPU per call (load average after: $(cut -d' ' -f1 /proc/loadavg))"
    PASSES[$mode]="${PASSES[$mode]:+${PASSES[$mode]}, }${rps:-n/a}"
    SUM[$mode]=$(awk -v a="${SUM[$mode]:-0}" -v b="${rps:-0}" 'BEGIN { print a + b }')
    CPU_PASSES[$mode]="${CPU_PASSES[$mode]:+${CPU_PASSES[$mode]}, }${cpu:-n/a}"
    CPU[$mode]=$(awk -v a="${CPU[$mode]:-0}" -v b="${cpu:-0}" 'BEGIN { print a + b }')
  done
done
echo "Driver: $DRIVER_DESC; $ROUNDS rounds of ${SECONDS_PER_RUN} s after ${WARMUP} s warm-up, modes alternated in each round, each round starting one mode further on."
echo "| mode | check_username req/s per round | mean ($CONCURRENCY connections) | × both off | gateway CPU µs per call, per round | × both off |"
echo "|---|---|---|---|---|---|"
for m in "${MODES[@]}"; do
  IFS=: read -r mode metrics access <<<"$m"
  awk -v s="${SUM[$mode]}" -v base="${SUM[off]}" -v n="$ROUNDS" -v label="metrics=$metrics, log.access=$access" \
    -v passes="${PASSES[$mode]}" -v c="${CPU[$mode]}" -v cbase="${CPU[off]}" -v cpasses="${CPU_PASSES[$mode]}" \
    'BEGIN { printf "| %s | %s | %.0f | %s | %s | %s |\n", label, passes, s / n, (base > 0 ? sprintf("%.3f", s / base) : "n/a"),
      cpasses, (cbase > 0 ? sprintf("%.3f", c / cbase) : "n/a") }'
done
