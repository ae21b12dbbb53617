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
#   4. the page query on the real occupations against a second database of
#      TOTAL (default 100000) occupations, the real ones plus synthetic copies
#      (bench/synthetic.sql), snapshot retaken: runs alternate between the
#      two, REPS of each, and the ratio is of the medians; then the same with
#      huge pages off.
# SECONDS_PER_RUN (default 20), REPS (default 5) tune the runs.
#
# The server runs on huge pages when it can (README, Performance): as root the
# script reserves the pages the server asks for (vm.nr_hugepages) and gives
# them back at exit; otherwise huge_pages = try.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=${DATA_DIR:-../shared/data}
total=${TOTAL:-100000} secs=${SECONDS_PER_RUN:-20} reps=${REPS:-5}

scripts/ensure-deps.sh
make -s
sandbox=$(mktemp -d /tmp/airesilience-bench.XXXXXX)
huge_pages_before=
cleanup() {
	scripts/pgsandbox.sh stop "$sandbox"
	if [ -n "$huge_pages_before" ]; then sysctl -qw vm.nr_hugepages="$huge_pages_before" || true; fi
}
trap cleanup EXIT
# shared_buffers sized as for a serving database: the 100,000 published
# documents (some 700 MB) and their indexes stay in the buffer cache.
server_opts="-c shared_buffers=4GB -c max_connections=20"
PGSANDBOX_OPTS="$server_opts -c huge_pages=try" scripts/pgsandbox.sh start "$sandbox" >"$sandbox.env"
eval "$(cat "$sandbox.env")"; rm -f "$sandbox.env"
export PGDATABASE=airesilience_bench
[ "$(id -u)" -eq 0 ] && chmod 777 "$sandbox"   # pgbench logs land here

# restart_server on|off|try: the same server with huge_pages set so.
restart_server() {
	PGSANDBOX_OPTS="$server_opts -c huge_pages=$1" scripts/pgsandbox.sh restart "$sandbox"
}

# The server reports how many huge pages its shared memory takes
# (PostgreSQL 15+); root reserves them on top of any already reserved.
huge_pages=try
needed=$(psql -XAt -d postgres -c 'SHOW shared_memory_size_in_huge_pages' 2>/dev/null || echo -1)
if [ "$(id -u)" -eq 0 ] && [ "$needed" -gt 0 ]; then
	huge_pages_before=$(cat /proc/sys/vm/nr_hugepages)
	sysctl -qw vm.nr_hugepages=$((huge_pages_before + needed)) 2>/dev/null || true
	if [ "$(cat /proc/sys/vm/nr_hugepages)" -ge $((huge_pages_before + needed)) ] &&
		restart_server on 2>/dev/null; then
		huge_pages=on
	else
		restart_server try
	fi
fi

psql -qX -d postgres -c "CREATE DATABASE $PGDATABASE"
psql -qX -c 'CREATE EXTENSION airesilience CASCADE'
[ -n "${BENCH_SETUP:-}" ] && psql -qX -f "$BENCH_SETUP"   # (development: extra setup SQL)
scripts/load-public.sh "$data_dir" | tail -1
echo "PostgreSQL $(psql -XAt -c 'SHOW server_version'), $(nproc) cores, huge_pages = $huge_pages" \
	"($(psql -XAt -c 'SHOW shared_memory_size_in_huge_pages' 2>/dev/null || echo '?') pages of shared memory)"

echo "== every report row, all occupations (JIT on: the server default)"
psql -X -v reps="$reps" -f bench/reports.sql | sed -n '/^median/,$p'
echo "== the same with jit = off"
PGOPTIONS='-c jit=off' psql -X -v reps="$reps" -f bench/reports.sql | sed -n '/^median/,$p'

# number_codes: bench_code numbers the occupations of the current database
# 1..N for pgbench; prints N.
number_codes() {
	psql -qX -c 'SET client_min_messages = warning' -c 'DROP TABLE IF EXISTS bench_code' \
		-c 'CREATE TABLE bench_code AS SELECT row_number() OVER (ORDER BY onet_code)::int AS id, onet_code FROM airesilience.occupation' \
		-c 'ALTER TABLE bench_code ADD PRIMARY KEY (id)' -c 'VACUUM ANALYZE bench_code'
	psql -XAt -c 'SELECT count(*) FROM bench_code'
}

# page_latency CODES NAME [SCRIPT]: pgbench a page query on the current
# database; prints the percentiles in ms and appends "p50 p99" to NAME.stats.
page_latency() {
	local codes=$1 log=$sandbox/$2 script=${3:-bench/page.pgbench}
	pgbench -n -c 2 -j 2 -M prepared -T "$secs" -D codes="$codes" \
		-f "$script" -l --log-prefix="$log" >"$log.out" 2>&1 ||
		{ cat "$log.out" >&2; exit 1; }
	local tps
	tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$log.out" | head -1)
	cat "$log".[0-9]* | awk '{print $3}' | sort -n | awk -v tps="$tps" '
		{ v[NR] = $1 }
		END { printf "%d page queries: p50 %.3f ms, p99 %.3f ms, max %.3f ms, %s tps\n",
		      NR, v[int(NR * 0.50)] / 1000, v[int(NR * 0.99)] / 1000, v[NR] / 1000, tps
		      printf "%.6f %.6f\n", v[int(NR * 0.50)] / 1000, v[int(NR * 0.99)] / 1000 > "/dev/stderr" }' 2>>"$log.stats"
	rm -f "$log".[0-9]*
}

# median NAME COLUMN: the median of a column of NAME.stats.
median() {
	awk -v c="$2" '{ print $c }' "$sandbox/$1.stats" | sort -g |
		awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# prewarm: every relation of both databases into the buffer cache.
prewarm() {
	local db
	for db in "$PGDATABASE" "$large_db"; do
		psql -qX -d "$db" -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS pg_prewarm' \
			-c "SELECT sum(pg_prewarm(oid)) FROM pg_class WHERE relkind IN ('r', 'i', 't', 'm') AND pg_relation_size(oid) > 0" >/dev/null
	done
}

# compare_sizes NAME: REPS runs on each database, alternating; prints the
# medians and their ratio.
compare_sizes() {
	local rep
	for rep in $(seq "$reps"); do
		echo -n "  $small_codes occupations: "; page_latency "$small_codes" "$1.small"
		echo -n "  $large_codes occupations: "; PGDATABASE=$large_db page_latency "$large_codes" "$1.large"
	done
	echo "median of $reps: p50 $(median "$1.small" 1) ms and $(median "$1.large" 1) ms," \
		"p99 $(median "$1.small" 2) ms and $(median "$1.large" 2) ms"
	echo "p99 at $large_codes occupations / p99 at $small_codes:" \
		"$(awk -v a="$(median "$1.large" 2)" -v b="$(median "$1.small" 2)" 'BEGIN { printf "%.2f", a / b }')" \
		"(p50: $(awk -v a="$(median "$1.large" 1)" -v b="$(median "$1.small" 1)" 'BEGIN { printf "%.2f", a / b }'))"
}

echo "== snapshot (publishes the documents)"
psql -XAt -c '\timing on' -c "SELECT airesilience.take_snapshot('bench')" | sed -n 's/^Time: /take_snapshot: /p'
echo "== page query, 2 clients, ${secs} s"
small_codes=$(number_codes)
echo -n "published, $small_codes occupations: "; page_latency "$small_codes" published
echo -n "live, $small_codes occupations: "; page_latency "$small_codes" live bench/page_live.pgbench

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

echo "== page query, $total occupations against the real ones"
large_db=airesilience_large
psql -qX -d postgres -c "CREATE DATABASE $large_db TEMPLATE $PGDATABASE"
export PGDATABASE=$large_db
psql -X -v total="$total" -f bench/synthetic.sql >/dev/null
psql -XAt -c '\timing on' -c "SELECT airesilience.take_snapshot('bench, $total occupations')" | sed -n 's/^Time: /take_snapshot: /p'
psql -qX -c 'VACUUM ANALYZE airesilience.snapshot_document'
large_codes=$(number_codes)
export PGDATABASE=airesilience_bench
prewarm
echo "huge_pages = $huge_pages:"
compare_sizes "hp_$huge_pages"
if [ "$huge_pages" = on ]; then
	echo "== the same with huge_pages = off"
	restart_server off
	prewarm
	compare_sizes hp_off
fi
