#!/usr/bin/env bash
# Webhook intake at concurrencies 1, 8, 32 against (a) the bare durable floor (bench/floor), (b) the hub jar on
# its embedded default (H2 + embedded Artemis) and (c) the hub on PostgreSQL + a standalone Artemis; one after the
# other, each point WARMUP s untimed + DURATION s timed (bench/webhook_load.py). Writes target/bench/webhooks.{md,json}
# and prints hub/floor ratios. Needs PostgreSQL on 127.0.0.1:5432 (user postgres, db test); uses only the schemas
# bench_floor and bench_hub there (dropped at start and at exit). Stops everything it started on exit.
#   bench/run.sh            env: WARMUP=5 DURATION=15 CONCURRENCIES="1 8 32"
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-5}; DURATION=${DURATION:-15}; CONCURRENCIES=${CONCURRENCIES:-1 8 32}
FLOOR_PORT=18781; HUB_PORT=18782; ARTEMIS_PORT=61781; EMBEDDED_PORT=61782
SECRET=whsec_bench_run
PSQL=(psql -h 127.0.0.1 -U postgres test -v ON_ERROR_STOP=1 -q)
ARTEMIS_ZIP=~/.m2/repository/org/apache/activemq/apache-artemis/2.44.0/apache-artemis-2.44.0-bin.zip
out=target/bench; work=$(mktemp -d /tmp/bench-run.XXXXXX); mkdir -p "$out/runs"; rm -f "$out"/runs/*.json
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "${PSQL[@]}" -c "drop schema if exists bench_floor cascade; drop schema if exists bench_hub cascade" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for port in $FLOOR_PORT $HUB_PORT $ARTEMIS_PORT $EMBEDDED_PORT; do
  if ss -ltnH "( sport = :$port )" | grep -q .; then echo "port $port is in use" >&2; exit 1; fi
done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not up on 127.0.0.1:5432" >&2; exit 1; }
jar=$(ls target/finance-integration-hub-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -B -q -o -DskipTests package; jar=$(ls target/finance-integration-hub-*.jar | head -1); fi
"${PSQL[@]}" -c "drop schema if exists bench_floor cascade; drop schema if exists bench_hub cascade;
                 create schema bench_floor; create schema bench_hub"

wait_for() {  # wait_for <what> <pid> <command...>: until the command succeeds, 120 s, or the process died
  local what=$1 pid=$2; shift 2
  for _ in $(seq 1 1200); do
    "$@" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$what died; log in $work" >&2; exit 1; }
    sleep 0.1
  done
  echo "$what not ready after 120 s" >&2; exit 1
}

load() {  # load <label> <extra webhook_load.py args...>
  local label=$1; shift
  for c in $CONCURRENCIES; do
    python3 bench/webhook_load.py --label "$label" --secret "$SECRET" -c "$c" --warmup "$WARMUP" \
      --duration "$DURATION" --json "$out/runs/$label-c$c.json" "$@"
  done
}

stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

echo "standalone Artemis on $ARTEMIS_PORT" >&2
unzip -q "$ARTEMIS_ZIP" -d "$work/dist"
"$work"/dist/apache-artemis-*/bin/artemis create "$work/broker" --user u --password p --require-login --silent \
  --no-web --host 127.0.0.1 --default-port $ARTEMIS_PORT \
  --no-amqp-acceptor --no-stomp-acceptor --no-hornetq-acceptor --no-mqtt-acceptor > "$work/artemis-create.log"
"$work/broker/bin/artemis" run > "$work/artemis.log" 2>&1 &   # execs java: $! is the broker JVM
broker=$!; pids+=("$broker")
wait_for artemis "$broker" bash -c "ss -ltnH '( sport = :$ARTEMIS_PORT )' | grep -q ."

echo "(a) floor on $FLOOR_PORT" >&2
bench/floor/run-floor.sh --port $FLOOR_PORT --threads 64 --secret "$SECRET" \
  --jdbc-url "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=bench_floor" \
  --broker-url tcp://127.0.0.1:$ARTEMIS_PORT --broker-user u --broker-password p --queue bench.floor.webhooks \
  > "$work/floor.log" 2>&1 &
floor=$!; pids+=("$floor")
wait_for floor "$floor" bash -c "ss -ltnH '( sport = :$FLOOR_PORT )' | grep -q ."
load floor --base http://127.0.0.1:$FLOOR_PORT --pid server=$floor --pid broker=$broker --pg-backends-of $floor
stop "$floor"

start_hub() {  # start_hub <label> <env...>
  local label=$1; shift
  mkdir -p "$work/$label"
  env HUB_DATA_DIR="$work/$label" SERVER_PORT=$HUB_PORT HUB_BROKER_EMBEDDED_PORT=$EMBEDDED_PORT HUB_API_TOKENS=t \
    HUB_ADMIN_PASSWORD=p HUB_STRIPE_WEBHOOK_SECRETS=$SECRET "$@" java -jar "$jar" > "$work/$label/hub.log" 2>&1 &
  hub=$!; pids+=("$hub")
  wait_for "hub ($label)" "$hub" bash -c "curl -fs http://127.0.0.1:$HUB_PORT/actuator/health | grep -q '\"UP\"'"
}

echo "(b) hub on H2 + embedded broker" >&2
start_hub hub_h2
load hub_h2 --base http://127.0.0.1:$HUB_PORT --pid server=$hub
stop "$hub"

echo "(c) hub on PostgreSQL + standalone Artemis" >&2
start_hub hub_pg SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench_hub" \
  SPRING_DATASOURCE_USERNAME=postgres HUB_BROKER_URL=tcp://127.0.0.1:$ARTEMIS_PORT HUB_BROKER_USER=u HUB_BROKER_PASSWORD=p
load hub_pg --base http://127.0.0.1:$HUB_PORT --pid server=$hub --pid broker=$broker --pg-backends-of $hub
stop "$hub"

python3 bench/webhook_report.py "$out"
