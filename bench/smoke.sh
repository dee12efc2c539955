#!/usr/bin/env bash
# Standalone smoke benchmark (issue 3 figures; the city-scale harness is issue 8):
# start-up time, heap after start, command throughput over HTTP (sequential and 8 clients), and event-store
# bytes on disk per event. Usage: bench/smoke.sh [commands]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
COMMANDS=${1:-3000}
JAR=standalone/target/standalone-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
DATA=$(mktemp -d)
PORT=18080
java -Xmx512m -jar "$JAR" --lendpoint.data-dir="$DATA" --server.port=$PORT --lendpoint.mongo.port=0 \
  > "$DATA.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.2; done
grep -o "Started StandaloneApplication in [0-9.]* seconds (process running for [0-9.]*)" "$DATA.log"
heap() { curl -s -u admin:admin-demo "http://127.0.0.1:$PORT/actuator/metrics/jvm.memory.used?tag=area:heap" \
  | python3 -c 'import json,sys; print("%.0f MB" % (json.load(sys.stdin)["measurements"][0]["value"]/1e6))'; }
echo "heap used after start: $(heap)"
echo "sequential (1 client):"; java bench/LoadSmoke.java "http://127.0.0.1:$PORT" "$((COMMANDS / 3))" 1
echo "concurrent (8 clients):"; java bench/LoadSmoke.java "http://127.0.0.1:$PORT" "$COMMANDS" 8
echo "heap used after load: $(heap)"
kill $PID; wait $PID 2>/dev/null || true; trap - EXIT
EVENTS=$(java -cp "$(find ~/.m2/repository/org/hsqldb/hsqldb -name 'hsqldb-2.7.4.jar' | head -1)" bench/CountEvents.java "$DATA/eventstore/events")
BYTES=$(du -sb "$DATA/eventstore" | cut -f1)
echo "event store after clean shutdown: $EVENTS events, $BYTES bytes on disk, $((BYTES / EVENTS)) bytes/event (incl. payload)"
rm -rf "$DATA" "$DATA.log"
