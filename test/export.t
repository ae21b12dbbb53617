#!/usr/bin/env perl
# TAP: scripts/export-csv.sh (make export-csv), the bulk CSV of the published
# snapshot (airesilience.published_export()), on the sample data: the
# header, one row per occupation of the newest snapshot, Medical Records
# Specialists' values against the figures worked by hand on 0-1, CSV quoting
# of a title with a comma and quotes, a source added by the user in the
# sources column, no export before the first snapshot, and a failed export
# leaving the previous file alone.  Runs against the server named by
# PGHOST/PGPORT/PGUSER (scripts/test.sh), in a database of its own.
use strict;
use warnings;
use File::Temp qw(tempdir);
use FindBin;
use Test::More;
use JSON::PP;

chdir "$FindBin::Bin/.." or die "cannot chdir to the tree: $!";
my $db = 'airesilience_export_test';
my $work = tempdir(CLEANUP => 1);

sub psql {
	my ($dbname, @args) = @_;
	my $out = qx{psql -qXAt -v ON_ERROR_STOP=1 -d $dbname @args 2>&1};
	die "psql failed: $out" if $?;
	chomp $out;
	return $out;
}
sub sql { my ($q) = @_; $q =~ s/'/'\\''/g; return psql($db, "-c '$q'"); }

# RFC 4180: fields separated by commas, quoted when they hold a comma, a
# quote or a line break, a quote inside written twice.
sub parse_csv {
	my ($text) = @_;
	my (@rows, @row, $field, $quoted);
	$field = '';
	$quoted = 0;
	my $i = 0;
	my $n = length $text;
	while ($i < $n) {
		my $c = substr($text, $i, 1);
		if ($quoted) {
			if ($c eq '"' && substr($text, $i + 1, 1) eq '"') { $field .= '"'; $i++; }
			elsif ($c eq '"') { $quoted = 0; }
			else { $field .= $c; }
		} elsif ($c eq '"') { $quoted = 1; }
		elsif ($c eq ',') { push @row, $field; $field = ''; }
		elsif ($c eq "\n") { push @row, $field; push @rows, [@row]; @row = (); $field = ''; }
		else { $field .= $c; }
		$i++;
	}
	push @rows, [@row, $field] if length $field || @row;
	return @rows;
}

sub slurp { my ($path) = @_; open my $fh, '<', $path or die "$path: $!"; local $/; return scalar <$fh>; }

# Runs the export with PGDATABASE set; returns its exit status.  Its
# messages go to a log, out of the TAP stream.
sub export_to {
	my ($dbname, $out) = @_;
	local $ENV{PGDATABASE} = $dbname;
	system("scripts/export-csv.sh '$out' 2>>'$work/export.log'");
	return $? >> 8;
}

# Rows as hashes keyed by the header.
sub read_export {
	my ($path) = @_;
	my ($header, @rows) = parse_csv(slurp($path));
	my @hashes;
	for my $r (@rows) {
		my %h;
		@h{@$header} = @$r;
		push @hashes, \%h;
	}
	return ($header, @hashes);
}

sub close_to {
	my ($got, $want, $name) = @_;
	ok(defined $got && $got ne '' && abs($got - $want) < 1e-9, $name) or diag("got " . ($got // 'undef') . ", want $want");
}

psql('postgres', "-c 'DROP DATABASE IF EXISTS $db'");
psql('postgres', "-c 'CREATE DATABASE $db'");
END { system("psql -qX -d postgres -c 'DROP DATABASE IF EXISTS $db' >/dev/null 2>&1") if defined $db; }
psql($db, "-c 'CREATE EXTENSION airesilience CASCADE'", '-f sample/sample.sql');

# Nothing is published before the first snapshot: the export fails.
my $out = "$work/export.csv";
isnt(export_to($db, $out), 0, 'no snapshot: export-csv fails');
ok(!-e $out, 'and writes no file');
like(slurp("$work/export.log"), qr/no snapshot has been taken/, 'saying that nothing is published');

my $snap = sql('SELECT airesilience.take_snapshot()');

# The documented column list (published_export(), docs/serving.md).
my @want_header = qw(snapshot_id taken_at model_version label_scheme
	onet_code soc_code name slug url category
	score label confidence source_count dispersion
	task_resilience weight_basis task_count
	careervillage_score careervillage_label jobpocalypse_score jobpocalypse_label
	sources composites
	median_wage employment employment_projected annual_openings
	growth_pct entry_education work_experience
	growth_percentile openings_percentile wage_bill_percentile);

is(export_to($db, $out), 0, 'export-csv succeeds');
my ($header, @rows) = read_export($out);
is_deeply($header, \@want_header, 'the header is the documented column list');
is(scalar @rows, 15, 'one row per sample occupation');
is_deeply([map { $_->{onet_code} } @rows], [sort map { $_->{onet_code} } @rows], 'rows in onet_code order');
is(scalar(grep { @$_ != @want_header } parse_csv(slurp($out))), 0, 'every line has every column');
is_deeply([sort keys %{{ map { ($_->{snapshot_id} . '|' . $_->{taken_at} . '|' . $_->{model_version} . '|' . $_->{label_scheme}) => 1 } @rows }}],
	[join '|', $snap, sql("SELECT (taken_at AT TIME ZONE 'UTC')::text || '+00' FROM airesilience.snapshot WHERE snapshot_id = $snap"),
	 sql("SELECT extversion FROM pg_extension WHERE extname = 'airesilience'"), 'resilience6'],
	'every row: the snapshot id, its time in UTC, the model version and label scheme');

# Medical Records Specialists by hand (sample/sample.sql; see
# sql/occupation_report.sql and test/whatif.sql for the working), each
# 0-100 figure / 100:
#   task model 100 - 2000/34 = 700/17; working with AI 100 - 100 x 0.2706...;
#   digital exposure 100 - 10 x 9; Frey & Osborne 100 - 100 x 0.91;
#   median (10 + 700/17) / 2; iqr 39.3672607248757 (exact arithmetic in
#   sql/occupation_report.sql).
#   Percentiles among the 15 SOC codes: growth 7.1 % has 9 below (900/14),
#   openings 14,200 has 2 below (200/14), wage bill 208,600 x $50,250 has 1
#   below (100/14).
#   careervillage = 0.40 x mean(source scores) + 0.30 x (0.60 x 200/14 +
#   0.40 x 900/14) + 0.30 x 100/14 = 25.74: Not Very Resilient;
#   jobpocalypse = 0.60 x 2000/34 + 0.10 x 90 + 0.15 x (50 - 5 x 7.1)
#   + 0.15 x 60 = 55.47: High (tiers5, >= 55).
my ($mrs) = grep { $_->{onet_code} eq '29-2072.00' } @rows;
my %score = (digital_exposure => 100 - 10 * 9, frey_osborne => 100 - 100 * 0.91,
	task_model => 700 / 17, working_with_ai => 100 - 100 * 0.27060368865203227);
my %raw = (digital_exposure => 9, frey_osborne => 0.91, task_model => 700 / 17, working_with_ai => 0.27060368865203227);
my $mean = ($score{digital_exposure} + $score{frey_osborne} + $score{task_model} + $score{working_with_ai}) / 4;
is_deeply([@$mrs{qw(soc_code name slug url category label confidence source_count weight_basis task_count)}],
	['29-2072', 'Medical Records Specialists', 'medical-records-specialists', '/occupations/medical-records-specialists',
	 'healthcare', 'Not Very Resilient', 'Low', 4, 'equal', 17],
	'MRS: codes, name, slug, url, label, confidence, counts');
close_to($mrs->{score}, (10 + 700 / 17) / 2 / 100, 'MRS score (10 + 700/17) / 200');
is($mrs->{score}, sql(q{SELECT airesilience.published_document('29-2072.00')->'aiResilience'->>'score'}), q{the same number as the API document's aiResilience.score});
close_to($mrs->{dispersion}, 0.393672607248757, 'MRS dispersion');
close_to($mrs->{task_resilience}, 7 / 17, 'MRS task resilience 700/17 / 100');
my $sources = decode_json($mrs->{sources});
is_deeply([sort keys %$sources], [sort keys %score], 'MRS sources: the four of the sample');
close_to($sources->{$_}{score}, $score{$_} / 100, "MRS score of $_ on 0-1") for sort keys %score;
close_to($sources->{$_}{raw}, $raw{$_}, "MRS raw value of $_") for sort keys %raw;
close_to($mrs->{careervillage_score}, (0.40 * $mean + 0.30 * (0.60 * 200 / 14 + 0.40 * 900 / 14) + 0.30 * 100 / 14) / 100,
	'MRS careervillage composite');
close_to($mrs->{jobpocalypse_score}, (0.60 * 2000 / 34 + 0.10 * 90 + 0.15 * (50 - 5 * 7.1) + 0.15 * 60) / 100,
	'MRS jobpocalypse composite');
is_deeply([@$mrs{qw(careervillage_label jobpocalypse_label)}], ['Not Very Resilient', 'High'], 'MRS composite labels');
my $composites = decode_json($mrs->{composites});
for my $preset (qw(careervillage jobpocalypse)) {
	close_to($composites->{$preset}{score}, $mrs->{"${preset}_score"}, "the composites column: $preset score");
	is($composites->{$preset}{label}, $mrs->{"${preset}_label"}, "the composites column: $preset label");
}
is_deeply([@$mrs{qw(median_wage employment employment_projected annual_openings growth_pct entry_education work_experience)}],
	['50250', 194800, 208600, 14200, '7.1', 'Postsecondary nondegree award', 'None'], 'MRS BLS figures');
close_to($mrs->{growth_percentile}, 9 / 14, 'MRS growth percentile 900/14 / 100');
close_to($mrs->{openings_percentile}, 2 / 14, 'MRS openings percentile 200/14 / 100');
close_to($mrs->{wage_bill_percentile}, 1 / 14, 'MRS wage-bill percentile 100/14 / 100');

# A title with a comma and quotes, and a source of the user's: published
# by the next snapshot, not before.
sql(q{INSERT INTO airesilience.occupation (onet_code, title, category) VALUES ('29-9099.01', 'Midwives, "Direct-Entry" & O''Neill''s', 'healthcare')});
sql(q{INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max) VALUES ('my_index', 'Mine', 'resilience', 0, 1)});
sql(q{INSERT INTO airesilience.source_value VALUES ('29-9099.01', 'my_index', 0.5)});
is(export_to($db, $out), 0, 'export-csv succeeds again');
($header, @rows) = read_export($out);
is(scalar @rows, 15, 'the new occupation is not published yet');
my $snap2 = sql('SELECT airesilience.take_snapshot()');
is(export_to($db, $out), 0, 'after a new snapshot, export-csv succeeds');
my $text = slurp($out);
like($text, qr/^$snap2,[^,]*,[^,]*,resilience6,29-9099\.01,29-9099,"Midwives, ""Direct-Entry"" & O'Neill's",midwives-direct-entry-o-neill-s,/m,
	'the title is quoted, its quotes doubled');
($header, @rows) = read_export($out);
is(scalar @rows, 16, 'the new occupation has its row');
my ($new) = grep { $_->{onet_code} eq '29-9099.01' } @rows;
is($new->{name}, q{Midwives, "Direct-Entry" & O'Neill's}, 'and reads back as stored');
is_deeply(decode_json($new->{sources}), { my_index => { raw => 0.5, score => 0.5 } }, 'a new source is in the sources column');
is_deeply([@$new{qw(score label task_resilience median_wage growth_percentile)}],
	['0.5', 'Somewhat Resilient', '', '', ''],
	'missing values are empty fields');

# The default file name, through make.
{
	local $ENV{PGDATABASE} = $db;
	my $made = "$work/made.csv";
	is(system("make -s export-csv OUT='$made' 2>>'$work/export.log'") >> 8, 0, 'make export-csv OUT=... succeeds');
	is(slurp($made), $text, 'and writes the same file');
	my $cwd = tempdir(CLEANUP => 1);
	my $script = "$FindBin::Bin/../scripts/export-csv.sh";
	is(system("cd '$cwd' && '$script' 2>/dev/null") >> 8, 0, 'without OUT');
	ok(-s "$cwd/airesilience-export.csv", 'it writes ./airesilience-export.csv');
}

# The function itself, as an app streams it: the same bytes.
is(scalar qx{psql -qX -d $db -c "SET TIME ZONE 'UTC'" -c 'COPY (SELECT * FROM airesilience.published_export()) TO STDOUT WITH (FORMAT csv, HEADER)'},
	$text, 'COPY (SELECT * FROM airesilience.published_export()) gives the same CSV');

# A failed export leaves the previous file as it was, and no temporary file.
isnt(export_to('airesilience_no_such_database', $out), 0, 'an export from a missing database fails');
is(slurp($out), $text, 'the previous file is untouched');
opendir my $dh, $work or die $!;
is_deeply([grep { /^\.airesilience-export\./ } readdir $dh], [], 'no temporary file is left');
like(slurp("$work/export.log"), qr/^export-csv: 15 occupations of snapshot $snap\n/m, 'the script reports how many occupations it wrote');

done_testing();
