# airesilience: PGXS build, plus the project's own demo/test/bench entry points.

EXTENSION  = airesilience
EXTVERSION = 0.2.0

MODULE_big = airesilience
OBJS = \
	src/airesilience.o \
	src/weighted_resilience.o \
	src/source_median.o \
	src/consensus.o \
	src/seniority.o \
	src/labels.o \
	src/similarity.o \
	src/drop_guard.o

# The UBSan build of make test-memcheck gets its sanitizer options compiled
# in: backends cannot read UBSAN_OPTIONS (test/ubsan_options.c).
ifneq ($(findstring -fsanitize=undefined,$(COPT)),)
OBJS += test/ubsan_options.o
endif

# The install script is assembled from one SQL file per concern, in dependency
# order: the data model first, then each kernel's declarations, then the views.
SQL_PARTS = \
	src/schema.sql \
	src/weighted_resilience.sql \
	src/source_median.sql \
	src/consensus.sql \
	src/seniority.sql \
	src/labels.sql \
	src/percentile.sql \
	src/reports.sql \
	src/composite.sql \
	src/similarity.sql \
	src/search.sql \
	src/seniority_defaults.sql \
	src/adoption.sql \
	src/raters.sql \
	src/vectors.sql \
	src/snapshot.sql \
	src/whatif.sql \
	src/document.sql \
	src/serving.sql \
	src/drop_guard.sql \
	src/access.sql \
	src/trust.sql \
	src/finish.sql

DATA_built = $(EXTENSION)--$(EXTVERSION).sql
EXTRA_CLEAN = $(DATA_built) test/ubsan_options.o
# One update script per release, from 0.1.0 on: ALTER EXTENSION ... UPDATE
# walks them (test/upgrade/ checks the chain).
DATA = $(wildcard $(EXTENSION)--*--*.sql)

# pg_regress: inputs in sql/, expected output in expected/ (PGXS convention).
REGRESS = setup task_report source_report occupation_report seniority_report single_occupation
REGRESS_OPTS = --outputdir=tmp_check

# Debian keeps one pg_config per server major version; /usr/bin/pg_config
# belongs to libpq-dev and cannot build server extensions.
PG_MAJOR  ?= 15
PG_CONFIG ?= $(firstword $(wildcard /usr/lib/postgresql/$(PG_MAJOR)/bin/pg_config) pg_config)
PG_CFLAGS += -Wall -Wextra -Werror -Wno-unused-parameter
# The compensated sums need each product rounded exactly once: forbid the
# compiler from fusing a*b+c into an fma on its own (aarch64, ppc64le).
PG_CFLAGS += -ffp-contract=off

# On a fresh machine PGXS is not installed yet: the demo and test targets
# install it first (scripts/ensure-deps.sh) and then build through a sub-make.
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
else
all:
	@echo "PostgreSQL server headers are missing: run 'make deps' (or 'make demo' / 'make test')" >&2; exit 1
endif

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS)
	cat $^ > $@

.PHONY: demo test test-memcheck bench bench-serve bench-versions deps load-public export-csv

# make deps: what building and running need (server, headers, make, gcc);
# make test and make bench install their own tools on top.
deps:
	scripts/ensure-deps.sh server

demo:
	scripts/demo.sh

test:
	scripts/test.sh

# pg_regress and the C kernels' pgTAP files under valgrind memcheck, then the
# whole suite against a UBSan build (docs/memcheck.md).
test-memcheck:
	scripts/test-memcheck.sh

bench:
	scripts/bench.sh

# Report and page-query speed on the public data in DATA_DIR (default
# ../shared/data): needs the JSON document of src/document.sql.
bench-serve:
	DATA_DIR="$(DATA_DIR)" scripts/bench-serve.sh

# The reports, page query and search of every release in test/upgrade/
# against the current one, side by side on the public data in DATA_DIR.
bench-versions:
	DATA_DIR="$(DATA_DIR)" scripts/bench-versions.sh

# Writes the bulk CSV of the published snapshot (published_export()) to OUT
# (default airesilience-export.csv), from the database named by the libpq
# variables.
export-csv:
	scripts/export-csv.sh "$(or $(OUT),airesilience-export.csv)"

# Loads the public datasets from DATA_DIR into the database named by the
# libpq variables (PGHOST, PGPORT, PGDATABASE, PGUSER).
load-public:
	scripts/load-public.sh "$(DATA_DIR)"
