#!/usr/bin/env bash
# test/upgrade/run.sh [DATA_DIR]: the upgrade-chain test (TAP).
#
# For every old release kept in test/upgrade/ (airesilience--X.sql, its
# install script as released) and for each of two data sets -- the bundled
# sample and the public data in DATA_DIR (default $DATA_DIR, else
# ../shared/data; SKIPPED when absent) -- it makes two databases on one
# throwaway server of its own (scripts/pgsandbox.sh):
#
#   OLD  CREATE EXTENSION airesilience VERSION 'X', load the data, add user
#        rows (test/upgrade/user_rows.sql), take two snapshots, then
#        ALTER EXTENSION airesilience UPDATE (the chain of update scripts to
#        the control file's default_version), change a few rows and take a
#        third snapshot;
#   NEW  CREATE EXTENSION airesilience (the current install script), and the
#        same steps without the update;
#
# and compares them:
#
#   * the extension's catalog state (test/upgrade/catalog.sql: member
#     objects, function, view, trigger, constraint and index definitions,
#     comments, privileges, event triggers, configuration tables), section by
#     section: identical, or the diff is printed;
#   * every table, view and sequence of the extension and a set of reports
#     read through functions (snapshot_report, snapshot_changes, ...), row by
#     row: identical apart from the intended differences of
#     test/upgrade/intended.sh, which are checked to hold their intended
#     values there;
#   * in OLD: the version after the update, the user data unchanged by it,
#     the user rows present.
#
# Prints TAP on stdout (the plan last) and diagnostics on stderr; exits
# non-zero when a test failed.
set -uo pipefail

if [ $# -gt 1 ]; then
	echo "usage: test/upgrade/run.sh [DATA_DIR]" >&2
	exit 2
fi
data_arg=${1:-${DATA_DIR:-}}
if [ -n "$data_arg" ] && [ -d "$data_arg" ]; then
	data_dir=$(cd "$data_arg" && pwd)
fi
cd "$(dirname "$0")/../.." || exit 1
if [ -z "$data_arg" ]; then
	data_arg=../shared/data
	[ -d "$data_arg" ] && data_dir=$(cd "$data_arg" && pwd)
fi
here=$PWD
started=$(date +%s)

new_version=$(sed -n "s/^default_version *= *'\(.*\)'.*/\1/p" airesilience.control)
if [ -z "$new_version" ]; then
	echo "Bail out! no default_version in airesilience.control"
	exit 1
fi
old_versions=()
for f in test/upgrade/airesilience--*.sql; do
	v=${f##*/airesilience--}
	v=${v%.sql}
	case $v in *--*) continue ;; esac
	[ "$v" = "$new_version" ] || old_versions+=("$v")
done
mapfile -t old_versions < <(printf '%s\n' "${old_versions[@]}" | sort -V)
if [ ${#old_versions[@]} -eq 0 ] || [ -z "${old_versions[0]}" ]; then
	echo "Bail out! no old release in test/upgrade/ (airesilience--X.sql)"
	exit 1
fi

datasets=(sample)
if [ -n "${data_dir:-}" ]; then
	datasets+=(public)
else
	echo "SKIPPED: upgrade test on the public data: no data directory at $data_arg (set DATA_DIR)" >&2
fi

# --- TAP ------------------------------------------------------------------

n=0 failed=0
pass() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
# diag: stdin as TAP comments on stderr (prove shows stderr), at most
# $1 lines, each cut at 400 characters.
diag() { cut -c1-400 | head -n "${1:-40}" | sed 's/^/#   /' >&2; }

# --- The server -------------------------------------------------------------

sandbox=$(mktemp -d /tmp/airesilience-upgrade.XXXXXX)
work=$(mktemp -d /tmp/airesilience-upgrade-work.XXXXXX)
cleanup() {
	scripts/pgsandbox.sh stop "$sandbox"
	[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
env=$(scripts/pgsandbox.sh start "$sandbox") || { echo "Bail out! the sandbox server did not start"; exit 1; }
eval "$env"
unset PGDATABASE

# The old releases' install scripts beside the current one, where the
# server looks for extension files (extension_destdir).
extdir=$(dirname "$(find "$sandbox/install" -path '*/extension/airesilience.control' | head -n 1)")
if [ ! -f "$extdir/airesilience.control" ]; then
	echo "Bail out! no staged extension directory under $sandbox/install"
	exit 1
fi
for v in "${old_versions[@]}"; do
	cp "test/upgrade/airesilience--$v.sql" "$extdir/"
done
chown -R --reference="$extdir" "$extdir" 2>/dev/null || true
echo "# walking from ${old_versions[*]} to $new_version; data sets: ${datasets[*]}" >&2

# --- Intended differences (test/upgrade/intended.sh) ------------------------

declare -A masks=()
checks=()
mask() { masks[$1]=$2; }
check() { checks+=("$1"$'\x1f'"$2"$'\x1f'"$3"); }
# shellcheck source=intended.sh
. test/upgrade/intended.sh

# Reports read through functions, compared like the views.  Each is a query
# over the database's own snapshots and occupations.
declare -A reports=(
	[snapshot_report]="SELECT r.* FROM airesilience.snapshot s, airesilience.snapshot_report(s.snapshot_id) r"
	[snapshot_changes]="SELECT a.snapshot_id AS from_id, b.snapshot_id AS to_id, c.*
	                      FROM airesilience.snapshot a JOIN airesilience.snapshot b ON b.snapshot_id <> a.snapshot_id,
	                           airesilience.snapshot_changes(a.snapshot_id, b.snapshot_id) c"
	[published_document]="SELECT o.onet_code, airesilience.published_document(o.onet_code) AS document
	                        FROM airesilience.occupation o"
	[search_occupations]="SELECT q.query, r.*
	                        FROM unnest(ARRAY['nurse', 'medcal recrds', 'software developer', 'update script testers',
	                                          'upgrade chain', 'teacher']) q (query),
	                             airesilience.search_occupations(q.query, 10) r"
	[what_if]="SELECT w.weights, r.*
	             FROM unnest(ARRAY['{\"human_contribution\": 1, \"employer_demand\": 1}',
	                               '{\"task_exposure\": 2, \"market_pressure\": 1}']::jsonb[]) w (weights),
	                  airesilience.what_if(w.weights) r"
	[similar_occupations]="SELECT o.onet_code AS of_code, s.*
	                         FROM (SELECT onet_code FROM airesilience.occupation ORDER BY onet_code COLLATE \"C\" LIMIT 25) o,
	                              airesilience.similar_occupations(o.onet_code, 5) s"
	[model_version]="SELECT airesilience.model_version()"
)

# --- Building a database ---------------------------------------------------------

psql_db() { local db=$1; shift; psql -qX -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# For reading what is compared: serial plans (the comparison is about the
# extension's state, not about the order in which parallel workers add up
# floats) and no JIT compilation (it changes no result, and costs a second
# on every report query whose estimates pass jit_above_cost).
psql_cmp() { PGOPTIONS="-c jit=off -c max_parallel_workers_per_gather=0" psql_db "$@"; }

# build DB DATASET [OLD_VERSION]: the steps above; files $work/DB.*.
build() {
	local db=$1 dataset=$2 old=${3:-}
	set -e
	psql_db postgres -c "CREATE DATABASE $db"
	if [ -n "$old" ]; then
		psql_db "$db" -c "CREATE EXTENSION airesilience VERSION '$old' CASCADE"
	else
		psql_db "$db" -c "CREATE EXTENSION airesilience CASCADE"
	fi
	psql_db "$db" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'airesilience'" >"$work/$db.installed"
	# A database on an older release was loaded by that release's sample and
	# loader, kept beside its install script (test/upgrade/OLD/).
	local from=.
	[ -n "$old" ] && from=test/upgrade/$old
	case $dataset in
	sample) psql_db "$db" -f "$from/sample/sample.sql" ;;
	public) PGDATABASE=$db "$from/scripts/load-public.sh" "$data_dir" ;;
	esac
	psql_db "$db" -f test/upgrade/user_rows.sql
	psql_db "$db" -At -c "SELECT airesilience.take_snapshot('upgrade test: as loaded')" >"$work/$db.pre"
	psql_db "$db" -c "UPDATE airesilience.source_value SET raw_value = 7.5
	                   WHERE onet_code = '99-9999.42' AND source = 'upgrade_own'"
	psql_db "$db" -At -c "SET airesilience.label_scheme = upgrade_halves" \
		-c "SELECT airesilience.take_snapshot('upgrade test: own label scheme')" >>"$work/$db.pre"
	if [ -n "$old" ]; then
		psql_db "$db" -At -f test/upgrade/user_data.sql >"$work/$db.user_data.sql"
		psql_db "$db" -At -f "$work/$db.user_data.sql" >"$work/$db.user_data.before"
		psql_db "$db" -c "ALTER EXTENSION airesilience UPDATE"
		psql_db "$db" -At -f "$work/$db.user_data.sql" >"$work/$db.user_data.after"
		PGDATABASE=$db test/upgrade/after-update.sh "$dataset" "$data_dir"
	fi
	psql_db "$db" -At -c "SELECT clock_timestamp()" >"$work/$db.updated_at"
	psql_db "$db" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'airesilience'" >"$work/$db.version"
	# After the update: the maintenance triggers and the snapshot at work
	# under the updated extension.
	psql_db "$db" -c "INSERT INTO airesilience.source_value (onet_code, source, raw_value)
	                  SELECT onet_code, 'upgrade_own', 9.5 FROM airesilience.occupation
	                   WHERE onet_code <> '99-9999.42'
	                     AND NOT EXISTS (SELECT FROM airesilience.source_value v
	                                      WHERE v.onet_code = occupation.onet_code AND v.source = 'upgrade_own')
	                   ORDER BY onet_code COLLATE \"C\" LIMIT 1" \
		-c "DELETE FROM airesilience.occupation_alias WHERE alias = 'Upgrade chain alias'" \
		-c "INSERT INTO airesilience.occupation_alias VALUES ('99-9999.42', 'Walkers of update chains', 'manual')" \
		-c "UPDATE airesilience.label_scheme SET description = description || ' (edited after the update)'
		     WHERE scheme = 'upgrade_halves'"
	psql_db "$db" -At -c "SELECT airesilience.take_snapshot('upgrade test: after the update')" >"$work/$db.post"
	psql_db "$db" -c "ANALYZE"
}

# --- Comparing --------------------------------------------------------------------

# Placeholders of intended.sh, for database DB (built: pre_ids and
# updated_at filled).
declare -A pre_ids=() updated_at=()
fill() {
	local db=$1 sql=$2 old=$3 stamp
	sql=${sql//@PRE@/"ARRAY[${pre_ids[$db]}]::bigint[]"}
	sql=${sql//@OLD@/"'$old'"}
	sql=${sql//@NEW@/"'$new_version'"}
	sql=${sql//@UPDATED_AT@/"'${updated_at[$db]}'::timestamptz"}
	# @STAMP(x)@ -> to_char(x AT TIME ZONE 'UTC', ...), as the documents write it
	while [[ $sql =~ @STAMP\((.*)\)@ ]]; do
		stamp=${BASH_REMATCH[1]}
		# innermost first: the shortest match ending at the first ")@"
		stamp=${stamp%%)@*}
		sql=${sql/"@STAMP($stamp)@"/"to_char(($stamp) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"}
	done
	printf '%s' "$sql"
}

# dump DB OLD_VERSION DIR: every relation of the extension and every report
# into DIR/NAME, one row a line, sorted; the relations named by NEW.
dump() {
	local db=$1 old=$2 dir=$3 name kind expr script=$work/$1.dump.sql
	mkdir -p "$dir"
	{
		while IFS='|' read -r name kind; do
			if [ -n "${masks[$name]:-}" ]; then
				expr=${masks[$name]}
			elif [ "$kind" = S ]; then
				# log_cnt counts values logged ahead: it follows WAL, not use.
				expr="ROW(t.last_value, t.is_called)"
			else
				expr="t"
			fi
			printf '\\o %s/%s\n' "$dir" "$name"
			printf 'COPY (SELECT x FROM (SELECT (%s)::text AS x FROM %s t) s WHERE x IS NOT NULL ORDER BY x COLLATE "C") TO STDOUT;\n' \
				"$(fill "$db" "$expr" "$old")" "$name"
		done <"$work/relations"
		for name in "${!reports[@]}"; do
			expr=${masks[$name]:-t}
			printf '\\o %s/%s\n' "$dir" "$name"
			printf 'COPY (SELECT x FROM (SELECT (%s)::text AS x FROM (%s) t) s WHERE x IS NOT NULL ORDER BY x COLLATE "C") TO STDOUT;\n' \
				"$(fill "$db" "$expr" "$old")" "$(tr '\n' ' ' <<<"${reports[$name]}")"
		done
	} >"$script"
	PGOPTIONS="-c jit=off -c max_parallel_workers_per_gather=0" psql -qX -d "$db" -f "$script" 2>"$dir.errors" >/dev/null
}

# The sections of test/upgrade/catalog.sql, reported also when empty in
# both databases (any other section found is compared too).
catalog_sections=(member non-member extension extconfig schema function aggregate type relation view
	sequence column constraint index trigger rule policy 'event trigger' comment 'init privileges'
	'default privileges')

# The lines of a catalog section with their definitions unfolded (COPY
# writes a newline in a value as \n); nothing for an empty section.
unfold() { [ -z "$1" ] || sed 's/\\n/\n/g; s/\\t/\t/g' <<<"$1"; }

# compare_catalog LABEL OLD_DB NEW_DB
compare_catalog() {
	local label=$1 odb=$2 ndb=$3 o=$work/$2.catalog nw=$work/$3.catalog section
	if ! psql_cmp "$odb" -f test/upgrade/catalog.sql >"$o" 2>"$o.err" ||
		! psql_cmp "$ndb" -f test/upgrade/catalog.sql >"$nw" 2>"$nw.err"; then
		fail "$label: catalog state read"
		cat "$o.err" "$nw.err" | diag
		return
	fi
	# "unhandled" must stay empty in both: a kind of member catalog.sql
	# does not describe would go unchecked.
	if grep -q $'^unhandled\t' "$o" "$nw"; then
		fail "$label: catalog: every member is of a kind test/upgrade/catalog.sql describes"
		grep -h $'^unhandled\t' "$o" "$nw" | sort -u | diag
	fi
	while IFS= read -r section; do
		[ "$section" = unhandled ] && continue
		local a b
		a=$(awk -F'\t' -v s="$section" '$1 == s' "$o")
		b=$(awk -F'\t' -v s="$section" '$1 == s' "$nw")
		if [ "$a" = "$b" ]; then
			pass "$label: catalog $section identical ($(grep -c . <<<"$b") entries)"
		else
			fail "$label: catalog $section identical"
			{
				echo "OLD (updated) vs NEW (fresh install), definitions unfolded:"
				diff -u --label OLD --label NEW <(unfold "$a") <(unfold "$b") | tail -n +3
			} | diag 120
		fi
	done < <({ printf '%s\n' "${catalog_sections[@]}"; cut -f1 "$o" "$nw"; } | sort -u)
}

# compare_rows LABEL OLD_DB NEW_DB OLD_VERSION
compare_rows() {
	local label=$1 odb=$2 ndb=$3 old=$4 od=$work/$2.rows nd=$work/$3.rows name a b
	# The two databases at once: two cores.
	dump "$odb" "$old" "$od" &
	dump "$ndb" "$old" "$nd"
	wait $!
	if [ -s "$od.errors" ] || [ -s "$nd.errors" ]; then
		fail "$label: every relation and report read without error"
		{ sed 's/^/OLD: /' "$od.errors"; sed 's/^/NEW: /' "$nd.errors"; } | diag
	fi
	while IFS='|' read -r name _; do
		compare_one "$label" "$name" "$od/$name" "$nd/$name"
	done <"$work/relations"
	for name in $(printf '%s\n' "${!reports[@]}" | sort); do
		compare_one "$label" "report $name" "$od/$name" "$nd/$name"
	done
}

compare_one() {
	local label=$1 what=$2 a=$3 b=$4 rows
	[ -f "$a" ] || : >"$a"
	[ -f "$b" ] || : >"$b"
	rows=$(wc -l <"$b")
	if cmp -s "$a" "$b"; then
		pass "$label: $what identical ($rows rows)"
	else
		fail "$label: $what identical"
		{
			echo "OLD: $(wc -l <"$a") rows, md5 $(md5sum <"$a" | cut -c1-32); NEW: $rows rows, md5 $(md5sum <"$b" | cut -c1-32)"
			echo "only in OLD (updated):"
			diff "$a" "$b" | sed -n 's/^< //p' | head -n 10
			echo "only in NEW (fresh install):"
			diff "$a" "$b" | sed -n 's/^> //p' | head -n 10
		} | diag 30
	fi
}

# run_checks LABEL OLD_DB NEW_DB OLD_VERSION: the checks of intended.sh.
run_checks() {
	local label=$1 odb=$2 ndb=$3 old=$4 c where desc sql db out
	for c in "${checks[@]}"; do
		IFS=$'\x1f' read -r -d '' where desc sql <<<"$c"
		sql=${sql%$'\n'}
		desc=${desc//@OLD@/$old}
		desc=${desc//@NEW@/$new_version}
		for db in $( [ "$where" != new ] && echo "$odb"; [ "$where" != old ] && echo "$ndb" ); do
			local side=OLD
			[ "$db" = "$ndb" ] && side=NEW
			out=$(psql_cmp "$db" -At -c "$(fill "$db" "$sql" "$old")" 2>&1)
			if [ "$out" = t ]; then
				pass "$label: $side: $desc"
			else
				fail "$label: $side: $desc"
				{ echo "got: ${out:-<nothing>}"; fill "$db" "$sql" "$old"; echo; } | diag
			fi
		done
	done
}

# --- The test ----------------------------------------------------------------

for dataset in "${datasets[@]}"; do
	new_db=${dataset}_new
	dbs=("$new_db")
	for v in "${old_versions[@]}"; do dbs+=("${dataset}_from_${v//./_}"); done
	echo "# $dataset: building ${dbs[*]}" >&2
	pids=()
	for db in "${dbs[@]}"; do
		old=
		[ "$db" = "$new_db" ] || old=${old_versions[$((${#pids[@]} - 1))]}
		build "$db" "$dataset" "$old" >"$work/$db.log" 2>&1 &
		pids+=($!)
	done
	ok_build=()
	for i in "${!dbs[@]}"; do
		db=${dbs[$i]}
		if wait "${pids[$i]}"; then
			ok_build[$i]=1
			pre_ids[$db]=$(paste -sd, "$work/$db.pre")
			updated_at[$db]=$(cat "$work/$db.updated_at")
			pass "$dataset: $db built ($([ "$i" -eq 0 ] && echo "fresh install of $new_version" ||
				echo "installed at ${old_versions[$((i - 1))]}, updated"))"
		else
			ok_build[$i]=0
			fail "$dataset: $db built"
			diag 40 <"$work/$db.log"
		fi
	done
	[ "${ok_build[0]}" = 1 ] || continue

	# The relations compared: the extension's tables, views and sequences
	# in the fresh install (the catalog comparison checks that OLD has the
	# same ones).
	psql_db "$new_db" -At -c "
		SELECT c.oid::regclass, c.relkind
		  FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
		 WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e'
		   AND d.refclassid = 'pg_extension'::regclass
		   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'airesilience')
		   AND c.relkind IN ('r', 'v', 'm', 'S')
		 ORDER BY c.oid::regclass::text COLLATE \"C\"" >"$work/relations"
	if [ "$(cat "$work/$new_db.version")" = "$new_version" ]; then
		pass "$dataset: fresh install is at $new_version"
	else
		fail "$dataset: fresh install is at $new_version (it is at $(cat "$work/$new_db.version"))"
	fi

	for i in "${!old_versions[@]}"; do
		old=${old_versions[$i]} old_db=${dbs[$((i + 1))]}
		[ "${ok_build[$((i + 1))]}" = 1 ] || continue
		label="$dataset, $old -> $new_version"

		installed=$(cat "$work/$old_db.installed") version=$(cat "$work/$old_db.version")
		if [ "$installed" = "$old" ] && [ "$version" = "$new_version" ]; then
			pass "$label: installed at $old, ALTER EXTENSION airesilience UPDATE reached $new_version"
		else
			fail "$label: installed at $old, ALTER EXTENSION airesilience UPDATE reached $new_version"
			echo "installed at $installed, updated to $version" | diag
		fi

		if cmp -s "$work/$old_db.user_data.before" "$work/$old_db.user_data.after"; then
			pass "$label: user data unchanged by the update ($(wc -l <"$work/$old_db.user_data.after") configuration tables, rows pg_dump keeps)"
		else
			fail "$label: user data unchanged by the update"
			{ echo "table|rows|md5 before (<) and after (>):"; diff "$work/$old_db.user_data.before" "$work/$old_db.user_data.after"; } | diag
		fi
		out=$(psql_cmp "$old_db" -At -c "
			SELECT (SELECT count(*) FROM airesilience.source_value WHERE source = 'upgrade_own') = 14
			   AND EXISTS (SELECT FROM airesilience.source WHERE source = 'upgrade_own' AND NOT builtin)
			   AND EXISTS (SELECT FROM airesilience.seniority_curve WHERE category = 'upgrade_test')
			   AND EXISTS (SELECT FROM airesilience.seniority_level WHERE level = 'principal' AND NOT builtin)
			   AND EXISTS (SELECT FROM airesilience.label_scheme WHERE scheme = 'upgrade_halves' AND NOT builtin)
			   AND (SELECT count(*) FROM airesilience.occupation_alias WHERE source = 'manual'
			                                                             AND onet_code = '99-9999.42') = 2
			   AND (SELECT count(*) FROM airesilience.snapshot) = 3" 2>&1)
		if [ "$out" = t ]; then
			pass "$label: user rows present after the update (own source and values, curve, level, label scheme, aliases, snapshots)"
		else
			fail "$label: user rows present after the update"
			echo "${out:-<nothing>}" | diag
		fi

		echo "# $label: comparing at $(($(date +%s) - started)) s" >&2
		compare_catalog "$label" "$old_db" "$new_db"
		echo "# $label: catalog compared at $(($(date +%s) - started)) s" >&2
		compare_rows "$label" "$old_db" "$new_db" "$old"
		echo "# $label: rows compared at $(($(date +%s) - started)) s" >&2
		run_checks "$label" "$old_db" "$new_db" "$old"
		echo "# $label: checks run at $(($(date +%s) - started)) s" >&2
	done
	psql_db postgres -c "DROP DATABASE IF EXISTS $new_db" >/dev/null 2>&1
	for db in "${dbs[@]:1}"; do psql_db postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; done
done

echo "1..$n"
echo "# upgrade test: $n tests, $failed failed, $(($(date +%s) - started)) s" >&2
[ "$failed" -eq 0 ]
