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
# PGSANDBOX_WRAPPER is a command prefix the postmaster runs under, e.g.
# "valgrind --tool=memcheck ..." (its children are forks of it, so they run
# under it too).
# PGSANDBOX_LOG names the server log (default DIR/server.log): a log outside
# DIR outlives `stop`, for checks that read it after the server is gone.
# pg_ctl's own PGCTLTIMEOUT (seconds, default 60) bounds start and stop.
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
	local server_log=${PGSANDBOX_LOG:-$dir/server.log}
	local postgres_path=()
	if [ -n "${PGSANDBOX_WRAPPER:-}" ]; then
		# pg_ctl runs one executable: a script that execs the wrapper, so the
		# postmaster keeps the PID pg_ctl started and finds in postmaster.pid.
		printf '#!/bin/sh\nexec %s %s "$@"\n' "$PGSANDBOX_WRAPPER" "$bindir/postgres" \
			>"$dir/postgres-wrapped"
		chmod 755 "$dir/postgres-wrapped"
		postgres_path=(-p "$dir/postgres-wrapped")
	fi
	as_server "$bindir/pg_ctl" -D "$dir/data" -l "$server_log" "${postgres_path[@]}" -w start -o \
		"-c listen_addresses='' -c unix_socket_directories='$dir/socket' -c port=5432 \
		 -c extension_destdir='$dir/install' -c fsync=off -c max_worker_processes=8 \
		 -c max_parallel_workers_per_gather=2 ${PGSANDBOX_OPTS:-}" >/dev/null ||
		{ tail -n 20 "$server_log" >&2; exit 1; }
}

# A fast shutdown that does not finish within PGCTLTIMEOUT (seen under
# valgrind when it arrives during crash recovery) gives way to an immediate
# one.  pg_ctl returns once the postmaster has removed its PID file, which it
# does on its way out; a wrapper may still be writing its report then (a
# valgrind log), so wait for the process itself to be gone.
stop_server() {
	local pid
	pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null) || return 0
	as_server "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null ||
		as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null ||
		return 1
	while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
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
		stop_server
	fi
	launch
	;;
stop)
	stop_server || true
	rm -rf "$dir"
	;;
*)
	echo "usage: pgsandbox.sh start|restart|stop DIR" >&2
	exit 2
	;;
esac
