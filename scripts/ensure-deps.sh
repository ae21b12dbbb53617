#!/usr/bin/env bash
# Installs what airesilience needs on Debian 12 for one purpose, and nothing
# when it is all there already.  Works as root or through sudo.
#
#   ensure-deps.sh [server]  build and run: the PostgreSQL server, its headers
#                            (PGXS), make and a C compiler.  make demo,
#                            make bench-serve, make bench-versions, make deps.
#   ensure-deps.sh test      server, plus the test tools: pgTAP, pg_prove,
#                            cppcheck.  make test.
#   ensure-deps.sh bench     server, plus the peer the benchmark compares
#                            against (tdigest).  make bench.
#   ensure-deps.sh memcheck  test, plus valgrind (UBSan's runtime comes with
#                            gcc).  make test-memcheck.
set -euo pipefail

purpose=${1:-server}
case $purpose in
server|test|bench|memcheck) ;;
*) echo "usage: ensure-deps.sh [server|test|bench|memcheck]" >&2; exit 2 ;;
esac

PG_MAJOR=${PG_MAJOR:-15}
bindir=/usr/lib/postgresql/$PG_MAJOR/bin
sharedir=/usr/share/postgresql/$PG_MAJOR

missing=()
[ -x "$bindir/postgres" ]                          || missing+=("postgresql-$PG_MAJOR")
# pgxs.mk ships with the client package; the server headers do not.
[ -f "/usr/include/postgresql/$PG_MAJOR/server/postgres.h" ] || missing+=("postgresql-server-dev-$PG_MAJOR")
command -v make >/dev/null && command -v gcc >/dev/null || missing+=(make gcc)
if [ "$purpose" = test ] || [ "$purpose" = memcheck ]; then
	[ -f "$sharedir/extension/pgtap.control" ]     || missing+=("postgresql-$PG_MAJOR-pgtap")
	command -v pg_prove >/dev/null                 || missing+=(libtap-parser-sourcehandler-pgtap-perl)
	command -v cppcheck >/dev/null                 || missing+=(cppcheck)
	# test/pooler.t: the web app's reads through pgbouncer with psycopg 3
	[ -x /usr/sbin/pgbouncer ]                     || missing+=(pgbouncer)
	/usr/bin/python3 -c 'import psycopg' 2>/dev/null || missing+=(python3-psycopg)
fi
if [ "$purpose" = bench ]; then
	[ -f "$sharedir/extension/tdigest.control" ]   || missing+=("postgresql-$PG_MAJOR-tdigest")
fi
if [ "$purpose" = memcheck ]; then
	command -v valgrind >/dev/null                 || missing+=(valgrind)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing ($purpose): ${missing[*]}"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
