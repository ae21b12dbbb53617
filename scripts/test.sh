#!/usr/bin/env bash
# make test: build with warnings as errors, run cppcheck, then pg_regress
# (sql/ + expected/) and the pgTAP suites (test/*.sql) on a throwaway server,
# the public-data suite (test/public/) and the upgrade chain (test/upgrade/).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh test
make -s clean
make -s
cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	--inline-suppr --suppress=missingIncludeSystem src/

sandbox=$(mktemp -d /tmp/airesilience-test.XXXXXX)
trap 'scripts/pgsandbox.sh stop "$sandbox"' EXIT
eval "$(scripts/pgsandbox.sh start "$sandbox")"

failed=()
skipped=()   # one line per suite not run: "what: why"
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

echo "== prove: dump and restore, CSV export, roles"
prove test/*.t || failed+=(prove)

data_dir=${DATA_DIR:-../shared/data}
echo "== public data"
if [ -d "$data_dir" ]; then
	test/public/run.sh "$data_dir" || failed+=(public-data)
else
	skipped+=("public data tests: no data directory at $data_dir (set DATA_DIR)")
	echo "SKIPPED: ${skipped[-1]}"
fi

# Its own server: it stages the old releases' install scripts beside the
# current one.  The public data part is SKIPPED without a data directory.
echo "== upgrade chain"
prove test/upgrade/run.sh :: "$data_dir" || failed+=(upgrade)
[ -d "$data_dir" ] ||
	skipped+=("upgrade test on the public data: no data directory at $data_dir (set DATA_DIR)")

# The last lines say what did not run, so a skip is never read as a pass of
# everything.  A skip alone keeps the exit code 0; a failure makes it 1.
echo "=="
for s in "${skipped[@]+"${skipped[@]}"}"; do
	echo "SKIPPED: $s"
done
if [ ${#failed[@]} -gt 0 ]; then
	echo "FAILED: ${failed[*]}" >&2
	exit 1
fi
if [ ${#skipped[@]} -gt 0 ]; then
	[ ${#skipped[@]} -eq 1 ] && suites=suite || suites=suites
	echo "passed, with ${#skipped[@]} $suites skipped"
else
	echo "all test suites passed"
fi
