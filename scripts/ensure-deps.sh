#!/usr/bin/env bash
# Installs what building and testing airesilience needs on Debian 12, and
# nothing when it is all there already.  Works as root or through sudo.
# `ensure-deps.sh bench` adds the peer the benchmark compares against.
set -euo pipefail

PG_MAJOR=${PG_MAJOR:-15}
bindir=/usr/lib/postgresql/$PG_MAJOR/bin
sharedir=/usr/share/postgresql/$PG_MAJOR

missing=()
[ -x "$bindir/postgres" ]                          || missing+=("postgresql-$PG_MAJOR")
# pgxs.mk ships with the client package; the server headers do not.
[ -f "/usr/include/postgresql/$PG_MAJOR/server/postgres.h" ] || missing+=("postgresql-server-dev-$PG_MAJOR")
[ -f "$sharedir/extension/pgtap.control" ]         || missing+=("postgresql-$PG_MAJOR-pgtap")
command -v pg_prove >/dev/null                     || missing+=(libtap-parser-sourcehandler-pgtap-perl)
command -v make >/dev/null && command -v gcc >/dev/null || missing+=(make gcc)
command -v cppcheck >/dev/null                     || missing+=(cppcheck)
# test/pooler.t: the web app's reads through pgbouncer with psycopg 3
[ -x /usr/sbin/pgbouncer ]                         || missing+=(pgbouncer)
/usr/bin/python3 -c 'import psycopg' 2>/dev/null   || missing+=(python3-psycopg)
if [ "${1:-}" = bench ]; then
	[ -f "$sharedir/extension/tdigest.control" ]   || missing+=("postgresql-$PG_MAJOR-tdigest")
fi

[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
