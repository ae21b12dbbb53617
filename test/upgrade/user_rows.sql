-- Rows a user adds beside the loaded data, for the upgrade test
-- (test/upgrade/run.sh): each must survive ALTER EXTENSION ... UPDATE and
-- read the same as in a fresh install.  Loaded after the sample data or the
-- public data, so it names only what both have (the first occupations by
-- code), and only columns of release 0.1.0.
--
--   an own category, with an own occupation and an own seniority curve
--   an own seniority level
--   an own source (exposure, percentile-normalized) with values
--   an own label scheme
--   aliases (one of the own occupation, one of a loaded occupation)

\set ON_ERROR_STOP 1
BEGIN;

INSERT INTO airesilience.category (category, title) VALUES ('upgrade_test', 'Upgrade test');
INSERT INTO airesilience.occupation (onet_code, title, category, description, job_zone) VALUES
    ('99-9999.42', 'Upgrade Chain Walkers', 'upgrade_test',
     'Made-up occupation of the upgrade test: installs old releases and walks their update scripts.', 3);

INSERT INTO airesilience.seniority_curve (category, years, multipliers, description) VALUES
    ('upgrade_test', '{0,5,12}', '{0.8,1.0,1.1}', 'Own curve of the upgrade test');
INSERT INTO airesilience.seniority_level (level, years, position, description) VALUES
    ('principal', 20, 5, 'Own level of the upgrade test: about 20 years of experience');

INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, normalization, description, url) VALUES
    ('upgrade_own', 'Own source of the upgrade test', 'exposure', 0, 10, 'percentile',
     'Exposure ratings 0-10 made up for the upgrade test', 'https://example.org/upgrade-test');
-- Values for the own occupation and the first twelve loaded ones, with ties
-- (the percentile normalization ranks them).
INSERT INTO airesilience.source_value (onet_code, source, raw_value)
SELECT o.onet_code, 'upgrade_own', (o.i * 7 % 11)::float8 * 10 / 11
  FROM (SELECT onet_code, row_number() OVER (ORDER BY onet_code COLLATE "C") AS i
          FROM airesilience.occupation
         WHERE onet_code <> '99-9999.42') o
 WHERE o.i <= 12
UNION ALL
SELECT '99-9999.42', 'upgrade_own', 2.5;

INSERT INTO airesilience.label_scheme (scheme, description, cuts, labels, inclusive) VALUES
    ('upgrade_halves', 'Own scheme of the upgrade test: two halves', '{50}', '{Upper half,Lower half}', true);

INSERT INTO airesilience.occupation_alias (onet_code, alias, source)
VALUES ('99-9999.42', 'Update script testers', 'manual')
UNION ALL
SELECT min(onet_code COLLATE "C"), 'Upgrade chain alias', 'manual'
  FROM airesilience.occupation
 WHERE onet_code <> '99-9999.42';

COMMIT;
