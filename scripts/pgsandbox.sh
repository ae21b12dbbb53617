#!/usr/bin/env bash
# A throwaway PostgreSQL server in a private directory, reachable only via a
# Unix socket inside it.  The extension is installed into the same directory
# (extension_destdir), so nothing is written to system paths.
#
#   scripts/pgsandbox.sh start DIR   build, install, initdb, start; prints env
#   scripts/pgsandbox.sh restart DIR stop the server of DIR, start it again
#                                    with the current PGSANDBOX_OPTS
#   scripts/pgsandbox.sh stop DIR    stop the server of DIR and remove DIR
#
# PGSANDBOX_OPTS adds server settings ("-c name=value ...").
#
# PostgreSQL refuses to run as root: when root runs this, the server runs as
# the postgres OS user.  Clients connect as the database superuser postgres.
set -euo pipefail

PG_MAJOR=${PG_MAJOR:-15}
bindir=/usr/lib/postgresql/$PG_MAJOR/bin
cmd=${1:?usage: pgsandbox.sh start|restart|stop DIR}
dir=${2:?usage: pgsandbox.sh start|restart|stop DIR}
here=$(cd "$(dirname "$0")/.." && pwd)

as_server() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

launch() {
	as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start -o \
		"-c listen_addresses='' -c unix_socket_directories='$dir/socket' -c port=5432 \
		 -c extension_destdir='$dir/install' -c fsync=off -c max_worker_processes=8 \
		 -c max_parallel_workers_per_gather=2 ${PGSANDBOX_OPTS:-}" >/dev/null ||
		{ tail -n 20 "$dir/server.log" >&2; exit 1; }
}

case $cmd in
start)
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	make -C "$here" -s install DESTDIR="$dir/install" >/dev/null
	mkdir -p "$dir/socket"
	[ "$(id -u)" -eq 0 ] && chown -R postgres "$dir"
	as_server "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust \
		--no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	launch
	echo "export PGHOST='$dir/socket' PGPORT=5432 PGUSER=postgres"
	;;
restart)
	dir=$(cd "$dir" && pwd)
	if as_server "$bindir/pg_ctl" -D "$dir/data" status >/dev/null; then
		as_server "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	fi
	launch
	;;
stop)
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_server "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
	fi
	rm -rf "$dir"
	;;
*)
	echo "usage: pgsandbox.sh start|restart|stop DIR" >&2
	exit 2
	;;
esac
