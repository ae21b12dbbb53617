#!/usr/bin/env bash
# make export-csv [OUT=path]: write every occupation's scores to one CSV file,
# one row per occupation and one column per source and preset (wide), from
# the database named by the libpq variables (PGHOST, PGPORT, PGDATABASE,
# PGUSER), where CREATE EXTENSION airesilience has been done.
#
#   scripts/export-csv.sh [OUT]     default ./airesilience-export.csv
#
# Columns, in order:
#   onet_code, soc_code, title, category,
#   source_median, label, confidence, source_count, dispersion,
#   task_resilience, weight_basis, task_count,
#   then per source, sources in name order: raw_<source>, score_<source>,
#   then per composite preset, presets in name order: composite_<preset>,
#   label_<preset>,
#   median_wage, employment, employment_projected, annual_openings,
#   growth_pct, entry_education, work_experience,
#   growth_percentile, openings_percentile, wage_bill_percentile,
#   model_version.
# Rows are in onet_code order; an empty field is a missing value.  Numbers
# are written in full (shortest exact form).  label is under the
# airesilience.label_scheme setting of the session (set it with
# PGOPTIONS='-c airesilience.label_scheme=change3'), label_<preset> under the
# preset's own scheme.
#
# One REPEATABLE READ transaction: the column list and the rows come from
# one state of the data, even while a load runs.  The file is written under
# a temporary name and renamed when complete, so a failed export leaves any
# previous file as it was.
set -euo pipefail

out=${1:-airesilience-export.csv}
dir=$(dirname -- "$out")
if [ ! -d "$dir" ]; then
	echo "export-csv: no directory $dir for $out" >&2
	exit 1
fi
tmp=$(mktemp "$dir/.airesilience-export.XXXXXX")
trap 'rm -f "$tmp"' EXIT

# The query is built from the sources and presets that exist (format %I
# quotes their names as identifiers, %L as literals), kept as a temporary
# view, and copied out by \copy on the client side: the server needs no
# access to the file.
psql -X -q -v ON_ERROR_STOP=1 >"$tmp" <<'SQL'
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT format($q$
CREATE TEMP VIEW airesilience_export AS
SELECT r.onet_code, r.soc_code, r.title, r.category,
       r.source_median, r.label, r.confidence, r.source_count, r.dispersion,
       r.task_resilience, r.weight_basis, r.task_count,
       %s
       %s
       r.median_wage, r.employment, r.employment_projected, r.annual_openings,
       r.growth_pct, r.entry_education, r.work_experience,
       r.growth_percentile, r.openings_percentile, r.wage_bill_percentile,
       airesilience.model_version() AS model_version
  FROM airesilience.occupation_report r
  LEFT JOIN (SELECT onet_code %s FROM airesilience.source_report GROUP BY onet_code) s USING (onet_code)
  LEFT JOIN (SELECT onet_code %s FROM airesilience.composite_report GROUP BY onet_code) c USING (onet_code)
 ORDER BY r.onet_code
$q$,
    (SELECT coalesce(string_agg(format('s.%1$I, s.%2$I,', 'raw_' || source, 'score_' || source), ' ' ORDER BY source), '')
       FROM airesilience.source),
    (SELECT coalesce(string_agg(format('c.%1$I, c.%2$I,', 'composite_' || preset, 'label_' || preset), ' ' ORDER BY preset), '')
       FROM airesilience.composite_preset),
    (SELECT coalesce(string_agg(format(', max(raw_value) FILTER (WHERE source = %1$L) AS %2$I, max(score) FILTER (WHERE source = %1$L) AS %3$I',
                                       source, 'raw_' || source, 'score_' || source), '' ORDER BY source), '')
       FROM airesilience.source),
    (SELECT coalesce(string_agg(format(', max(score) FILTER (WHERE preset = %1$L) AS %2$I, max(label) FILTER (WHERE preset = %1$L) AS %3$I',
                                       preset, 'composite_' || preset, 'label_' || preset), '' ORDER BY preset), '')
       FROM airesilience.composite_preset))
\gexec
\copy (SELECT * FROM airesilience_export) TO STDOUT WITH (FORMAT csv, HEADER)
SELECT count(*) AS occupations FROM airesilience_export \gset
COMMIT;
\warn export-csv: :occupations occupations
SQL

# mktemp made the file private; give it the permissions a new file gets.
chmod "$(printf '%o' $((0666 & ~$(umask))))" "$tmp"
mv -f "$tmp" "$out"
trap - EXIT
echo "export-csv: written to $out" >&2
