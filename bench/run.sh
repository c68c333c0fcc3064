#!/usr/bin/env bash
# The benchmark, in one command (see BENCHMARKS.md):
#   bash bench/run.sh            measure (generating the data first if rectify_bench is empty)
#   bash bench/run.sh --fresh    drop rectify_bench and generate it again
#   BENCH_ONLY=screens,digest bash bench/run.sh   only some parts (screens, digest, visit, mail)
# Needs what .ci/run needs (MariaDB on 127.0.0.1:3306, Debian's chromium); builds the production jar first.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh

if [[ "${1:-}" == "--fresh" ]]; then
  mysql --protocol=tcp -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS rectify_bench"
fi
mysql --protocol=tcp -h127.0.0.1 -uroot \
  -e "CREATE DATABASE IF NOT EXISTS rectify_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# Statements are counted by the server's slow log at long_query_time=0. A connection takes these settings when it
# opens, so they are set before anything connects; the runner only switches the log on and off.
SQL="mysql --protocol=tcp -h127.0.0.1 -uroot -N"
ORIG=$($SQL -e "select concat_ws('|', @@log_output, @@log_slow_filter, @@long_query_time)")
restore() {
  IFS='|' read -r out filter time <<< "$ORIG"
  $SQL -e "set global slow_query_log = 0; set global log_output = '$out'; set global log_slow_filter = '$filter';
           set global long_query_time = $time; truncate table mysql.slow_log" || true
}
trap restore EXIT
$SQL -e "set global slow_query_log = 1; set global log_output = 'TABLE'; set global log_slow_filter = '';
         set global long_query_time = 0"

./mvnw -B -q -Pproduction package -DskipTests
JAR=$(ls target/rectify-*.jar | head -1)
./mvnw -B test -Dtest=Benchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.jar="$JAR" \
  -Dbench.runs="${BENCH_RUNS:-5}" -Dbench.only="${BENCH_ONLY:-}"
echo "Results: target/bench/results.md"
