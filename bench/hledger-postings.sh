#!/usr/bin/env bash
# Postings per second against hledger-web, raw and through the hub. Usage: bench/hledger-postings.sh [COUNT]
# Needs hledger-web and a JDK 17; (re)builds the hub jar when it is missing or older than the sources.
# Ports: hub 18083, broker 61703, hledger-web on free ports. Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000}
WORK=$(mktemp -d /tmp/hledger-bench.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_hledger() { # $1 journal; sets URL (no command substitution: its subshell would lose the pid)
  local port; port=$(free_port)
  : > "$1"
  hledger-web -f "$1" --serve-api --host 127.0.0.1 --port "$port" --capabilities=view,add > "$1.log" 2>&1 &
  PIDS+=($!)
  URL="http://127.0.0.1:$port"
  for _ in $(seq 100); do curl -fs "$URL/version" >/dev/null 2>&1 && break; sleep 0.1; done
}

echo "== hledger-web $(hledger-web --version | head -1), $(nproc) cores"
start_hledger "$WORK/raw1.journal"
java bench/HledgerPostingBench.java raw "$URL" "$COUNT" 1
start_hledger "$WORK/raw4.journal"
java bench/HledgerPostingBench.java raw "$URL" "$COUNT" 4

JAR=$(ls target/finance-integration-hub-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ] || [ -n "$(find src routes pom.xml -newer "$JAR" -print -quit)" ]; then
  ./mvnw -q -B -o -DskipTests package
  JAR=$(ls target/finance-integration-hub-*.jar | grep -v original | head -1)
fi
start_hub() { # $1 data dir, then env assignments for the hub
  local dir=$1; shift
  env SERVER_PORT=18083 HUB_BROKER_EMBEDDED_PORT=61703 HUB_DATA_DIR="$dir" HUB_API_TOKENS=bench-token \
    HUB_ADMIN_PASSWORD=bench-admin "$@" java -jar "$JAR" > "$dir.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 240); do curl -fs http://127.0.0.1:18083/actuator/health >/dev/null 2>&1 && break; sleep 0.5; done
}
stop_hub() { kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; }

echo "== the hub alone (sandbox ledger), progress from its reconciliation report"
start_hub "$WORK/hub-sandbox" HUB_ACCOUNTING_KIND=sandbox
java bench/HledgerPostingBench.java hub http://127.0.0.1:18083 bench-token report:bench-admin "$COUNT"
stop_hub

echo "== the hub posting to hledger-web, progress from the journal file"
start_hledger "$WORK/hub.journal"
start_hub "$WORK/hub-hledger" HUB_ACCOUNTING_KIND=hledger HUB_ACCOUNTING_URL="$URL"
java bench/HledgerPostingBench.java hub http://127.0.0.1:18083 bench-token "$WORK/hub.journal" "$COUNT"
stop_hub
H2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar 2>/dev/null | tail -1)
if [ -n "$H2" ]; then
  echo "accounting_posts by status and retries:"
  java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/hub-hledger/hub;MODE=PostgreSQL" -user sa -password "" \
    -sql "SELECT status, retries, COUNT(*) FROM accounting_posts GROUP BY status, retries"
fi
echo "journal: $(grep -c '^[0-9]' "$WORK/hub.journal") transactions, $(grep -c 'hub-sync:' "$WORK/hub.journal") of them read markers; logs in $WORK"
