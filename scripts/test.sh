#!/usr/bin/env bash
# make test: build with warnings as errors, run cppcheck, then pg_regress
# (sql/ + expected/) and the pgTAP suites (test/*.sql) on a throwaway server.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh
make -s clean
make -s
cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	--inline-suppr --suppress=missingIncludeSystem src/

sandbox=$(mktemp -d /tmp/airesilience-test.XXXXXX)
trap 'scripts/pgsandbox.sh stop "$sandbox"' EXIT
eval "$(scripts/pgsandbox.sh start "$sandbox")"

failed=()
echo "== pg_regress"
if ! make -s installcheck; then
	failed+=(pg_regress)
	cat tmp_check/regression.diffs 2>/dev/null || true
fi

echo "== pgTAP"
psql -qX -v ON_ERROR_STOP=1 -d postgres -c 'CREATE DATABASE airesilience_tap'
psql -qX -v ON_ERROR_STOP=1 -d airesilience_tap \
	-c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION airesilience CASCADE'
pg_prove -d airesilience_tap test/*.sql || failed+=(pgTAP)

echo "== prove: dump and restore, CSV export, update from 0.1.0, pgbouncer and psycopg"
prove test/*.t || failed+=(prove)

echo "== public data"
data_dir=${DATA_DIR:-../shared/data}
if [ -d "$data_dir" ]; then
	test/public/run.sh "$data_dir" || failed+=(public-data)
else
	echo "SKIPPED: public data tests: no data directory at $data_dir (set DATA_DIR)"
fi

if [ ${#failed[@]} -gt 0 ]; then
	echo "FAILED: ${failed[*]}" >&2
	exit 1
fi
echo "all test suites passed"
