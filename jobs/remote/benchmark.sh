#!/usr/bin/env bash
# Whole-pipeline benchmark, one process against a manager and two workers on the same machine:
#   1. a fresh database: `benchmark --stage match --rows ROWS` in one process (import, then match on
#      billing.match.threads local threads);
#   2. a fresh database again, two `worker` processes, and the same benchmark as the manager
#      (--billing.remote.role=manager): import in the manager, matchUsageStep's partitions in the workers.
# Each prints import rows/s, match rows/s and the whole match job's time; the script adds wall-clock times.
#
# Usage (from the project folder, after `mvn -B package -DskipTests`):
#   MYSQL_URL=jdbc:mysql://127.0.0.1:3306/ribilling_bench MYSQL_USER=root MYSQL_PASSWORD= \
#     jobs/remote/benchmark.sh [ROWS] [WORKER_CONCURRENCY]
# The database named in MYSQL_URL is DROPPED and re-created twice (the user needs that right; the `mariadb` or
# `mysql` client must be installed). RabbitMQ: --spring.rabbitmq.* defaults (127.0.0.1:5672, guest/guest), or
# RABBITMQ_HOST.
set -euo pipefail
ROWS=${1:-500000}
CONCURRENCY=${2:-1}
JAR=${JAR:-target/ri-billing.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
: "${MYSQL_URL:?set MYSQL_URL (jdbc:mysql://HOST:PORT/DATABASE)}"
MYSQL_USER=${MYSQL_USER:-root}
MYSQL_PASSWORD=${MYSQL_PASSWORD:-}
export MYSQL_URL MYSQL_USER MYSQL_PASSWORD
RABBIT=--spring.rabbitmq.host=${RABBITMQ_HOST:-127.0.0.1}

hostport=${MYSQL_URL#jdbc:mysql://}; hostport=${hostport%%/*}
db=${MYSQL_URL##*/}
host=${hostport%%:*}; port=${hostport##*:}; [ "$port" = "$hostport" ] && port=3306
client=$(command -v mariadb || command -v mysql)
fresh_db() {
  MYSQL_PWD=$MYSQL_PASSWORD "$client" -h"$host" -P"$port" -u"$MYSQL_USER" \
    -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4"
  # Create the tables once, before several processes start on the database.
  java $JAVA_OPTS -jar "$JAR" status --out target/bench-out --spring.profiles.active=mysql >/dev/null
}
now() { date +%s.%N; }

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  command -v rabbitmqctl >/dev/null && rabbitmqctl -q delete_queue "${queue:-none}" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== 1 process: benchmark --stage match --rows $ROWS"
fresh_db
t0=$(now)
java $JAVA_OPTS -jar "$JAR" benchmark --stage match --rows "$ROWS" --dir target/bench-input --out target/bench-out \
  --spring.profiles.active=mysql | grep -E "^(generated|import|match|  step)"
t1=$(now)
echo "wall clock: $(echo "$t1 - $t0" | bc) s"

queue="ri-billing.bench.$$.$(date +%s)"
echo "== manager + 2 workers (queue $queue, worker concurrency $CONCURRENCY)"
fresh_db
for i in 1 2; do
  java $JAVA_OPTS -jar "$JAR" worker --queue "$queue" --concurrency "$CONCURRENCY" --out "target/bench-worker-$i" \
    --spring.profiles.active=mysql "$RABBIT" >"$work/worker-$i.log" 2>&1 &
  pids+=($!)
done
for i in 1 2; do
  until grep -q "worker ready" "$work/worker-$i.log"; do
    kill -0 "${pids[$((i-1))]}" 2>/dev/null || { cat "$work/worker-$i.log"; exit 1; }
    sleep 1
  done
done
t0=$(now)
java $JAVA_OPTS -jar "$JAR" benchmark --stage match --rows "$ROWS" --dir target/bench-input --out target/bench-out \
  --spring.profiles.active=mysql "$RABBIT" --billing.remote.role=manager --billing.remote.queue="$queue" \
  | grep -E "^(generated|import|match|  step)"
t1=$(now)
echo "wall clock: $(echo "$t1 - $t0" | bc) s"
for i in 1 2; do
  # benchmark --stage match matches the day twice (the figure, then a re-match in the same JVM): both runs count.
  echo "worker $i ran $(grep -c 'running partition' "$work/worker-$i.log") partitions (of both runs)"
done
