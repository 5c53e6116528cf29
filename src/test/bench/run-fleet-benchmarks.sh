#!/usr/bin/env bash
# Fleet figures (src/docs/sizing.md): per-call costs for the sizing model, the model's prediction against measured
# runs with 1 and 2 gateway processes, and PgBouncer against a direct connection. Prints a markdown report and
# writes target/bench/call-costs.properties (copy it over src/main/resources/bench/ to make it the built-in costs).
#   src/test/bench/run-fleet-benchmarks.sh                                   # ~6 minutes with the defaults
#   FLEET_SECONDS=3 FLEET_WARMUP_SECONDS=2 src/test/bench/run-fleet-benchmarks.sh   # quick pass (proves it works)
# Needs a QUIET machine for figures worth keeping: PostgreSQL CPU is summed over every `postgres` process.
# Needs: java 17, PostgreSQL on 127.0.0.1:5432 (user postgres), redis-server, psql, curl; pgbouncer (optional).
# Its own processes use ports BENCH_FLEET_PORT_BASE (default 27600) + 1 to + 53 (gateways and their management
# ports, Redis, PgBouncer); creates and drops $FLEET_DB.
set -uo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
JAR=${BENCH_JAR:-$ROOT/target/fs-gateway.jar}
SECS=${FLEET_SECONDS:-10}
WARMUP=${FLEET_WARMUP_SECONDS:-15}
DB=${FLEET_DB:-fsgw_fleet_bench}
PORT_BASE=${BENCH_FLEET_PORT_BASE:-27600}
GW1=$((PORT_BASE + 1)) GW2=$((PORT_BASE + 2)) GW_BOUNCER=$((PORT_BASE + 3)) BOUNCER_PORT=$((PORT_BASE + 11)) REDIS_PORT=$((PORT_BASE + 21))
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA"
OUT=${BENCH_OUT:-$ROOT/target/bench}
TICK=$(getconf CLK_TCK)
CORES=$(nproc)
export BENCH_AGENT_PASSWORD=${BENCH_AGENT_PASSWORD:-Fleet-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')}
CARD_KEY=$(head -c 32 /dev/urandom | base64)
mkdir -p "$OUT"
PIDS=()

log() { echo "[fleet] $*" >&2; }
cleanup() {
  local p; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
  [ -n "${BOUNCER_DIR:-}" ] && rm -rf "$BOUNCER_DIR"
}
trap cleanup EXIT

# --- build, database, our own Redis (its CPU and command counters are then ours alone) ---------------------------
[ -f "$JAR" ] || { log "building $JAR"; mvn -q -DskipTests package || exit 2; }
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" || { log "cannot create $DB"; exit 2; }
redis-server --port $REDIS_PORT --bind 127.0.0.1 --save "" --appendonly no >"$OUT/fleet-redis.log" 2>&1 &
REDIS_PID=$!; PIDS+=("$REDIS_PID")
for _ in $(seq 1 100); do redis-cli -p $REDIS_PORT ping >/dev/null 2>&1 && break; sleep 0.05; done

# start_gateway PORT [ENV=VALUE...]: a gateway process on PORT (management on PORT + 50); echoes its PID once its /health/ready answers 200
start_gateway() {
  local port=$1; shift
  env GW_HTTP_HOST=127.0.0.1 GW_HTTP_PORT=$port GW_MANAGEMENT_HOST=127.0.0.1 GW_MANAGEMENT_PORT=$((port + 50)) GW_PG_HOST=127.0.0.1 GW_PG_PORT=5432 GW_PG_DATABASE=$DB \
    GW_PG_USER=postgres GW_REDIS_URL=redis://127.0.0.1:$REDIS_PORT GW_BILLING_CARD_KEY=$CARD_KEY "$@" \
    java ${BENCH_GATEWAY_JAVA_OPTS:-} -jar "$JAR" serve >"$OUT/fleet-gateway-$port.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1500); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((port + 50))/health/ready")" = 200 ] && { echo "$pid"; return 0; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.04
  done
  kill "$pid" 2>/dev/null  # started in $(...): the caller never learns this PID, so it cannot stop it
  log "gateway on $port did not start: $(tail -3 "$OUT/fleet-gateway-$port.log")"; return 1
}
A=$(start_gateway $GW1) || exit 2; PIDS+=("$A")

# --- seed with the admin CLI ---------------------------------------------------------------------------------------
admin() { GW_PG_HOST=127.0.0.1 GW_PG_PORT=5432 GW_PG_DATABASE=$DB GW_PG_USER=postgres java -jar "$JAR" admin "$@"; }
{ printf '%s\n' "$BENCH_AGENT_PASSWORD" | admin agent create --username bench --name "Bench reseller" --password-stdin \
  && admin domain create --domain bench.example.net \
  && admin package create --name "Bench 20 Mbps" --setup 0 --recur 19.95 --freq 1 --default-domain bench.example.net \
  && admin package allow --agent bench --pkgpart "$($PG -d "$DB" -c "SELECT max(pkgpart) FROM part_pkg")"; } \
  >"$OUT/fleet-seed.log" 2>&1 || { log "seeding failed: $(tail -2 "$OUT/fleet-seed.log")"; exit 2; }
PKGPART=$($PG -d "$DB" -c "SELECT max(pkgpart) FROM part_pkg")

# --- counters ------------------------------------------------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# PostgreSQL CPU: every postgres process, per PID, so that a backend which exits during the window (another
# client's) takes nothing away; one that starts counts whole. Still assumes no other database is busy.
pg_snapshot() { awk '$2 == "(postgres)" { print $1, $14 + $15 }' /proc/[0-9]*/stat 2>/dev/null >"$1"; }
pg_delta() { awk 'NR == FNR { before[$1] = $2; next } { d += $2 - (($1 in before) ? before[$1] : 0) } END { print d + 0 }' "$1" "$2"; }
pg_xacts() { $PG -d "$DB" -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$DB'"; }
pg_statements() {  # pg_stat_statements when the server loads it, else empty
  $PG -d "$DB" -c "SELECT sum(calls) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$DB')" 2>/dev/null
}
redis_cmds() { redis-cli -p $REDIS_PORT info stats | sed -n 's/^total_commands_processed:\([0-9]*\).*/\1/p'; }
# Statements per call by kind when pg_stat_statements is absent: what the code sends (ProvisioningQueries,
# SignupChecks + one INSERT_SIGNUP, AgentRepository).
declare -A CODE_STATEMENTS=([check]=1 [signup]=2 [login]=1)

# bench_run URL SCENARIO CONCURRENCY DURATION WARMUP : its SUMMARY line
bench_run() {
  java -jar "$JAR" bench --url "$1" --username bench --password-env BENCH_AGENT_PASSWORD --pkgpart "$PKGPART" \
    --domain bench.example.net --scenario "$2" --concurrency "$3" --duration "$4" --warmup "$5" >"$OUT/fleet-bench.log" 2>&1
  grep '^SUMMARY' "$OUT/fleet-bench.log" | tail -1
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }

# measure KIND SCENARIO CONCURRENCY [RATE]: per-call costs of one scenario against gateway A, appended to
# call-costs.properties. CPU and Redis counters are sampled when the driver opens its measured window ("bench:
# measuring", after its warm-up) and again $SECS later, so JVM start-up and JIT warm-up are not counted. PostgreSQL
# publishes a busy backend's transaction count only when it idles, so transactions (and statements, with
# pg_stat_statements) come from a second run of exactly $COUNT_RUN calls between two idle moments.
# PostgreSQL 15 publishes an idle backend's counters up to 10 s late (PGSTAT_IDLE_INTERVAL), so the counting run
# waits SETTLE s before and after: with 1.5 s, calls of the measured run landed in the count (13 transactions per check).
COUNT_RUN=${FLEET_COUNT_REQUESTS:-2000}
SETTLE=${FLEET_COUNT_SETTLE_SECONDS:-11}
measure() {
  local kind=$1 scenario=$2 c=$3 rate=${4:-0} count=${5:-$COUNT_RUN} log="$OUT/fleet-measure-$1.log"
  java -jar "$JAR" bench --url "http://127.0.0.1:$GW1/RPC2" --username bench --password-env BENCH_AGENT_PASSWORD \
    --pkgpart "$PKGPART" --domain bench.example.net --scenario "$scenario" --concurrency "$c" --rate "$rate" \
    --duration "${SECS}s" --warmup "${WARMUP}s" >"$log" 2>&1 &
  local bp=$! i
  for i in $(seq 1 $(( (WARMUP + 60) * 50 ))); do grep -q 'bench: measuring' "$log" && break; kill -0 $bp 2>/dev/null || break; sleep 0.02; done
  # Sampled inside the window (from 0.2 s after its start to 0.5 s before its end); calls in between = the run's
  # req/s × the sampled time, so a late start or end of the sampling does not skew the figures.
  sleep 0.2
  local end_ns=$(( $(date +%s%N) + SECS * 1000000000 - 700000000 ))
  local d0 g0 r0 x0 d1 g1 r1 x1 ns0 ns1 line n
  ns0=$(date +%s%N); d0=$(cpu_ticks $bp); g0=$(cpu_ticks "$A"); r0=$(cpu_ticks "$REDIS_PID"); x0=$(redis_cmds); pg_snapshot "$OUT/.pg0"
  sleep "$(awk -v e="$end_ns" -v now="$(date +%s%N)" 'BEGIN { d = (e - now) / 1e9; printf "%.3f", (d > 0 ? d : 0) }')"
  d1=$(cpu_ticks $bp); g1=$(cpu_ticks "$A"); r1=$(cpu_ticks "$REDIS_PID"); x1=$(redis_cmds); pg_snapshot "$OUT/.pg1"; ns1=$(date +%s%N)
  wait $bp
  line=$(grep '^SUMMARY' "$log" | tail -1)
  n=$(awk -v r="$(field rps "$line")" -v a="$ns0" -v b="$ns1" 'BEGIN { printf "%.1f", r * (b - a) / 1e9 }')
  awk -v n="$n" 'BEGIN { exit !(n > 0) }' || { log "$scenario: no requests measured ($(tail -2 "$log"))"; return 1; }
  [ "$d1" -ge "$d0" ] 2>/dev/null || { log "$scenario: the driver ended before the sample; its CPU is not counted"; d1=$d0; }
  # the counting run (closed loop, few workers so that few calls are in flight when it stops)
  sleep "$SETTLE"
  local t0 s0 t1 s1 stm
  t0=$(pg_xacts); s0=$(pg_statements)
  java -jar "$JAR" bench --url "http://127.0.0.1:$GW1/RPC2" --username bench --password-env BENCH_AGENT_PASSWORD \
    --pkgpart "$PKGPART" --domain bench.example.net --scenario "$scenario" --concurrency 4 --duration 0 \
    --requests "$count" --warmup 0s >"$log.count" 2>&1
  sleep "$SETTLE"
  t1=$(pg_xacts); s1=$(pg_statements)
  if [ -n "$s0" ] && [ -n "$s1" ]; then stm=$(awk -v a="$s0" -v b="$s1" -v n="$count" 'BEGIN{printf "%.2f", (b-a)/n}'); else stm=${CODE_STATEMENTS[$kind]}; fi
  awk -v k="$kind" -v n="$n" -v t="$TICK" -v g=$((g1 - g0)) -v p="$(pg_delta "$OUT/.pg0" "$OUT/.pg1")" -v r=$((r1 - r0)) -v x=$((x1 - x0)) \
      -v tx=$((t1 - t0)) -v cn="$count" -v d=$((d1 - d0)) -v stm="$stm" 'BEGIN {
    ms = 1000 / t / n
    printf "%s.gatewayCpuMs=%.4f\n%s.pgCpuMs=%.4f\n%s.redisCpuMs=%.4f\n%s.redisCommands=%.2f\n%s.pgTransactions=%.2f\n%s.pgStatements=%s\n%s.driverCpuMs=%.4f\n",
      k, g * ms, k, p * ms, k, r * ms, k, x / n, k, tx / cn, k, stm, k, d * ms }' >>"$OUT/call-costs.properties"
  log "$kind ($scenario c=$c): $line"
}

# bytes KIND METHOD MEMBERS_XML: request and answer bytes of one call, headers included
SESSION=$(curl -s "http://127.0.0.1:$GW1/RPC2" --data-binary "<?xml version=\"1.0\"?><methodCall><methodName>FS.SelfService.XMLRPC.agent_login</methodName><params><param><value><struct><member><name>username</name><value>bench</value></member><member><name>password</name><value>$BENCH_AGENT_PASSWORD</value></member></struct></value></param></params></methodCall>" \
  | sed -n 's/.*<name>session_id<\/name><value><string>\([^<]*\)<.*/\1/p')
bytes() {
  local kind=$1 method=$2 members=$3 body
  body="<?xml version=\"1.0\"?><methodCall><methodName>FS.SelfService.XMLRPC.$method</methodName><params><param><value><struct>$members</struct></value></param></params></methodCall>"
  curl -s -o /dev/null -H 'Content-Type: text/xml' -w '%{size_request} %{size_upload} %{size_header} %{size_download}\n' \
    "http://127.0.0.1:$GW1/RPC2" --data-binary "$body" \
    | awk -v k="$kind" '{ printf "%s.bytesIn=%d\n%s.bytesOut=%d\n", k, $1 + $2, k, $3 + $4 }' >>"$OUT/call-costs.properties"
}
m() { echo "<member><name>$1</name><value><string>$2</string></value></member>"; }

# --- 1. per-call costs ---------------------------------------------------------------------------------------------
{ echo "# fs-gateway per-call costs (bench sizing --costs FILE)"
  echo "measured=$(date -u +%Y-%m-%dT%H:%MZ) on $CORES cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?'), ${SECS}s runs"; } \
  >"$OUT/call-costs.properties"
measure check check_username 64 || exit 1
measure signup new_customer 16 || exit 1
measure login agent_login 2 0 200 || exit 1   # closed loop: on a busy machine an open loop measures calls still queued
bytes check check_username "$(m session_id "$SESSION")$(m username nobody)$(m domain bench.example.net)"
bytes login agent_login "$(m username bench)$(m password "$BENCH_AGENT_PASSWORD")"
bytes signup new_customer "$(m session_id "$SESSION")$(m first Fleet)$(m last Bytes)$(m address1 '1 Main St')$(m city Town)$(m state CA)$(m zip 02134)$(m country US)$(m daytime 555-555-1212)$(m invoicing_list bytes@example.com)$(m payby CARD)$(m payinfo 4111111111111111)$(m paycvv 123)$(m paydate 11/2031)$(m payname 'Fleet Bytes')$(m pkgpart "$PKGPART")$(m username "bytes$RANDOM$RANDOM")$(m _password s33kret!)"
log "costs written to $OUT/call-costs.properties"

# --- 2. prediction against 1 and 2 gateway processes -----------------------------------------------------------------
PRED=$(java -jar "$JAR" bench sizing --costs "$OUT/call-costs.properties" --machine-cores "$CORES" | grep '^PREDICT')
B=$(start_gateway $GW2) || exit 2; PIDS+=("$B")
# concurrent SCENARIO CONCURRENCY PORTS...: one driver per gateway, concurrency split evenly, started together;
# their measured req/s summed
concurrent() {
  local scenario=$1 c=$2; shift 2
  local per=$(( c / $# )) port pids=()
  for port in "$@"; do
    ( OUT="$OUT/run-$port"; mkdir -p "$OUT"; bench_run "http://127.0.0.1:$port/RPC2" "$scenario" "$per" "${SECS}s" "${WARMUP}s" ) >"$OUT/.sum-$port" &
    pids+=($!)
  done
  wait "${pids[@]}"
  for port in "$@"; do field rps "$(cat "$OUT/.sum-$port")"; done | awk '{ s += $1 } END { printf "%.0f", s }'
}
declare -A MEASURED
for s in check_username:64 new_customer:16; do
  MEASURED[${s%%:*}-1]=$(concurrent "${s%%:*}" "${s##*:}" $GW1)
  MEASURED[${s%%:*}-2]=$(concurrent "${s%%:*}" "${s##*:}" $GW1 $GW2)
done
kill "$B" 2>/dev/null; wait "$B" 2>/dev/null

# --- 3. PgBouncer (transaction pooling) against a direct connection ---------------------------------------------------
declare -A BOUNCE
if command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]; then
  BOUNCER_DIR=$(mktemp -d); chmod 755 "$BOUNCER_DIR"
  echo '"postgres" ""' >"$BOUNCER_DIR/users.txt"
  printf '%s\n' "[databases]" "* = host=127.0.0.1 port=5432" "[pgbouncer]" "listen_addr = 127.0.0.1" \
    "listen_port = $BOUNCER_PORT" "unix_socket_dir =" "auth_type = trust" "auth_file = $BOUNCER_DIR/users.txt" \
    "pool_mode = transaction" "default_pool_size = 20" "max_client_conn = 2000" \
    "ignore_startup_parameters = extra_float_digits" >"$BOUNCER_DIR/pgbouncer.ini"
  chmod 644 "$BOUNCER_DIR"/*
  RUN_AS=(); [ "$(id -u)" = 0 ] && RUN_AS=(-u nobody)
  "$(command -v pgbouncer || echo /usr/sbin/pgbouncer)" "${RUN_AS[@]}" "$BOUNCER_DIR/pgbouncer.ini" >"$OUT/fleet-pgbouncer.log" 2>&1 &
  PIDS+=($!)
  sleep 0.5
  C=$(start_gateway $GW_BOUNCER GW_PG_PORT=$BOUNCER_PORT GW_PG_POOLER=pgbouncer) && PIDS+=("$C")
  if [ -n "${C:-}" ]; then
    for s in check_username:64 new_customer:16; do
      BOUNCE[${s%%:*}]=$(concurrent "${s%%:*}" "${s##*:}" $GW_BOUNCER)
    done
  fi
else
  log "pgbouncer not installed: PgBouncer rows skipped"
fi

# --- report --------------------------------------------------------------------------------------------------------
{
  echo "## Fleet figures ($CORES cores, ${SECS}s runs after ${WARMUP}s warm-up; $(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Per-call costs (target/bench/call-costs.properties):"
  echo
  echo '```'; grep -v '^#' "$OUT/call-costs.properties"; echo '```'
  echo
  echo "| scenario | predicted req/s (model, all on this machine) | measured, 1 gateway process | measured, 2 gateway processes | via PgBouncer (1 process) |"
  echo "|---|---|---|---|---|"
  for s in check_username new_customer; do
    echo "| $s | $(sed -n "s/.* $s=\([0-9.]*\).*/\1/p" <<<"$PRED") | ${MEASURED[$s-1]:-n/a} | ${MEASURED[$s-2]:-n/a} | ${BOUNCE[$s]:-n/a} |"
  done
} | tee "$OUT/fleet.md"
