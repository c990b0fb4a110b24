#!/usr/bin/env bash
# Reconciliation at N invoices (default 100,000): loads them into a fresh H2 file database (or the PostgreSQL
# database given), then times a full walk of the JSON pages and a CSV stream and prints the heap's peak
# (see src/test/java/io/financehub/ledger/adapter/ReconciliationBench.java). HEAP sets -Xmx (default 64m).
# Usage: bench/reconciliation.sh [N]
#        bench/reconciliation.sh 100000 jdbc:postgresql://127.0.0.1:5432/recon_bench postgres ''
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >/dev/null
exec java "-Xmx${HEAP:-64m}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.financehub.ledger.adapter.ReconciliationBench "$@"
