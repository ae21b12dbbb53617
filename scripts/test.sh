#!/usr/bin/env bash
# make test: build with warnings as errors, run cppcheck, then pg_regress
# (sql/ + expected/) and the pgTAP suites (test/*.sql) on a throwaway server,
# the public-data suite (test/public/) and the upgrade chain (test/upgrade/).
#
# TEST_SUITES names the suites to run (default: all of pg_regress pgtap prove
# public upgrade) and PGTAP_FILES the pgTAP files (default: test/*.sql), so
# that scripts/test-memcheck.sh can run a part of them under valgrind.  The
# build and the server take their settings from the environment (COPT,
# PGSANDBOX_*, see scripts/pgsandbox.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

suites=" ${TEST_SUITES:-pg_regress pgtap prove public upgrade} "
selected() { [[ $suites == *" $1 "* ]]; }
pgtap_files=(test/*.sql)
[ -z "${PGTAP_FILES:-}" ] || read -ra pgtap_files <<<"$PGTAP_FILES"

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
if selected pg_regress; then
	echo "== pg_regress"
	if ! make -s installcheck; then
		failed+=(pg_regress)
		cat tmp_check/regression.diffs 2>/dev/null || true
	fi
fi

if selected pgtap; then
	echo "== pgTAP"
	psql -qX -v ON_ERROR_STOP=1 -d postgres -c 'CREATE DATABASE airesilience_tap'
	psql -qX -v ON_ERROR_STOP=1 -d airesilience_tap \
		-c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION airesilience CASCADE'
	pg_prove -d airesilience_tap "${pgtap_files[@]}" || failed+=(pgTAP)
fi

data_dir=${DATA_DIR:-../shared/data}
if selected prove; then
	echo "== prove: dump and restore, CSV export, roles, search_path attack, pgbouncer and psycopg"
	prove test/*.t || failed+=(prove)
fi

if selected public; then
	echo "== public data"
	if [ -d "$data_dir" ]; then
		test/public/run.sh "$data_dir" || failed+=(public-data)
	else
		skipped+=("public data tests: no data directory at $data_dir (set DATA_DIR)")
		echo "SKIPPED: ${skipped[-1]}"
	fi
fi

# Its own server: it stages the old releases' install scripts beside the
# current one.  The public data part is SKIPPED without a data directory.
if selected upgrade; then
	echo "== upgrade chain"
	prove test/upgrade/run.sh :: "$data_dir" || failed+=(upgrade)
	[ -d "$data_dir" ] ||
		skipped+=("upgrade test on the public data: no data directory at $data_dir (set DATA_DIR)")
fi

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
	[ ${#skipped[@]} -eq 1 ] && noun=suite || noun=suites
	echo "passed, with ${#skipped[@]} $noun skipped"
else
	echo "all test suites passed"
fi
