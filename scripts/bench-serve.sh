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
#   4. the web app's queries on the real occupations against a second
#      database of TOTAL (default 100000) occupations, the real ones plus
#      synthetic copies (bench/synthetic.sql), snapshot retaken: the page by
#      code (bench/page.pgbench), by slug (bench/slug.pgbench), a list page
#      at a random depth (bench/list.pgbench) and search
#      (bench/search.pgbench); runs alternate between the two databases and
#      the four queries, REPS of each, and the ratio is of the medians; then,
#      when the server ran on huge pages, the page query without them.
# SECONDS_PER_RUN (default 20), REPS (default 5) tune the runs;
# SERVE_QUERIES (default "page slug list search") picks the queries of 4.
#
# The server runs on huge pages when it can (README, Performance): as root the
# script reserves the pages the server asks for (vm.nr_hugepages) and gives
# them back at exit; otherwise huge_pages = try.  The header line says
# whether the server's shared memory is on huge pages.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=${DATA_DIR:-../shared/data}
total=${TOTAL:-100000} secs=${SECONDS_PER_RUN:-20} reps=${REPS:-5}

scripts/ensure-deps.sh server
make -s
sandbox=$(mktemp -d /tmp/airesilience-bench.XXXXXX)
nr_huge_pages=/proc/sys/vm/nr_hugepages
huge_pages_added=0
cleanup() {
	scripts/pgsandbox.sh stop "$sandbox" || true
	# Give back what was added, leaving any other reservation as it is now.
	if [ "$huge_pages_added" -gt 0 ]; then
		local now
		now=$(cat "$nr_huge_pages")
		echo $((now > huge_pages_added ? now - huge_pages_added : 0)) >"$nr_huge_pages" || true
	fi
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

# on_huge_pages: whether the running server's shared memory is mapped in
# huge pages (hugetlb mappings show a kernel page size above 4 kB).
on_huge_pages() {
	local pid
	pid=$(head -n 1 "$sandbox/data/postmaster.pid")
	grep -q '^KernelPageSize: *[0-9]\{4,\} kB' "/proc/$pid/smaps" 2>/dev/null
}

# The server reports how many huge pages its shared memory takes
# (PostgreSQL 15+); root reserves them on top of any already reserved.
needed=$(psql -XAt -d postgres -c 'SHOW shared_memory_size_in_huge_pages' 2>/dev/null || echo -1)
if [ "$(id -u)" -eq 0 ] && [ "$needed" -gt 0 ]; then
	before=$(cat "$nr_huge_pages")
	echo $((before + needed)) >"$nr_huge_pages" 2>/dev/null || true
	huge_pages_added=$(($(cat "$nr_huge_pages") - before))
	if [ "$huge_pages_added" -lt "$needed" ] || ! restart_server on; then
		echo "huge pages: could not run on $needed reserved huge pages; going on without" >&2
		restart_server try
	fi
fi
huge_pages=$(on_huge_pages && echo on || echo off)

psql -qX -d postgres -c "CREATE DATABASE $PGDATABASE"
psql -qX -c 'CREATE EXTENSION airesilience CASCADE'
[ -n "${BENCH_SETUP:-}" ] && psql -qX -f "$BENCH_SETUP"   # (development: extra setup SQL)
scripts/load-public.sh "$data_dir" | tail -1
echo "PostgreSQL $(psql -XAt -c 'SHOW server_version'), $(nproc) cores," \
	"shared memory on huge pages: $huge_pages$([ "$needed" -gt 0 ] && echo " ($needed pages of 2 MB)")"

echo "== every report row, all occupations (JIT on: the server default)"
psql -X -v reps="$reps" -f bench/reports.sql | sed -n '/^median/,$p'
echo "== the same with jit = off"
PGOPTIONS='-c jit=off' psql -X -v reps="$reps" -f bench/reports.sql | sed -n '/^median/,$p'

# number_codes: bench_code numbers the occupations of the current database
# 1..N for pgbench, with their slugs; bench_cursor numbers the rows of the
# published list (score_desc) 1..N with the cursor each carries; prints N.
number_codes() {
	psql -qX -c 'SET client_min_messages = warning' -c 'SET extra_float_digits = 1' \
		-c 'DROP TABLE IF EXISTS bench_code' -c 'DROP TABLE IF EXISTS bench_cursor' \
		-c 'CREATE TABLE bench_code AS SELECT row_number() OVER (ORDER BY onet_code)::int AS id, onet_code,
		           airesilience.occupation_slug(title) AS slug FROM airesilience.occupation' \
		-c "CREATE TABLE bench_cursor AS SELECT row_number() OVER (ORDER BY onet_code)::int AS id,
		           airesilience.list_cursor(snapshot_id, 'score_desc', NULL, NULL, to_jsonb(coalesce(source_median, -1)), onet_code) AS cursor
		      FROM airesilience.snapshot_occupation WHERE snapshot_id = airesilience.published_snapshot()" \
		-c 'ALTER TABLE bench_code ADD PRIMARY KEY (id)' -c 'ALTER TABLE bench_cursor ADD PRIMARY KEY (id)' \
		-c 'VACUUM ANALYZE bench_code' -c 'VACUUM ANALYZE bench_cursor'
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
	cat "$log".[0-9]* | awk '{print $3}' | sort -n | awk -v tps="$tps" -v stats="$log.stats" '
		{ v[NR] = $1 }
		END { printf "%d queries: p50 %.3f ms, p99 %.3f ms, max %.3f ms, %s tps\n",
		      NR, v[int(NR * 0.50)] / 1000, v[int(NR * 0.99)] / 1000, v[NR] / 1000, tps
		      printf "%.6f %.6f\n", v[int(NR * 0.50)] / 1000, v[int(NR * 0.99)] / 1000 >> stats }'
	rm -f "$log".[0-9]*
}

# median NAME COLUMN: the median of a column of NAME.stats.
median() {
	awk -v c="$2" '{ print $c }' "$sandbox/$1.stats" | sort -g |
		awk '{ v[NR] = $1 } END { printf "%.6f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# prewarm: what the web app's queries read, in both databases, into the
# buffer cache: the snapshot tables they read with their TOAST tables and
# indexes, bench_code and bench_cursor.
prewarm() {
	local db
	for db in "$PGDATABASE" "$large_db"; do
		psql -qX -d "$db" -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS pg_prewarm' \
			-c "WITH tables AS (SELECT unnest(ARRAY['airesilience.snapshot', 'airesilience.snapshot_document',
			                                       'airesilience.snapshot_occupation', 'airesilience.snapshot_name',
			                                       'airesilience.snapshot_word', 'bench_code', 'bench_cursor']::regclass[]) AS oid),
			         relations AS (SELECT oid FROM tables
			                       UNION ALL SELECT reltoastrelid FROM pg_class JOIN tables USING (oid) WHERE reltoastrelid <> 0
			                       UNION ALL SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM tables)
			                       UNION ALL SELECT indexrelid FROM pg_index JOIN pg_class c ON c.reltoastrelid = indrelid JOIN tables t ON t.oid = c.oid)
			    SELECT sum(pg_prewarm(oid)) FROM relations" >/dev/null
	done
}

# compare_sizes NAME QUERY...: REPS rounds, each running every QUERY
# (bench/QUERY.pgbench) on each database, alternating; prints the medians
# and their ratio per query.
compare_sizes() {
	local name=$1 rep query
	shift
	for rep in $(seq "$reps"); do
		for query in "$@"; do
			echo -n "  $query, $small_codes occupations: "; page_latency "$small_codes" "$name.$query.small" "bench/$query.pgbench"
			echo -n "  $query, $large_codes occupations: "
			PGDATABASE=$large_db page_latency "$large_codes" "$name.$query.large" "bench/$query.pgbench"
		done
	done
	for query in "$@"; do
		awk -v q="$query" -v small="$small_codes" -v large="$large_codes" -v reps="$reps" \
			-v s50="$(median "$name.$query.small" 1)" -v s99="$(median "$name.$query.small" 2)" \
			-v l50="$(median "$name.$query.large" 1)" -v l99="$(median "$name.$query.large" 2)" 'BEGIN {
			printf "%s, median of %d: %d occupations p50 %.3f ms, p99 %.3f ms; %d occupations p50 %.3f ms, p99 %.3f ms\n",
			       q, reps, small, s50, s99, large, l50, l99
			printf "%s: p99 at %d occupations / p99 at %d: %.2f (p50: %.2f)\n", q, large, small, l99 / s99, l50 / s50 }'
	done
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

echo "== the web app's queries, $total occupations against the real ones"
large_db=airesilience_large
psql -qX -d postgres -c "CREATE DATABASE $large_db TEMPLATE $PGDATABASE"
export PGDATABASE=$large_db
psql -X -v total="$total" -f bench/synthetic.sql >/dev/null
psql -XAt -c '\timing on' -c "SELECT airesilience.take_snapshot('bench, $total occupations')" | sed -n 's/^Time: /take_snapshot: /p'
psql -qX -c 'VACUUM ANALYZE airesilience.snapshot_document'
large_codes=$(number_codes)
export PGDATABASE=airesilience_bench
prewarm
echo "shared memory on huge pages: $huge_pages"
compare_sizes "huge_pages_$huge_pages" ${SERVE_QUERIES:-page slug list search}
if [ "$huge_pages" = on ]; then
	echo "== the page query, the server restarted with huge_pages = off"
	restart_server off
	prewarm
	compare_sizes huge_pages_off page
fi
