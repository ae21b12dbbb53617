#!/usr/bin/env bash
# TAP: ALTER EXTENSION airesilience UPDATE from 0.1.0 with snapshots taken,
# for what serving the web app added (src/serving.sql; the update script's
# last section; test/upgrade/run.sh compares the whole catalog): the slugs,
# names and words the update script works out for the old snapshots equal
# what take_snapshot() records for the same data, and the serving functions
# answer from an old snapshot; and a pg_dump made on 0.1.0 restores into
# 0.2.0, its snapshots with their slugs.  Runs against the server named by
# PGHOST/PGPORT/PGUSER (scripts/test.sh), whose extension directory is
# scripts/pgsandbox.sh's; 0.1.0's install script is test/upgrade/'s.
set -uo pipefail
cd "$(dirname "$0")/.."
old=airesilience_serving_upgrade_old new=airesilience_serving_upgrade_new restored=airesilience_serving_upgrade_restored
work=$(mktemp -d)
sharedir=$(dirname "$PGHOST")/install$(/usr/lib/postgresql/${PG_MAJOR:-15}/bin/pg_config --sharedir)
cleanup() {
	psql -qX -d postgres -c "DROP DATABASE IF EXISTS $old" -c "DROP DATABASE IF EXISTS $new" \
		-c "DROP DATABASE IF EXISTS $restored" >/dev/null 2>&1 || true
	rm -f "$sharedir/extension/airesilience--0.1.0.sql"
	rm -rf "$work"
}
trap cleanup EXIT
q() { psql -qXAt -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
n=0
check() {   # check NAME GOT WANT
	n=$((n + 1))
	if [ "$2" = "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; echo "#   got:  $2"; echo "#   want: $3"; fi
}
echo "1..12"

cleanup
mkdir -p "$work"
cp test/upgrade/airesilience--0.1.0.sql "$sharedir/extension/"
q postgres "CREATE DATABASE $old" >/dev/null
q postgres "CREATE DATABASE $new" >/dev/null
# 0.1.0 with its sample, an alias, two snapshots with a change between them
psql -qX -v ON_ERROR_STOP=1 -d "$old" -c "CREATE EXTENSION airesilience VERSION '0.1.0' CASCADE" \
	-f test/upgrade/0.1.0/sample/sample.sql \
	-c "INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', 'Medical Coders', 'hand')" \
	-c "SELECT airesilience.take_snapshot('one')" \
	-c "UPDATE airesilience.source_value SET raw_value = 0.25 WHERE onet_code = '29-2072.00' AND source = 'frey_osborne'" \
	-c "SELECT airesilience.take_snapshot('two')" >"$work/old.log" 2>&1 || { echo "Bail out! 0.1.0 setup failed"; sed 's/^/# /' "$work/old.log"; exit 1; }
psql -qX -v ON_ERROR_STOP=1 -d "$new" -c "CREATE EXTENSION airesilience CASCADE" -f sample/sample.sql \
	-c "INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', 'Medical Coders', 'hand')" \
	-c "UPDATE airesilience.source_value SET raw_value = 0.25 WHERE onet_code = '29-2072.00' AND source = 'frey_osborne'" >"$work/new.log" 2>&1 ||
	{ echo "Bail out! 0.2.0 setup failed"; sed 's/^/# /' "$work/new.log"; exit 1; }

pg_dump -Fc -f "$work/old.dump" "$old" 2>"$work/dump.err" || sed 's/^/# /' "$work/dump.err"

out=$(q "$old" "ALTER EXTENSION airesilience UPDATE TO '0.2.0'" 2>&1 && echo done)
check "ALTER EXTENSION airesilience UPDATE from 0.1.0 with two snapshots" "$out" "done"
check "the version is 0.2.0" "$(q "$old" "SELECT extversion FROM pg_extension WHERE extname = 'airesilience'")" "0.2.0"


# The same data, snapshot taken by 0.2.0 in the fresh database: what the
# update script worked out for the old snapshot 2 equals what take_snapshot
# records.
q "$new" "SELECT airesilience.take_snapshot('two, by 0.2.0')" >/dev/null
rows() { q "$1" "SELECT coalesce(string_agg(x, E'\\n' ORDER BY x COLLATE \"C\"), '') FROM ($2) s (x)"; }
check "old snapshots: slugs as take_snapshot records them" \
	"$(rows "$old" "SELECT snapshot_id || ' ' || onet_code || ' ' || slug FROM airesilience.snapshot_occupation")" \
	"$(rows "$old" "SELECT snapshot_id || ' ' || onet_code || ' ' || airesilience.occupation_slug(title) FROM airesilience.snapshot_occupation")"
check "snapshot 2's slugs equal those take_snapshot records for the same data" \
	"$(rows "$old" "SELECT onet_code || ' ' || slug FROM airesilience.snapshot_occupation WHERE snapshot_id = 2")" \
	"$(rows "$new" "SELECT onet_code || ' ' || slug FROM airesilience.snapshot_occupation")"
check "snapshot 2's names equal those take_snapshot records" \
	"$(rows "$old" "SELECT onet_code || ' ' || kind || ' ' || name FROM airesilience.snapshot_name WHERE snapshot_id = 2")" \
	"$(rows "$new" "SELECT onet_code || ' ' || kind || ' ' || name FROM airesilience.snapshot_name")"
check "snapshot 2's words equal those take_snapshot records" \
	"$(rows "$old" "SELECT word || ' ' || onet_codes::text FROM airesilience.snapshot_word WHERE snapshot_id = 2")" \
	"$(rows "$new" "SELECT word || ' ' || onet_codes::text FROM airesilience.snapshot_word")"
serving="SELECT concat_ws(E'\\n',
    (SELECT string_agg(concat_ws(' ', onet_code, name, slug, url, score, label, confidence, category), E'\\n')
       FROM airesilience.published_occupations(page_size => 1000)),
    airesilience.published_document_by_slug('medical-records-specialists')->>'code')"
# Snapshot 2 keeps the scores of model 0.1.0, so the answers are checked
# against its own rows, read directly.
direct="SELECT concat_ws(E'\\n',
    (SELECT string_agg(concat_ws(' ', o.onet_code, d.document->>'name', o.slug, d.document->>'url', o.source_median / 100,
                                 o.label, o.confidence, o.category), E'\\n'
                       ORDER BY o.source_median DESC, o.onet_code)
       FROM airesilience.snapshot_occupation o JOIN airesilience.snapshot_document d USING (snapshot_id, onet_code)
      WHERE o.snapshot_id = 2),
    '29-2072.00')"
check "the serving functions answer from the old snapshot, with its scores" "$(q "$old" "$serving")" "$(q "$old" "$direct")"
check "search finds the alias the update recorded for the old snapshot" \
	"$(q "$old" "SELECT onet_code || ' ' || matched FROM airesilience.search_published('medical coder') LIMIT 1")" \
	"29-2072.00 Medical Coders"
check "the updated database takes snapshots" "$(q "$old" "SELECT airesilience.take_snapshot('three')")" "3"

# The dump made on 0.1.0, restored where CREATE EXTENSION makes 0.2.0: its
# snapshot rows have no slug, and get their title's.
q postgres "CREATE DATABASE $restored" >/dev/null
if pg_restore --exit-on-error -d "$restored" "$work/old.dump" 2>"$work/restore.err"; then out=done; else out=$(cat "$work/restore.err"); fi
check "a pg_dump of 0.1.0 restores into 0.2.0" "$out" "done"
check "its snapshot rows get the slugs take_snapshot records" \
	"$(rows "$restored" "SELECT snapshot_id || ' ' || onet_code || ' ' || slug FROM airesilience.snapshot_occupation")" \
	"$(rows "$old" "SELECT snapshot_id || ' ' || onet_code || ' ' || slug FROM airesilience.snapshot_occupation WHERE snapshot_id <= 2")"
check "and its pages are served by slug" \
	"$(q "$restored" "SELECT airesilience.published_document_by_slug('medical-records-specialists')->>'code'")" "29-2072.00"
