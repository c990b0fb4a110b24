#!/usr/bin/env bash
# Runs the bare durable floor (DurableFloor.java) that the hub's webhook intake is compared against.
# Usage: bench/floor/run-floor.sh --secret whsec_x [--port 8090] [--threads 64] [--queue floor.webhooks.stripe]
#          [--jdbc-url jdbc:postgresql://127.0.0.1:5432/test?user=postgres] [--broker-url tcp://127.0.0.1:61616]
#          [--broker-user u --broker-password p]
# The classpath is the hub's own resolved dependencies, cut down to the PostgreSQL driver and the Artemis JMS
# client (with what they need), so no Spring or Camel class is even loadable.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p target
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/floor-classpath-full.txt -Dmdep.includeScope=runtime >/dev/null
cp=$(tr ':' '\n' < target/floor-classpath-full.txt \
  | grep -E '/(org/postgresql/postgresql|org/apache/activemq/artemis-(jakarta-client|core-client|commons|selector)|jakarta/jms|io/netty|org/jctools|commons-beanutils|commons-collections/commons-collections|commons-logging|org/slf4j/slf4j-api)/' \
  | paste -sd: -)
# nodelay: without it the JDK HttpServer answers in two segments and Nagle + the client's delayed ACK add ~40 ms.
exec java -Dsun.net.httpserver.nodelay=true -cp "$cp" bench/floor/DurableFloor.java "$@"
