#!/usr/bin/python3
# TAP: the web app's reads through a real pooler and driver, while the data
# is reloaded and snapshots are taken.
#
# Debian's pgbouncer, in transaction pooling mode with two server
# connections, listens on a Unix socket of its own in front of the test
# server; four client threads, each with its own psycopg 3 connection
# through it, logged in as a role given airesilience.grant_access(role,
# 'webapp'), read pages (by code and by slug), walk the list page by page
# with its cursors, search, and stream the bulk CSV with COPY.  Meanwhile a
# steward's connection, straight to the server, reloads the sample's tasks,
# ratings and source values in one transaction after another (changing one
# value each time), and another takes snapshots.  Every response must be
# whole and from one snapshot, with no error.
#
# psycopg 3 prepares a statement on the server after its fifth execution
# (prepare_threshold); pgbouncer 1.18 (Debian 12) does not carry prepared
# statements across server connections in transaction mode, so the web app
# must connect with prepare_threshold=None, as here (docs/serving.md).
#
# Runs against the server named by PGHOST/PGPORT/PGUSER (scripts/test.sh)
# in a database of its own.  POOLER_SECONDS (default 15) sets how long the
# readers run at least; they go on until two snapshots were taken.
import csv
import io
import json
import os
import pwd
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import psycopg

DB = 'airesilience_pooler_test'
ROLE = 'airesilience_pooler_webapp'
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DURATION = float(os.environ.get('POOLER_SECONDS', '15'))

tests = 0
failed = 0


def ok(cond, name, diag=None):
    global tests, failed
    tests += 1
    if not cond:
        failed += 1
    print(('ok' if cond else 'not ok') + ' %d - %s' % (tests, name))
    if not cond and diag:
        for line in str(diag).splitlines():
            print('#   ' + line)
    sys.stdout.flush()


def note(text):
    for line in text.splitlines():
        print('# ' + line)
    sys.stdout.flush()


server = dict(host=os.environ['PGHOST'], port=os.environ.get('PGPORT', '5432'), user=os.environ.get('PGUSER', 'postgres'))


def admin(dbname='postgres'):
    return psycopg.connect(dbname=dbname, autocommit=True, **server)


# The sample's statements for the tables a reload replaces.
def sample_statements(tables):
    text = open(os.path.join(ROOT, 'sample', 'sample.sql')).read()
    stmts = []
    for stmt in re.split(r';\s*\n', text):
        body = '\n'.join(l for l in stmt.splitlines() if not l.startswith('--')).strip()
        m = re.match(r'INSERT INTO airesilience\.(\w+) ', body)
        if m and m.group(1) in tables:
            stmts.append(body)
    return stmts


# -- setup --------------------------------------------------------------------
with admin() as c:
    c.execute('DROP DATABASE IF EXISTS %s' % DB)
    c.execute('CREATE DATABASE %s' % DB)
    c.execute('DROP ROLE IF EXISTS %s' % ROLE)
    c.execute('CREATE ROLE %s LOGIN' % ROLE)
subprocess.run(['psql', '-qX', '-v', 'ON_ERROR_STOP=1', '-d', DB, '-c', 'SET client_min_messages = warning',
                '-c', 'CREATE EXTENSION airesilience CASCADE', '-f', os.path.join(ROOT, 'sample', 'sample.sql')],
               check=True, stdout=subprocess.DEVNULL)
with admin(DB) as c:
    c.execute("SELECT airesilience.grant_access(%s, 'webapp')", (ROLE,))
    c.execute("SELECT airesilience.take_snapshot('pooler test: first')")
    codes = [r for r in c.execute("SELECT onet_code, airesilience.occupation_slug(title) FROM airesilience.occupation").fetchall()]

work = tempfile.mkdtemp(prefix='airesilience-pooler.')
pgbouncer = None


def cleanup():
    if pgbouncer is not None and pgbouncer.poll() is None:
        pgbouncer.send_signal(signal.SIGINT)   # pgbouncer's "shut down now"
        try:
            pgbouncer.wait(10)
        except subprocess.TimeoutExpired:
            pgbouncer.kill()
            pgbouncer.wait()
    shutil.rmtree(work, ignore_errors=True)
    try:
        with admin() as c:
            c.execute('DROP DATABASE IF EXISTS %s WITH (FORCE)' % DB)
            c.execute('DROP ROLE IF EXISTS %s' % ROLE)
    except Exception as e:  # the server may be gone already
        note('cleanup: %s' % e)


try:
    # -- pgbouncer ------------------------------------------------------------
    as_root = os.geteuid() == 0
    with open(os.path.join(work, 'userlist.txt'), 'w') as f:
        f.write('"%s" ""\n' % ROLE)
    with open(os.path.join(work, 'pgbouncer.ini'), 'w') as f:
        f.write("""[databases]
%(db)s = host=%(host)s port=%(port)s dbname=%(db)s

[pgbouncer]
listen_addr =
listen_port = 6432
unix_socket_dir = %(work)s
auth_type = trust
auth_file = %(work)s/userlist.txt
pool_mode = transaction
default_pool_size = 2
max_client_conn = 20
logfile = %(work)s/pgbouncer.log
pidfile =
""" % dict(db=DB, host=server['host'], port=server['port'], work=work))
    # pgbouncer refuses to run as root: as root, the child becomes the
    # postgres user itself (no runuser in between, so that the process
    # started is pgbouncer and the signal that stops it reaches it).
    as_user = {}
    if as_root:
        pw = pwd.getpwnam('postgres')
        os.chown(work, pw.pw_uid, pw.pw_gid)
        for name in os.listdir(work):
            os.chown(os.path.join(work, name), pw.pw_uid, pw.pw_gid)
        as_user = dict(user=pw.pw_uid, group=pw.pw_gid, extra_groups=[])
    pgbouncer = subprocess.Popen(['/usr/sbin/pgbouncer', os.path.join(work, 'pgbouncer.ini')],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **as_user)
    for _ in range(100):
        if os.path.exists(os.path.join(work, '.s.PGSQL.6432')):
            break
        time.sleep(0.1)
    version = subprocess.run(['/usr/sbin/pgbouncer', '--version'], capture_output=True, text=True).stdout.splitlines()[0]
    ok(pgbouncer.poll() is None and os.path.exists(os.path.join(work, '.s.PGSQL.6432')),
       '%s runs, transaction pooling, on a Unix socket of its own' % version,
       open(os.path.join(work, 'pgbouncer.log')).read() if os.path.exists(os.path.join(work, 'pgbouncer.log')) else None)

    def webapp():
        # prepare_threshold=None: no server-side prepared statements, which
        # pgbouncer 1.18 cannot follow from one server connection to another.
        return psycopg.connect(host=work, port=6432, dbname=DB, user=ROLE, autocommit=True, prepare_threshold=None)

    with webapp() as c:
        who = c.execute('SELECT current_user, airesilience.published_snapshot()').fetchone()
        live = None
        try:
            c.execute('SELECT count(*) FROM airesilience.occupation')
        except psycopg.errors.InsufficientPrivilege as e:
            live = e.diag.sqlstate
    ok(who[0] == ROLE and who[1] == 1, 'psycopg %s connects through pgbouncer as the webapp role' % psycopg.__version__, who)
    ok(live == '42501', 'which may not read a live table (42501)', live)

    # -- the load -------------------------------------------------------------
    stop = threading.Event()
    lock = threading.Lock()
    errors = []
    counts = {'page': 0, 'list_walk': 0, 'list_page': 0, 'search': 0, 'csv': 0, 'reload': 0, 'snapshot': 0}
    seen_snapshots = set()
    walks_across = [0]          # list walks that ended after a newer snapshot was published
    backends = {}               # client thread -> server backends that served it
    csv_columns = [None]

    def error(kind, e):
        with lock:
            errors.append('%s: %s: %s' % (kind, type(e).__name__, e))

    def count(kind, snap=None, n=1):
        with lock:
            counts[kind] += n
            if snap is not None:
                seen_snapshots.add(snap)

    def taken_at_text(c, snap):
        return c.execute("""SELECT to_char(taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                              FROM airesilience.snapshot WHERE snapshot_id = %s""", (snap,)).fetchone()[0]

    def pages(name):
        rnd = random.Random(name)
        try:
            with webapp() as c:
                while not stop.is_set():
                    code, slug = rnd.choice(codes)
                    by_code, by_slug, snap, pid = c.execute(
                        """SELECT airesilience.published_document(%s), airesilience.published_document_by_slug(%s),
                                  airesilience.published_snapshot(), pg_backend_pid()""", (code, slug)).fetchone()
                    backends.setdefault(name, set()).add(pid)
                    if not (isinstance(by_code, dict) and by_code == by_slug and by_code.get('code') == code
                            and by_code.get('url') == '/occupations/' + slug and isinstance(by_code.get('tasks'), list)
                            and by_code.get('lastUpdated') == taken_at_text(c, snap)):
                        raise AssertionError('page %s / %s not whole or not of snapshot %s' % (code, slug, snap))
                    count('page', snap)
        except Exception as e:
            error('page', e)

    def lists(name):
        rnd = random.Random(name)
        try:
            with webapp() as c:
                while not stop.is_set():
                    sort = rnd.choice(['score_desc', 'score_asc', 'name_asc', 'name_desc'])
                    cursor, rows, snaps = None, [], set()
                    while True:
                        page = c.execute("""SELECT p.*, pg_backend_pid() FROM airesilience.published_occupations(
                                                sort => %s, page_size => 4, after => %s) p""", (sort, cursor)).fetchall()
                        count('list_page')
                        if not page:
                            break
                        backends.setdefault(name, set()).update(r[-1] for r in page)
                        snaps.update(r[0] for r in page)
                        rows.extend(page)
                        cursor = page[-1][9]
                        time.sleep(0.01)    # a reader between pages: snapshots are taken meanwhile
                    if len(snaps) != 1:
                        raise AssertionError('a walk over %d snapshots: %s' % (len(snaps), sorted(snaps)))
                    snap = snaps.pop()
                    want = c.execute("""SELECT count(*) FROM airesilience.snapshot_occupation WHERE snapshot_id = %s""",
                                     (snap,)).fetchone()[0]
                    keys = [r[1] for r in rows]
                    if len(keys) != want or len(set(keys)) != want:
                        raise AssertionError('walk of snapshot %s: %d rows, %d distinct, want %d' % (snap, len(keys), len(set(keys)), want))
                    if c.execute('SELECT airesilience.published_snapshot()').fetchone()[0] != snap:
                        with lock:
                            walks_across[0] += 1
                    count('list_walk', snap)
        except Exception as e:
            error('list', e)

    def searches(name):
        rnd = random.Random(name)
        try:
            with webapp() as c:
                while not stop.is_set():
                    q = rnd.choice(['medical coder', 'nurse', 'medcal recrds', 'electrical wiring', 'accounting'])
                    rows = c.execute("""SELECT snapshot_id, onet_code, rank, match_similarity, score, pg_backend_pid()
                                          FROM airesilience.search_published(%s)""", (q,)).fetchall()
                    backends.setdefault(name, set()).update(r[-1] for r in rows)
                    snaps = {r[0] for r in rows}
                    if not rows or len(snaps) != 1 or [r[2] for r in rows] != list(range(1, len(rows) + 1)):
                        raise AssertionError('search %r: %d rows, snapshots %s' % (q, len(rows), snaps))
                    if q == 'medical coder' and rows[0][1] != '29-2072.00':
                        raise AssertionError('medical coder: first %s' % rows[0][1])
                    count('search', snaps.pop())
        except Exception as e:
            error('search', e)

    def csvs(name):
        try:
            with webapp() as c:
                while not stop.is_set():
                    buf = io.BytesIO()
                    with c.cursor().copy('COPY (SELECT * FROM airesilience.published_export()) TO STDOUT WITH (FORMAT csv, HEADER)') as cp:
                        for data in cp:
                            buf.write(data)
                    table = list(csv.reader(io.StringIO(buf.getvalue().decode())))
                    header, rows = table[0], table[1:]
                    csv_columns[0] = len(header)
                    snaps = {r[0] for r in rows}
                    if len(snaps) != 1 or any(len(r) != len(header) for r in rows):
                        raise AssertionError('CSV: %d rows, snapshots %s' % (len(rows), snaps))
                    snap = int(snaps.pop())
                    want = c.execute('SELECT count(*) FROM airesilience.snapshot_occupation WHERE snapshot_id = %s',
                                     (snap,)).fetchone()[0]
                    if len(rows) != want:
                        raise AssertionError('CSV of snapshot %s: %d rows, want %d' % (snap, len(rows), want))
                    count('csv', snap)
        except Exception as e:
            error('csv', e)

    reload_sql = sample_statements({'task', 'task_rating', 'source_value'})

    def reloads():
        i = 0
        try:
            with admin(DB) as c:
                while not stop.is_set():
                    i += 1
                    with c.transaction():
                        c.execute('DELETE FROM airesilience.task_rating')
                        c.execute('DELETE FROM airesilience.task')
                        c.execute('DELETE FROM airesilience.source_value')
                        for s in reload_sql:
                            c.execute(s)
                        c.execute("""UPDATE airesilience.source_value SET raw_value = %s
                                      WHERE onet_code = '29-2072.00' AND source = 'frey_osborne'""", (0.5 + (i % 40) / 100,))
                    count('reload')
        except Exception as e:
            error('reload', e)

    def snapshots():
        try:
            with admin(DB) as c:
                while not stop.is_set():
                    c.execute("SELECT airesilience.take_snapshot('pooler test')")
                    count('snapshot')
                    time.sleep(0.2)
        except Exception as e:
            error('snapshot', e)

    threads = [threading.Thread(target=f, args=(n,)) for f, n in
               [(pages, 'pages'), (lists, 'lists'), (searches, 'searches'), (csvs, 'csvs')]]
    threads += [threading.Thread(target=reloads), threading.Thread(target=snapshots)]
    started = time.monotonic()
    for t in threads:
        t.start()
    # At least DURATION, and until two snapshots were taken meanwhile (each
    # takes seconds on a loaded machine), within two minutes more.
    time.sleep(DURATION)
    deadline = time.monotonic() + 120
    while (counts['snapshot'] < 2 or counts['reload'] < 1) and not errors and time.monotonic() < deadline:
        time.sleep(0.2)
    stop.set()
    for t in threads:
        t.join(120)
    elapsed = time.monotonic() - started

    note('%.1f s: %d pages (by code and by slug), %d list walks (%d pages), %d searches, %d CSV exports; '
         '%d reloads and %d snapshots meanwhile; %d snapshots seen by the readers; %d walks ended after a newer snapshot was published'
         % (elapsed, counts['page'], counts['list_walk'], counts['list_page'], counts['search'], counts['csv'],
            counts['reload'], counts['snapshot'], len(seen_snapshots), walks_across[0]))
    note('server connections per client: %s' % ', '.join('%s %d' % (k, len(v)) for k, v in sorted(backends.items())))
    ok(not errors, '0 errors', '\n'.join(errors[:20]))
    ok(min(counts['page'], counts['list_walk'], counts['search'], counts['csv']) > 0,
       'every kind of read ran: pages, list walks, searches, CSV', counts)
    ok(counts['reload'] > 0 and counts['snapshot'] > 1, 'reloads and snapshots ran meanwhile', counts)
    ok(len(seen_snapshots) > 1, 'the readers saw more than one published snapshot', seen_snapshots)
    ok(walks_across[0] > 0, 'some list walks went on in their snapshot after a newer one was published', walks_across[0])
    ok(all(not t.is_alive() for t in threads), 'every thread ended')
    servers = set().union(*backends.values()) if backends else set()
    ok(any(len(v) > 1 for v in backends.values()) and len(servers) <= 2,
       'transaction pooling: clients moved between server connections, at most 2 of them (%d)' % len(servers),
       {k: sorted(v) for k, v in backends.items()})
    ok(csv_columns[0] == 34, 'the CSV has its 34 columns', csv_columns[0])
finally:
    cleanup()
    ok(pgbouncer is None or pgbouncer.poll() is not None, 'pgbouncer stopped')
    print('1..%d' % tests)
    sys.exit(1 if failed else 0)
