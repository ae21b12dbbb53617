#!/usr/bin/env bash
# make bench-serve DATA_DIR=<dir>: what the web app and the analysts feel, on
# the public data, on a throwaway server.
#   1. every report row for every occupation (bench/reports.sql), with JIT on
#      (the server default) and off;
#   2. the page query (bench/page.pgbench: the published JSON document of a
#      random occupation, from the newest snapshot), 2 clients, latency
#      percentiles from pgbench's log; and the document computed live
#      (bench/page_live.pgbench) for comparison;
#   3. the same while the public data is reloaded, with a check that no read
#      sees a half-loaded state (bench/reload_check.pgbench);
#   4. the page query again with TOTAL (default 100000) occupations, the real
#      ones plus synthetic copies (bench/synthetic.sql), snapshot retaken, as
#      a ratio to 2.
# SECONDS_PER_RUN (default 20), REPS (default 5) tune the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=${DATA_DIR:-../shared/data}
total=${TOTAL:-100000} secs=${SECONDS_PER_RUN:-20} reps=${REPS:-5}

scripts/ensure-deps.sh
make -s
sandbox=$(mktemp -d /tmp/airesilience-bench.XXXXXX)
trap 'scripts/pgsandbox.sh stop "$sandbox"' EXIT
# shared_buffers sized as for a serving database: the 100,000 published
# documents (some 700 MB) and their indexes stay in the buffer cache.
PGSANDBOX_OPTS="-c shared_buffers=4GB -c max_connections=20" \
	scripts/pgsandbox.sh start "$sandbox" >"$sandbox.env"
eval "$(cat "$sandbox.env")"; rm -f "$sandbox.env"
export PGDATABASE=airesilience_bench
[ "$(id -u)" -eq 0 ] && chmod 777 "$sandbox"   # pgbench logs land here

psql -qX -d postgres -c "CREATE DATABASE $PGDATABASE"
psql -qX -c 'CREATE EXTENSION airesilience CASCADE'
[ -n "${BENCH_SETUP:-}" ] && psql -qX -f "$BENCH_SETUP"   # (development: extra setup SQL)
scripts/load-public.sh "$data_dir" | tail -1
echo "PostgreSQL $(psql -XAt -c 'SHOW server_version'), $(nproc) cores"

echo "== every report row, all occupations (JIT on: the server default)"
psql -X -v reps="$reps" -f bench/reports.sql | sed -n '/^median/,$p'
echo "== the same with jit = off"
PGOPTIONS='-c jit=off' psql -X -v reps="$reps" -f bench/reports.sql | sed -n '/^median/,$p'

number_codes() {
	psql -qX -c 'SET client_min_messages = warning' -c 'DROP TABLE IF EXISTS bench_code' \
		-c 'CREATE TABLE bench_code AS SELECT row_number() OVER (ORDER BY onet_code)::int AS id, onet_code FROM airesilience.occupation' \
		-c 'ALTER TABLE bench_code ADD PRIMARY KEY (id)' -c 'VACUUM ANALYZE bench_code'
	psql -XAt -c 'SELECT count(*) FROM bench_code'
}

# page_latency CODES NAME [SCRIPT]: pgbench a page query; prints the
# percentiles in ms and keeps the p99 in NAME.p99.
page_latency() {
	local codes=$1 log=$sandbox/$2 script=${3:-bench/page.pgbench}
	pgbench -n -c 2 -j 2 -M prepared -T "$secs" -D codes="$codes" \
		-f "$script" -l --log-prefix="$log" >"$log.out" 2>&1 ||
		{ cat "$log.out" >&2; exit 1; }
	local tps
	tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$log.out" | head -1)
	cat "$log".* | awk '{print $3}' | sort -n | awk -v tps="$tps" '
		{ v[NR] = $1 }
		END { printf "%d page queries: p50 %.3f ms, p99 %.3f ms, max %.3f ms, %s tps\n",
		      NR, v[int(NR * 0.50)] / 1000, v[int(NR * 0.99)] / 1000, v[NR] / 1000, tps
		      printf "%.6f\n", v[int(NR * 0.99)] / 1000 > "/dev/stderr" }' 2>"$log.p99"
	rm -f "$log".[0-9]*
}

echo "== snapshot (publishes the documents)"
psql -XAt -c '\timing on' -c "SELECT airesilience.take_snapshot('bench')" | sed -n 's/^Time: /take_snapshot: /p'
echo "== page query, 2 clients, ${secs} s"
codes=$(number_codes)
echo -n "published, $codes occupations: "; page_latency "$codes" small
echo -n "live, $codes occupations: "; page_latency "$codes" live bench/page_live.pgbench

echo "== page query while the public data is reloaded"
read -r occupations tasks < <(psql -XAt -F' ' -c 'SELECT count(*), sum(task_count) FROM airesilience.occupation_report WHERE task_count > 0')
pgbench -n -c 2 -j 2 -T "$secs" -D occupations="$occupations" -D tasks="$tasks" \
	-f bench/reload_check.pgbench >"$sandbox/reload.out" 2>&1 &
checker=$!
sleep 1
scripts/load-public.sh "$data_dir" | tail -1
scripts/load-public.sh "$data_dir" | tail -1
if wait "$checker"; then
	echo "consistent: $(sed -n 's/^number of transactions actually processed: //p' "$sandbox/reload.out") reads during two reloads, none saw a half-loaded state"
else
	echo "INCONSISTENT READ during reload:"; cat "$sandbox/reload.out"; exit 1
fi

echo "== page query with $total occupations"
psql -X -v total="$total" -f bench/synthetic.sql >/dev/null
psql -XAt -c '\timing on' -c "SELECT airesilience.take_snapshot('bench, $total occupations')" | sed -n 's/^Time: /take_snapshot: /p'
psql -qX -c 'VACUUM ANALYZE airesilience.snapshot_document'
codes=$(number_codes)
echo -n "published, $codes occupations: "; page_latency "$codes" large
awk 'NR == FNR { small = $1; next } { printf "p99 at %s occupations / p99 at the real ones: %.2f\n", total, $1 / small }' total="$total" \
	"$sandbox/small.p99" "$sandbox/large.p99"
