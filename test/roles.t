#!/usr/bin/env perl
# TAP: the privilege model (src/access.sql), each role logged in as itself.
#
# In a database of its own, with LOGIN roles ar_steward, ar_analyst,
# ar_webapp (grant_access with that kind of access) and ar_nobody (none):
#   ar_steward loads sample/sample.sql and takes snapshots 1 and 2;
#   test/roles/{steward,analyst,webapp,nobody}.sql run connected as their
#   role (pgTAP, every table, view and function of the extension taken from
#   the catalog);
#   as the superuser: access_privileges and grant_access refuse an unknown
#   access kind (22023), webapp's privileges are exactly the published ones;
#   revoke_access takes each role's access away: nobody.sql then passes
#   connected as each of them;
#   ar_steward runs scripts/load-public.sh on the public data (DATA_DIR,
#   default ../shared/data; skipped without it), in a second database.
# The databases and the roles (cluster-wide) are dropped at the end.  Runs
# against the server named by PGHOST/PGPORT/PGUSER (scripts/test.sh).
use strict;
use warnings;
use File::Temp qw(tempdir);
use FindBin;
use TAP::Parser;
use Test::More;

chdir "$FindBin::Bin/.." or die "cannot chdir to the tree: $!";
my $db = 'airesilience_roles_test';
my $public_db = 'airesilience_roles_public';
my @roles = qw(ar_steward ar_analyst ar_webapp ar_nobody);
my %access = (ar_steward => 'steward', ar_analyst => 'analyst', ar_webapp => 'webapp');
my $data_dir = $ENV{DATA_DIR} // '../shared/data';
my $work = tempdir(CLEANUP => 1);
my $superuser = $ENV{PGUSER} // 'postgres';

sub quote { my ($s) = @_; $s =~ s/'/'\\''/g; return "'$s'"; }

# Runs a command line; returns its exit status, standard output and error.
sub run {
	my ($cmd, %env) = @_;
	my $prefix = join '', map { "$_=" . quote($env{$_}) . ' ' } sort keys %env;
	system("$prefix$cmd >$work/out 2>$work/err");
	my $status = $? >> 8;
	my ($out, $err) = map { open my $fh, '<', "$work/$_" or die "$_: $!"; local $/; scalar <$fh> } qw(out err);
	return ($status, $out, $err);
}

# psql as role in dbname: -c for each statement, or -f for a file.
sub psql {
	my ($role, $dbname, @args) = @_;
	return run(join ' ', 'psql -X -q -A -t -v ON_ERROR_STOP=1 -v VERBOSITY=verbose --pset pager=off',
	           '-U', quote($role), '-d', quote($dbname), @args);
}
sub sql {
	my ($role, $dbname, @statements) = @_;
	return psql($role, $dbname, map { ('-c', quote($_)) } @statements);
}
# The SQLSTATE a statement ends with: 00000, or the error's.
sub sqlstate {
	my ($role, $dbname, $statement) = @_;
	my ($status, $out, $err) = sql($role, $dbname, $statement);
	return '00000' if $status == 0;
	return $err =~ /ERROR:\s+([0-9A-Z]{5})/ ? $1 : "exit $status: $err";
}
sub indent { my ($text) = @_; $text =~ s/^/    /mg; return $text; }

sub cleanup {
	sql($superuser, 'postgres', "DROP DATABASE IF EXISTS $db", "DROP DATABASE IF EXISTS $public_db");
	sql($superuser, 'postgres', "DROP ROLE IF EXISTS $_") for @roles;
}

# A pgTAP file run connected as role: one test here, its own tests as
# comments (prove -v shows them), the failed ones as diagnostics.
sub pgtap_as {
	my ($role, $file) = @_;
	my ($status, $out, $err) = psql($role, $db, '-f', quote($file));
	my $parser = TAP::Parser->new({ tap => $out });
	my @lines;
	while (my $result = $parser->next) { push @lines, $result->as_string; }
	note indent(join "\n", @lines);
	my $run = $parser->tests_run;
	my $failed = () = $parser->failed;
	my $passed = $status == 0 && !$parser->has_problems;
	ok($passed, "$file as $role: " . ($passed ? "$run checks passed" : "$failed of $run checks failed"))
		or diag(join "\n", (grep { /^(not ok|#)/ } @lines), ($parser->parse_errors), ($err ne '' ? ("psql (exit $status):", $err) : ()));
}

cleanup();
END { cleanup() if defined $work; }

# The database and the roles.
my ($status, $out, $err) = sql($superuser, 'postgres', "CREATE DATABASE $db");
is($status, 0, "create database $db") or BAIL_OUT($err);
($status, $out, $err) = sql($superuser, $db, 'CREATE EXTENSION airesilience CASCADE', 'CREATE EXTENSION pgtap');
is($status, 0, 'CREATE EXTENSION airesilience CASCADE, pgtap') or BAIL_OUT($err);
($status, $out, $err) = sql($superuser, $db, map { "CREATE ROLE $_ LOGIN" } @roles);
is($status, 0, "LOGIN roles @roles") or BAIL_OUT($err);
for my $role (grep { $access{$_} } @roles) {
	($status, $out, $err) = sql($superuser, $db, "SELECT airesilience.grant_access('$role', '$access{$role}')");
	is($status, 0, "grant_access('$role', '$access{$role}')") or diag $err;
}

# The steward loads the sample data and takes two snapshots, the second
# after Medical Records Specialists' Frey & Osborne probability changed.
($status, $out, $err) = psql('ar_steward', $db, '-f', 'sample/sample.sql');
is($status, 0, 'ar_steward loads sample/sample.sql') or diag $err;
($status, $out, $err) = sql('ar_steward', $db,
	"SELECT airesilience.take_snapshot('sample as loaded')",
	"UPDATE airesilience.source_value SET raw_value = 0.25 WHERE onet_code = '29-2072.00' AND source = 'frey_osborne'",
	"SELECT airesilience.take_snapshot('Frey & Osborne of 29-2072.00 at 0.25')");
is("$status $out", "0 1\n2\n", 'ar_steward takes snapshots 1 and 2') or diag $err;

pgtap_as('ar_steward', 'test/roles/steward.sql');
pgtap_as('ar_analyst', 'test/roles/analyst.sql');
pgtap_as('ar_webapp', 'test/roles/webapp.sql');
pgtap_as('ar_nobody', 'test/roles/nobody.sql');

# As the superuser: unknown access kinds, and the web app's list.
is(sqlstate($superuser, $db, "SELECT * FROM airesilience.access_privileges('bogus')"), '22023',
   "access_privileges('bogus') raises 22023");
is(sqlstate($superuser, $db, "SELECT airesilience.grant_access('ar_nobody', 'bogus')"), '22023',
   "grant_access(role, 'bogus') raises 22023");
is(sqlstate($superuser, $db, "SELECT airesilience.grant_access('ar_nobody', 'Analyst')"), '22023',
   "grant_access(role, 'Analyst') raises 22023 (access kinds are lower case)");
($status, $out, $err) = sql($superuser, $db, "SELECT privilege || ' ' || object FROM airesilience.access_privileges('webapp')");
is($out, join('', map { "$_\n" }
	'USAGE SCHEMA airesilience',
	(map { "SELECT TABLE airesilience.$_" } qw(snapshot snapshot_composite snapshot_document snapshot_name snapshot_occupation snapshot_source snapshot_word)),
	(map { "EXECUTE FUNCTION airesilience.$_" } 'data_updated_at()', 'list_cursor(bigint,text,text,text,jsonb,text)',
		'model_version()', 'published_document(text)', 'published_document_by_slug(text)', 'published_export()',
		'published_occupations(text,text,text,integer,text)', 'published_snapshot()', 'search_published(text,integer)',
		'snapshot_changes(bigint,bigint)', 'snapshot_check(bigint[])', 'snapshot_report(bigint)', 'stop_words()')),
   "access_privileges('webapp') lists the snapshot tables and the page functions, nothing else") or diag $err;

# revoke_access takes it all away again.
for my $role (grep { $access{$_} } @roles) {
	($status, $out, $err) = sql($superuser, $db, "SELECT airesilience.revoke_access('$role', '$access{$role}')");
	is($status, 0, "revoke_access('$role', '$access{$role}')") or diag $err;
	pgtap_as($role, 'test/roles/nobody.sql');
}

# The steward runs the public-data loader: its whole job, cleanly.
SKIP: {
	skip "public data loader as ar_steward: no data directory at $data_dir (set DATA_DIR)", 4 unless -d $data_dir;
	($status, $out, $err) = sql($superuser, 'postgres', "CREATE DATABASE $public_db");
	($status, $out, $err) = sql($superuser, $public_db, 'CREATE EXTENSION airesilience CASCADE',
	                            "SELECT airesilience.grant_access('ar_steward', 'steward')") unless $status;
	is($status, 0, "database $public_db, ar_steward a steward there") or diag $err;
	my $started = time;
	($status, $out, $err) = run('scripts/load-public.sh ' . quote($data_dir), PGUSER => 'ar_steward', PGDATABASE => $public_db);
	is($status, 0, 'ar_steward runs scripts/load-public.sh ' . $data_dir . ' (' . (time - $started) . ' s)')
		or diag "$out$err";
	my @warnings = grep { /WARNING/ } split /\n/, $err;
	is(scalar @warnings, 0, 'the load as ar_steward gives no warning')
		or diag join "\n", scalar(@warnings) . ' warnings:', @warnings[0 .. ($#warnings < 4 ? $#warnings : 4)],
		                   ($#warnings > 4 ? '...' : ());
	my ($loaded) = $out =~ /^loaded (\d+) occupations/m;
	(undef, my $count) = sql('ar_steward', $public_db, 'SELECT count(*) FROM airesilience.occupation');
	is($count, defined $loaded ? "$loaded\n" : 'a "loaded N occupations" line', 'ar_steward reads back the occupations it loaded');
}

done_testing();
