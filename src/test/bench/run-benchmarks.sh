#!/usr/bin/env bash
# Gateway benchmarks and their floors, measured in one run on one machine; prints markdown tables.
#   src/test/bench/run-benchmarks.sh                 # ~22 minutes with the defaults; BENCH_SOAK_SECONDS=600 adds the soak
#   BENCH_SECONDS=2 BENCH_WARMUP_SECONDS=1 BENCH_PASSES=1 src/test/bench/run-benchmarks.sh   # quick pass
# Two parts (BENCH_PARTS, default "ratios classic"):
#   ratios  - gateway and floor alternated in one run (BENCH_PASSES passes each after a warm-up) per method and
#             connection count, driven by wrk with the Lua bodies of src/test/bench/wrk (installed with apt-get when
#             absent and possible; BENCH_DRIVER=jvm forces the jar's own driver): check_username against HTTP + its
#             availability query and against the canned answer, agent_info and signup_info against HTTP + their
#             reads, new_customer against pgbench replaying its SQL, with gateway and PostgreSQL CPU per signup;
#             the gateway's warm-up goes on until its JIT compilers are quiet (BENCH_JIT_SETTLE_SECONDS, 120 at most);
#   classic - the jar's driver at 1/16/64 workers, open loop, logins beside checks, RSS held/idle, HTTP/PG/Redis floors.
# Needs: java 17, PostgreSQL on 127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379, psql, pgbench,
# redis-benchmark, curl. Creates (and drops) the database $BENCH_DB. Exits 1 if any run had unexpected answers.
set -uo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
JAR=${BENCH_JAR:-$ROOT/target/fs-gateway.jar}
PARTS=${BENCH_PARTS:-"ratios classic"}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP_SECONDS:-15}
PASSES=${BENCH_PASSES:-3}
JIT_SETTLE_SECONDS=${BENCH_JIT_SETTLE_SECONDS:-120}
RATIO_METHODS=${BENCH_RATIO_METHODS:-"check_username agent_info signup_info new_customer"}
RATIO_CONNECTIONS=${BENCH_RATIO_CONNECTIONS:-"16 64"}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
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
# shellcheck source=bench-lib.sh
. "$ROOT/src/test/bench/bench-lib.sh"
trap stop_started EXIT
has_part() { [[ " $PARTS " == *" $1 "* ]]; }

# --- build, database, gateway start-up to ready, floor server -----------------------------------------------------
build_jar
# The database floor for signups: pgbench replaying the gateway's own statements (generated, so never out of step).
SIGNUP_SQL="$OUT/signup.sql"
java -jar "$JAR" bench signup-sql >"$SIGNUP_SQL" || { log "cannot generate $SIGNUP_SQL"; exit 2; }
ulimit -n 8192 2>/dev/null || true
create_db
if curl -s -o /dev/null "http://127.0.0.1:$GW_PORT/" || curl -s -o /dev/null "http://127.0.0.1:$FLOOR_PORT/"; then
  log "port $GW_PORT or $FLOOR_PORT is already in use (another gateway or floor server?): stop it first"; exit 2
fi
CARD_KEY=$(head -c 32 /dev/urandom | base64)
# shellcheck disable=SC2086
start_gateway ${BENCH_GATEWAY_JAVA_OPTS:-}
[ -n "$READY_MS" ] || FAILED=1
if [ -z "$READY_MS" ]; then
  log "gateway not up: applying V1__schema.sql directly so the floors can still run"
  $PG -d "$DB" -f src/main/resources/db/migration/V1__schema.sql >/dev/null
fi
IDS=$(seed) && [ -n "$IDS" ] || { log "seeding failed, see $OUT/seed.log"; exit 2; }
read -r AGENTNUM PKGPART DOMSVC <<<"$IDS"
log "bench ids: agent $AGENTNUM, pkgpart $PKGPART, domain svcnum $DOMSVC"
start_floor "$AGENTNUM" bench.example.net || FAILED=1
GW_URL="http://127.0.0.1:$GW_PORT/RPC2"
FLOOR_URL="http://127.0.0.1:$FLOOR_PORT"

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

# --- ratios: gateway and floor alternated, per method and connection count ------------------------------------------
# Each (method, connections): every side warmed for WARMUP s, then PASSES passes of SECONDS_PER_RUN s in turn
# (gateway, floor(s), gateway, ...), so drift on a shared machine hits both alike. Per pass: req/s, p99, errors.
declare -A PASS_RPS PASS_P99 PASS_ERR SIG_CPU
CLK_TCK=$(getconf CLK_TCK)
# A method's floors in groups ('+' joins the floors of one group): each group is measured alternated with the
# gateway, groups one after the other. pgbench has a group of its own, run with the floor server stopped: beside its
# 64 clients, the floor server's and the gateway's connections would pass max_connections.
floor_groups_of() {
  case $1 in
    check_username) echo "floor-sql+floor-http" ;;
    new_customer) echo "floor-sql floor-pg" ;;
    *) echo "floor-sql" ;;
  esac
}
floor_label() {
  case $1 in
    floor-sql) echo "HTTP + its SQL" ;;
    floor-http) echo "HTTP canned" ;;
    floor-pg) echo "pgbench, its SQL" ;;
  esac
}
url_of() { # url_of SIDE METHOD
  case $1 in
    gw) echo "$GW_URL" ;;
    floor-sql) echo "$FLOOR_URL/$2" ;;
    floor-http) echo "$FLOOR_URL/RPC2" ;;
  esac
}
signups() { $PG -d "$DB" -c "SELECT count(*) FROM cust_main"; }
pg_backends() { $PG -d "$DB" -c "SELECT pid FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid()"; }
ticks_of() { local t=0 p; for p in "$@"; do t=$(( t + $(cpu_ticks "$p") )); done; echo "$t"; }
# pgbench_run LOG CONNECTIONS SECONDS: the signup's SQL replayed; writes a WRK-like line (p99 not measured).
pgbench_run() {
  local logf=$1 c=$2 s=$3 j
  j=$(( c < $(nproc) ? c : $(nproc) ))
  local tps failed rc
  (cd "$ROOT" && PGOPTIONS="-c plan_cache_mode=force_generic_plan" pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$c" -j "$j" -T "$s" -f "$SIGNUP_SQL" \
    -D agentnum="$AGENTNUM" -D pkgpart="$PKGPART" -D domsvc="$DOMSVC" "$DB") >"$logf" 2>&1
  rc=$?
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$logf" | head -1)
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$logf" | head -1)
  # A run pgbench gave up on (e.g. "too many clients" from max_connections) counts as one error.
  [ "$rc" -eq 0 ] || { log "pgbench failed: $(grep -m1 -E 'error|FATAL' "$logf")"; failed=$(( ${failed:-0} + 1 )); }
  echo "WRK rps=${tps:-0} p99=- status=${failed:-0}" >>"$logf"
}
pid_of() { case $1 in gw) echo "$GW_PID" ;; *) echo "$FLOOR_PID" ;; esac; } # the JVM serving a side
# one_pass SIDE METHOD CONNECTIONS SECONDS LOG: one run of one side; signups also measure CPU per signup (of the
# gateway, or of the floor server running a signup's statements).
one_pass() {
  local side=$1 m=$2 c=$3 s=$4 logf=$5
  if [ "$side" = floor-pg ]; then pgbench_run "$logf" "$c" "$s"; return; fi
  if [ "$m" = new_customer ]; then
    local pid pids n0 g0 p0 j0 n1 g1 p1 j1
    pid=$(pid_of "$side")
    # usernames unique to this wrk process (each restarts its counters)
    BENCH_RUN_TAG=$(printf '%x' "$(( $(date +%s%N) / 1000 ))")
    pids=$(pg_backends); n0=$(signups); g0=$(cpu_ticks "$pid"); p0=$(ticks_of $pids); j0=$(jit_ticks "$pid")
    drive "$logf" "$(url_of "$side" "$m")" "$m" "$c" "$s"
    g1=$(cpu_ticks "$pid"); p1=$(ticks_of $pids); n1=$(signups); j1=$(jit_ticks "$pid")
    echo "SIGNUPS created=$((n1 - n0)) process_ticks=$((g1 - g0)) pg_ticks=$((p1 - p0)) jit_ticks=$((j1 - j0))" >>"$logf"
    return
  fi
  drive "$logf" "$(url_of "$side" "$m")" "$m" "$c" "$s"
}
errors_of() { # errors in a run: transport + non-2xx; for signups also answers that created nothing
  local logf=$1 e
  e=$(awk '/^WRK/ { n = 0; for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] ~ /^(connect|read|write|status|timeout)$/) n += kv[2] } ; print n }' "$logf" | tail -1)
  local created; created=$(sed -n 's/^SIGNUPS created=\([0-9]*\).*/\1/p' "$logf")
  if [ -n "$created" ]; then
    local req; req=$(wrk_field "$logf" requests)
    [ -n "$req" ] && [ "$req" -gt "$created" ] && e=$(( ${e:-0} + req - created ))
  fi
  echo "${e:-n/a}"
}
check_answers() { # each method's answer once (wrk does not read answers), and each floor path answers 200
  local m code
  for m in check_username agent_info signup_info; do
    if ! xml_call "$m" session_id "$BENCH_SESSION_ID" username ckprobe domain bench.example.net | post "$GW_URL" | answer_ok; then
      log "$m: the gateway's answer has a non-empty error or is a fault; see: $(xml_call "$m" session_id "$BENCH_SESSION_ID" username ckprobe domain bench.example.net | post "$GW_URL" | head -c 300)"
      FAILED=1
    fi
  done
  for m in check_username agent_info signup_info new_customer; do
    code=$(echo x | curl -s -o /dev/null -w '%{http_code}' --data-binary @- "$FLOOR_URL/$m")
    [ "$code" = 200 ] || { log "floor /$m answered $code: $(echo x | curl -s --data-binary @- "$FLOOR_URL/$m")"; FAILED=1; }
  done
}
# settle_jit SIDE METHOD CONNECTIONS: a JVM side's warm-up (the gateway's, the floor server's) goes on in 5 s slices
# until its JIT compilers use at most 5% of its CPU in a slice (at most BENCH_JIT_SETTLE_SECONDS, 120). A new
# method's code is still being compiled long after a fixed warm-up (new_customer at ~1,000 signups/s: the C2
# compiler used more CPU than the event loops for the first 30 s, and was still a tenth of the process at 60 s);
# measured then, CPU per call is mostly compiling.
settle_jit() {
  local side=$1 m=$2 c=$3 pid waited=0 g0=0 j0=0 g1=0 j1=0
  [ "$JIT_SETTLE_SECONDS" -gt 0 ] || return 0
  pid=$(pid_of "$side")
  while [ "$waited" -lt "$JIT_SETTLE_SECONDS" ]; do
    g0=$(cpu_ticks "$pid"); j0=$(jit_ticks "$pid")
    one_pass "$side" "$m" "$c" 5 "$OUT/ratio-$m-c$c-$side-settle.log"
    g1=$(cpu_ticks "$pid"); j1=$(jit_ticks "$pid"); waited=$(( waited + 5 ))
    if [ $(( (j1 - j0) * 20 )) -le $(( g1 - g0 )) ]; then
      log "ratio $m c=$c $side: JIT settled after ${waited}s more warm-up (compilers $(( (j1 - j0) * 100 / (g1 - g0 + 1) ))% of its CPU)"
      return
    fi
  done
  log "ratio $m c=$c $side: the JIT compilers still used $(( (j1 - j0) * 100 / (g1 - g0 + 1) ))% of its CPU after ${waited}s more warm-up"
}
run_ratios() {
  export BENCH_SESSION_ID BENCH_DOMAIN=bench.example.net BENCH_PKGPART=$PKGPART BENCH_RUN_TAG
  BENCH_SESSION_ID=$(login "$GW_URL")
  [ -n "$BENCH_SESSION_ID" ] || { log "agent_login through the gateway failed: no ratio runs"; FAILED=1; return; }
  check_answers
  local m c group floors side key p logf e
  for m in $RATIO_METHODS; do
    for group in $(floor_groups_of "$m"); do
      floors=${group//+/ }
      if [ "$group" = floor-pg ]; then stop_floor; else [ -n "$FLOOR_PID" ] || start_floor "$AGENTNUM" bench.example.net; fi
      for c in $RATIO_CONNECTIONS; do
        for side in gw $floors; do
          log "ratio $m c=$c: warming $side for ${WARMUP}s"
          one_pass "$side" "$m" "$c" "$WARMUP" "$OUT/ratio-$m-c$c-$side-$group-warmup.log"
          # the JVM sides; the floor server's only where its CPU per call is reported (signups)
          if [ "$side" = gw ] || { [ "$side" = floor-sql ] && [ "$m" = new_customer ]; }; then settle_jit "$side" "$m" "$c"; fi
        done
        for p in $(seq 1 "$PASSES"); do
          for side in gw $floors; do
            # the gateway's passes are kept per group: each floor is compared with the passes alternated with it
            key=$side; [ "$side" = gw ] && key="gw@$group"
            logf="$OUT/ratio-$m-c$c-$key-$p.log"
            one_pass "$side" "$m" "$c" "$SECONDS_PER_RUN" "$logf"
            PASS_RPS[$m|$c|$key]="${PASS_RPS[$m|$c|$key]:-} $(wrk_field "$logf" rps)"
            PASS_P99[$m|$c|$key]="${PASS_P99[$m|$c|$key]:-} $(sed -n 's/^WRK.* p99=\([0-9.-]*\).*/\1/p' "$logf" | tail -1)"
            e=$(errors_of "$logf"); [[ "$e" =~ ^[0-9]+$ ]] || { e=0; log "ratio $m c=$c pass $p $key: no result, see $logf"; FAILED=1; }
            PASS_ERR[$m|$c|$key]=$(( ${PASS_ERR[$m|$c|$key]:-0} + e ))
            [ "$e" -eq 0 ] || FAILED=1
            log "ratio $m c=$c pass $p $key: $(grep '^WRK' "$logf" | tail -1)"
            if grep -q '^SIGNUPS' "$logf"; then SIG_CPU[$m|$c|$side]="${SIG_CPU[$m|$c|$side]:-} $(grep '^SIGNUPS' "$logf")"; fi
          done
        done
      done
    done
  done
}
# Table helpers: mean of a list, median of a list (p99 across passes), the passes as "a / b / c".
mean_of() { awk '{ s = 0; n = 0; for (i = 1; i <= NF; i++) if ($i + 0 > 0) { s += $i; n++ } ; if (n) printf "%.0f", s / n; else printf "n/a" }' <<<"$1"; }
median_of() { tr ' ' '\n' <<<"$1" | grep -E '^[0-9.]+$' | sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "%.2f", a[int((NR + 1) / 2)]; else printf "-" }'; }
passes_of() { awk '{ for (i = 1; i <= NF; i++) printf "%s%.0f", (i > 1 ? " / " : ""), $i }' <<<"$1"; }
cpu_per_signup() { # "WHO X ms, PostgreSQL Y ms per signup (N signups)" from the passes' SIGNUPS lines
  tr ' ' '\n' <<<"$2" | awk -F= -v tck="$CLK_TCK" -v who="$1" '$1 == "created" { n += $2 } $1 == "process_ticks" { g += $2 }
    $1 == "pg_ticks" { p += $2 } $1 == "jit_ticks" { j += $2 }
    END { if (n > 0) printf "%s %.3f ms (of it the JIT compilers %.3f), PostgreSQL %.3f ms CPU per signup (%d signups)", who, g * 1000 / tck / n, j * 1000 / tck / n, p * 1000 / tck / n, n
      else printf "n/a" }'
}
process_ms() { # the process's CPU per signup in ms from the passes' SIGNUPS lines
  tr ' ' '\n' <<<"$1" | awk -F= -v tck="$CLK_TCK" '$1 == "created" { n += $2 } $1 == "process_ticks" { g += $2 }
    END { if (n > 0) printf "%.4f", g * 1000 / tck / n }'
}
ratio_table() {
  echo "Driver: $DRIVER_DESC. ${PASSES} passes of ${SECONDS_PER_RUN} s per side, alternated, after ${WARMUP} s warm-up per side;"
  echo "req/s is the mean of the passes, p99 the median of the passes' p99."
  echo
  echo "| method | connections | gateway req/s | passes | gateway p99 ms | floor | floor req/s | passes | floor p99 ms | gateway / floor | errors gw / floor |"
  echo "|---|---:|---:|---|---:|---|---:|---|---:|---:|---|"
  local m c group gw f g fr
  for m in $RATIO_METHODS; do
    for c in $RATIO_CONNECTIONS; do
      for group in $(floor_groups_of "$m"); do
        gw="gw@$group"
        g=$(mean_of "${PASS_RPS[$m|$c|$gw]:-}")
        for f in ${group//+/ }; do
          fr=$(mean_of "${PASS_RPS[$m|$c|$f]:-}")
          printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | **%s** | %s / %s |\n' "$m" "$c" "$g" \
            "$(passes_of "${PASS_RPS[$m|$c|$gw]:-}")" "$(median_of "${PASS_P99[$m|$c|$gw]:-}")" "$(floor_label "$f")" \
            "$fr" "$(passes_of "${PASS_RPS[$m|$c|$f]:-}")" "$(median_of "${PASS_P99[$m|$c|$f]:-}")" \
            "$(ratio "$g" "$fr")" "${PASS_ERR[$m|$c|$gw]:-n/a}" "${PASS_ERR[$m|$c|$f]:-n/a}"
        done
      done
    done
  done
  echo
  for m in $RATIO_METHODS; do
    [ "$m" = new_customer ] || continue
    for c in $RATIO_CONNECTIONS; do
      echo "- new_customer c=$c, CPU from /proc over the passes: $(cpu_per_signup gateway "${SIG_CPU[$m|$c|gw]:-}");"
      echo "  $(cpu_per_signup "floor server (HTTP + its SQL)" "${SIG_CPU[$m|$c|floor-sql]:-}");" \
        "**gateway / floor CPU per signup: $(ratio "$(process_ms "${SIG_CPU[$m|$c|gw]:-}")" "$(process_ms "${SIG_CPU[$m|$c|floor-sql]:-}")")**"
    done
  done
  echo "- PostgreSQL CPU counts the backends of the gateway's connections to $DB (not the WAL writer or checkpointer)."
  echo "- Floors: HTTP + its SQL = \`bench floor-http --queries\` running the method's statements from the gateway's"
  echo "  ProvisioningQueries on a pipelined client before a canned answer (no XML parsed or built, no session); for"
  echo "  new_customer a CARD signup's statements from BillingQueries with the gateway's own payment journal (checks,"
  echo "  attempt, signup, 'captured' after the answer), no validation, encryption or processor;"
  echo "  HTTP canned = the same server answering without a query; pgbench = the signup statements (bench signup-sql)."
}
if has_part ratios && [ -n "$READY_MS" ]; then
  choose_driver
  run_ratios
fi

# --- gateway runs ---------------------------------------------------------------------------------------------------
COMMON="--url $GW_URL --username bench --password-env BENCH_AGENT_PASSWORD --pkgpart $PKGPART --domain bench.example.net"
if has_part classic && [ -n "$READY_MS" ]; then
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

# --- floors (the gateway is stopped by now) --------------------------------------------------------------------------
if has_part classic; then
[ -n "$FLOOR_PID" ] || start_floor "$AGENTNUM" bench.example.net || FAILED=1
for c in $CONCURRENCIES; do
  run_bench "floor-http-c$c" --url "http://127.0.0.1:$FLOOR_PORT/RPC2" --scenario canned --concurrency "$c"
done
run_bench "floor-http-rate$RATE" --url "http://127.0.0.1:$FLOOR_PORT/RPC2" --scenario canned \
  --concurrency "$RATE_CONNECTIONS" --rate "$RATE"
stop_floor

for c in $CONCURRENCIES; do
  key="floor-pg-c$c"; j=$(( c < $(nproc) ? c : $(nproc) ))
  CMD[$key]="pgbench -h 127.0.0.1 -U postgres -n -M prepared -c $c -j $j -T $SECONDS_PER_RUN -f $SIGNUP_SQL -D agentnum=$AGENTNUM -D pkgpart=$PKGPART -D domsvc=$DOMSVC $DB"
  log "$key: ${CMD[$key]}"
  # The gateway's signup pool runs generic plans (PgPools.genericPlans): so does the replay.
  (cd "$ROOT" && PGOPTIONS="-c plan_cache_mode=force_generic_plan" ${CMD[$key]}) >"$OUT/$key.log" 2>&1 || { FAILED=1; log "$key failed: $(tail -2 "$OUT/$key.log")"; }
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
fi
stop_started
drop_db

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
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD)); parts: ${PARTS}"
  echo "- gateway start-up to ready (/health/ready 200 on the management port; external PG/Redis, migrations included): ${READY_MS:-n/a} ms"
  if has_part ratios; then
    echo
    echo "### Gateway / floor, alternated in one run"
    echo
    if [ -n "${DRIVER:-}" ]; then ratio_table; else echo "(not run: the gateway did not start)"; fi
  fi
  if has_part classic; then
    echo
    echo "### Scenarios with the jar's driver (one event loop, in the same run)"
    echo
    echo "- ${SECONDS_PER_RUN} s measured after ${WARMUP} s warm-up per run"
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
  fi
} >"$RESULTS"
cat "$RESULTS"
exit $FAILED
