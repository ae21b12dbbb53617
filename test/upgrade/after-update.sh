#!/usr/bin/env bash
# after-update.sh DATASET: what a user does after ALTER EXTENSION airesilience
# UPDATE from 0.1.0, as the release notes (docs/security.md, Upgrading) say,
# in the database named by PGDATABASE.  The upgrade test runs it on the
# updated database before comparing it with a fresh install.
#   sample  the 0.2.0 sample scores task_model linearly (source_setting), a
#           choice that did not exist in 0.1.0
#   public  default seniority curves made by 0.1.0's loader are kept by the
#           update (the loader never replaces a curve); to have 0.2.0's,
#           delete them, then load the public data again with 0.2.0's loader
#           (crosswalk rows, predecessor task types, related lists), keeping
#           the own occupations the reload would delete
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
case ${1:?usage: after-update.sh sample|public DATA_DIR} in
sample)
	psql -qX -v ON_ERROR_STOP=1 \
		-c "INSERT INTO airesilience.source_setting (source, normalization) VALUES ('task_model', 'linear')"
	;;
public)
	# The loader replaces the occupation list: an occupation the O*NET file
	# lacks is deleted with its rows (0.1.0's did the same).  The test's own
	# occupation is copied out and back in, as a user would keep theirs.
	keep=$(mktemp -d)
	trap 'rm -rf "$keep"' EXIT
	own="onet_code = '99-9999.42'"
	columns() { # the columns COPY can write back (no generated ones)
		psql -qXAt -v ON_ERROR_STOP=1 -c "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)
		                                     FROM pg_attribute WHERE attrelid = 'airesilience.$1'::regclass
		                                      AND attnum > 0 AND NOT attisdropped AND attgenerated = ''"
	}
	for t in occupation source_value occupation_alias; do
		psql -qX -v ON_ERROR_STOP=1 -c "\\copy (SELECT $(columns $t) FROM airesilience.$t WHERE $own) TO '$keep/$t'"
	done
	psql -qX -v ON_ERROR_STOP=1 \
		-c "DELETE FROM airesilience.seniority_curve WHERE description LIKE 'Default curve (install_default_seniority_curves)%'"
	"$here/scripts/load-public.sh" "${2:?usage: after-update.sh public DATA_DIR}"
	for t in occupation source_value occupation_alias; do
		psql -qX -v ON_ERROR_STOP=1 -c "\\copy airesilience.$t ($(columns $t)) FROM '$keep/$t'"
	done
	;;
esac
