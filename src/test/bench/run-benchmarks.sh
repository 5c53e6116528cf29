#!/usr/bin/env bash
# Gateway benchmarks and their floors, measured in one run on one machine; prints a markdown table.
#   src/test/bench/run-benchmarks.sh                 # ~8 minutes with the defaults; BENCH_SOAK_SECONDS=600 adds the soak
#   BENCH_SECONDS=2 BENCH_WARMUP_SECONDS=1 src/test/bench/run-benchmarks.sh   # quick pass
# Needs: java 17, PostgreSQL on 127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379, psql, pgbench,
# redis-benchmark, curl. Creates (and drops) the database $BENCH_DB. Exits 1 if any run had unexpected answers.
set -uo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
JAR=${BENCH_JAR:-$ROOT/target/fs-gateway.jar}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP_SECONDS:-15}
CONCURRENCIES=${BENCH_CONCURRENCIES:-"1 16 64"}
SCENARIOS=${BENCH_SCENARIOS:-"check_username new_customer mixed"}
RATE=${BENCH_RATE:-2000}
RATE_CONNECTIONS=${BENCH_RATE_CONNECTIONS:-64}
REDIS_REQUESTS=${BENCH_REDIS_REQUESTS:-100000}
HOLD=${BENCH_HOLD_CONNECTIONS:-1000}
LOGIN_RATE=${BENCH_LOGIN_RATE:-20}
SOAK=${BENCH_SOAK_SECONDS:-0}
GW_PORT=${BENCH_GATEWAY_PORT:-18080}
FLOOR_PORT=${BENCH_FLOOR_PORT:-18081}
MGMT_PORT=${BENCH_MANAGEMENT_PORT:-18090}
DB=${BENCH_DB:-fsgw_bench}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA"
OUT=${BENCH_OUT:-$ROOT/target/bench}
export BENCH_AGENT_PASSWORD=${BENCH_AGENT_PASSWORD:-Bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')}
mkdir -p "$OUT"
RESULTS="$OUT/results.md"
FAILED=0
GW_PID=""
FLOOR_PID=""

log() { echo "[bench] $*" >&2; }
cleanup() {
  [ -n "$GW_PID" ] && kill "$GW_PID" 2>/dev/null && wait "$GW_PID" 2>/dev/null
  [ -n "$FLOOR_PID" ] && kill "$FLOOR_PID" 2>/dev/null && wait "$FLOOR_PID" 2>/dev/null
}
trap cleanup EXIT

# --- build, database ---------------------------------------------------------------------------------------------
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  mvn -q -DskipTests package || { log "build failed"; exit 2; }
fi
ulimit -n 8192 2>/dev/null || true
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" || { log "cannot create $DB"; exit 2; }

# --- gateway: start-up to ready ----------------------------------------------------------------------------------
if curl -s -o /dev/null "http://127.0.0.1:$GW_PORT/" || curl -s -o /dev/null "http://127.0.0.1:$FLOOR_PORT/"; then
  log "port $GW_PORT or $FLOOR_PORT is already in use (another gateway or floor server?): stop it first"; exit 2
fi
CARD_KEY=$(head -c 32 /dev/urandom | base64)
start_ns=$(date +%s%N)
GW_HTTP_HOST=127.0.0.1 GW_HTTP_PORT=$GW_PORT GW_MANAGEMENT_HOST=127.0.0.1 GW_MANAGEMENT_PORT=$MGMT_PORT GW_PG_HOST=127.0.0.1 GW_PG_PORT=5432 GW_PG_DATABASE=$DB \
  GW_PG_USER=postgres GW_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379} GW_BILLING_CARD_KEY=$CARD_KEY \
  java ${BENCH_GATEWAY_JAVA_OPTS:-} -jar "$JAR" serve >"$OUT/gateway.log" 2>&1 &
GW_PID=$!
READY_MS=""
for _ in $(seq 1 3000); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MGMT_PORT/health/ready")" = 200 ]; then
    READY_MS=$(( ($(date +%s%N) - start_ns) / 1000000 )); break
  fi
  kill -0 "$GW_PID" 2>/dev/null || break
  sleep 0.02
done
if [ -n "$READY_MS" ]; then
  log "gateway ready in ${READY_MS} ms"
else
  log "gateway did not become ready (see $OUT/gateway.log); gateway rows will be n/a"
  tail -5 "$OUT/gateway.log" >&2
  FAILED=1
fi

# --- seed: agent, domain, package -------------------------------------------------------------------------------
# The admin CLI first (it hashes with the gateway's own AgentPasswords); psql inserts with a hash from
# HashPassword.java if the CLI is missing or fails. Either way the ids are read back with psql.
admin() {
  GW_PG_HOST=127.0.0.1 GW_PG_PORT=5432 GW_PG_DATABASE=$DB GW_PG_USER=postgres java -jar "$JAR" admin "$@"
}
seed_with_cli() {
  printf '%s\n' "$BENCH_AGENT_PASSWORD" | admin agent create --username bench --name "Bench reseller" --password-stdin \
    && admin domain create --domain bench.example.net \
    && admin package create --name "Bench 20 Mbps" --setup 0 --recur 19.95 --freq 1 --default-domain bench.example.net \
    && admin package allow --agent bench --pkgpart "$($PG -d "$DB" -c "SELECT max(pkgpart) FROM part_pkg")"
}
seed_with_psql() {
  local hash domsvc
  hash=$(java -cp "$JAR" "$ROOT/src/test/bench/HashPassword.java") || return 1
  domsvc=$($PG -d "$DB" -c "INSERT INTO svc_domain (domain) VALUES ('bench.example.net') RETURNING svcnum") || return 1
  $PG -d "$DB" -v h="$hash" -c "INSERT INTO agent (agent, username, password_hash) VALUES ('Bench reseller', 'bench', :'h')" \
    && $PG -d "$DB" -c "INSERT INTO part_pkg (pkg, setup_fee, recur_fee, freq, default_domsvc) VALUES ('Bench 20 Mbps', 0, 19.95, 1, $domsvc)" \
    && $PG -d "$DB" -c "INSERT INTO agent_pkg SELECT a.agentnum, max(p.pkgpart) FROM agent a, part_pkg p WHERE a.username = 'bench' GROUP BY a.agentnum"
}
seed() {
  if seed_with_cli >"$OUT/seed.log" 2>&1; then log "seeded with the admin CLI"; else
    log "admin CLI seeding failed ($(tail -1 "$OUT/seed.log")); using psql"
    $PG -d "$DB" -c "TRUNCATE agent_pkg, part_pkg, svc_domain, agent CASCADE" >/dev/null 2>&1
    seed_with_psql || return 1; log "seeded with psql"
  fi
  $PG -d "$DB" -F ' ' -c "SELECT a.agentnum, ap.pkgpart, d.svcnum FROM agent a JOIN agent_pkg ap USING (agentnum), svc_domain d WHERE a.username = 'bench' AND d.domain = 'bench.example.net'"
}
if [ -z "$READY_MS" ]; then
  log "gateway not up: applying V1__schema.sql directly so the floors can still run"
  $PG -d "$DB" -f src/main/resources/db/migration/V1__schema.sql >/dev/null
fi
IDS=$(seed) && [ -n "$IDS" ] || { log "seeding failed, see $OUT/seed.log"; exit 2; }
read -r AGENTNUM PKGPART DOMSVC <<<"$IDS"
log "bench ids: agent $AGENTNUM, pkgpart $PKGPART, domain svcnum $DOMSVC"

# --- helpers ------------------------------------------------------------------------------------------------------
declare -A RPS P50 P99 UNEXP CMD
# run_bench KEY ARGS... : one driver run; its SUMMARY line goes into the arrays under KEY
run_bench() {
  local key=$1; shift
  local cmd="java -jar target/fs-gateway.jar bench $* --duration ${SECONDS_PER_RUN}s --warmup ${WARMUP}s"
  CMD[$key]=$cmd
  log "$key: $cmd"
  (cd "$ROOT" && $cmd) >"$OUT/$key.log" 2>&1
  local rc=$?
  local line; line=$(grep '^SUMMARY' "$OUT/$key.log" | tail -1)
  RPS[$key]=$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<<"$line"); RPS[$key]=${RPS[$key]:-n/a}
  P50[$key]=$(sed -n 's/.* p50=\([0-9.]*\).*/\1/p' <<<"$line"); P50[$key]=${P50[$key]:-n/a}
  P99[$key]=$(sed -n 's/.* p99=\([0-9.]*\).*/\1/p' <<<"$line"); P99[$key]=${P99[$key]:-n/a}
  UNEXP[$key]=$(sed -n 's/.* unexpected=\([0-9]*\).*/\1/p' <<<"$line"); UNEXP[$key]=${UNEXP[$key]:-n/a}
  if [ $rc -ne 0 ]; then FAILED=1; log "$key: exit $rc: $(grep -m3 -E 'FAILED|failed|  - ' "$OUT/$key.log" | tr '\n' ' ')"; fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2f", a / b; else printf "n/a" }'; }

# --- gateway runs ---------------------------------------------------------------------------------------------------
GW_URL="http://127.0.0.1:$GW_PORT/RPC2"
COMMON="--url $GW_URL --username bench --password-env BENCH_AGENT_PASSWORD --pkgpart $PKGPART --domain bench.example.net"
if [ -n "$READY_MS" ]; then
  for s in $SCENARIOS; do
    for c in $CONCURRENCIES; do run_bench "gw-$s-c$c" $COMMON --scenario "$s" --concurrency "$c"; done
  done
  run_bench "gw-check_username-rate$RATE" $COMMON --scenario check_username --concurrency "$RATE_CONNECTIONS" --rate "$RATE"
  # The same open-loop checks while agent_login (argon2id on its own worker pool) arrives at LOGIN_RATE per second.
  (cd "$ROOT" && java -jar target/fs-gateway.jar bench $COMMON --scenario agent_login --concurrency 8 \
    --rate "$LOGIN_RATE" --duration "$((SECONDS_PER_RUN + WARMUP + 2))s" --warmup 1s) >"$OUT/gw-logins.log" 2>&1 &
  LOGIN_PID=$!
  run_bench "gw-check_username-rate$RATE-logins" $COMMON --scenario check_username --concurrency "$RATE_CONNECTIONS" --rate "$RATE"
  wait $LOGIN_PID || { FAILED=1; log "logins: $(tail -2 "$OUT/gw-logins.log")"; }
  LOGIN_SUMMARY=$(grep '^SUMMARY' "$OUT/gw-logins.log" | tail -1)
  if [ "$SOAK" -gt 0 ]; then
    # Memory over a long mixed run: RSS every 60 s must not keep growing.
    log "soak: mixed c=16 for ${SOAK}s, RSS sampled every 60 s"
    (cd "$ROOT" && java -jar target/fs-gateway.jar bench $COMMON --scenario mixed --concurrency 16 \
      --duration "${SOAK}s" --warmup 5s) >"$OUT/soak.log" 2>&1 &
    SOAK_PID=$!
    SOAK_RSS=""
    for _ in $(seq 1 $((SOAK / 60 + 1))); do
      kill -0 "$SOAK_PID" 2>/dev/null || break
      SOAK_RSS="$SOAK_RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$GW_PID/status)"
      sleep 60
    done
    wait $SOAK_PID || { FAILED=1; log "soak: $(tail -2 "$OUT/soak.log")"; }
    SOAK_SUMMARY=$(grep '^SUMMARY' "$OUT/soak.log" | tail -1)
  fi
  RSS_IDLE=$(awk '/VmRSS/ {print $2}' /proc/$GW_PID/status)
  java -jar "$JAR" bench --url "$GW_URL" --hold-connections "$HOLD" --duration 8s >"$OUT/hold.log" 2>&1 &
  HOLD_PID=$!
  sleep 5
  RSS_HELD=$(awk '/VmRSS/ {print $2}' /proc/$GW_PID/status)
  wait $HOLD_PID || { FAILED=1; log "hold: $(cat "$OUT/hold.log" | tail -2)"; }
  HELD=$(sed -n 's/^HELD \([0-9]*\).*/\1/p' "$OUT/hold.log")
  kill "$GW_PID" 2>/dev/null; wait "$GW_PID" 2>/dev/null; GW_PID=""
fi

# --- floors ---------------------------------------------------------------------------------------------------------
java -jar "$JAR" bench floor-http --port "$FLOOR_PORT" >"$OUT/floor-http.log" 2>&1 &
FLOOR_PID=$!
for _ in $(seq 1 500); do grep -q listening "$OUT/floor-http.log" && break; sleep 0.02; done
for c in $CONCURRENCIES; do
  run_bench "floor-http-c$c" --url "http://127.0.0.1:$FLOOR_PORT/RPC2" --scenario canned --concurrency "$c"
done
run_bench "floor-http-rate$RATE" --url "http://127.0.0.1:$FLOOR_PORT/RPC2" --scenario canned \
  --concurrency "$RATE_CONNECTIONS" --rate "$RATE"
kill "$FLOOR_PID"; wait "$FLOOR_PID" 2>/dev/null; FLOOR_PID=""

for c in $CONCURRENCIES; do
  key="floor-pg-c$c"; j=$(( c < $(nproc) ? c : $(nproc) ))
  CMD[$key]="pgbench -h 127.0.0.1 -U postgres -n -M prepared -c $c -j $j -T $SECONDS_PER_RUN -f src/test/bench/signup.sql -D agentnum=$AGENTNUM -D pkgpart=$PKGPART -D domsvc=$DOMSVC $DB"
  log "$key: ${CMD[$key]}"
  (cd "$ROOT" && ${CMD[$key]}) >"$OUT/$key.log" 2>&1 || { FAILED=1; log "$key failed: $(tail -2 "$OUT/$key.log")"; }
  RPS[$key]=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/$key.log" | head -1); RPS[$key]=${RPS[$key]:-n/a}
  P50[$key]="avg $(sed -n 's/^latency average = \([0-9.]*\).*/\1/p' "$OUT/$key.log")"
  P99[$key]="-"
  key="floor-redis-c$c"
  CMD[$key]="redis-benchmark -h 127.0.0.1 -p 6379 -c $c -n $REDIS_REQUESTS -t get -q"
  log "$key: ${CMD[$key]}"
  ${CMD[$key]} >"$OUT/$key.log" 2>&1 || FAILED=1
  line=$(tr '\r' '\n' <"$OUT/$key.log" | grep '^GET:' | tail -1)
  RPS[$key]=$(sed -n 's/^GET: \([0-9.]*\) requests per second.*/\1/p' <<<"$line"); RPS[$key]=${RPS[$key]:-n/a}
  P50[$key]=$(sed -n 's/.*p50=\([0-9.]*\) msec.*/\1/p' <<<"$line"); P50[$key]=${P50[$key]:--}
  P99[$key]="-"
done
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true

# --- table ----------------------------------------------------------------------------------------------------------
row() { # row LABEL GWKEY FLOORLABEL FLOORKEY
  local g=$2 f=$4
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | `%s` |\n' "$1" "${RPS[$g]:-n/a}" "${P50[$g]:-n/a}" \
    "${P99[$g]:-n/a}" "${UNEXP[$g]:-n/a}" "$3" "${RPS[$f]:-n/a}" "${P50[$f]:-n/a}" "$(ratio "${RPS[$g]:-}" "${RPS[$f]:-}")" \
    "${CMD[$g]:-gateway not running}"
}
{
  echo "## Gateway benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- machine: \`nproc\` = $(nproc), memory $(free -m | awk '/^Mem:/ {print $2}') MiB, $(java -version 2>&1 | head -1)"
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD)); ${SECONDS_PER_RUN} s measured after ${WARMUP} s warm-up per run; driver on one event loop"
  echo "- gateway start-up to /health/ready 200 (external PG/Redis, migrations included): ${READY_MS:-n/a} ms"
  echo "- gateway RSS: idle after the runs ${RSS_IDLE:-n/a} kB; holding ${HELD:-n/a} keep-alive connections ${RSS_HELD:-n/a} kB"
  echo "- check_username open ${RATE}/s p99: ${P99[gw-check_username-rate$RATE]:-n/a} ms alone, ${P99[gw-check_username-rate$RATE-logins]:-n/a} ms while agent_login arrives at ${LOGIN_RATE}/s (logins: ${LOGIN_SUMMARY:-n/a})"
  [ "$SOAK" -gt 0 ] && echo "- soak: mixed c=16 for ${SOAK} s, RSS MiB every 60 s:${SOAK_RSS:- n/a} (${SOAK_SUMMARY:-n/a})"
  echo
  echo "| gateway run | req/s | p50 ms | p99 ms | unexpected | floor | floor req/s | floor p50 ms | gateway/floor | command |"
  echo "|---|---:|---:|---:|---:|---|---:|---:|---:|---|"
  for c in $CONCURRENCIES; do
    row "check_username c=$c" "gw-check_username-c$c" "HTTP canned c=$c" "floor-http-c$c"
    row "check_username c=$c" "gw-check_username-c$c" "redis GET c=$c" "floor-redis-c$c"
  done
  row "check_username open ${RATE}/s" "gw-check_username-rate$RATE" "HTTP canned open ${RATE}/s" "floor-http-rate$RATE"
  for c in $CONCURRENCIES; do
    row "new_customer c=$c" "gw-new_customer-c$c" "pgbench signup c=$c" "floor-pg-c$c"
  done
  for c in $CONCURRENCIES; do
    row "mixed c=$c" "gw-mixed-c$c" "HTTP canned c=$c" "floor-http-c$c"
  done
  echo
  echo "Floor commands:"
  for k in $(printf '%s\n' "${!CMD[@]}" | grep '^floor' | sort); do echo "- $k: \`${CMD[$k]}\`"; done
  echo
  echo "Per-run logs (per-method tables): $OUT/*.log"
} >"$RESULTS"
cat "$RESULTS"
exit $FAILED
