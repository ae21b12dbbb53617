#!/usr/bin/env perl
# TAP: scripts/export-csv.sh (make export-csv) on the sample data: the header,
# one row per occupation, Medical Records Specialists' values against the
# figures worked by hand, CSV quoting of a title with a comma and quotes, a
# column pair for a source added by the user, and a failed export leaving
# the previous file alone.  Runs against the server named by
# PGHOST/PGPORT/PGUSER (scripts/test.sh), in a database of its own.
use strict;
use warnings;
use File::Temp qw(tempdir);
use FindBin;
use Test::More;

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

# The documented column list (scripts/export-csv.sh, README).
my @want_header = qw(onet_code soc_code title category
	source_median label confidence source_count dispersion
	task_resilience weight_basis task_count
	raw_digital_exposure score_digital_exposure raw_frey_osborne score_frey_osborne
	raw_task_model score_task_model raw_working_with_ai score_working_with_ai
	composite_careervillage label_careervillage composite_jobpocalypse label_jobpocalypse
	median_wage employment employment_projected annual_openings
	growth_pct entry_education work_experience
	growth_percentile openings_percentile wage_bill_percentile
	model_version);

my $out = "$work/export.csv";
is(export_to($db, $out), 0, 'export-csv succeeds');
my ($header, @rows) = read_export($out);
is_deeply($header, \@want_header, 'the header is the documented column list');
is(scalar @rows, 15, 'one row per sample occupation');
is_deeply([map { $_->{onet_code} } @rows], [sort map { $_->{onet_code} } @rows], 'rows in onet_code order');
is(scalar(grep { @$_ != @want_header } parse_csv(slurp($out))), 0, 'every line has every column');

# Medical Records Specialists by hand (sample/sample.sql; see
# sql/occupation_report.sql and test/whatif.sql for the working):
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
my $mean = ($score{digital_exposure} + $score{frey_osborne} + $score{task_model} + $score{working_with_ai}) / 4;
is_deeply([@$mrs{qw(soc_code title category label confidence source_count weight_basis task_count)}],
	['29-2072', 'Medical Records Specialists', 'healthcare', 'Not Very Resilient', 'Low', 4, 'equal', 17],
	'MRS: codes, title, label, confidence, counts');
close_to($mrs->{source_median}, (10 + 700 / 17) / 2, 'MRS headline (10 + 700/17) / 2');
close_to($mrs->{dispersion}, 39.3672607248757, 'MRS dispersion');
close_to($mrs->{task_resilience}, 700 / 17, 'MRS task resilience 700/17');
close_to($mrs->{raw_working_with_ai}, 0.27060368865203227, 'MRS raw Working with AI');
close_to($mrs->{raw_digital_exposure}, 9, 'MRS raw digital exposure');
close_to($mrs->{raw_frey_osborne}, 0.91, 'MRS raw Frey & Osborne');
close_to($mrs->{raw_task_model}, 700 / 17, 'MRS raw task model = task resilience');
close_to($mrs->{"score_$_"}, $score{$_}, "MRS score of $_") for sort keys %score;
close_to($mrs->{composite_careervillage}, 0.40 * $mean + 0.30 * (0.60 * 200 / 14 + 0.40 * 900 / 14) + 0.30 * 100 / 14,
	'MRS careervillage composite');
close_to($mrs->{composite_jobpocalypse}, 0.60 * 2000 / 34 + 0.10 * 90 + 0.15 * (50 - 5 * 7.1) + 0.15 * 60,
	'MRS jobpocalypse composite');
is_deeply([@$mrs{qw(label_careervillage label_jobpocalypse)}], ['Not Very Resilient', 'High'], 'MRS composite labels');
is_deeply([@$mrs{qw(median_wage employment employment_projected annual_openings growth_pct entry_education work_experience)}],
	['50250.00', 194800, 208600, 14200, '7.1', 'Postsecondary nondegree award', 'None'], 'MRS BLS figures');
close_to($mrs->{growth_percentile}, 900 / 14, 'MRS growth percentile 900/14');
close_to($mrs->{openings_percentile}, 200 / 14, 'MRS openings percentile 200/14');
close_to($mrs->{wage_bill_percentile}, 100 / 14, 'MRS wage-bill percentile 100/14');
is($mrs->{model_version}, sql("SELECT extversion FROM pg_extension WHERE extname = 'airesilience'"),
	'model_version is the installed extension version');

# A title with a comma and quotes, and a source of the user's.
sql(q{INSERT INTO airesilience.occupation (onet_code, title, category) VALUES ('29-9099.01', 'Midwives, "Direct-Entry" & O''Neill''s', 'healthcare')});
sql(q{INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max) VALUES ('my_index', 'Mine', 'resilience', 0, 1)});
sql(q{INSERT INTO airesilience.source_value VALUES ('29-9099.01', 'my_index', 0.5)});
is(export_to($db, $out), 0, 'export-csv succeeds again');
my $text = slurp($out);
like($text, qr/^29-9099\.01,29-9099,"Midwives, ""Direct-Entry"" & O'Neill's",healthcare,50,/m,
	'the title is quoted, its quotes doubled');
($header, @rows) = read_export($out);
is(scalar @rows, 16, 'the new occupation has its row');
my ($new) = grep { $_->{onet_code} eq '29-9099.01' } @rows;
is($new->{title}, q{Midwives, "Direct-Entry" & O'Neill's}, 'and reads back as stored');
is_deeply([@$header[12 .. 21]],
	[qw(raw_digital_exposure score_digital_exposure raw_frey_osborne score_frey_osborne raw_my_index score_my_index
	    raw_task_model score_task_model raw_working_with_ai score_working_with_ai)],
	'a new source gets its two columns, in name order');
is_deeply([@$new{qw(raw_my_index score_my_index raw_task_model label median_wage)}], ['0.5', '50', '', 'Somewhat Resilient', ''],
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

# A failed export leaves the previous file as it was, and no temporary file.
isnt(export_to('airesilience_no_such_database', $out), 0, 'an export from a missing database fails');
is(slurp($out), $text, 'the previous file is untouched');
opendir my $dh, $work or die $!;
is_deeply([grep { /^\.airesilience-export\./ } readdir $dh], [], 'no temporary file is left');
like(slurp("$work/export.log"), qr/^export-csv: 15 occupations\n/m, 'the script reports how many occupations it wrote');

done_testing();
