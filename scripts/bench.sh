#!/usr/bin/env bash
# make bench: the benchmark in bench/ on a throwaway server.
#   ROWS (default 10000000), REPS (default 3), WORK_MEM (default 1GB, so that
#   the built-in sorts run in memory like our aggregates do).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-10000000} reps=${REPS:-3} work_mem=${WORK_MEM:-1GB}

scripts/ensure-deps.sh bench
make -s
sandbox=$(mktemp -d /tmp/airesilience-bench.XXXXXX)
trap 'scripts/pgsandbox.sh stop "$sandbox"' EXIT
PGSANDBOX_OPTS="-c shared_buffers=1GB -c work_mem=$work_mem -c max_parallel_workers=2" \
	scripts/pgsandbox.sh start "$sandbox" >"$sandbox.env"
eval "$(cat "$sandbox.env")"; rm -f "$sandbox.env"

psql -qX -d postgres -c 'CREATE EXTENSION airesilience CASCADE'
echo "PostgreSQL $(psql -XAt -d postgres -c 'SHOW server_version'), work_mem $work_mem, $(nproc) cores"
psql -qX -d postgres -v rows="$rows" -v reps="$reps" -f bench/bench.sql
