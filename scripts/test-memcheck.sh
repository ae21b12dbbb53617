#!/usr/bin/env bash
# make test-memcheck: the C kernels under two dynamic checkers.
#
#  1. valgrind memcheck: pg_regress and the pgTAP file of each C kernel
#     (test/NAME.sql for src/NAME.c) against a server whose postmaster, and
#     so every backend and worker it forks, runs under memcheck.  Fails when
#     a process's log holds an error that test/valgrind.supp does not
#     suppress, and prints that log.
#     Limit: Debian's postgres is not built with USE_VALGRIND, so memcheck
#     knows malloc's blocks, not the palloc chunks inside them.  It sees
#     accesses outside malloc'd memory and uses of bytes never written since
#     malloc, but not an overrun from one palloc chunk into the next, nor a
#     read of a recycled chunk's stale bytes.
#  2. UBSan: the whole suite (scripts/test.sh) against a module built with
#     -fsanitize=undefined -fno-sanitize-recover -fno-wrapv.  Undefined
#     behaviour aborts the backend, which fails the test that ran into it;
#     the server log is searched for "runtime error" as well, in case a test
#     tolerated the crash.
#
# `scripts/test-memcheck.sh valgrind` or `... ubsan` runs one part only.
# Prints each part's wall time (and the load, as the machine may be shared);
# keeps the logs of a failed run.  AddressSanitizer is no option: preloading
# libasan into Debian's server deadlocks in glibc's locale setup.
set -euo pipefail
cd "$(dirname "$0")/.."

parts=" ${*:-valgrind ubsan} "
selected() { [[ $parts == *" $1 "* ]]; }

scripts/ensure-deps.sh memcheck

work=$(mktemp -d /tmp/airesilience-memcheck.XXXXXX)
mkdir "$work/valgrind"
[ "$(id -u)" -ne 0 ] || chown -R postgres "$work"
failed=()
finish() {
	# Leave no sanitized objects behind for the next plain build.
	make -s clean
	if [ ${#failed[@]} -eq 0 ]; then rm -rf "$work"; else echo "logs kept in $work" >&2; fi
}
trap finish EXIT

# Under valgrind the server runs 20-50 times slower: pg_ctl waits five times
# its default for start and stop.  No test sets a statement timeout, and the
# sandbox leaves it off.
export PGCTLTIMEOUT=300

took() { echo "$1: $((SECONDS - started)) s wall, load average now $(cut -d' ' -f1-3 /proc/loadavg)"; }

if selected valgrind; then
	kernel_tests=()
	for source in src/*.c; do
		name=$(basename "$source" .c)
		if [ -f "test/$name.sql" ]; then
			kernel_tests+=("test/$name.sql")
		else
			echo "note: no pgTAP file test/$name.sql for $source"
		fi
	done

	echo "== valgrind memcheck: pg_regress, ${kernel_tests[*]}"
	started=$SECONDS
	# --error-exitcode: a backend with errors exits with a status that the
	# postmaster logs as a crash (often after its test has passed: the log
	# check below is what fails the run).  --leak-check=no: backends free by
	# memory context and exit with memory in use by design.  jit=off: LLVM
	# compiling plans under valgrind takes minutes and runs none of our code.
	memcheck="valgrind --tool=memcheck --trace-children=yes --track-origins=yes \
		--error-exitcode=86 --leak-check=no --num-callers=40 \
		--suppressions=$PWD/test/valgrind.supp --log-file=$work/valgrind/valgrind.%p.log"
	PGSANDBOX_WRAPPER=$memcheck PGSANDBOX_OPTS="-c jit=off" \
		PGSANDBOX_LOG="$work/valgrind/server.log" \
		TEST_SUITES="pg_regress pgtap" PGTAP_FILES="${kernel_tests[*]}" \
		scripts/test.sh || failed+=("valgrind: tests")

	# Every process that ends, normally or by a catchable signal, writes an
	# error summary; a log without one was cut short by SIGKILL.
	shopt -s nullglob
	logs=("$work"/valgrind/valgrind.*.log)
	shopt -u nullglob
	[ ${#logs[@]} -gt 0 ] || failed+=("valgrind: no logs, the server did not run under valgrind")
	for log in "${logs[@]}"; do
		if ! grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
			echo "---- $log"
			grep -q 'ERROR SUMMARY' "$log" || echo "(no error summary: the process was killed)"
			cat "$log"
			failed+=("valgrind: memcheck errors in $log")
		fi
	done
	took "valgrind part (${#logs[@]} processes checked)"
fi

if selected ubsan; then
	echo "== UBSan: the whole suite"
	started=$SECONDS
	# -fno-wrapv: PostgreSQL compiles with -fwrapv, which defines signed
	# overflow as wrapping and so hides it from UBSan; the module's code does
	# not rely on it.  UBSan's options (stack traces, abort on the first
	# error) are compiled in, as backends cannot read UBSAN_OPTIONS: see
	# test/ubsan_options.c.
	COPT="-fsanitize=undefined -fno-sanitize-recover -fno-wrapv" \
		PGSANDBOX_LOG="$work/ubsan-server.log" \
		scripts/test.sh || failed+=("UBSan: tests")
	if grep -q 'runtime error' "$work/ubsan-server.log"; then
		grep -A 30 'runtime error' "$work/ubsan-server.log"
		failed+=("UBSan: runtime errors in $work/ubsan-server.log")
	fi
	took "UBSan part"
fi

if [ ${#failed[@]} -gt 0 ]; then
	printf 'FAILED: %s\n' "${failed[@]}" >&2
	exit 1
fi
echo "test-memcheck passed:$parts"
