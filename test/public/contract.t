#!/usr/bin/env bash
# shellcheck disable=SC2016  # the corruptions are awk programs, quoted for awk
# TAP: the contract of scripts/load-public.sh (issue 3).
#   - a progress line per file;
#   - idempotent: loading the same files twice leaves every table identical,
#     and rows the loader does not own (another rater, source, dataset,
#     label scheme, seniority curve) are left alone;
#   - a missing file, a malformed line, a broken reference: an error that
#     names the file (and the line), and no table changes.
# Runs against the server named by PGHOST/PGPORT/PGUSER, in a database of its
# own; the data directory comes from PUBLIC_DATA_DIR (test/public/run.sh).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
here=$PWD
data_dir=$(cd "${PUBLIC_DATA_DIR:?set PUBLIC_DATA_DIR to the data directory}" && pwd)

db=airesilience_public_contract_$$
work=$(mktemp -d)
cleanup() {
	psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

tables=(category occupation task rater task_rating occupation_skill related_occupation work_activity
	task_activity task_usage source source_value labor_stats seniority_level seniority_curve label_scheme
	occupation_alias usage_dataset occupation_usage)
files=(
	"onet/Occupation Data.txt" "onet/Task Statements.txt"
	"onet-task-ratings/task_level_with_freq_importance_relevance.csv" "onet/Job Zones.txt"
	"onet/Skills.tsv" "onet/Related Occupations.txt" "onet/IWA Reference.txt" "onet/DWA Reference.txt"
	"onet/Tasks to DWAs.tsv" "gpts-are-gpts/nem-onet-to-soc-crosswalk.csv" "bls-ooh/occupations.csv"
	"bls-ooh/scores.json" "bls-projections/occupation_table_1.2.csv"
	"working-with-ai/soc_ai_applicability_scores.csv" "working-with-ai/soc_metrics.csv"
	"frey-osborne/crosswalk_soc2010_to_soc2018.csv"
	"frey-osborne/frey_osborne_automation_risk_index_clean.csv" "gpts-are-gpts/full_labelset.tsv"
	"anthropic-economic-index/onet_task_mappings.csv"
	"anthropic-economic-index/2010_to_2019_soc_crosswalk.csv"
	"anthropic-economic-index/onet_task_statements.csv"
)
# corruption cases below: each has 3 tests (error, message, tables unchanged)
corruptions=8
echo "1..$((2 + ${#files[@]} + 2 + ${#tables[@]} + 1 + 3 + 3 + corruptions * 3))"

n=0
ok() {   # ok CONDITION-STATUS DESCRIPTION [DIAGNOSTIC]
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		[ -z "${3:-}" ] || printf '%s\n' "$3" | sed 's/^/#   /'
	fi
}
q() { psql -qXAt -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
# One md5 per table, over its rows in a fixed order.
snapshot() {
	local t sql=()
	for t in "${tables[@]}"; do
		sql+=("SELECT '$t', md5(coalesce(string_agg(x::text, E'\n' ORDER BY x::text), '')) FROM airesilience.$t x")
	done
	psql -qXAt -F ' ' -v ON_ERROR_STOP=1 -d "$db" -c "$(printf '%s UNION ALL ' "${sql[@]}") SELECT '', '' ORDER BY 1"
}
load() { PGDATABASE=$db "$here/scripts/load-public.sh" "$1" >"$work/out" 2>"$work/err"; }
# The loader run by psql itself, without the script's check for missing
# files, showing SQLSTATEs.
load_sql() {
	(cd "$1" && PGDATABASE=$db psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
		-f "$here/loader/public.sql") >"$work/out" 2>"$work/err"
}
# A copy of the data directory (symbolic links) in which FILE is a real
# file, to be changed by the caller.
copy_with() {
	local copy=$work/copy
	rm -rf "$copy"
	mkdir -p "$copy"
	cp -rs "$data_dir/." "$copy/"
	rm "$copy/$1"
	cp "$data_dir/$1" "$copy/$1"
	echo "$copy"
}

psql -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db" >/dev/null || exit 1
q "CREATE EXTENSION airesilience CASCADE" >/dev/null || exit 1

# --- first load: a progress line per file
status=0; load "$data_dir" || status=$?
ok $status "the first load succeeds" "$(cat "$work/err")"
for f in "${files[@]}"; do
	grep -qE "^$(printf '%s' "$f" | sed 's/[.*]/\\&/g'): [0-9]+ read, [0-9]+ loaded" "$work/out"
	ok $? "progress line for $f"
done
grep -qxF 'gpts-are-gpts/full_labelset.tsv: 19265 read, 18751 loaded, 514 skipped (task not in O*NET 29.3) -> 37502 task ratings (raters gpt4 and human) in 923 occupations' "$work/out"
ok $? "a skip is counted with its reason" "$(grep full_labelset "$work/out" || true)"
grep -qxF 'seniority_curve: 25 default curves installed, 0 curves there before kept (25 categories)' "$work/out"
ok $? "the first load installs a default seniority curve per category" "$(grep seniority_curve "$work/out" || true)"
grep -qE '^occupation_alias: [0-9]+ alternate titles of [0-9]+ occupations \(bls_ooh [0-9]+, bls_projections [0-9]+, frey_osborne [0-9]+\)' "$work/out"
ok $? "a progress line for the alternate titles" "$(grep occupation_alias "$work/out" || true)"

# --- rows the loader does not own, then a second load of the same files
q "INSERT INTO airesilience.rater VALUES ('panel', 'human', 'a review panel')" >/dev/null
q "INSERT INTO airesilience.task_rating VALUES ('29-2072.00', 22877, 'panel', 25)" >/dev/null
q "INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max) VALUES ('my_source', 'Mine', 'resilience', 0, 1)" >/dev/null
q "INSERT INTO airesilience.source_value VALUES ('29-2072.00', 'my_source', 0.5)" >/dev/null
q "INSERT INTO airesilience.task_usage VALUES ('29-2072.00', 22877, 'my_dataset', 1.5)" >/dev/null
# a curve written by hand over the default the first load installed
q "UPDATE airesilience.seniority_curve SET years = '{0,10}', multipliers = '{0.9,1.1}', description = 'by hand' WHERE category = 'healthcare'" >/dev/null
# aliases by hand, one of them a name the loader gives (in another case): it stays the user's
q "DELETE FROM airesilience.occupation_alias WHERE onet_code = '29-2072.00'" >/dev/null
q "INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', 'Coders', 'manual'), ('29-2072.00', 'medical records and health information technicians', 'manual')" >/dev/null
q "INSERT INTO airesilience.usage_dataset (dataset, title, level) VALUES ('my_survey', 'Mine', 'occupation')" >/dev/null
q "INSERT INTO airesilience.occupation_usage (onet_code, dataset, coverage_pct) VALUES ('29-2072.00', 'my_survey', 40)" >/dev/null
q "INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('halves', '{50}', '{upper,lower}')" >/dev/null
before=$(snapshot)
status=0; load "$data_dir" || status=$?
after=$(snapshot)
for t in "${tables[@]}"; do
	[ "$(grep "^$t " <<<"$before")" = "$(grep "^$t " <<<"$after")" ]
	ok $? "loading twice leaves $t identical"
done
[ $status -eq 0 ] && [ "$(q "SELECT count(*) FROM airesilience.task_rating WHERE rater = 'panel'")" = 1 ] &&
	[ "$(q "SELECT count(*) FROM airesilience.source_value WHERE source = 'my_source'")" = 1 ] &&
	[ "$(q "SELECT multipliers FROM airesilience.seniority_curve WHERE category = 'healthcare'")" = '{0.9,1.1}' ] &&
	[ "$(q "SELECT string_agg(alias || ':' || source, ',' ORDER BY alias) FROM airesilience.occupation_alias WHERE onet_code = '29-2072.00'")" = 'Coders:manual,medical records and health information technicians:manual' ] &&
	[ "$(q "SELECT coverage_pct FROM airesilience.occupation_usage WHERE dataset = 'my_survey'")" = 40 ] &&
	grep -qxF 'seniority_curve: 0 default curves installed, 25 curves there before kept (25 categories)' "$work/out" &&
	grep -qE '^occupation_alias: .*, 1 already added by hand$' "$work/out"
ok $? "the second load succeeds and keeps the ratings, values, usage, curves and aliases it does not own" \
	"$(grep -E 'seniority_curve|occupation_alias' "$work/out" || true)"

# Every table as it was after the second load.
unchanged() {
	local now
	now=$(snapshot)
	[ "$now" = "$after" ]
	ok $? "$1" "$(diff <(echo "$after") <(echo "$now"))"
}

# --- a missing file: the script stops before touching the database
copy=$(copy_with "bls-ooh/scores.json")
rm "$copy/bls-ooh/scores.json"
status=0; load "$copy" || status=$?
[ $status -ne 0 ]; ok $? "missing file: load-public fails"
grep -qF '"bls-ooh/scores.json"' "$work/err"
ok $? "missing file: the message names the file" "$(cat "$work/err")"
unchanged "missing file: no table changed"

# --- a missing file met by psql inside the transaction (no script check)
status=0; load_sql "$copy" || status=$?
[ $status -ne 0 ]; ok $? "missing file inside the transaction: the load fails"
grep -qF 'bls-ooh/scores.json: No such file' "$work/err"
ok $? "missing file inside the transaction: the message names the file" "$(cat "$work/err")"
unchanged "missing file inside the transaction: no table changed"

# --- corrupted copies: FILE, awk program applied to it, expected message
# (a fixed string), expected SQLSTATE (or - when COPY reports it itself).
corrupt() {
	local file=$1 program=$2 message=$3 sqlstate=$4 what=$5 copy status
	copy=$(copy_with "$file")
	awk -F'\t' -v OFS='\t' "$program" "$data_dir/$file" >"$copy/$file"
	status=0; load_sql "$copy" || status=$?
	[ $status -ne 0 ]; ok $? "$what: the load fails"
	grep -qF -- "$message" "$work/err" && { [ "$sqlstate" = - ] || grep -qF "ERROR:  $sqlstate:" "$work/err"; }
	ok $? "$what: $sqlstate $message" "$(cat "$work/err")"
	unchanged "$what: no table changed"
}
corrupt "onet-task-ratings/task_level_with_freq_importance_relevance.csv" \
	'BEGIN { FS = OFS = "," } NR == 42 { $(NF - 5) = "x" } 1' \
	'file "onet-task-ratings/task_level_with_freq_importance_relevance.csv", line 42: importance "x" is not a number' \
	22P02 "unparsable number"
corrupt "onet/Job Zones.txt" 'NR == 7 { $3 = 6 } 1' \
	'file "onet/Job Zones.txt", line 7: Job Zone "6" is out of range (1 to 5)' 22003 "value out of range"
corrupt "onet/Tasks to DWAs.tsv" 'NR == 10 { $5 = "4.A.9.z.9.I99.D99" } 1' \
	'file "onet/Tasks to DWAs.tsv", line 10: DWA ID "4.A.9.z.9.I99.D99" is not in "onet/DWA Reference.txt"' \
	23503 "broken reference"
corrupt "onet/Task Statements.txt" 'NR == 100 { $1 = "99-9999.00" } 1' \
	'file "onet/Task Statements.txt", line 100: O*NET-SOC Code "99-9999.00" is not in "onet/Occupation Data.txt"' \
	23503 "task of an unknown occupation"
corrupt "onet/Occupation Data.txt" 'NR == 3 { $1 = "11-1011.00" } 1' \
	'file "onet/Occupation Data.txt", line 3: duplicate O*NET-SOC Code (first on line 2)' 23505 "duplicate key"
corrupt "onet/Related Occupations.txt" 'NR == 5 { $0 = $0 "\textra" } 1' \
	'COPY onet/Related Occupations.txt, line 5' - "extra column"
corrupt "bls-ooh/scores.json" 'NR == 10 { $0 = $0 "x" } 1' \
	'file "bls-ooh/scores.json", line 10' 22P02 "malformed JSON"
corrupt "gpts-are-gpts/full_labelset.tsv" 'NR == 1 { $2 = "SOC Code" } 1' \
	'file "gpts-are-gpts/full_labelset.tsv", line 1: the header is not the published one' 22000 "wrong header"
