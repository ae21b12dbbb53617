#!/usr/bin/env bash
# make bench-versions: the reports, the page query and the search of every
# release kept in test/upgrade/ against the current build, on the public
# data in DATA_DIR, in one server.  Each version gets a database of its own,
# loaded the same way; ROUNDS rounds (default 7) visit them in turn, one
# bench/versions.sql pass each, so drift on a shared machine hits every
# version alike.  Prints each version's median per item and its ratio to the
# oldest release.  The C library is the current one for every version, as
# after a package upgrade: the comparison is of the SQL each release ships.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=${DATA_DIR:-../shared/data}
rounds=${ROUNDS:-7}

scripts/ensure-deps.sh server
make -s
sandbox=$(mktemp -d /tmp/airesilience-versions.XXXXXX)
trap 'scripts/pgsandbox.sh stop "$sandbox"' EXIT
eval "$(scripts/pgsandbox.sh start "$sandbox")"
extdir=$(find "$sandbox/install" -name airesilience.control -printf '%h\n')
cp test/upgrade/airesilience--*.sql "$extdir/"

current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" airesilience.control)
versions=()
for f in test/upgrade/airesilience--*.sql; do
	v=${f#test/upgrade/airesilience--}; versions+=("${v%.sql}")
done
versions+=("$current")

for v in "${versions[@]}"; do
	db="bench_${v//./_}"
	psql -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db"
	psql -qX -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION airesilience VERSION '$v' CASCADE" 2>/dev/null
	PGDATABASE=$db scripts/load-public.sh "$data_dir" >/dev/null
	psql -qX -v ON_ERROR_STOP=1 -d "$db" -c "SELECT airesilience.take_snapshot('bench')" -c 'ANALYZE' >/dev/null
done

results="$sandbox/results.tsv"
for ((r = 1; r <= rounds; r++)); do
	for v in "${versions[@]}"; do
		psql -qX -d "bench_${v//./_}" -f bench/versions.sql | sed "s/^/$v\t/" >>"$results"
	done
done

echo "median ms of $rounds rounds; ratio = this version / $(printf '%s' "${versions[0]}")"
psql -qX -d postgres -v results="$results" <<'SQL'
CREATE TEMP TABLE result (version text, item text, ms float8);
\set copy '\\copy result FROM ' :'results'
:copy
SELECT r.item,
       string_agg(format('%s: %s ms', r.version, round(r.ms::numeric, 1)), ', ' ORDER BY r.version) AS medians,
       round((max(r.ms) FILTER (WHERE r.version = (SELECT max(version) FROM result))
              / max(r.ms) FILTER (WHERE r.version = (SELECT min(version) FROM result)))::numeric, 3) AS ratio
  FROM (SELECT version, item, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
          FROM result GROUP BY version, item) r
 GROUP BY r.item
 ORDER BY r.item;
SQL
