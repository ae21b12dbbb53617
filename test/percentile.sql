-- Percentile normalization: the stored ranks of source values and of the BLS
-- panel, their trigger maintenance, and source_report / occupation_report.
--
-- The expected ranks are worked out by hand on small made-up sets: a
-- source value's percentile is its mid-rank, 100 x (number of other values
-- strictly below it + half the number of other values equal to it) /
-- (n - 1), so two tied values at ranks k and k + 1 share k - 1/2 (a lone
-- value is 50), and for an exposure source the score is 100 minus that.
-- The BLS panel keeps percent_rank (ties share the lower rank).  Each block
-- states its set and the ranks it gives.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(42);

-- A source's ranks as 'code=percentile' (rounded to 6 places), in code order.
CREATE FUNCTION pg_temp.ranks(src text) RETURNS text[]
LANGUAGE sql AS $$
    SELECT array_agg(right(onet_code, 7) || '=' || round(percentile::numeric, 6) ORDER BY onet_code)
      FROM airesilience.source_percentile WHERE source = src
$$;
-- The same for the BLS panel: 'soc=growth/openings/wage_bill'.
CREATE FUNCTION pg_temp.labor_ranks() RETURNS text[]
LANGUAGE sql AS $$
    SELECT array_agg(right(soc_code, 4) || '=' || concat_ws('/', coalesce(round(growth_percentile::numeric, 6)::text, '-'),
                                                            coalesce(round(openings_percentile::numeric, 6)::text, '-'),
                                                            coalesce(round(wage_bill_percentile::numeric, 6)::text, '-'))
                     ORDER BY soc_code)
      FROM airesilience.labor_percentile
$$;

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT is(
    (SELECT array_agg(p.oid::regprocedure::text ORDER BY 1)
       FROM pg_proc p
      WHERE p.pronamespace = 'airesilience'::regnamespace
        AND p.proname IN ('source_percentile_refresh', 'source_percentile_maintain', 'labor_percentile_refresh',
                          'labor_percentile_maintain', 'normalize_percentile')
        AND obj_description(p.oid, 'pg_proc') IS NULL),
    NULL, 'every percentile function has a comment');
SELECT is(
    (SELECT array_agg(c.relname::text ORDER BY 1)
       FROM pg_class c
      WHERE c.oid IN ('airesilience.source_percentile'::regclass, 'airesilience.labor_percentile'::regclass)
        AND obj_description(c.oid, 'pg_class') IS NULL),
    NULL, 'both percentile tables have a comment');
SELECT is(
    (SELECT (provolatile, proisstrict, proparallel)::text
       FROM pg_proc WHERE oid = 'airesilience.normalize_percentile(float8, text)'::regprocedure),
    '(i,f,s)', 'normalize_percentile is IMMUTABLE PARALLEL SAFE');
SELECT is(
    (SELECT array_agg(tgname::text ORDER BY tgname) FROM pg_trigger
      WHERE tgrelid = 'airesilience.source_value'::regclass AND tgname LIKE 'source_percentile%'),
    '{source_percentile_delete,source_percentile_insert,source_percentile_truncate,source_percentile_update}',
    'source_value has one maintenance trigger per event');
SELECT is(
    (SELECT count(*) FROM pg_catalog.pg_extension e, unnest(e.extconfig) c
      WHERE e.extname = 'airesilience'
        AND c IN ('airesilience.source_percentile'::regclass, 'airesilience.labor_percentile'::regclass)),
    0::bigint, 'the percentile tables are derived: not configuration tables, so pg_dump leaves them out');

------------------------------------------------------------------------------
-- A hand-made set
------------------------------------------------------------------------------

INSERT INTO airesilience.category VALUES ('testing', 'Testing');
INSERT INTO airesilience.occupation (onet_code, title, category)
SELECT format('92-000%s.00', i), format('Occupation %s', i), 'testing' FROM generate_series(1, 6) i;
INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, normalization) VALUES
    ('pexp', 'exposure, percentile', 'exposure', 0, 10, 'percentile'),
    ('pres', 'resilience, percentile', 'resilience', 0, 100, 'percentile'),
    ('plin', 'exposure, linear', 'exposure', 0, 10, 'linear'),
    ('pone', 'a single value', 'resilience', 0, 1, 'percentile');

-- pexp: 1, 3, 3, 7, 9 -> n - 1 = 4; below: 0, 1, 1, 3, 4 -> 0, 25, 25, 75, 100.
-- pres: 10, 20 -> 0, 100.  plin: 4 alone -> 0.  pone: 0.5 alone -> 0.
INSERT INTO airesilience.source_value (onet_code, source, raw_value) VALUES
    ('92-0001.00', 'pexp', 1), ('92-0002.00', 'pexp', 3), ('92-0003.00', 'pexp', 3),
    ('92-0004.00', 'pexp', 7), ('92-0005.00', 'pexp', 9),
    ('92-0001.00', 'pres', 10), ('92-0002.00', 'pres', 20),
    ('92-0001.00', 'plin', 4),
    ('92-0001.00', 'pone', 0.5);

SELECT is(pg_temp.ranks('pexp'), '{0001.00=0.000000,0002.00=37.500000,0003.00=37.500000,0004.00=75.000000,0005.00=100.000000}',
          'pexp 1, 3, 3, 7, 9: percentiles 0, 37.5, 37.5, 75, 100 (the tie at ranks 2 and 3 shares 1.5 / 4)');
SELECT is(pg_temp.ranks('pres'), '{0001.00=0.000000,0002.00=100.000000}', 'pres 10, 20: percentiles 0, 100');
SELECT is(pg_temp.ranks('pone'), '{0001.00=50.000000}', 'a single value has percentile 50');
SELECT is(pg_temp.ranks('plin'), '{0001.00=50.000000}', 'a linear source is ranked too (source_report shows it)');

-- source_report: percentile sources are scored from the rank, flipped for
-- exposure; linear sources keep their linear score; both show the rank.
SELECT is((SELECT array_agg(right(onet_code, 7) || '=' || score || '/' || percentile ORDER BY onet_code)
             FROM airesilience.source_report WHERE source = 'pexp'),
          '{0001.00=100/0,0002.00=62.5/37.5,0003.00=62.5/37.5,0004.00=25/75,0005.00=0/100}',
          'exposure source, percentile normalization: score = 100 - percentile');
SELECT is((SELECT array_agg(right(onet_code, 7) || '=' || score || '/' || percentile ORDER BY onet_code)
             FROM airesilience.source_report WHERE source = 'pres'),
          '{0001.00=0/0,0002.00=100/100}', 'resilience source, percentile normalization: score = percentile');
SELECT is((SELECT score || '/' || percentile || '/' || normalization
             FROM airesilience.source_report WHERE source = 'plin'),
          '60/50/linear', 'linear source: score 100 - 100 (4 - 0) / 10 = 60, beside its percentile (a lone value, 50)');
SELECT is((SELECT percentile FROM airesilience.source_report WHERE source = 'task_model' LIMIT 1), NULL,
          'task_model has no percentile without rated tasks');
UPDATE airesilience.source SET normalization = 'percentile' WHERE source = 'plin';
SELECT is((SELECT score FROM airesilience.source_report WHERE source = 'plin'), 50::float8,
          'switching a source to percentile rescores it at once: 100 - 50');
UPDATE airesilience.source SET normalization = 'linear' WHERE source = 'plin';

SELECT throws_ok($$INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, normalization)
                   VALUES ('bad', 'x', 'exposure', 0, 1, 'zscore')$$,
                 '23514', NULL, 'normalization is linear or percentile');
SELECT lives_ok($$INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, normalization, derived)
                  VALUES ('derivedpct', 'x', 'exposure', 0, 1, 'percentile', true)$$,
                'a derived source may use percentile normalization (task_model does)');
DELETE FROM airesilience.source WHERE source = 'derivedpct';
SELECT lives_ok($$INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, derived)
                  VALUES ('good', 'x', 'exposure', 0, 1, true)$$,
                'a derived source stays linear');

------------------------------------------------------------------------------
-- Trigger maintenance: only the sources a statement touches are re-ranked
------------------------------------------------------------------------------

CREATE TEMP TABLE pres_rows AS SELECT onet_code, ctid::text AS old_ctid FROM airesilience.source_percentile WHERE source = 'pres';

-- insert 5: 1, 3, 3, 5, 7, 9 -> n - 1 = 5; below 0, 1, 1, 3, 4, 5.
INSERT INTO airesilience.source_value VALUES ('92-0006.00', 'pexp', 5);
SELECT is(pg_temp.ranks('pexp'),
          '{0001.00=0.000000,0002.00=30.000000,0003.00=30.000000,0004.00=80.000000,0005.00=100.000000,0006.00=60.000000}',
          'insert: pexp re-ranked, 1, 3, 3, 5, 7, 9 -> 0, 30, 30, 60, 80, 100');
SELECT is((SELECT count(*) FROM airesilience.source_percentile p JOIN pres_rows r USING (onet_code)
            WHERE p.source = 'pres' AND p.ctid::text = r.old_ctid), 2::bigint,
          'insert: the rows of the other source were not rewritten');

-- update 7 -> 0: 0, 1, 3, 3, 5, 9 -> below 0, 1, 2, 2, 4, 5.
UPDATE airesilience.source_value SET raw_value = 0 WHERE onet_code = '92-0004.00' AND source = 'pexp';
SELECT is(pg_temp.ranks('pexp'),
          '{0001.00=20.000000,0002.00=50.000000,0003.00=50.000000,0004.00=0.000000,0005.00=100.000000,0006.00=80.000000}',
          'update: 0, 1, 3, 3, 5, 9 -> 0, 20, 50, 50, 80, 100');

CREATE TEMP TABLE pexp_rows AS SELECT onet_code, ctid::text AS old_ctid FROM airesilience.source_percentile WHERE source = 'pexp';
UPDATE airesilience.source_value SET raw_value = raw_value WHERE source = 'pexp';
SELECT is((SELECT count(*) FROM airesilience.source_percentile p JOIN pexp_rows r USING (onet_code)
            WHERE p.source = 'pexp' AND p.ctid::text = r.old_ctid), 6::bigint,
          'an update that changes no value rewrites no percentile');

-- delete 9: 0, 1, 3, 3, 5 -> below 0, 1, 2, 2, 4 of n - 1 = 4.
DELETE FROM airesilience.source_value WHERE onet_code = '92-0005.00' AND source = 'pexp';
SELECT is(pg_temp.ranks('pexp'),
          '{0001.00=25.000000,0002.00=62.500000,0003.00=62.500000,0004.00=0.000000,0006.00=100.000000}',
          'delete: 0, 1, 3, 3, 5 -> 0, 25, 62.5, 62.5, 100, and the deleted value''s rank is gone');

-- one statement, two sources: pres gets 15 (10, 15, 20 -> 0, 50, 100),
-- pexp gets 2 (0, 1, 2, 3, 3, 5 -> 0, 20, 40, 60, 60, 100).
INSERT INTO airesilience.source_value VALUES ('92-0003.00', 'pres', 15), ('92-0005.00', 'pexp', 2);
SELECT is(pg_temp.ranks('pres'), '{0001.00=0.000000,0002.00=100.000000,0003.00=50.000000}',
          'a statement on two sources re-ranks both: pres 10, 15, 20 -> 0, 50, 100');
SELECT is(pg_temp.ranks('pexp'),
          '{0001.00=20.000000,0002.00=70.000000,0003.00=70.000000,0004.00=0.000000,0005.00=40.000000,0006.00=100.000000}',
          '... and pexp 0, 1, 2, 3, 3, 5 -> 0, 20, 40, 70, 70, 100');

UPDATE airesilience.source SET source = 'pexp2' WHERE source = 'pexp';
SELECT is(pg_temp.ranks('pexp2'),
          '{0001.00=20.000000,0002.00=70.000000,0003.00=70.000000,0004.00=0.000000,0005.00=40.000000,0006.00=100.000000}',
          'renaming a source carries its percentiles');
SELECT is(pg_temp.ranks('pexp'), NULL, '... and leaves none under the old name');

-- deleting occupation 6 (value 5) cascades: 0, 1, 2, 3, 3 -> 0, 25, 50, 75, 75.
DELETE FROM airesilience.occupation WHERE onet_code = '92-0006.00';
SELECT is(pg_temp.ranks('pexp2'),
          '{0001.00=25.000000,0002.00=87.500000,0003.00=87.500000,0004.00=0.000000,0005.00=50.000000}',
          'deleting an occupation re-ranks the others: 0, 1, 2, 3, 3 -> 0, 25, 50, 87.5, 87.5');

DELETE FROM airesilience.source WHERE source = 'pone';
SELECT is(pg_temp.ranks('pone'), NULL, 'deleting a source removes its percentiles');

-- The refresh function rebuilds what the triggers keep (after a load with
-- triggers disabled).
CREATE TEMP TABLE kept AS SELECT * FROM airesilience.source_percentile;
DELETE FROM airesilience.source_percentile;
SELECT airesilience.source_percentile_refresh();
SELECT is((SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM airesilience.source_percentile) d)
          + (SELECT count(*) FROM (SELECT * FROM airesilience.source_percentile EXCEPT SELECT * FROM kept) d),
          0::bigint, 'source_percentile_refresh() rebuilds exactly what the triggers kept');
SELECT airesilience.source_percentile_refresh('{pres}');
SELECT is((SELECT count(*) FROM airesilience.source_percentile), (SELECT count(*) FROM kept),
          'refreshing one source leaves the others');

TRUNCATE airesilience.source_value;
SELECT is((SELECT count(*) FROM airesilience.source_percentile), 0::bigint, 'truncate: no values, no percentiles');

------------------------------------------------------------------------------
-- The BLS panel
------------------------------------------------------------------------------

-- soc   growth  openings  wage  projected  wage bill
-- 0001    1.0      10      100      10       1000
-- 0002    2.0      20       50      20       1000
-- 0003    2.0      30        -      30          -
-- 0004   -3.0      40       10    1000      10000
-- 0005      -      50        1       -          -
-- 0006   10.0       -       20     100       2000
-- growth  -3, 1, 2, 2, 10 (n - 1 = 4)  -> 0004 0, 0001 25, 0002/0003 50, 0006 100
-- openings 10 .. 50                     -> 0, 25, 50, 75, 100
-- wage bill 1000, 1000, 10000, 2000 (3) -> 0001/0002 0, 0006 66.67, 0004 100
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES ('92-0006.00', 'Occupation 6', 'testing');
INSERT INTO airesilience.labor_stats (soc_code, growth_pct, annual_openings, median_wage, employment_projected, entry_education) VALUES
    ('92-0001', 1.0, 10, 100, 10, 'x'),
    ('92-0002', 2.0, 20, 50, 20, 'x'),
    ('92-0003', 2.0, 30, NULL, 30, 'x'),
    ('92-0004', -3.0, 40, 10, 1000, 'x'),
    ('92-0005', NULL, 50, 1, NULL, 'x'),
    ('92-0006', 10.0, NULL, 20, 100, 'x'),
    ('92-0007', NULL, NULL, 30, NULL, 'x');
SELECT is(pg_temp.labor_ranks(),
          '{0001=25.000000/0.000000/0.000000,0002=50.000000/25.000000/0.000000,0003=50.000000/50.000000/-,0004=0.000000/75.000000/100.000000,0005=-/100.000000/-,0006=100.000000/-/66.666667}',
          'growth, openings and wage-bill percentiles, each among the SOC codes with the figure');
SELECT is((SELECT count(*) FROM airesilience.labor_percentile WHERE soc_code = '92-0007'), 0::bigint,
          'a SOC code without a ranked figure has no row');
SELECT is((SELECT row(growth_percentile, openings_percentile, wage_bill_percentile)::text
             FROM airesilience.occupation_report WHERE onet_code = '92-0004.00'),
          '(0,75,100)', 'occupation_report shows the three percentiles');
SELECT is((SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
            WHERE attrelid = 'airesilience.occupation_report'::regclass AND attnum BETWEEN 1 AND 22),
          '{soc_code,onet_code,title,category,task_resilience,weight_basis,task_count,source_median,source_count,dispersion,confidence,label,median_wage,employment,employment_projected,annual_openings,growth_pct,entry_education,work_experience,growth_percentile,openings_percentile,wage_bill_percentile}',
          'occupation_report keeps its columns in place and appends the percentiles');

CREATE TEMP TABLE labor_rows AS SELECT soc_code, ctid::text AS old_ctid FROM airesilience.labor_percentile;
UPDATE airesilience.labor_stats SET entry_education = 'y', work_experience = 'z';
SELECT is((SELECT count(*) FROM airesilience.labor_percentile p JOIN labor_rows r USING (soc_code)
            WHERE p.ctid::text = r.old_ctid), 6::bigint,
          'an update of education or experience does not re-rank');

-- growth of 0006 -> -10: -10, -3, 1, 2, 2 -> 0006 0, 0004 25, 0001 50, 0002/0003 75.
UPDATE airesilience.labor_stats SET growth_pct = -10 WHERE soc_code = '92-0006';
SELECT is(pg_temp.labor_ranks(),
          '{0001=50.000000/0.000000/0.000000,0002=75.000000/25.000000/0.000000,0003=75.000000/50.000000/-,0004=25.000000/75.000000/100.000000,0005=-/100.000000/-,0006=0.000000/-/66.666667}',
          'update of growth: re-ranked');

-- wage of 0004 -> NULL: wage bills 1000, 1000, 2000 -> 0, 0, 100.
UPDATE airesilience.labor_stats SET median_wage = NULL WHERE soc_code = '92-0004';
SELECT is((SELECT wage_bill_percentile FROM airesilience.labor_percentile WHERE soc_code = '92-0006'), 100::float8,
          'update of a wage: the wage bill is re-ranked (1000, 1000, 2000 -> 0, 0, 100)');

-- delete 0001: growth -10, -3, 2, 2 -> 0, 33.3, 66.7, 66.7; openings 20 .. 50 -> 0, 33.3, 66.7, 100.
DELETE FROM airesilience.labor_stats WHERE soc_code = '92-0001';
SELECT is(pg_temp.labor_ranks(),
          '{0002=66.666667/0.000000/0.000000,0003=66.666667/33.333333/-,0004=33.333333/66.666667/-,0005=-/100.000000/-,0006=0.000000/-/100.000000}',
          'delete: the panel is re-ranked without the removed code');

CREATE TEMP TABLE labor_kept AS SELECT * FROM airesilience.labor_percentile;
DELETE FROM airesilience.labor_percentile;
SELECT airesilience.labor_percentile_refresh();
SELECT is((SELECT count(*) FROM (SELECT * FROM labor_kept EXCEPT SELECT * FROM airesilience.labor_percentile) d)
          + (SELECT count(*) FROM (SELECT * FROM airesilience.labor_percentile EXCEPT SELECT * FROM labor_kept) d),
          0::bigint, 'labor_percentile_refresh() rebuilds exactly what the triggers kept');

TRUNCATE airesilience.labor_stats;
SELECT is((SELECT count(*) FROM airesilience.labor_percentile), 0::bigint, 'truncate: no statistics, no percentiles');

------------------------------------------------------------------------------
-- Reading one occupation reads only its rows
------------------------------------------------------------------------------

INSERT INTO airesilience.source_value VALUES ('92-0001.00', 'pres', 10), ('92-0002.00', 'pres', 20);
\ir include/plan_scans.sql
CREATE FUNCTION pg_temp.scans(query text) RETURNS SETOF text
LANGUAGE sql AS $$
    SELECT s.relation || ': ' || concat(s.filter, s.index_cond, s.recheck_cond)
      FROM pg_temp.plan_scans(query) s
     WHERE s.relation = 'source_percentile'
$$;
SELECT ok((SELECT bool_and(s LIKE '%92-0001.00%') AND count(*) > 0
             FROM pg_temp.scans($$SELECT * FROM airesilience.source_report WHERE onet_code = '92-0001.00'$$) s),
          'source_report for one occupation reads only its percentiles');

SELECT * FROM finish();
ROLLBACK;
