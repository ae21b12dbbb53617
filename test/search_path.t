#!/usr/bin/env perl
# TAP: the extension under a search_path attack (CVE-2018-1058 style).
#
# An unprivileged role that may CREATE in public and in pg_trgm's schema
# plants look-alike functions, aggregates and operators for every function
# and operator name, with every argument-type pair, that the extension's
# code uses; then a superuser installs the extension and uses all of it
# under several search_paths.  The test fails if any planted object ran.
#
# Method
#   1. The plant list comes from the catalog, not from a hand-made list
#      (test/search_path/generate.sql, in a reference database where the
#      extension was created with nothing planted): operator and function
#      names from the expressions the catalog stores for the extension's
#      objects (views, defaults, constraints, indexes) and from the text of
#      its functions, install and update scripts and the SQL strings of
#      src/*.c, kept when pg_catalog, pg_trgm or the extension has an object
#      of that name; the type set from the extension's columns, signatures,
#      stored expressions and casts, plus everyday types.  Each operator name
#      gets an operator for every pair of the type set that resolves cleanly;
#      each function name gets every signature of that name, exactly and
#      with arguments replaced by types of the set that cast implicitly to
#      them.  Each plant returns what the real object would (so queries go
#      on), after recording that it ran where no rollback or exception
#      handler can undo it: a sequence (public.attack_ran), a session-level
#      advisory lock naming the plant, and a WARNING with its signature and
#      the chain of callers; it also tries to make the role a superuser.
#   2. Two target databases: pg_trgm in public, and pg_trgm in a schema of
#      its own (trgm).  In each, pg_trgm is created first (its own script is
#      not under test), the role gets CREATE on public and on pg_trgm's
#      schema and plants there (test/search_path/plant.sql), and then:
#        phase 1: a superuser runs CREATE EXTENSION airesilience: nothing
#          planted may run, and no object of the extension may end up
#          depending on a planted one (an operator resolved to a plant at
#          install time would be stored in a view or constraint for good).
#          If CREATE EXTENSION fails, the plants are dropped, the extension
#          created without them and the plants put back, so that phase 2
#          still shows what else they reach;
#        setup (default search_path): the sample data (sample/sample.sql),
#          a few rows of the user's beside the built-in ones, two snapshots;
#        phase 2: for each search_path of @paths, every view of the
#          extension is read in full, every function called (arguments from
#          %arg_by_name / %arg_by_type below), every aggregate run serially
#          and in a forced parallel plan (so combine, serial and deserial
#          functions run), and the tables with triggers get an INSERT,
#          UPDATE, DELETE and TRUNCATE each, in a transaction rolled back,
#          to fire the trigger functions.
#      After each statement the test reads which plants ran (pg_locks) and
#      whether the role became a superuser (then takes it back); a failing
#      test lists, per statement, the plants that ran and the functions of
#      the extension between them and the statement, and at the end a
#      summary by calling function.  Plants stop after 1000 calls in one
#      statement and phase 2 statements after 5 s, since plants in a plan
#      can make it very slow; on an extension that resists the attack
#      neither limit is ever reached.
#   3. Coverage: every function and aggregate of the extension (from
#      pg_proc) must have been called, directly, through its aggregate or
#      through a trigger, and must have completed at least once: direct
#      calls by their status, trigger functions by pg_stat_user_functions
#      (track_functions = all), aggregate support functions by a parallel
#      plan with a Partial Aggregate that succeeded.  A trigger function
#      that only ever refuses (signal_readonly) counts when it reached one
#      of its own RAISE statements.  A function added without a way to call
#      it here fails this test (add its arguments to %arg_by_name).
#
# Runs against the server named by PGHOST/PGPORT/PGUSER (scripts/test.sh),
# in databases and a role of its own, dropped at the end.
use strict;
use warnings;
use File::Temp qw(tempdir);
use FindBin;
use Test::More;
use Time::HiRes qw(time sleep);

chdir "$FindBin::Bin/.." or die "cannot chdir to the tree: $!";
my $started = time;
# ATTACK_KEEP=1 keeps the databases, the role and the scripts and their
# output (in a directory named on stderr), to look into a failure.
my $keep = $ENV{ATTACK_KEEP};
my $work = tempdir(CLEANUP => !$keep);
print STDERR "# scripts and output in $work\n" if $keep;
chmod 0755, $work;
my $eve = 'airesilience_attack_eve';
my $ref = 'airesilience_attack_ref';
my @targets = (
	{ db => 'airesilience_attack_public', trgm => 'public', label => 'pg_trgm in public' },
	{ db => 'airesilience_attack_schema', trgm => 'trgm', label => 'pg_trgm in schema trgm' },
);
my $superuser = $ENV{PGUSER} // 'postgres';

# The search_paths of phase 2; @TRGM@ is pg_trgm's schema.
my @paths = (
	[ 'default ("$user", public)', '"$user", public' ],
	[ 'public, pg_catalog', 'public, pg_catalog' ],
	[ 'pg_catalog, public', 'pg_catalog, public' ],
	[ 'pg_catalog', 'pg_catalog' ],
	[ '<pg_trgm schema>, public, pg_catalog', '@TRGM@, public, pg_catalog' ],
	[ 'airesilience, public, pg_catalog', 'airesilience, public, pg_catalog' ],
);

# Call arguments by parameter name (name:type where one name has two
# types), else by type.  Values are written as 'value'::type.
my %arg_by_name = (
	onet_code => '29-2072.00',
	access => 'analyst',
	grantee => 'postgres',
	onet_codes => '{29-2072.00,15-1251.00}',
	sources => '{frey_osborne,digital_exposure}',
	score => '55.5',
	cuts => '{80,65,50,35,22}',
	labels => '{"Highly Resilient",Resilient,"Mostly Resilient","Somewhat Resilient","Not Very Resilient",Vulnerable}',
	inclusive => 'false',
	event => 'UPDATE',
	key => 'onet_code',
	compared => 'onet_code, raw_value',
	weights => '{"human_contribution": 0.5, "employer_demand": 0.5}',
	orientation => 'resilience',
	n => '5',
	iqr => '20',
	entry_education => "Bachelor's degree",
	x => '12.345',
	growth_pct => '7.1',
	raw_value => '0.5',
	scale_min => '0',
	scale_max => '1',
	percentile => '50',
	title => 'Medical Records Specialists',
	scheme => 'resilience6',
	query => 'medcal recrds',
	same_category => 'false',
	a => '{1,2,3}',
	b => '{3,2,1}',
	'years:double precision[]' => '{0,3,8,15}',
	'years:double precision' => '5',
	multipliers => '{0.85,1,1.08,1.12}',
	at => '5',
	multiplier => '1.1',
	category => 'healthcare',
	note => 'search_path attack test',
	basis => 'ratings',
	task_type => 'core',
	importance => '4.5',
	relevance => '80',
	# filled in below: document (from the reference database), snapshot ids
);
my %arg_by_type = (
	'text' => 'x', 'double precision' => '1', 'real' => '1', 'numeric' => '1', 'integer' => '1',
	'bigint' => '1', 'smallint' => '1', 'boolean' => 'false', 'jsonb' => '{}', 'double precision[]' => '{1}',
	'text[]' => '{}', 'bigint[]' => '{1}',
);

sub slurp { my ($path) = @_; open my $fh, '<', $path or return ''; local $/; my $s = <$fh>; return $s // ''; }
sub spit { my ($path, $text) = @_; open my $fh, '>', $path or die "$path: $!"; print $fh $text; close $fh; }
sub lit { my ($s) = @_; $s =~ s/'/''/g; return "'$s'"; }

# psql on a script: (exit status, stdout, stderr).
my $nscript = 0;
sub psql_script {
	my (%o) = @_;
	my $n = ++$nscript;
	my $file = "$work/script$n.sql";
	spit($file, $o{script});
	my $vars = join ' ', map { "-v $_=" . shell_quote($o{vars}{$_}) } sort keys %{ $o{vars} || {} };
	my $stop = $o{stop} // 1;
	my $user = $o{user} // $superuser;
	system("psql -X -q -v ON_ERROR_STOP=$stop -d $o{db} -U $user $vars -f $file >$work/out$n 2>$work/err$n");
	return ($? >> 8, slurp("$work/out$n"), slurp("$work/err$n"));
}
sub shell_quote { my ($s) = @_; $s =~ s/'/'\\''/g; return "'$s'"; }

# One query of the test's own, tab-separated rows.  It runs under
# search_path pg_catalog: the databases hold the plants, and the test's own
# queries must not run them.
sub query {
	my ($db, $sql) = @_;
	my ($rc, $out, $err) = psql_script(db => $db,
		script => "SET search_path = pg_catalog;\n\\pset format unaligned\n\\pset fieldsep '\\t'\n\\pset tuples_only on\n$sql\n");
	die "query failed in $db: $err\n$sql" if $rc;
	return map { [ split /\t/, $_, -1 ] } grep { length } split /\n/, $out;
}
sub query1 { my @r = query(@_); return @r ? $r[0][0] : undef; }

sub cleanup {
	for my $db ($ref, map { $_->{db} } @targets) {
		system("psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS $db' >/dev/null 2>&1");
	}
	system("psql -X -q -d postgres -c 'DROP ROLE IF EXISTS $eve' >/dev/null 2>&1");
}
cleanup();
END { cleanup() if defined $eve && !$keep; }

plan tests => 1 + @targets * (5 + @paths + 2) + 2;

query('postgres', "CREATE ROLE $eve LOGIN NOSUPERUSER");

# ---------------------------------------------------------------------------
# The plant list, from a reference database.
# ---------------------------------------------------------------------------
my $t0 = time;
query('postgres', "CREATE DATABASE $ref");
query($ref, "CREATE EXTENSION pg_trgm SCHEMA public");
query($ref, "CREATE EXTENSION airesilience");
{
	my ($rc, $out, $err) = psql_script(db => $ref, script => "\\i sample/sample.sql\n");
	die "sample data failed to load in the reference database: $err" if $rc;
}
$arg_by_name{document} = query1($ref, "SELECT airesilience.occupation_document('29-2072.00')");

# The extension's text: install script parts, update scripts, and the string
# literals of the C files (the SQL they run through SPI).
my $source_sql = "CREATE TEMP TABLE attack_source (origin text, body text);\n";
for my $f (sort(glob('src/*.sql')), sort(glob('airesilience--*--*.sql'))) {
	$source_sql .= "INSERT INTO attack_source VALUES (" . lit($f) . ", " . lit(slurp($f)) . ");\n";
}
for my $f (sort glob('src/*.c')) {
	my $c = slurp($f);
	my @strings = $c =~ /"((?:[^"\\\n]|\\.)*)"/g;
	$source_sql .= "INSERT INTO attack_source VALUES (" . lit("$f strings") . ", " . lit(join("\n", @strings)) . ");\n";
}
my $plants_file = "$work/plants.tsv";
my $plant_columns = 'id, kind, name, args, ret, body, sfunc_args, sig, origin';
{
	my ($rc, $out, $err) = psql_script(db => $ref, script => $source_sql . <<"EOS");
\\i test/search_path/generate.sql
\\copy (SELECT $plant_columns FROM public.attack_plant ORDER BY id) TO '$plants_file'
\\pset format unaligned
\\pset tuples_only on
SELECT '\@\@count ' || kind || ' ' || count(*) FROM public.attack_plant GROUP BY kind ORDER BY kind;
SELECT '\@\@names ' || (SELECT count(DISTINCT name) FROM attack_opname) || ' ' || (SELECT count(DISTINCT name) FROM attack_fnname)
       || ' ' || (SELECT count(*) FROM attack_type);
SELECT '\@\@opnames ' || string_agg(DISTINCT name, ' ') FROM attack_opname;
SELECT '\@\@fnnames ' || string_agg(DISTINCT name, ' ') FROM attack_fnname;
SELECT '\@\@types ' || string_agg(format_type(t, NULL), ', ' ORDER BY format_type(t, NULL)) FROM attack_type;
SELECT '\@\@skipped ' || count(*) || ' ' || reason FROM attack_skipped GROUP BY reason ORDER BY reason;
EOS
	my %count = $out =~ /^\@\@count (\S+) (\d+)$/mg;
	my $total = 0;
	$total += $_ for values %count;
	my ($nop, $nfn, $ntype) = $out =~ /^\@\@names (\d+) (\d+) (\d+)$/m;
	ok(!$rc && $total > 1000, sprintf('plant list generated from the catalog: %d plants (%s) for %d operator names, %d function names, %d types',
			$total, join(', ', map { "$count{$_} " . ($_ eq 'prefix' ? 'prefix operators' : "${_}s") } sort keys %count), $nop // 0, $nfn // 0, $ntype // 0))
		or diag($err);
	diag(sprintf('plant list generated in %.1f s', time - $t0));
	diag("operator names: $1") if $out =~ /^\@\@opnames (.*)$/m;
	diag("function names: $1") if $out =~ /^\@\@fnnames (.*)$/m;
	diag("types: $1") if $out =~ /^\@\@types (.*)$/m;
	diag("not planted: $_") for $out =~ /^\@\@skipped (.*)$/mg;
	BAIL_OUT('no plant list') if $rc;
}

# ---------------------------------------------------------------------------
# The harness: steps run by one psql session, each followed by a look at
# the advisory locks the plants took.
# ---------------------------------------------------------------------------

# Steps are hashes: label, path (SQL search_path or undef for the session's
# default), sql, and optionally pre/onfail/post (psql text around it).
# Between steps the session's search_path is pg_catalog; the test's own
# statements are written so that no search_path could send them to a plant
# (qualified, OPERATOR(pg_catalog.=)).  statement_timeout (5 s, or
# ATTACK_STATEMENT_TIMEOUT) bounds each step of phase 2: with the plants in
# its plan a statement can take far longer than any takes without them (the
# plants have no selectivity estimates and can be neither hashed nor merged,
# and SQL functions calling them are no longer inlined); what ran before
# the cancel is recorded all the same.
my $step_timeout = $ENV{ATTACK_STATEMENT_TIMEOUT} // '5s';
sub harness_script {
	my ($steps, %o) = @_;
	# after each step: back to pg_catalog, a new set of warned plants, and
	# a call limit 1000 calls ahead (test/search_path/plant.sql)
	my $reset = "SELECT pg_catalog.pg_advisory_unlock_all() AS attack_unlocked,\n"
		. "       pg_catalog.set_config('search_path', 'pg_catalog', false) AS attack_path,\n"
		. "       pg_catalog.set_config('attack.seen', ',', false) AS attack_seen,\n"
		. "       pg_catalog.set_config('attack.call_limit', (SELECT (CASE WHEN s.is_called THEN s.last_value ELSE 0 END"
		. " OPERATOR(pg_catalog.+) 1000)::pg_catalog.text FROM public.attack_ran s), false) AS attack_limit \\gset\n";
	my $s = "\\set SHOW_CONTEXT always\nSET search_path = pg_catalog;\nSET track_functions = 'all';\n"
		. "SET statement_timeout = " . lit($o{timeout} // 0) . ";\n" . $reset;
	for my $i (0 .. $#$steps) {
		my $st = $steps->[$i];
		my $n = $i + 1;
		$st->{n} = $n;
		$s .= "\\warn \@\@step $n\n";
		$s .= $st->{pre} if $st->{pre};
		$s .= defined $st->{path} ? "SET search_path = $st->{path};\n" : "RESET search_path;\n";
		$s .= "\\o /dev/null\n$st->{sql}\n\\o\n";
		$s .= "\\if :ERROR\n\\echo \@\@fail $n :LAST_ERROR_SQLSTATE\n\\echo \@\@msg $n :LAST_ERROR_MESSAGE\n";
		$s .= $st->{onfail} if $st->{onfail};
		$s .= "\\else\n\\echo \@\@ok $n\n\\endif\n";
		$s .= "SELECT coalesce(pg_catalog.string_agg(l.objid::pg_catalog.text, ',' ORDER BY l.objid), '') AS attack_ran,\n"
			. "       coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) '$eve'), false) AS attack_su\n"
			. "  FROM pg_catalog.pg_locks l\n"
			. " WHERE l.locktype OPERATOR(pg_catalog.=) 'advisory' AND l.classid OPERATOR(pg_catalog.=) 1058\n"
			. "   AND l.objsubid OPERATOR(pg_catalog.=) 2 AND l.pid OPERATOR(pg_catalog.=) pg_catalog.pg_backend_pid() \\gset\n";
		$s .= "\\echo \@\@ran $n :attack_ran\n\\if :attack_su\n\\echo \@\@su $n\nALTER ROLE $eve NOSUPERUSER;\n\\endif\n";
		$s .= $reset;
		# a rollback undoes the settings too
		$s .= $st->{post} . $reset if $st->{post};
	}
	return $s;
}

# Runs steps; fills in each step's status, sqlstate, msg, ran (gids),
# became_superuser and context (gid -> caller chain).  Returns psql's
# exit status and stderr.
sub run_steps {
	my ($db, $steps, %o) = @_;
	my ($rc, $out, $err) = psql_script(db => $db, script => harness_script($steps, timeout => $o{timeout}), stop => $o{stop} // 0);
	my %by_n = map { $_->{n} => $_ } @$steps;
	while ($out =~ /^\@\@(ok|fail|msg|ran|su) (\d+) ?(.*)$/mg) {
		my ($what, $n, $rest) = ($1, $2, $3);
		my $st = $by_n{$n} or next;
		if ($what eq 'ok') { $st->{status} = 'ok' }
		elsif ($what eq 'fail') { $st->{status} = 'error'; $st->{sqlstate} = $rest }
		elsif ($what eq 'msg') { $st->{msg} = $rest }
		elsif ($what eq 'ran') { $st->{ran} = [ grep { length } split /,/, $rest ] }
		elsif ($what eq 'su') { $st->{became_superuser} = 1 }
	}
	# stderr: "@@step n" markers, then each plant's first WARNING with its
	# CONTEXT lines (the frames of the plant itself left out).
	my ($cur, $gid_sig, $in_error, @ctx);
	my $flush = sub {
		if ($cur && $gid_sig) {
			# the plant's own frames: attack_hit, the statement calling it,
			# and the plant (one line of PL/pgSQL in public or pg_trgm's schema)
			my @frames = grep { /^(SQL function|PL\/pgSQL function)/ }
				grep { !/attack_hit|attack_\d+\(|^\s*$/ && !/^PL\/pgSQL function \S+ line 1 at PERFORM$/ } @ctx;
			$cur->{context}{$gid_sig} //= join(' <- ', @frames[0 .. ($#frames < 3 ? $#frames : 3)]);
		}
		($gid_sig, @ctx) = ();
	};
	for my $line (split /\n/, $err) {
		if ($line =~ /^\@\@step (\d+)$/) { $flush->(); $cur = $by_n{$1}; next }
		if ($line =~ /WARNING:\s+planted (.*) ran$/) { $flush->(); $gid_sig = $1; $in_error = 0; next }
		if ($line =~ /^(?:psql:\S+: )?(ERROR|WARNING|NOTICE|INFO|LOG):/) { $flush->(); $in_error = $1 eq 'ERROR'; next }
		next if $line =~ /^(DETAIL|HINT|LINE \d+):/;
		# a function of the extension that raised the step's error itself
		if ($in_error && $cur && $line =~ /PL\/pgSQL function (airesilience\.\w+\([^)]*\)) line \d+ at RAISE/) {
			$cur->{raised_in}{$1} = 1;
		}
		if ($gid_sig) { $line =~ s/^CONTEXT:\s+//; push @ctx, $line; }
	}
	$flush->();
	return ($rc, $err);
}

my (%sig_of);     # db -> gid -> signature
# One line per statement: the plants that ran, each with the functions
# between it and the statement (innermost first, from the WARNING's
# CONTEXT).  Also fills %summary: caller -> plant (schema left out) -> where.
my %summary;
sub describe_ran {
	my ($db, $st, $where, $dblabel) = @_;
	my @sigs = map { $sig_of{$db}{$_} // "plant $_" } @{ $st->{ran} || [] };
	my @parts;
	for my $sig (@sigs) {
		my $c = $st->{context}{$sig};
		# no function frame: the statement itself, a SQL function inlined
		# into it, or the SPI query of a C function
		$c = "$st->{target} (no function frame: inlined, C or the statement itself)"
			if defined $c && $c eq '';
		$c //= 'no WARNING seen';
		push @parts, "$sig via $c";
		(my $plant = $sig) =~ s/^[^.]+\.//;
		(my $caller = $c) =~ s/ <- .*//;
		$summary{$caller}{$plant}{$where}{$dblabel} = 1 if $where;
	}
	return "  $st->{label}: " . (@parts ? join('; ', @parts) : 'no plant named')
		. ($st->{became_superuser} ? ' (and the role became a superuser)' : '');
}

sub seq_value { my ($db) = @_; return query1($db, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM public.attack_ran"); }

# ---------------------------------------------------------------------------
# The targets.
# ---------------------------------------------------------------------------
my (%attempted, %succeeded, %problems);    # "schema.fn(args)" -> 1 / step labels
my %trigger_calls;                            # regprocedure -> calls (pg_stat_user_functions)
my %raised;                                   # functions that raised a statement's error at their own RAISE
my @all_functions;                            # from the catalog, after CREATE EXTENSION
my (%agg_support, %parallel_ok);             # support function -> aggregates; aggregate -> 1

for my $t (@targets) {
	my $db = $t->{db};
	my $trgm = $t->{trgm};
	query('postgres', "CREATE DATABASE $db");
	# every session in this database counts function calls, for the trigger coverage
	query('postgres', "ALTER DATABASE $db SET track_functions = 'all'");
	if ($trgm eq 'public') {
		query($db, "CREATE EXTENSION pg_trgm SCHEMA public");
	} else {
		query($db, "CREATE SCHEMA $trgm");
		query($db, "CREATE EXTENSION pg_trgm SCHEMA $trgm");
		query($db, "GRANT USAGE, CREATE ON SCHEMA $trgm TO $eve");
	}
	query($db, "GRANT CREATE ON SCHEMA public TO $eve");

	# The role plants.
	my $plant = sub {
		my $t1 = time;
		my $schemas = $trgm eq 'public' ? 'public' : "public,$trgm";
		my ($rc, $out, $err) = psql_script(db => $db, user => $eve, vars => { schemas => $schemas, trgm => $trgm, role => $eve },
			script => "CREATE TABLE public.attack_plant (id integer PRIMARY KEY, kind text, name text, args text, ret text,"
				. " body text, sfunc_args text, sig text, origin text);\n"
				. "\\copy public.attack_plant ($plant_columns) FROM '$plants_file'\n"
				. "\\i test/search_path/plant.sql\n");
		my $plant_time = time - $t1;
		my @planted = $rc ? () : query($db, "SELECT schema, count(*) FROM public.attack_planted GROUP BY schema ORDER BY schema");
		my @unplanted = $rc ? () : query($db, "SELECT schema, count(*), min(error) FROM public.attack_unplanted GROUP BY schema ORDER BY schema");
		$sig_of{$db} = { map { $_->[0] => $_->[1] } query($db, "SELECT gid, sig FROM public.attack_planted") } unless $rc;
		return ($rc, $err, $plant_time, \@planted, \@unplanted);
	};
	my ($rc, $err, $plant_time, $planted, $unplanted) = $plant->();
	ok(!$rc && @$planted == ($trgm eq 'public' ? 1 : 2),
		"$t->{label}: the role planted " . join(' and ', map { "$_->[1] objects in $_->[0]" } @$planted))
		or diag($err);
	diag(sprintf('%s: planting took %.1f s; not created (already there, or types not yet defined): %s',
			$t->{label}, $plant_time, join('; ', map { "$_->[0] $_->[1], e.g. $_->[2]" } @$unplanted) || 'none'));
	my $seq_before = seq_value($db);

	# Phase 1: CREATE EXTENSION.
	my @create = ({ label => 'CREATE EXTENSION airesilience CASCADE', target => 'the install script', path => undef,
		sql => 'CREATE EXTENSION airesilience CASCADE;' });
	run_steps($db, \@create);
	my $moved = seq_value($db) - $seq_before;
	my $created = ($create[0]{status} // '') eq 'ok';
	ok($created, "$t->{label}: CREATE EXTENSION airesilience succeeds with the plants in place")
		or diag("  $create[0]{sqlstate}: " . ($create[0]{msg} // 'no status'));
	ok(!@{ $create[0]{ran} || [] } && !$create[0]{became_superuser}, "$t->{label}: CREATE EXTENSION ran no planted object")
		or diag(describe_ran($db, $create[0], 'CREATE EXTENSION', $t->{label}));
	if (!$created) {
		# To see what else the plants do, phase 2 runs all the same: without
		# the plants, CREATE EXTENSION; then the role plants again.
		diag("$t->{label}: planted objects removed, the extension created without them, and planted again for phase 2");
		query($db, "DROP OWNED BY $eve");
		query($db, "GRANT CREATE ON SCHEMA public TO $eve");
		query($db, "GRANT USAGE, CREATE ON SCHEMA $trgm TO $eve") if $trgm ne 'public';
		query($db, "CREATE EXTENSION airesilience");
		($rc, $err) = $plant->();
		BAIL_OUT("planting again failed: $err") if $rc;
	}
	my $seq0 = seq_value($db);
	my @bound = query($db, <<"EOS");
SELECT pg_describe_object(d.classid, d.objid, d.objsubid), pg_describe_object(d.refclassid, d.refobjid, 0)
  FROM pg_depend d
 WHERE ((d.refclassid = 'pg_proc'::regclass AND d.refobjid IN (SELECT oid FROM pg_proc WHERE proowner = '$eve'::regrole))
        OR (d.refclassid = 'pg_operator'::regclass AND d.refobjid IN (SELECT oid FROM pg_operator WHERE oprowner = '$eve'::regrole)))
   AND NOT (d.classid = 'pg_proc'::regclass AND d.objid IN (SELECT oid FROM pg_proc WHERE proowner = '$eve'::regrole))
   AND NOT (d.classid = 'pg_operator'::regclass AND d.objid IN (SELECT oid FROM pg_operator WHERE oprowner = '$eve'::regrole))
 ORDER BY 1, 2
EOS
	ok($created && !@bound, "$t->{label}: no object of the extension depends on a planted object")
		or diag($created ? join("\n", map { "  $_->[0] uses $_->[1]" } @bound)
			: '  not known: CREATE EXTENSION failed with the plants in place');

	# Setup: the sample data and two snapshots, as a user would load them.
	my @setup = (
		{ label => 'load sample/sample.sql', target => 'sample/sample.sql', path => undef, sql => '\i sample/sample.sql' },
		# rows of the user's beside the built-in ones, for the DML below
		{ label => 'a label scheme, a seniority level and a composite preset of the user\'s', target => 'inserting user rows',
		  path => undef, sql => <<'EOS' },
INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('halves', '{50}', '{upper,lower}');
INSERT INTO airesilience.seniority_level (level, years, position) VALUES ('principal', 20, 5);
INSERT INTO airesilience.composite_preset (preset, description, orientation, label_scheme)
VALUES ('attack_preset', 'a preset of the user''s', 'resilience', 'halves');
INSERT INTO airesilience.composite_weight (preset, signal, weight)
VALUES ('attack_preset', 'human_contribution', 2), ('attack_preset', 'employer_demand', 1);
EOS
		{ label => "take_snapshot('attack 1')", target => 'airesilience.take_snapshot(text)', path => undef,
		  sql => "SELECT airesilience.take_snapshot('attack 1');" },
		{ label => "take_snapshot('attack 2')", target => 'airesilience.take_snapshot(text)', path => undef,
		  sql => "SELECT airesilience.take_snapshot('attack 2');" },
	);
	my ($setup_rc, $setup_err) = run_steps($db, \@setup, stop => 1);
	my @setup_ran = grep { @{ $_->{ran} || [] } || $_->{became_superuser} } @setup;
	ok(!$setup_rc && !@setup_ran, "$t->{label}: loading the sample data and taking snapshots (default search_path) ran no planted object")
		or diag(join("\n", ($setup_rc ? ("  setup failed: " . (grep { /ERROR/ } split /\n/, $setup_err)[0]) : ()),
				map { describe_ran($db, $_, 'setup', $t->{label}) } @setup_ran));
	my ($snap1, $snap2) = @{ (query($db, "SELECT min(snapshot_id), max(snapshot_id) FROM airesilience.snapshot"))[0] };
	local $arg_by_name{snapshot_id} = $snap1;
	local $arg_by_name{from_id} = $snap1;
	local $arg_by_name{to_id} = $snap2;
	local $arg_by_name{snapshot_ids} = "{$snap1,$snap2}";

	# The extension as the catalog has it.
	my @views = map { $_->[0] } query($db, <<'EOS');
SELECT c.oid::regclass FROM pg_class c
 WHERE c.relnamespace = 'airesilience'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY 1
EOS
	my @funcs = query($db, <<'EOS');
SELECT p.oid::regprocedure, p.prokind, p.proretset OR t.typtype IN ('c', 'p') AND t.oid <> 'void'::regtype,
       CASE WHEN p.proargnames IS NULL THEN ''
            ELSE array_to_string(ARRAY(SELECT a.n FROM unnest(p.proargnames, coalesce(p.proargmodes, array_fill('i'::"char", ARRAY[cardinality(p.proargnames)])))
                                                       WITH ORDINALITY a (n, m, o)
                                        WHERE a.m IN ('i', 'b', 'v') ORDER BY a.o), ',') END,
       coalesce(array_to_string(ARRAY(SELECT format_type(x, NULL) FROM unnest(p.proargtypes::oid[]) x), ','), ''),
       format_type(p.prorettype, NULL), p.provariadic <> 0,
       EXISTS (SELECT FROM unnest(p.proargtypes::oid[]) x JOIN pg_type y ON y.oid = x WHERE y.typtype = 'p')
  FROM pg_proc p JOIN pg_type t ON t.oid = p.prorettype
 WHERE p.pronamespace = 'airesilience'::regnamespace
 ORDER BY 1
EOS
	@all_functions = map { $_->[0] } @funcs unless @all_functions;
	for my $r (query($db, <<'EOS')) {
SELECT a.aggfnoid::regprocedure, x::regprocedure
  FROM pg_aggregate a, unnest(ARRAY[a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn]::oid[]) x
 WHERE a.aggfnoid IN (SELECT oid FROM pg_proc WHERE pronamespace = 'airesilience'::regnamespace) AND x <> 0
EOS
		$agg_support{ $r->[1] }{ $r->[0] } = 1;
	}
	my @trigger_tables = map { $_->[0] } query($db, <<'EOS');
SELECT DISTINCT t.tgrelid::regclass FROM pg_trigger t
 WHERE NOT t.tgisinternal AND t.tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'airesilience'::regnamespace)
 ORDER BY 1
EOS
	my %columns;     # table -> [insertable columns], builtin column?
	for my $r (query($db, <<'EOS')) {
SELECT a.attrelid::regclass, string_agg(quote_ident(a.attname), ',' ORDER BY a.attnum)
  FROM pg_attribute a
 WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
   AND a.attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'airesilience'::regnamespace AND relkind = 'r')
 GROUP BY 1
EOS
		$columns{ $r->[0] } = [ split /,/, $r->[1] ];
	}

	# Aggregate input: a table of the harness's own, big enough for a parallel plan.
	query($db, "CREATE SCHEMA attack_harness");
	query($db, "CREATE TABLE attack_harness.agg_input AS"
		. " SELECT g % 10 AS g, (g * 37 % 101)::float8 AS f1, (1 + g % 7)::float8 AS f2 FROM generate_series(1, 3000) g;"
		. " ANALYZE attack_harness.agg_input");

	my @steps;
	my %explain;     # aggregate -> file with its parallel plan
	for my $p (@paths) {
		my ($plabel, $path) = @$p;
		$path =~ s/\@TRGM\@/$trgm/g;
		my $s = sub { my %st = @_; push @steps, { path => $path, plabel => $plabel, target => $st{fn}, %st } };
		$s->(label => "SELECT * FROM $_", target => $_, sql => "SELECT * FROM $_;") for @views;
		for my $f (@funcs) {
			my ($sig, $kind, $rowwise, $names, $types, $ret, $variadic, $pseudo) = @$f;
			next if $ret eq 'trigger' || $ret eq 'event_trigger' || $pseudo eq 't';
			my @names = split /,/, $names, -1;
			my @types = split /,/, $types, -1;
			my @args;
			for my $i (0 .. $#types) {
				my $nm = $names[$i] // '';
				my $v = $arg_by_name{"$nm:$types[$i]"} // $arg_by_name{$nm} // $arg_by_type{ $types[$i] } // '';
				push @args, ($variadic eq 't' && $i == $#types ? 'VARIADIC ' : '') . lit($v) . "::$types[$i]";
			}
			my ($name) = $sig =~ /^([^(]+)\(/;
			if ($kind eq 'a') {
				# float8 arguments read the input table's columns, in order
				my $k = 0;
				my @aargs = map { $types[$_] eq 'double precision' ? 'f' . (++$k) : $args[$_] } 0 .. $#types;
				my $call = "$name(" . join(', ', @aargs) . ")";
				$s->(label => "$call, whole table", fn => $sig, sql => "SELECT $call FROM attack_harness.agg_input;");
				$s->(label => "$call GROUP BY g", fn => $sig, sql => "SELECT g, $call FROM attack_harness.agg_input GROUP BY g;");
				my $par = "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"
					. " SET max_parallel_workers_per_gather = 2;\n";
				my $unpar = "RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;"
					. " RESET max_parallel_workers_per_gather;\n";
				my $psql = "SELECT $call FROM attack_harness.agg_input;";
				my $file = "$work/explain-$db-" . scalar(@steps) . ".txt";
				$explain{$sig} //= $file if $path eq 'pg_catalog';
				$s->(label => "$call, parallel plan", fn => $sig, parallel => 1, pre => $par,
					post => ($path eq 'pg_catalog' && $explain{$sig} eq $file
						? "$par\\o $file\nEXPLAIN (COSTS OFF) $psql\n\\o\n" : '') . $unpar,
					onfail => '', sql => $psql);
			} else {
				my $call = "$name(" . join(', ', @args) . ")";
				$s->(label => "$call", fn => $sig,  sql => $rowwise eq 't' ? "SELECT * FROM $call;" : "SELECT $call;");
			}
		}
		# DROPs that fire the extension's event trigger (and drop nothing).
		$s->(label => $_, target => 'event trigger', sql => $_)
			for ('DROP EXTENSION IF EXISTS no_such_extension;', 'DROP SCHEMA IF EXISTS no_such_schema CASCADE;');
		# DML on the tables with triggers: one transaction per table, rolled
		# back, each statement under a savepoint.
		for my $tbl (@trigger_tables) {
			my @cols = @{ $columns{$tbl} || [] };
			next unless @cols;
			my $has_builtin = grep { $_ eq 'builtin' } @cols;
			my $user_rows = $has_builtin ? ' WHERE NOT builtin' : '';
			my $select = join(', ', map { $_ eq 'builtin' ? 'false' : $_ } @cols);
			my @dml = (
				"INSERT INTO $tbl (" . join(', ', @cols) . ") SELECT $select FROM $tbl ON CONFLICT DO NOTHING;",
				"UPDATE $tbl SET " . join(', ', map { "$_ = $_" } @cols) . "$user_rows;",
				"DELETE FROM $tbl$user_rows;",
				"TRUNCATE $tbl CASCADE;",
			);
			for my $i (0 .. $#dml) {
				$s->(label => "$dml[$i] (rolled back)", sql => $dml[$i], target => "DML on $tbl",
					pre => ($i == 0 ? "BEGIN;\n" : '') . "SAVEPOINT attack_step;\n",
					onfail => "ROLLBACK TO SAVEPOINT attack_step;\n",
					post => ($i == $#dml ? "ROLLBACK;\n" : ''));
			}
		}
	}
	$_->{label} = "[$_->{plabel}] $_->{label}" for @steps;

	my $t2 = time;
	my ($prc, $perr) = run_steps($db, \@steps, timeout => $step_timeout);
	diag(sprintf('%s: phase 2 ran %d statements in %.1f s', $t->{label}, scalar @steps, time - $t2));
	diag("$t->{label}: psql exited with status $prc: " . substr($perr, 0, 500)) if $prc;

	for my $p (@paths) {
		my $plabel = $p->[0];
		my @mine = grep { $_->{plabel} eq $plabel } @steps;
		my @hit = grep { @{ $_->{ran} || [] } || $_->{became_superuser} } @mine;
		my @nostatus = grep { !$_->{status} } @mine;
		ok(!@hit && !@nostatus, "$t->{label}: search_path $plabel: no planted object ran ("
				. scalar(@mine) . ' statements)')
			or diag(join("\n", (map { describe_ran($db, $_, $plabel, $t->{label}) } @hit),
					(@nostatus ? ('  ' . scalar(@nostatus) . ' statements did not run, first: ' . $nostatus[0]{label}) : ())));
	}

	my @su = grep { $_->{became_superuser} } @create, @setup, @steps;
	my $still = query1($db, "SELECT rolsuper FROM pg_roles WHERE rolname = '$eve'");
	ok(!@su && $still eq 'f', "$t->{label}: the role did not become a superuser")
		or diag(join("\n", "  during " . scalar(@su) . ' statements, e.g.:', map { "    $_->{label}" } @su[0 .. ($#su < 4 ? $#su : 4)]));
	my $seq = seq_value($db);
	$moved += $seq - $seq0;
	is($moved, 0, "$t->{label}: the planted objects' sequence did not move");

	# Coverage bookkeeping.
	for my $st (@steps) {
		next unless $st->{fn};
		$attempted{ $st->{fn} } = 1;
		if (($st->{status} // '') eq 'ok') {
			$succeeded{ $st->{fn} } = 1;
			$parallel_ok{ $st->{fn} } = 1 if $st->{parallel} && $explain{ $st->{fn} } && slurp($explain{ $st->{fn} }) =~ /Partial Aggregate/;
		} else {
			push @{ $problems{ $st->{fn} } }, "$st->{label}: " . ($st->{sqlstate} // '?') . ' ' . ($st->{msg} // '');
		}
	}
	for my $st (@steps, @setup) {
		$raised{$_} = 1 for keys %{ $st->{raised_in} || {} };
	}
	# Trigger functions: calls that completed, counted by the statistics
	# collector once the sessions have ended.
	sleep 0.5;
	for my $r (query($db, <<'EOS')) {
SELECT pg_stat_clear_snapshot();
SELECT funcid::regprocedure, calls FROM pg_stat_user_functions WHERE schemaname = 'airesilience'
EOS
		next unless defined $r->[1];
		$trigger_calls{ $r->[0] } += $r->[1];
	}
	for my $r (query($db, "SELECT DISTINCT tgfoid::regprocedure FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'airesilience'::regnamespace) UNION SELECT evtfoid::regprocedure FROM pg_event_trigger WHERE evtfoid IN (SELECT oid FROM pg_proc WHERE pronamespace = 'airesilience'::regnamespace)")) {
		$attempted{ $r->[0] } = 1;
	}
}

# ---------------------------------------------------------------------------
# Coverage.
# ---------------------------------------------------------------------------
my (@not_called, @not_ok, @only_raised);
for my $fn (@all_functions) {
	my $called = $attempted{$fn};
	my $ok = $succeeded{$fn} || ($trigger_calls{$fn} // 0) > 0;
	# a trigger function that only ever refuses (signal_readonly) cannot
	# complete: reaching one of its own RAISE statements is what it is for
	if (!$ok && $raised{$fn}) {
		$ok = 1;
		push @only_raised, $fn;
	}
	if ($agg_support{$fn}) {
		# an aggregate's support function: it ran when an aggregate using it
		# succeeded in a parallel plan (a partial aggregate: transition,
		# serial, deserial, combine and final functions all run)
		my @aggs = keys %{ $agg_support{$fn} };
		$called ||= grep { $attempted{$_} } @aggs;
		$ok ||= grep { $parallel_ok{$_} } @aggs;
	}
	push @not_called, $fn unless $called;
	push @not_ok, $fn if $called && !$ok;
}
ok(!@not_called && @all_functions > 0, sprintf('every function and aggregate of the extension was called (%d of %d)',
		@all_functions - @not_called, scalar @all_functions))
	or diag(join("\n", map { "  never called: $_" } @not_called));
ok(!@not_ok, sprintf('every function and aggregate of the extension completed at least once (%d of %d)',
		@all_functions - @not_ok - @not_called, scalar @all_functions))
	or diag(join("\n", map { "  never completed: $_" . (($problems{$_} && "\n      e.g. $problems{$_}[0]") || '') } @not_ok));
diag("ran only to one of its own RAISE statements (its purpose): $_") for @only_raised;
my @failing = grep { $problems{$_} } sort keys %problems;
diag(sprintf('%d functions failed on some call (any reason, plants included), e.g.: %s', scalar @failing,
		join('; ', map { $problems{$_}[0] } @failing[0 .. ($#failing < 4 ? $#failing : 4)]))) if @failing;
if (%summary) {
	diag('Planted objects that ran, by the code that called them (innermost function of the extension),');
	diag('and when they did (search_path, or CREATE EXTENSION or setup; in both databases unless noted):');
	for my $caller (sort keys %summary) {
		diag("  $caller:");
		for my $plant (sort keys %{ $summary{$caller} }) {
			my $w = $summary{$caller}{$plant};
			diag("      $plant: " . join('; ', map {
				my @dbs = sort keys %{ $w->{$_} };
				$_ . (@dbs == @targets ? '' : ' (only ' . join(', ', @dbs) . ')') } sort keys %$w));
		}
	}
}
diag(sprintf('total time %.1f s', time - $started));
