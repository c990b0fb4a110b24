#!/usr/bin/env bash
# Startup time and idle RSS of the packaged jar on the embedded default (H2 + embedded Artemis + sandbox vendors).
#   ./mvnw -q package -DskipTests && bench/startup.sh [runs]
# Prints, per run: seconds from exec to /actuator/health UP, Spring's own "Started ... in", and RSS after 30 s idle.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/finance-integration-hub-*.jar | head -1)
port=18090
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s.%N)
  HUB_DATA_DIR=$data SERVER_PORT=$port HUB_BROKER_EMBEDDED_PORT=61790 HUB_API_TOKENS=t HUB_ADMIN_PASSWORD=p \
    java -jar "$jar" > "$data/hub.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do sleep 0.1; done
  up=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
  spring=$(grep -o 'Started HubApplication in [0-9.]* seconds' "$data/hub.log" | grep -o '[0-9.]*' | head -1)
  sleep 30
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  printf 'run %d: health UP after %.1f s (Spring: %s s), idle RSS %d MiB\n' "$i" "$up" "$spring" $((rss / 1024))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
