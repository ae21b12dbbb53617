#!/usr/bin/env bash
# make load-public DATA_DIR=<dir>: load the public datasets described in
# ../shared/data/README.md into the database named by the libpq variables
# (PGHOST, PGPORT, PGDATABASE, PGUSER), where CREATE EXTENSION airesilience
# has been done.  One transaction (loader/public.sql): on any error nothing
# is changed.  Prints a progress line per file and the time taken.
#
#   scripts/load-public.sh DATA_DIR
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
data_dir=${1:-}
if [ -z "$data_dir" ]; then
	echo "usage: load-public.sh DATA_DIR  (make load-public DATA_DIR=...)" >&2
	exit 2
fi
if [ ! -d "$data_dir" ]; then
	echo "load-public: no data directory at $data_dir" >&2
	exit 1
fi

# Every file the loader reads, by its path inside the data directory.  They
# are all checked before the database is touched, so a missing file costs
# nothing; the loader would also fail on it inside its transaction.
files=(
	"onet/Occupation Data.txt"
	"onet/Task Statements.txt"
	"onet-task-ratings/task_level_with_freq_importance_relevance.csv"
	"onet/Job Zones.txt"
	"onet/Skills.tsv"
	"onet/Related Occupations.txt"
	"onet/IWA Reference.txt"
	"onet/DWA Reference.txt"
	"onet/Tasks to DWAs.tsv"
	"gpts-are-gpts/nem-onet-to-soc-crosswalk.csv"
	"bls-ooh/occupations.csv"
	"bls-ooh/scores.json"
	"bls-projections/occupation_table_1.2.csv"
	"working-with-ai/soc_ai_applicability_scores.csv"
	"working-with-ai/soc_metrics.csv"
	"frey-osborne/crosswalk_soc2010_to_soc2018.csv"
	"frey-osborne/frey_osborne_automation_risk_index_clean.csv"
	"gpts-are-gpts/full_labelset.tsv"
	"anthropic-economic-index/onet_task_mappings.csv"
)
missing=0
for f in "${files[@]}"; do
	if [ ! -f "$data_dir/$f" ] || [ ! -r "$data_dir/$f" ]; then
		echo "load-public: missing file \"$f\" in $data_dir (nothing was loaded)" >&2
		missing=1
	fi
done
[ "$missing" -eq 0 ] || exit 1

start=$(date +%s%N)
# psql runs in the data directory: the loader names each file by its path
# there, in its \copy commands and in its messages.
(cd "$data_dir" && psql -X -q -v ON_ERROR_STOP=1 -f "$here/loader/public.sql") || {
	echo "load-public: failed; the database is unchanged" >&2
	exit 1
}
end=$(date +%s%N)
printf 'load-public: done in %d.%01d s\n' $(((end - start) / 1000000000)) $(((end - start) / 100000000 % 10))
