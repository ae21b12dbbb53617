#!/usr/bin/env bash
# test/public/run.sh DATA_DIR: the public-data tests (issue 3).
#
# Creates its own database (unique name, dropped at the end), installs the
# extension and pgTAP, loads DATA_DIR with scripts/load-public.sh, then runs
#   results.sql   pgTAP: the figures that must hold after loading
#   fidelity.sql  pgTAP: occ_level.csv of "GPTs are GPTs" reproduced by the
#                 extension's aggregate
#   contract.t    TAP: progress lines, idempotency, missing file, malformed
#                 lines (in databases of its own)
# and exits non-zero if anything failed.  scripts/test.sh runs it with
# PGHOST/PGPORT/PGUSER pointing at its throwaway server; without PGHOST it
# starts and stops a throwaway server of its own (scripts/pgsandbox.sh).
set -uo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
	echo "usage: test/public/run.sh DATA_DIR" >&2
	exit 2
fi
data_dir=$(cd "$1" && pwd)
cd "$(dirname "$0")/../.." || exit 1
here=$PWD

if [ -z "${PGHOST:-}" ]; then
	sandbox=$(mktemp -d /tmp/airesilience-public.XXXXXX)
	trap 'scripts/pgsandbox.sh stop "$sandbox"' EXIT
	eval "$(scripts/pgsandbox.sh start "$sandbox")" || exit 1
fi

db=airesilience_public_$$
cleanup() {
	psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
	[ -z "${sandbox:-}" ] || scripts/pgsandbox.sh stop "$sandbox"
}
trap cleanup EXIT

psql -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db" >/dev/null || exit 1
psql -qX -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION airesilience CASCADE' >/dev/null || exit 1

echo "# loading $data_dir into $db"
out=$(mktemp)
if ! PGDATABASE=$db scripts/load-public.sh "$data_dir" >"$out" 2>&1; then
	sed 's/^/# /' "$out"
	rm -f "$out"
	echo "not ok - scripts/load-public.sh failed: no further public-data test can run"
	exit 1
fi
sed 's/^/# /' "$out"
rm -f "$out"

failed=0
# The pgTAP files read data files by their path in the data directory.
(cd "$data_dir" && pg_prove -d "$db" "$here/test/public/results.sql" "$here/test/public/fidelity.sql") || failed=1
PUBLIC_DATA_DIR=$data_dir prove test/public/contract.t || failed=1

if [ $failed -ne 0 ]; then
	echo "public data tests: FAILED" >&2
	exit 1
fi
echo "public data tests: all passed"
