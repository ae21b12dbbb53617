#!/usr/bin/env bash
# make export-csv [OUT=path]: the bulk CSV of the published snapshot, one row
# per occupation, from the database named by the libpq variables (PGHOST,
# PGPORT, PGDATABASE, PGUSER), where CREATE EXTENSION airesilience has been
# done and a snapshot taken (airesilience.take_snapshot()).
#
#   scripts/export-csv.sh [OUT]     default ./airesilience-export.csv
#
# A thin wrapper of the SQL function airesilience.published_export(): the
# columns, in order, are its columns (docs/serving.md), the header line
# names them; scores and percentiles are on 0-1, as the JSON API's
# aiResilience.score; every row carries the snapshot's id, time (written in
# UTC), model version and label scheme.  An app streams the same rows with
#   COPY (SELECT * FROM airesilience.published_export()) TO STDOUT WITH (FORMAT csv, HEADER)
#
# The file is written under a temporary name and renamed when complete, so a
# failed export leaves any previous file as it was.  Without a snapshot the
# export fails: nothing is published.
set -euo pipefail

out=${1:-airesilience-export.csv}
dir=$(dirname -- "$out")
if [ ! -d "$dir" ]; then
	echo "export-csv: no directory $dir for $out" >&2
	exit 1
fi
tmp=$(mktemp "$dir/.airesilience-export.XXXXXX")
trap 'rm -f "$tmp"' EXIT

# One REPEATABLE READ transaction: the check, the count and the rows see
# one state, even while a snapshot is taken.
psql -X -q -v ON_ERROR_STOP=1 >"$tmp" <<'SQL'
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SET LOCAL TIME ZONE 'UTC';
DO $$
BEGIN
    IF airesilience.published_snapshot() IS NULL THEN
        RAISE EXCEPTION 'export-csv: no snapshot has been taken: nothing is published'
            USING HINT = 'A steward publishes the current reports with SELECT airesilience.take_snapshot().';
    END IF;
END
$$;
SELECT airesilience.published_snapshot() AS snapshot_id,
       (SELECT count(*) FROM airesilience.snapshot_occupation o
         WHERE o.snapshot_id = airesilience.published_snapshot()) AS occupations \gset
COPY (SELECT * FROM airesilience.published_export()) TO STDOUT WITH (FORMAT csv, HEADER);
COMMIT;
\warn export-csv: :occupations occupations of snapshot :snapshot_id
SQL

# mktemp made the file private; give it the permissions a new file gets.
chmod "$(printf '%o' $((0666 & ~$(umask))))" "$tmp"
mv -f "$tmp" "$out"
trap - EXIT
echo "export-csv: written to $out" >&2
