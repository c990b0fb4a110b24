#!/usr/bin/env bash
# The one benchmark command (about 6-8 minutes on 2 cores). In this order, each part selectable with ONLY:
#   start     the jar on its embedded default: seconds from exec to /actuator/health UP (START_RUNS runs, fresh
#             HUB_DATA_DIR each), VmRSS after IDLE_SECONDS idle in the first run; as `java -jar`, then in the
#             container's form (extracted jar + a CDS archive from one training run)
#   floor     webhook intake against the bare durable floor (bench/floor) on PostgreSQL + standalone Artemis
#   hub_h2    webhook intake against the hub on H2 + embedded Artemis
#   hub_pg    webhook intake against the hub on PostgreSQL + the standalone Artemis
#   intake    = floor hub_h2 hub_pg
#   pipeline  invoices command -> every side effect done (bench/invoice_throughput.py) on PostgreSQL + the
#             standalone Artemis + sandbox vendors
# Intake: ~1 KiB signed Stripe events at each of CONCURRENCIES, WARMUP s untimed + DURATION s timed
# (bench/webhook_load.py); at the highest concurrency PASSES_C32 passes for floor and hub_pg, the best kept. After
# floor and hub_pg: the nothing-lost check (accepted answers vs stored rows vs messages the broker took on the
# queue). The hubs' RSS is sampled during the highest-concurrency passes. bench/report.py then prints the report
# with its targets and writes OUT/report.{md,json,png}.
#   bench/run.sh     env: ONLY="start intake pipeline" JAR=target/finance-integration-hub-*.jar OUT=target/bench
#                         WARMUP=5 DURATION=15 CONCURRENCIES="1 8 32" PASSES_C32=2 START_RUNS=3 IDLE_SECONDS=20
#                         INVOICES=300 INVOICE_CONCURRENCY=16 DRAIN_TIMEOUT=180
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, db test) for floor, hub_pg and pipeline, where it uses only
# the schemas bench_b_floor, bench_b_hub and bench_b_pipeline (dropped at start and at exit). Refuses to start when
# one of its ports is taken. Stops everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY=${ONLY:-start intake pipeline}; OUT=${OUT:-target/bench}
WARMUP=${WARMUP:-5}; DURATION=${DURATION:-15}; CONCURRENCIES=${CONCURRENCIES:-1 8 32}; PASSES_C32=${PASSES_C32:-2}
START_RUNS=${START_RUNS:-3}; IDLE_SECONDS=${IDLE_SECONDS:-20}
INVOICES=${INVOICES:-300}; INVOICE_CONCURRENCY=${INVOICE_CONCURRENCY:-16}; DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-180}
FLOOR_PORT=18801; HUB_PORT=18802; ARTEMIS_PORT=61801; EMBEDDED_PORT=61802
SECRET=whsec_bench_run; TOKEN=bench-token
SCHEMAS=(bench_b_floor bench_b_hub bench_b_pipeline)
FLOOR_QUEUE=bench.floor.webhooks
HUB_QUEUE=hub.webhooks.stripe  # QueueNames.webhooks("stripe")
PSQL=(env PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres test -v ON_ERROR_STOP=1 -q)
ARTEMIS_ZIP=~/.m2/repository/org/apache/activemq/apache-artemis/2.44.0/apache-artemis-2.44.0-bin.zip
TOP_C=$(tr ' ' '\n' <<< "$CONCURRENCIES" | sort -n | tail -1)

parts=" "
for word in ${ONLY//,/ }; do
  case $word in
    intake) parts+="floor hub_h2 hub_pg " ;;
    start|floor|hub_h2|hub_pg|pipeline) parts+="$word " ;;
    *) echo "ONLY: unknown part '$word' (start, intake, floor, hub_h2, hub_pg, pipeline)" >&2; exit 2 ;;
  esac
done
selected() { [[ $parts == *" $1 "* ]]; }
needs_pg() { selected floor || selected hub_pg || selected pipeline; }

work=$(mktemp -d /tmp/bench-run.XXXXXX); logs=$OUT/logs
mkdir -p "$OUT/runs" "$logs"; rm -f "$OUT"/runs/*.json "$logs"/*.log "$OUT"/report.*
pids=(); cleaned=""; report_python=python3

cleanup() {  # idempotent: stops what this script started, drops its schemas
  [ -n "$cleaned" ] && return; cleaned=1
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if needs_pg; then drop_schemas 2>/dev/null || true; fi
  rm -rf "$work"
}
finish() {
  local rc=$?
  cleanup
  if [ -f "$OUT/runs/meta.json" ]; then "$report_python" bench/report.py "$OUT" --elapsed "$SECONDS" || rc=1; fi
  echo "bench/run.sh: ${SECONDS} s wall ($((SECONDS / 60)) min $((SECONDS % 60)) s)$([ $rc = 0 ] || echo ", FAILED (exit $rc); logs in $logs")" >&2
  exit $rc
}
trap finish EXIT

drop_schemas() { local s; for s in "${SCHEMAS[@]}"; do "${PSQL[@]}" -c "drop schema if exists $s cascade"; done; }

wait_for() {  # wait_for <what> <pid> <timeout s> <command...>: until the command succeeds; fails if the pid died
  local what=$1 pid=$2 deadline=$((SECONDS + $3)); shift 3
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "$what died; see $logs" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "$what not ready in time; see $logs" >&2; exit 1; }
    sleep 0.1
  done
}
say() { printf "[%4d s] %s\n" "$SECONDS" "$*" >&2; }  # progress, with the seconds since the start
listening() { ss -ltnH "( sport = :$1 )" | grep -q .; }
# one probe at a time, each waited for: a starting hub answers health slowly, and probes that time out would pile up
health_up() { curl -fs -m 60 "http://127.0.0.1:$HUB_PORT/actuator/health" | grep -q '"UP"'; }
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }
proc_kib() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status"; }  # proc_kib <pid> VmRSS|VmHWM

# -- checks, before anything starts -------------------------------------------------------------------------------
for port in $FLOOR_PORT $HUB_PORT $ARTEMIS_PORT $EMBEDDED_PORT; do
  if listening "$port"; then echo "port $port is in use" >&2; exit 1; fi
done
if needs_pg; then pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not up on 127.0.0.1:5432" >&2; exit 1; }; fi
# the broker distribution comes from Maven Central, as for the ITs; a fresh machine has not downloaded it yet
if needs_pg && [ ! -f "$ARTEMIS_ZIP" ]; then
  ./mvnw -B -q dependency:get -Dtransitive=false -Dartifact=org.apache.activemq:apache-artemis:2.44.0:zip:bin
fi
if [ -n "${JAR:-}" ]; then
  [ -f "$JAR" ] || { echo "JAR=$JAR: no such file" >&2; exit 1; }
  jar=$JAR
else
  jar=$(ls target/finance-integration-hub-*.jar 2>/dev/null | head -1 || true)
  if [ -z "$jar" ]; then ./mvnw -B -q -DskipTests package; jar=$(ls target/finance-integration-hub-*.jar | head -1); fi
fi
# the chart needs matplotlib: the Debian package serves /usr/bin/python3, which may not be the python3 on PATH
for py in python3 /usr/bin/python3; do "$py" -c 'import matplotlib' 2>/dev/null && { report_python=$py; break; }; done
if [ "$report_python" = python3 ] && ! python3 -c 'import matplotlib' 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing python3-matplotlib for the chart" >&2
    { apt-get install -y -q python3-matplotlib || { apt-get update -q && apt-get install -y -q python3-matplotlib; }; } \
      > "$logs/apt-get.log" 2>&1 || true
    for py in python3 /usr/bin/python3; do "$py" -c 'import matplotlib' 2>/dev/null && { report_python=$py; break; }; done
  fi
fi
printf '{"jar": "%s", "jar_modified": "%s", "only": "%s", "warmup_s": %s, "duration_s": %s, "passes_top_c": %s,
 "started_at": "%s", "loadavg_at_start": "%s"}\n' "$jar" "$(date -u -r "$jar" +%FT%TZ)" "${parts# }" "$WARMUP" \
  "$DURATION" "$PASSES_C32" "$(date -u +%FT%TZ)" "$(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/runs/meta.json"
if needs_pg; then
  drop_schemas
  for s in "${SCHEMAS[@]}"; do "${PSQL[@]}" -c "create schema $s"; done
fi

launch=(java -jar "$jar")  # how start_hub runs the hub; the start part also measures the container's form
start_hub() {  # start_hub <label> <env...>: the hub with a fresh data dir; sets $hub; returns when health is UP
  local label=$1; shift
  mkdir -p "$work/$label"
  env HUB_DATA_DIR="$work/$label" SERVER_PORT=$HUB_PORT HUB_BROKER_EMBEDDED_PORT=$EMBEDDED_PORT \
    HUB_API_TOKENS=$TOKEN HUB_ADMIN_PASSWORD=p HUB_STRIPE_WEBHOOK_SECRETS=$SECRET "$@" \
    "${launch[@]}" > "$logs/$label.log" 2>&1 &
  hub=$!; pids+=("$hub")
  wait_for "hub ($label)" "$hub" 300 health_up
}
PG_HUB=(SPRING_DATASOURCE_USERNAME=postgres HUB_BROKER_URL=tcp://127.0.0.1:$ARTEMIS_PORT HUB_BROKER_USER=u
        HUB_BROKER_PASSWORD=p)
pg_url() { echo "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$1"; }

# -- start: time to health UP and idle RSS on the embedded default -------------------------------------------------
measure_start() {  # measure_start <form>: START_RUNS starts with $launch, written to runs/start-<form>.json
  local form=$1 i t0 ups=() springs=() idle=null spring
  for i in $(seq 1 "$START_RUNS"); do
    t0=$EPOCHREALTIME
    start_hub "start-$form$i"
    ups+=("$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.2f", b - a}')")
    spring=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$logs/start-$form$i.log" | grep -o '[0-9.]*' | head -1 || true)
    springs+=("${spring:-null}")
    if [ "$i" = 1 ]; then sleep "$IDLE_SECONDS"; idle=$(proc_kib "$hub" VmRSS); fi  # idling is the measurement
    say "start ($form) run $i: health UP after ${ups[-1]} s (Spring: ${spring:-?} s)$([ "$i" = 1 ] && echo ", RSS after ${IDLE_SECONDS} s idle $((idle / 1024)) MiB")"
    stop "$hub"
  done
  local IFS=,
  printf '{"up_s": [%s], "spring_started_s": [%s], "idle_seconds": %s, "rss_idle_kib": %s}\n' \
    "${ups[*]}" "${springs[*]}" "$IDLE_SECONDS" "$idle" > "$OUT/runs/start-$form.json"
}
# the container's form (docker/Dockerfile): the jar extracted, classes from a CDS archive that one training run
# (stopped once the context is refreshed) wrote; Spring Boot's documented recipe
cds_launch() {
  local dir=$work/cds
  java -Djarmode=tools -jar "$jar" extract --destination "$dir" > "$logs/cds-extract.log" 2>&1
  mkdir -p "$work/cds-training"
  env HUB_DATA_DIR="$work/cds-training" SERVER_PORT=$HUB_PORT HUB_BROKER_EMBEDDED_PORT=$EMBEDDED_PORT \
    HUB_API_TOKENS=$TOKEN HUB_ADMIN_PASSWORD=p HUB_STRIPE_WEBHOOK_SECRETS=$SECRET \
    java -XX:ArchiveClassesAtExit="$dir/hub.jsa" -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$jar")" \
    > "$logs/cds-training.log" 2>&1
  launch=(java -XX:SharedArchiveFile="$dir/hub.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$dir/$(basename "$jar")")
}
if selected start; then
  say "start time, ${START_RUNS} runs each, embedded default: java -jar, then extracted + CDS"
  measure_start jar
  say "CDS training run"; cds_launch; measure_start cds; launch=(java -jar "$jar")
fi

# -- the standalone broker (floor, hub_pg and pipeline share it; each has its own queues) -------------------------
if needs_pg; then
  say "standalone Artemis on $ARTEMIS_PORT"
  unzip -q "$ARTEMIS_ZIP" -d "$work/dist"
  "$work"/dist/apache-artemis-*/bin/artemis create "$work/broker" --user u --password p --require-login --silent \
    --no-web --host 127.0.0.1 --default-port $ARTEMIS_PORT \
    --no-amqp-acceptor --no-stomp-acceptor --no-hornetq-acceptor --no-mqtt-acceptor > "$logs/artemis-create.log"
  "$work/broker/bin/artemis" run > "$logs/artemis.log" 2>&1 &   # execs java: $! is the broker JVM
  broker=$!; pids+=("$broker")
  wait_for artemis "$broker" 120 listening $ARTEMIS_PORT
fi

load() {  # load <label> <passes at the highest concurrency> <extra webhook_load.py args...>
  local label=$1 top_passes=$2 c p; shift 2
  for c in $CONCURRENCIES; do
    for p in $(seq 1 "$([ "$c" = "$TOP_C" ] && echo "$top_passes" || echo 1)"); do
      python3 bench/webhook_load.py --label "$label" --secret "$SECRET" -c "$c" --warmup "$WARMUP" \
        --duration "$DURATION" --json "$OUT/runs/intake-$label-c$c-p$p.json" "$@"
    done
  done
}
messages_added() {  # messages_added <queue>: MESSAGES_ADDED of that queue on the standalone broker
  "$work/broker/bin/artemis" queue stat --json --url tcp://127.0.0.1:$ARTEMIS_PORT --user u --password p \
    --field NAME --operation EQUALS --value "$1" 2>/dev/null \
    | python3 -c 'import json, sys; t = sys.stdin.read(); q = json.loads(t[t.index("{"):])["data"]; print(q[0]["messagesAdded"] if q else 0)'
}
count() { "${PSQL[@]}" -Atc "$1"; }
lost_check() {  # lost_check <label> <rows> <queue> <received left> <drain s>: writes what the report compares
  printf '{"label": "%s", "rows": %s, "queue": "%s", "messages_added": %s, "received_left": %s, "drain_s": %s}\n' \
    "$1" "$2" "$3" "$(messages_added "$3")" "$4" "$5" > "$OUT/runs/lost-$1.json"
}
hub_memory() {  # hub_memory <label> <pid>: the peak resident set of the hub's whole life, read before it stops
  printf '{"label": "%s", "vm_hwm_kib": %s}\n' "$1" "$(proc_kib "$2" VmHWM)" > "$OUT/runs/memory-$1.json"
}

# -- intake -------------------------------------------------------------------------------------------------------
if selected floor; then
  say "(a) floor on $FLOOR_PORT"
  bench/floor/run-floor.sh --port $FLOOR_PORT --threads 64 --secret "$SECRET" \
    --jdbc-url "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=bench_b_floor" \
    --broker-url tcp://127.0.0.1:$ARTEMIS_PORT --broker-user u --broker-password p --queue $FLOOR_QUEUE \
    > "$logs/floor.log" 2>&1 &
  floor=$!; pids+=("$floor")
  wait_for floor "$floor" 180 listening $FLOOR_PORT
  load floor "$PASSES_C32" --base http://127.0.0.1:$FLOOR_PORT --pid server=$floor --pid broker=$broker \
    --pg-backends-of $floor
  # the floor answers only after its insert and its send: nothing to wait for
  lost_check floor "$(count "select count(*) from bench_b_floor.floor_webhook_events")" $FLOOR_QUEUE 0 0
  stop "$floor"
fi

if selected hub_h2; then
  say "(b) hub on H2 + embedded broker"
  start_hub hub_h2
  load hub_h2 1 --base http://127.0.0.1:$HUB_PORT --pid server=$hub --rss-pid $hub
  hub_memory hub_h2 "$hub"
  stop "$hub"
fi

if selected hub_pg; then
  say "(c) hub on PostgreSQL + standalone Artemis"
  start_hub hub_pg SPRING_DATASOURCE_URL="$(pg_url bench_b_hub)" "${PG_HUB[@]}"
  load hub_pg "$PASSES_C32" --base http://127.0.0.1:$HUB_PORT --pid server=$hub --pid broker=$broker \
    --pg-backends-of $hub --rss-pid $hub
  hub_memory hub_pg "$hub"
  # every acknowledged event must come back from the queue: 'received' is the status until processing took it
  t0=$SECONDS; deadline=$((SECONDS + DRAIN_TIMEOUT))
  while left=$(count "select count(*) from bench_b_hub.webhook_events where status = 'received'") \
        && [ "$left" != 0 ] && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
  say "hub_pg: $left events still 'received' after $((SECONDS - t0)) s"
  lost_check hub_pg "$(count "select count(*) from bench_b_hub.webhook_events")" $HUB_QUEUE "$left" $((SECONDS - t0))
  stop "$hub"
fi

# -- invoice pipeline ---------------------------------------------------------------------------------------------
if selected pipeline; then
  say "invoice pipeline: $INVOICES invoices, $INVOICE_CONCURRENCY clients, PostgreSQL + standalone Artemis"
  start_hub pipeline SPRING_DATASOURCE_URL="$(pg_url bench_b_pipeline)" "${PG_HUB[@]}" \
    HUB_STRIPE_MODE=sandbox HUB_TWILIO_MODE=sandbox HUB_ACCOUNTING_KIND=sandbox \
    HUB_TWILIO_AUTH_TOKEN=bench_twilio HUB_PUBLIC_BASE_URL=http://127.0.0.1:$HUB_PORT
  python3 bench/invoice_throughput.py --base-url http://127.0.0.1:$HUB_PORT --token "$TOKEN" -n "$INVOICES" \
    -c "$INVOICE_CONCURRENCY" --phone --all-side-effects --pid hub=$hub --pid broker=$broker \
    --json "$OUT/runs/pipeline.json"
  stop "$hub"
fi
