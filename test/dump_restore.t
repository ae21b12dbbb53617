#!/usr/bin/env bash
# TAP: rows users load into the extension's tables survive pg_dump/pg_restore,
# built-in rows are not duplicated, and the reports read the same afterwards.
# Runs against the server named by PGHOST/PGPORT/PGUSER (scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
src=airesilience_dump_src dst=airesilience_dump_dst
cleanup() {
	psql -qX -d postgres -c "DROP DATABASE IF EXISTS $src" -c "DROP DATABASE IF EXISTS $dst" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
q() { psql -qXAt -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

tables=(category occupation task rater task_rating source source_value labor_stats occupation_skill related_occupation work_activity task_activity task_usage
	seniority_level seniority_curve label_scheme snapshot snapshot_occupation snapshot_source snapshot_composite snapshot_document
	snapshot_name snapshot_word occupation_alias)
reports=(task_report source_report occupation_report seniority_report)
echo "1..$((4 + ${#tables[@]} + ${#reports[@]}))"

cleanup
trap cleanup EXIT
mkdir -p "$work"
q postgres "CREATE DATABASE $src" >/dev/null
q postgres "CREATE DATABASE $dst" >/dev/null
psql -qX -v ON_ERROR_STOP=1 -d "$src" -c 'CREATE EXTENSION airesilience CASCADE' -f sample/sample.sql >/dev/null
# user rows beside built-in ones in the tables that hold both
q "$src" "INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('halves', '{50}', '{upper,lower}')" >/dev/null
q "$src" "INSERT INTO airesilience.seniority_level (level, years, position) VALUES ('principal', 20, 5)" >/dev/null
q "$src" "INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', 'Medical coders', 'manual')" >/dev/null
# two snapshots, the sample changed in between: user data, kept with their ids
q "$src" "SELECT airesilience.take_snapshot('sample as loaded')" >/dev/null
q "$src" "UPDATE airesilience.source_value SET raw_value = 0.25 WHERE onet_code = '29-2072.00' AND source = 'frey_osborne'" >/dev/null
q "$src" "SELECT airesilience.take_snapshot('MRS''s Frey & Osborne at 0.25')" >/dev/null

if pg_dump -Fc -f "$work/dump" "$src" 2>"$work/dump.err"; then echo "ok 1 - pg_dump"; else echo "not ok 1 - pg_dump"; sed 's/^/# /' "$work/dump.err"; fi
if pg_restore --exit-on-error -d "$dst" "$work/dump" 2>"$work/restore.err"; then
	echo "ok 2 - pg_restore without errors"
else
	echo "not ok 2 - pg_restore without errors"; sed 's/^/# /' "$work/restore.err"
fi

n=2
for rel in "${tables[@]}" "${reports[@]}"; do
	n=$((n + 1))
	sql="SELECT count(*) || ' ' || md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) FROM airesilience.$rel r"
	a=$(q "$src" "$sql") b=$(q "$dst" "$sql" 2>&1 || true)
	if [ "$a" = "$b" ]; then
		echo "ok $n - $rel identical after restore (${a%% *} rows)"
	else
		echo "not ok $n - $rel identical after restore"
		echo "#   before: $a"
		echo "#   after:  $b"
	fi
done

# What the web app reads (src/serving.sql) is the same after a restore.
n=$((n + 1))
sql="SELECT md5(concat_ws(E'\\n',
        (SELECT string_agg(e::text, E'\\n') FROM airesilience.published_export() e),
        (SELECT string_agg(p::text, E'\\n') FROM airesilience.published_occupations(sort => 'name_asc', page_size => 1000) p),
        (SELECT string_agg(s::text, E'\\n') FROM airesilience.search_published('medical coder') s),
        airesilience.published_document_by_slug('medical-records-specialists')::text))"
a=$(q "$src" "$sql") b=$(q "$dst" "$sql" 2>&1 || true)
if [ "$a" = "$b" ]; then
	echo "ok $n - the serving functions answer the same after restore"
else
	echo "not ok $n - the serving functions answer the same after restore"
	echo "#   before: $a"
	echo "#   after:  $b"
fi

# The id sequence is dumped too: the next snapshot after a restore does not
# reuse an id.
n=$((n + 1))
next=$(q "$dst" "SELECT airesilience.take_snapshot()" 2>&1 || true)
if [ "$next" = "3" ]; then
	echo "ok $n - snapshot ids continue after restore (next id 3)"
else
	echo "not ok $n - snapshot ids continue after restore"
	echo "#   next id: $next, want 3"
fi
