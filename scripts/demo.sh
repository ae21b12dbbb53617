#!/usr/bin/env bash
# make demo: a throwaway server, the extension, the bundled sample data (or
# the public datasets in DATA_DIR), and the report of scripts/report.sql:
# headline score, label and confidence, the explanation sentence, the
# composite scores with their labels and schemes, sources, tasks, seniority.
# Nothing is left running.  Installs only what building and running need
# (ensure-deps.sh server); the test tools come with make test.
#   SOC       occupation to report (default 29-2072.00)
#   DATA_DIR  load the public datasets from there instead of the sample
set -euo pipefail
cd "$(dirname "$0")/.."
onet=${SOC:-29-2072.00}
data_dir=${DATA_DIR:-}

scripts/ensure-deps.sh server
make -s

sandbox=$(mktemp -d /tmp/airesilience-demo.XXXXXX)
trap 'scripts/pgsandbox.sh stop "$sandbox"' EXIT
eval "$(scripts/pgsandbox.sh start "$sandbox")"
export PGDATABASE=airesilience_demo

psql -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $PGDATABASE"
psql -qX -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION airesilience CASCADE'
if [ -n "$data_dir" ]; then
	scripts/load-public.sh "$data_dir"
	scope=category     # a thousand occupations: list only the same category
else
	psql -qX -v ON_ERROR_STOP=1 -f sample/sample.sql
	scope=all
fi
psql -X -v ON_ERROR_STOP=1 -v onet="$onet" -v scope="$scope" -f scripts/report.sql
