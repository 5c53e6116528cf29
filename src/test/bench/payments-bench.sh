#!/usr/bin/env bash
# Signups through the Authorize.Net simulator against the built-in test processor, same machine, same run:
# new_customer at each of BENCH_CONCURRENCIES (16) clients, each processor in turn on a fresh gateway over one
# database. With BENCH_BEFORE_JAR (a jar built from a commit before the payment journal, e.g. 2a5f2d2) the test
# processor also runs on that jar, on a database of its own: what the journal costs. Prints a markdown table
# (also target/bench/payments.md). The simulator answers at once (no injected delay), so the difference is what
# the processor path itself costs: two HTTP calls (authorize, capture) per signup.
# Needs the machine's PostgreSQL (127.0.0.1:5432, user postgres), Redis (127.0.0.1:6379), psql and curl.
set -uo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
JAR=$ROOT/target/fs-gateway.jar
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP_SECONDS:-15}
CONCURRENCIES=${BENCH_CONCURRENCIES:-16}
BEFORE_JAR=${BENCH_BEFORE_JAR:-}
SIM_PORT=${BENCH_SIM_PORT:-23080}
GW_PORT=${BENCH_GATEWAY_PORT:-23081}
DB=${BENCH_DB:-fsgw_bench_payments}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA"
OUT=${BENCH_OUT:-$ROOT/target/bench}
export BENCH_AGENT_PASSWORD=${BENCH_AGENT_PASSWORD:-Bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')}
mkdir -p "$OUT"
SIM_PID=""
GW_PID=""

log() { echo "[payments-bench] $*" >&2; }
stop_gateway() { [ -n "$GW_PID" ] && kill "$GW_PID" 2>/dev/null && wait "$GW_PID" 2>/dev/null; GW_PID=""; }
cleanup() { stop_gateway; [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null; }
trap cleanup EXIT

if [ ! -f "$JAR" ] || [ ! -d "$ROOT/target/test-classes/net/fsgateway/billing/authorizenet" ]; then
  log "building the jar and the test classes (the simulator lives in test scope)"
  mvn -q -DskipTests package || { log "build failed"; exit 2; }
fi
for port in $SIM_PORT $GW_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then log "port $port is in use: stop what listens there"; exit 2; fi
done
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" || { log "cannot create $DB"; exit 2; }

java -cp "$ROOT/target/test-classes:$JAR" net.fsgateway.billing.authorizenet.AuthorizeNetSimulator "$SIM_PORT" \
  >"$OUT/simulator.log" 2>&1 &
SIM_PID=$!
CARD_KEY=$(head -c 32 /dev/urandom | base64)

start_gateway() { # start_gateway PROCESSOR JAR DATABASE
  GW_HTTP_HOST=127.0.0.1 GW_HTTP_PORT=$GW_PORT GW_PG_HOST=127.0.0.1 GW_PG_PORT=5432 GW_PG_DATABASE=$3 \
    GW_PG_USER=postgres GW_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379} GW_BILLING_CARD_KEY=$CARD_KEY \
    GW_MANAGEMENT_HOST=127.0.0.1 GW_MANAGEMENT_PORT=$((GW_PORT + 50)) GW_BILLING_PROCESSOR="$1" GW_BILLING_AUTHORIZENET_ENDPOINT="http://127.0.0.1:$SIM_PORT/xml/v1/request.api" \
    GW_BILLING_AUTHORIZENET_API_LOGIN_ID=sim-login GW_BILLING_AUTHORIZENET_TRANSACTION_KEY=SimTxnKey-5ecret-9a7f \
    java ${BENCH_GATEWAY_JAVA_OPTS:-} -jar "$2" serve >"$OUT/gateway-$1.log" 2>&1 &
  GW_PID=$!
  for _ in $(seq 1 1500); do
    # Ready when the XML-RPC listener answers (405 to a GET): true of the jar before the journal too, whose health
    # route was still on this port.
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$GW_PORT/RPC2")" = 405 ] && return 0
    kill -0 "$GW_PID" 2>/dev/null || break
    sleep 0.02
  done
  log "gateway ($1) did not start: $(tail -3 "$OUT/gateway-$1.log")"; return 1
}

seed() { # seed DATABASE
  local DB=$1 hash domsvc
  hash=$(java -cp "$JAR" "$ROOT/src/test/bench/HashPassword.java") || return 1
  domsvc=$($PG -d "$DB" -c "INSERT INTO svc_domain (domain) VALUES ('bench.example.net') RETURNING svcnum") || return 1
  # psql expands :'h' only in what it reads, not in -c
  echo "INSERT INTO agent (agent, username, password_hash) VALUES ('Bench reseller', 'bench', :'h')" \
    | $PG -d "$DB" -v h="$hash" >/dev/null \
    && $PG -d "$DB" -c "INSERT INTO part_pkg (pkg, setup_fee, recur_fee, freq, default_domsvc) VALUES ('Bench', 0, 19.95, 1, $domsvc)" \
    && $PG -d "$DB" -c "INSERT INTO agent_pkg SELECT a.agentnum, max(p.pkgpart) FROM agent a, part_pkg p GROUP BY a.agentnum" \
    && $PG -d "$DB" -c "SELECT max(pkgpart) FROM part_pkg"
}

declare -A RPS P50 P99 UNEXP PKG GWCPU SIMCPU
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
per_signup() { awk -v a="$1" -v b="$2" -v n="$3" -v t="$TICK" 'BEGIN { if (n > 0) printf "%.3f", (b - a) * 1000 / t / n; else print "n/a" }'; }
run() { # run LABEL PROCESSOR JAR DATABASE CONCURRENCY
  local key="$1-c$5"
  start_gateway "$2" "$3" "$4" || exit 2
  [ -n "${PKG[$4]:-}" ] || PKG[$4]=$(seed "$4") || { log "seeding $4 failed"; exit 2; }
  local log="$OUT/payments-$key.log"
  java -jar "$JAR" bench --url "http://127.0.0.1:$GW_PORT/RPC2" --username bench --password-env BENCH_AGENT_PASSWORD \
    --pkgpart "${PKG[$4]}" --domain bench.example.net --scenario new_customer --concurrency "$5" \
    --duration "${SECONDS_PER_RUN}s" --warmup "${WARMUP}s" >"$log" 2>&1 &
  local bench=$!
  # CPU time of the gateway and the simulator over the measured part (after the warm-up): per signup, this does
  # not depend on how busy the rest of the machine is, unlike signups/s.
  sleep "$WARMUP"
  local gw0 sim0 gw1 sim1
  gw0=$(cpu_ticks "$GW_PID"); sim0=$(cpu_ticks "$SIM_PID")
  wait "$bench" || log "$key: bench exited $? ($(tail -2 "$log"))"
  gw1=$(cpu_ticks "$GW_PID"); sim1=$(cpu_ticks "$SIM_PID")
  local line; line=$(grep '^SUMMARY' "$log" | tail -1)
  RPS[$key]=$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<<"$line")
  P50[$key]=$(sed -n 's/.* p50=\([0-9.]*\).*/\1/p' <<<"$line")
  P99[$key]=$(sed -n 's/.* p99=\([0-9.]*\).*/\1/p' <<<"$line")
  UNEXP[$key]=$(sed -n 's/.* unexpected=\([0-9]*\).*/\1/p' <<<"$line")
  local requests; requests=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$line")
  GWCPU[$key]=$(per_signup "$gw0" "$gw1" "$requests")
  SIMCPU[$key]=$(per_signup "$sim0" "$sim1" "$requests")
  stop_gateway
}

LABELS="test authorizenet"
if [ -n "$BEFORE_JAR" ]; then
  $PG -d postgres -c "DROP DATABASE IF EXISTS ${DB}_before" -c "CREATE DATABASE ${DB}_before" || exit 2
  LABELS="before $LABELS"
fi
for c in $CONCURRENCIES; do
  [ -n "$BEFORE_JAR" ] && run before test "$BEFORE_JAR" "${DB}_before" "$c"
  run test test "$JAR" "$DB" "$c"
  run authorizenet authorizenet "$JAR" "$DB" "$c"
done
CAPTURED=$($PG -d "$DB" -c "SELECT count(*) FROM payment_journal WHERE processor = 'authorizenet' AND state = 'captured'")
OPEN=$($PG -d "$DB" -c "SELECT count(*) FROM payment_journal WHERE state IN ('new', 'authorized')")
{
  echo "| run (before = test processor without the journal) | clients | signups/s | p50 ms | p99 ms | unexpected | vs test | gateway CPU ms/signup | simulator CPU ms/signup |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for c in $CONCURRENCIES; do
    for l in $LABELS; do
      k="$l-c$c"
      ratio=$(awk -v a="${RPS[$k]:-0}" -v b="${RPS[test-c$c]:-0}" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "n/a" }')
      sim=${SIMCPU[$k]:-n/a}; [ "$l" = authorizenet ] || sim="-"
      echo "| $l | $c | ${RPS[$k]:-n/a} | ${P50[$k]:-n/a} | ${P99[$k]:-n/a} | ${UNEXP[$k]:-n/a} | $ratio | ${GWCPU[$k]:-n/a} | $sim |"
    done
  done
  echo
  echo "Journal after the run: $CAPTURED authorizenet attempts captured, $OPEN left new/authorized."
} | tee "$OUT/payments.md"
