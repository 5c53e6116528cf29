# Shared by run-benchmarks.sh and profile.sh (sourced; not run on its own). Expects ROOT, JAR, OUT, DB, PG,
# GW_PORT and BENCH_AGENT_PASSWORD to be set by the caller.

log() { echo "[bench] $*" >&2; }

GW_PID=""
FLOOR_PID=""
# Stops what this run started, by its own PIDs only.
stop_started() {
  [ -n "$GW_PID" ] && kill "$GW_PID" 2>/dev/null && wait "$GW_PID" 2>/dev/null
  [ -n "$FLOOR_PID" ] && kill "$FLOOR_PID" 2>/dev/null && wait "$FLOOR_PID" 2>/dev/null
  GW_PID=""; FLOOR_PID=""
}

build_jar() {
  if [ ! -f "$JAR" ]; then
    log "building $JAR"
    (cd "$ROOT" && mvn -q -DskipTests package) || { log "build failed"; exit 2; }
  fi
}

create_db() { $PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" || { log "cannot create $DB"; exit 2; }; }
drop_db() { $PG -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true; }

# The environment the gateway and the query floor read their database from (same settings, same client options).
export_pg_env() {
  export GW_PG_HOST=127.0.0.1 GW_PG_PORT=5432 GW_PG_DATABASE=$DB GW_PG_USER=postgres
}

# ready: readiness on the management port answers 200 (started, migrated, not draining).
gateway_ready() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MGMT_PORT/health/ready")" = 200 ]
}

# start_gateway [JAVA_OPTS...]: starts the jar's `serve` on GW_PORT against $DB; sets GW_PID and READY_MS.
start_gateway() {
  local start_ns; start_ns=$(date +%s%N)
  export_pg_env
  GW_HTTP_HOST=127.0.0.1 GW_HTTP_PORT=$GW_PORT GW_MANAGEMENT_HOST=127.0.0.1 GW_MANAGEMENT_PORT=$MGMT_PORT \
    GW_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379} \
    GW_BILLING_CARD_KEY=${CARD_KEY:-$(head -c 32 /dev/urandom | base64)} \
    java "$@" -jar "$JAR" serve >"$OUT/gateway.log" 2>&1 &
  GW_PID=$!
  READY_MS=""
  for _ in $(seq 1 3000); do
    if gateway_ready; then READY_MS=$(( ($(date +%s%N) - start_ns) / 1000000 )); break; fi
    kill -0 "$GW_PID" 2>/dev/null || break
    sleep 0.02
  done
  if [ -n "$READY_MS" ]; then log "gateway ready in ${READY_MS} ms"; else
    log "gateway did not become ready (see $OUT/gateway.log)"; tail -5 "$OUT/gateway.log" >&2
  fi
}

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
# seed: prints "agentnum pkgpart domsvc"
seed() {
  if seed_with_cli >"$OUT/seed.log" 2>&1; then log "seeded with the admin CLI"; else
    log "admin CLI seeding failed ($(tail -1 "$OUT/seed.log")); using psql"
    $PG -d "$DB" -c "TRUNCATE agent_pkg, part_pkg, svc_domain, agent CASCADE" >/dev/null 2>&1
    seed_with_psql || return 1; log "seeded with psql"
  fi
  $PG -d "$DB" -F ' ' -c "SELECT a.agentnum, ap.pkgpart, d.svcnum FROM agent a JOIN agent_pkg ap USING (agentnum), svc_domain d WHERE a.username = 'bench' AND d.domain = 'bench.example.net'"
}

# --- the floor server (canned on /RPC2; HTTP + the method's SQL on /check_username, /agent_info, /signup_info and
# /new_customer). Stopped before pgbench runs: its idle connections (pg.poolSize per event loop) would count against
# PostgreSQL's max_connections beside the gateway's pools and pgbench's clients.
stop_floor() { [ -n "$FLOOR_PID" ] && kill "$FLOOR_PID" 2>/dev/null && wait "$FLOOR_PID" 2>/dev/null; FLOOR_PID=""; }
start_floor() { # start_floor AGENTNUM DOMAIN
  export_pg_env
  java -jar "$JAR" bench floor-http --port "$FLOOR_PORT" --queries --agentnum "$1" --domain "$2" >"$OUT/floor-http.log" 2>&1 &
  FLOOR_PID=$!
  for _ in $(seq 1 500); do grep -q listening "$OUT/floor-http.log" && return 0; kill -0 "$FLOOR_PID" 2>/dev/null || break; sleep 0.02; done
  log "floor server did not start: $(tail -2 "$OUT/floor-http.log")"; return 1
}

# --- XML-RPC by hand (curl) ----------------------------------------------------------------------------------------
# xml_call METHOD NAME VALUE...: a methodCall with one struct of string members (values must not need escaping)
xml_call() {
  local method=$1; shift
  printf '<?xml version="1.0"?><methodCall><methodName>FS.SelfService.XMLRPC.%s</methodName><params><param><value><struct>' "$method"
  while [ $# -ge 2 ]; do printf '<member><name>%s</name><value><string>%s</string></value></member>' "$1" "$2"; shift 2; done
  printf '</struct></value></param></params></methodCall>'
}
# post URL: POSTs stdin as text/xml (the body never appears in argv)
post() { curl -s -H 'Content-Type: text/xml' --data-binary @- "$1"; }
# error '' in an answer struct?
answer_ok() { grep -Eq '<name>error</name>[[:space:]]*<value>(<string>[[:space:]]*</string>|<string/>|)[[:space:]]*</value>'; }
# login URL: prints a fresh session id of the bench reseller, or nothing
login() {
  xml_call agent_login username bench password "$BENCH_AGENT_PASSWORD" | post "$1" \
    | sed -n 's:.*<name>session_id</name>[[:space:]]*<value>\(<string>\)\{0,1\}\([^<]*\)\(</string>\)\{0,1\}</value>.*:\2:p'
}

# --- drivers ---------------------------------------------------------------------------------------------------------
# choose_driver: sets DRIVER to wrk (installing the Debian package when absent and possible) or jvm.
choose_driver() {
  DRIVER=${BENCH_DRIVER:-auto}
  if [ "$DRIVER" = auto ]; then
    if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      log "wrk is not installed: apt-get install -y wrk"
      apt-get install -y wrk >"$OUT/wrk-install.log" 2>&1 || log "could not install wrk ($(tail -1 "$OUT/wrk-install.log"))"
    fi
    if command -v wrk >/dev/null; then DRIVER=wrk; else DRIVER=jvm; fi
  fi
  if [ "$DRIVER" = wrk ]; then DRIVER_DESC="wrk ($(wrk -v 2>&1 | head -1 | awk '{print $2}'), ${WRK_THREADS} threads, Lua bodies from src/test/bench/wrk)"
  else DRIVER_DESC="the JVM bench driver (wrk not chosen or not available: its ratios are flattered, it shares the cores with the gateway)"; fi
  log "driver: $DRIVER_DESC"
}

# wrk_run LOG URL METHOD CONNECTIONS SECONDS: one wrk run; its WRK summary line is the last line of LOG.
wrk_run() {
  local logf=$1 url=$2 method=$3 c=$4 s=$5
  local t=$(( WRK_THREADS < c ? WRK_THREADS : c ))
  wrk -t"$t" -c"$c" -d"${s}s" --timeout 10s --latency -s "$ROOT/src/test/bench/wrk/$method.lua" "$url" >"$logf" 2>&1
}
# WRK-line field: wrk_field LOG NAME
wrk_field() { sed -n "s/^WRK.* $2=\([0-9.]*\).*/\1/p" "$1" | tail -1; }

# CPU ticks (user + system) of a process, 0 when it is gone
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU ticks of a JVM's JIT compiler threads (HotSpot names them "C1 CompilerThre…" and "C2 CompilerThre…")
jit_ticks() {
  local t n=0
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in C1\ CompilerThre*|C2\ CompilerThre*)
      n=$(( n + $(awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null || echo 0) )) ;; esac
  done
  echo "$n"
}

# jvm_run LOG URL METHOD CONNECTIONS SECONDS: the same run with the jar's bench driver (logs in by itself),
# its SUMMARY turned into a WRK line so both drivers are read the same way.
jvm_run() {
  local logf=$1 url=$2 method=$3 c=$4 s=$5
  (cd "$ROOT" && java -jar "$JAR" bench --url "$url" --scenario "$method" --concurrency "$c" --duration "${s}s" \
    --warmup 2s --username bench --password-env BENCH_AGENT_PASSWORD --pkgpart "$PKGPART" --domain bench.example.net) \
    >"$logf" 2>&1
  sed -n 's/^SUMMARY .* requests=\([0-9]*\) rps=\([0-9.]*\) p50=\([0-9.]*\) p90=\([0-9.]*\) p99=\([0-9.]*\) max=\([0-9.]*\) .* unexpected=\([0-9]*\).*/WRK requests=\1 rps=\2 p50=\3 p90=\4 p99=\5 max=\6 status=\7/p' \
    "$logf" | tail -1 >>"$logf"
}

# drive LOG URL METHOD CONNECTIONS SECONDS: one run with the chosen driver (BENCH_SESSION_ID etc. exported).
drive() { if [ "$DRIVER" = wrk ]; then wrk_run "$@"; else jvm_run "$@"; fi; }
