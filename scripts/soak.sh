#!/usr/bin/env bash
# The soak, on its own: two hub replicas on PostgreSQL and a standalone Artemis, live-mode vendor stubs, a real
# hledger-web and retention running; invoice commands and Stripe events (with duplicates) at a steady rate while one
# replica is killed with SIGKILL and restarted twice and the broker is restarted once. Then it checks that nothing was
# lost or done twice and prints the counts (also in target/soak/report.md). The full test suite runs the same soak
# (SoakIT, in its PostgreSQL pass).
#
#   scripts/soak.sh [load-seconds [invoices-per-second]]      defaults: 60 and 2; 4 to 5 minutes in all
#
# Needs what the tests need: Java 17, PostgreSQL on 127.0.0.1:5432 (user postgres, database test), hledger-web and
# hledger on the PATH. The jar and the Artemis distribution are built by Maven on the way.
set -euo pipefail
cd "$(dirname "$0")/.."

load_seconds=${1:-60}
invoices_per_second=${2:-2}
[[ $load_seconds =~ ^[0-9]+$ && $invoices_per_second =~ ^[1-9][0-9]*$ ]] || {
  echo "usage: scripts/soak.sh [load-seconds [invoices-per-second]]" >&2
  exit 2
}

# a failsafe summary left by an earlier run would be merged into this one
rm -rf target/soak target/failsafe-reports
# the H2 pass skips the soak (it needs the shared PostgreSQL); the PostgreSQL pass runs it
./mvnw -B -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SoakIT \
  -Dhub.soak.load-seconds="$load_seconds" -Dhub.soak.invoices-per-second="$invoices_per_second"
cat target/soak/report.md
