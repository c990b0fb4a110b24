#!/usr/bin/env bash
# Measures what the payment_attempts audit adds to one payment side effect (see PaymentAuditOverhead.java).
# Usage: bench/audit-overhead.sh                         # H2 file database, as the hub's default
#        bench/audit-overhead.sh jdbc:postgresql://127.0.0.1:5432/test postgres ''
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >/dev/null
exec java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/PaymentAuditOverhead.java "$@"
