#!/usr/bin/env bash
# Starts the packaged hub in sandbox mode on its own ports and data directory, runs invoice_throughput.py
# against it, and stops it again. Extra arguments go to invoice_throughput.py (e.g. -n 2000 -c 32).
# Ports: SERVER_PORT (default 18082) and HUB_BROKER_EMBEDDED_PORT (default 61702).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${SERVER_PORT:-18082}"
BROKER_PORT="${HUB_BROKER_EMBEDDED_PORT:-61702}"
JAR=target/finance-integration-hub-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || ./mvnw -q -B -o package -DskipTests
DATA_DIR="$(mktemp -d /tmp/hub-bench-XXXXXX)"
TOKEN=bench-token

SERVER_PORT="$PORT" HUB_BROKER_EMBEDDED_PORT="$BROKER_PORT" HUB_DATA_DIR="$DATA_DIR" HUB_API_TOKENS="$TOKEN" \
  HUB_ADMIN_PASSWORD=bench-admin HUB_STRIPE_MODE=sandbox HUB_TWILIO_MODE=sandbox HUB_ACCOUNTING_KIND=sandbox \
  java -jar "$JAR" >"$DATA_DIR/hub.log" 2>&1 &
HUB_PID=$!
trap 'kill "$HUB_PID" 2>/dev/null; wait "$HUB_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
  if ! kill -0 "$HUB_PID" 2>/dev/null; then cat "$DATA_DIR/hub.log"; exit 1; fi
  sleep 1
done
echo "hub up on port $PORT (pid $HUB_PID, data $DATA_DIR)"
python3 bench/invoice_throughput.py --base-url "http://127.0.0.1:$PORT" --token "$TOKEN" "$@"
