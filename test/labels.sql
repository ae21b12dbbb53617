-- Labels: scheme validation, band_label(), the label_scheme table and its
-- built-in schemes, score_label() and the airesilience.label_scheme setting.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(91);

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT is(
    (SELECT array_agg(p.oid::regprocedure::text ORDER BY 1)
       FROM pg_proc p
      WHERE p.pronamespace = 'airesilience'::regnamespace
        AND p.proname IN ('label_scheme_check', 'band_label')
        AND NOT (p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's')),
    NULL,
    'the C functions are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is(
    (SELECT (provolatile, proisstrict, proparallel, proconfig)::text
       FROM pg_proc WHERE oid = 'airesilience.score_label(float8, text)'::regprocedure),
    '(s,f,s,)',
    'score_label is STABLE PARALLEL SAFE, not STRICT (a NULL scheme means the setting); its one query is schema-qualified, so no SET clause slows each call');
SELECT is(
    (SELECT array_agg(x ORDER BY x) FROM unnest(ARRAY[
        'airesilience.label_scheme_check(float8[], text[])'::regprocedure::oid,
        'airesilience.band_label(float8, float8[], text[], boolean)'::regprocedure,
        'airesilience.score_label(float8, text)'::regprocedure]) x
      WHERE obj_description(x, 'pg_proc') IS NULL),
    NULL,
    'every label function has a comment');
SELECT ok(obj_description('airesilience.label_scheme'::regclass, 'pg_class') IS NOT NULL,
          'the label_scheme table has a comment');

------------------------------------------------------------------------------
-- label_scheme_check
------------------------------------------------------------------------------

SELECT ok(airesilience.label_scheme_check('{80,65,50,35,22}', '{a,b,c,d,e,f}'), 'five descending cuts and six labels pass');
SELECT ok(airesilience.label_scheme_check('{0.5}', '{Pass,Fail}'), 'one cut and two labels pass');
SELECT ok(airesilience.label_scheme_check('{}', '{Everyone}'), 'no cuts and one label pass: a single band');
SELECT ok(airesilience.label_scheme_check('{-10,-20}', '{a,a,a}'), 'negative cuts and repeated labels pass');
SELECT is(airesilience.label_scheme_check(NULL, '{a}'), NULL, 'STRICT: a NULL array gives NULL');

SELECT throws_ok($$SELECT airesilience.label_scheme_check('{35,50}', '{a,b,c}')$$,
                 '22023', 'cuts must be strictly decreasing', 'rising cuts are rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{50,50}', '{a,b,c}')$$,
                 '22023', 'cuts must be strictly decreasing', 'equal cuts are rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{50,NaN}', '{a,b,c}')$$,
                 '22023', 'cuts must be finite', 'a NaN cut is rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{Infinity,50}', '{a,b,c}')$$,
                 '22023', 'cuts must be finite', 'an infinite cut is rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{50,NULL}', '{a,b,c}')$$,
                 '22004', 'cuts must not contain nulls', 'a NULL cut is rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{50,20}', '{a,NULL,c}')$$,
                 '22004', 'labels must not contain nulls', 'a NULL label is rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{50,20}', '{a,b}')$$,
                 '22023', 'mismatched cuts and labels', 'too few labels are rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{50,20}', '{a,b,c,d}')$$,
                 '22023', 'mismatched cuts and labels', 'too many labels are rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{}', '{}')$$,
                 '22023', 'mismatched cuts and labels', 'a scheme without labels is rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{50,20}', '{a,"",c}')$$,
                 '22023', 'labels must not be empty', 'an empty label is rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{{50,20}}', '{a,b,c}')$$,
                 '22023', 'cuts must be a one-dimensional array', 'two-dimensional cuts are rejected');
SELECT throws_ok($$SELECT airesilience.label_scheme_check('{50}', '{{a},{b}}')$$,
                 '22023', 'labels must be a one-dimensional array', 'two-dimensional labels are rejected');

\ir include/error_detail.sql
SELECT is(pg_temp.error_detail($$SELECT airesilience.label_scheme_check('{80,65,65}', '{a,b,c,d}')$$),
          'cuts[3] = 65 is not below cuts[2] = 65.', 'the detail names the two cuts out of order');
SELECT is(pg_temp.error_detail($$SELECT airesilience.label_scheme_check('{50,20}', '{a,b}')$$),
          '2 cuts make 3 bands, but 2 labels were given.', 'the detail of a count mismatch gives both counts');
SELECT is(pg_temp.error_detail($$SELECT airesilience.label_scheme_check('{50,20}', '[0:2]={a,b,""}')$$),
          'labels[2] is the empty string.', 'the detail names the empty label by its subscript');

------------------------------------------------------------------------------
-- band_label
------------------------------------------------------------------------------

-- Cuts {50,20}, labels {High,Mid,Low}.  Strict: High when > 50, Mid when > 20,
-- else Low.  Inclusive: High when >= 50, Mid when >= 20, else Low.
SELECT is(ARRAY(SELECT airesilience.band_label(x, '{50,20}', '{High,Mid,Low}')
                  FROM unnest('{100,50.5,50,20.5,20,0,-5}'::float8[]) WITH ORDINALITY u(x, n) ORDER BY n),
          '{High,High,Mid,Mid,Low,Low,Low}'::text[],
          'strict: a score on a cut falls in the band below it');
SELECT is(ARRAY(SELECT airesilience.band_label(x, '{50,20}', '{High,Mid,Low}', true)
                  FROM unnest('{100,50.5,50,20.5,20,19.5,-5}'::float8[]) WITH ORDINALITY u(x, n) ORDER BY n),
          '{High,High,High,Mid,Mid,Low,Low}'::text[],
          'inclusive: a score on a cut reaches the band above it');
SELECT is(airesilience.band_label(50, '{50,20}', '{High,Mid,Low}', false), 'Mid', 'inclusive = false is the default');
SELECT is(airesilience.band_label('Infinity', '{50,20}', '{High,Mid,Low}'), 'High', '+Infinity lies above every cut');
SELECT is(airesilience.band_label('-Infinity', '{50,20}', '{High,Mid,Low}', true), 'Low', '-Infinity lies below every cut');
SELECT is(airesilience.band_label(42, '{}', '{Everyone}'), 'Everyone', 'with no cuts every score gets the one label');
SELECT is(airesilience.band_label(60, '[0:1]={50,20}', '[5:7]={High,Mid,Low}'), 'High', 'lower bounds do not matter');
SELECT is(airesilience.band_label(30, '{50,20}', '{Élevé,Moyen,Bas}'), 'Moyen', 'labels are returned as stored, also non-ASCII');
-- Labels of very different lengths: the walk over the labels must step over
-- each one by its own length and alignment to find the next.
SELECT is(ARRAY[airesilience.band_label(60, '{50,20}', ARRAY[repeat('x', 300), 'Mid', 'Low']) = repeat('x', 300),
                airesilience.band_label(30, '{50,20}', ARRAY[repeat('x', 300), 'Mid', 'Low']) = 'Mid',
                airesilience.band_label(10, '{50,20}', ARRAY['High', repeat('y', 200), 'Low']) = 'Low'],
          '{t,t,t}'::boolean[], 'long labels are read and stepped over correctly');
SELECT is(airesilience.band_label(NULL, '{50}', '{a,b}'), NULL, 'STRICT: a NULL score gives NULL');
SELECT is(airesilience.band_label(60, '{50}', '{a,b}', NULL), NULL, 'STRICT: a NULL inclusive gives NULL');

SELECT throws_ok($$SELECT airesilience.band_label('NaN', '{50,20}', '{High,Mid,Low}')$$,
                 '22023', 'cannot label a NaN score', 'a NaN score is rejected');
SELECT throws_ok($$SELECT airesilience.band_label(60, '{20,50}', '{High,Mid,Low}')$$,
                 '22023', 'cuts must be strictly decreasing', 'the scheme is validated like label_scheme_check: cut order');
SELECT throws_ok($$SELECT airesilience.band_label(60, '{50,20}', '{High,Mid}')$$,
                 '22023', 'mismatched cuts and labels', '... the label count');
SELECT throws_ok($$SELECT airesilience.band_label(60, '{50,20}', '{High,Mid,NULL}')$$,
                 '22004', 'labels must not contain nulls', '... NULL labels, also ones the score does not reach');
SELECT throws_ok($$SELECT airesilience.band_label(60, '{50,20}', '{High,Mid,""}')$$,
                 '22023', 'labels must not be empty', '... empty labels');
SELECT throws_ok($$SELECT airesilience.band_label(60, '{50,NaN}', '{High,Mid,Low}')$$,
                 '22023', 'cuts must be finite', '... non-finite cuts');

------------------------------------------------------------------------------
-- label_scheme: the built-in schemes
------------------------------------------------------------------------------

SELECT results_eq(
    $$SELECT scheme, cuts, labels, inclusive, builtin, description IS NOT NULL
        FROM airesilience.label_scheme ORDER BY scheme$$,
    $$VALUES ('change3'::text, '{65,35}'::float8[], '{Stable,Evolving,Changing Fast}'::text[], false, true, true),
             ('resilience6', '{80,65,50,35,22}',
              '{Highly Resilient,Resilient,Mostly Resilient,Somewhat Resilient,Not Very Resilient,Vulnerable}', false, true, true),
             ('task_bucket', '{62.5,37.5,12.5}',
              '{Human-led,Mixed,Strong automation pressure,Highly automatable}', false, true, true),
             ('tiers5', '{70,55,40,30}', '{Very high,High,Elevated,Moderate,Low}', true, true, true)$$,
    'the four built-in schemes with their cuts, labels and strictness');
SELECT ok((SELECT description ~ 'exposure' FROM airesilience.label_scheme WHERE scheme = 'tiers5'),
          'the tiers5 description says it is meant for an exposure-style index');
SELECT throws_ok($$UPDATE airesilience.label_scheme SET inclusive = true WHERE scheme = 'resilience6'$$,
                 '23001', 'cannot update built-in row of airesilience.label_scheme', 'built-in schemes are read-only');
SELECT throws_ok($$DELETE FROM airesilience.label_scheme WHERE scheme = 'change3'$$,
                 '23001', 'cannot delete built-in row of airesilience.label_scheme', 'built-in schemes cannot be deleted');
\ir include/dump_condition.sql
SELECT is(pg_temp.dump_condition('airesilience.label_scheme'),
          'WHERE NOT builtin', 'pg_dump dumps only the schemes users add');

------------------------------------------------------------------------------
-- score_label under each built-in scheme, at and around every cut
------------------------------------------------------------------------------

-- resilience6, strict: > 80 Highly Resilient, > 65 Resilient, > 50 Mostly,
-- > 35 Somewhat, > 22 Not Very, else Vulnerable.
SELECT is(airesilience.score_label(80, 'resilience6'), 'Resilient', 'resilience6: 80 is not above 80, so Resilient');
SELECT is(airesilience.score_label(80.0001, 'resilience6'), 'Highly Resilient', 'resilience6: 80.0001 is Highly Resilient');
SELECT is(ARRAY(SELECT airesilience.score_label(x, 'resilience6')
                  FROM unnest('{100,80.0001,80,65.0001,65,50.0001,50,35.0001,35,22.0001,22,21.9999,0}'::float8[])
                       WITH ORDINALITY u(x, n) ORDER BY n),
          ARRAY['Highly Resilient', 'Highly Resilient', 'Resilient',          -- 100, 80.0001, 80
                'Resilient', 'Mostly Resilient',                              -- 65.0001, 65
                'Mostly Resilient', 'Somewhat Resilient',                     -- 50.0001, 50
                'Somewhat Resilient', 'Not Very Resilient',                   -- 35.0001, 35
                'Not Very Resilient', 'Vulnerable', 'Vulnerable',             -- 22.0001, 22, 21.9999
                'Vulnerable'],                                                -- 0
          'resilience6 at and around every cut');

-- change3, strict: > 65 Stable, > 35 Evolving, else Changing Fast.
SELECT is(ARRAY(SELECT airesilience.score_label(x, 'change3')
                  FROM unnest('{100,65.0001,65,35.0001,35,0}'::float8[]) WITH ORDINALITY u(x, n) ORDER BY n),
          '{Stable,Stable,Evolving,Evolving,Changing Fast,Changing Fast}'::text[],
          'change3 at and around every cut');
-- change3 is resilience6 coarsened: Stable = Resilient or better, Changing
-- Fast = below Somewhat Resilient, Evolving between.  Checked every 0.25.
SELECT is(
    (SELECT count(*)
       FROM generate_series(0, 400) i, LATERAL (SELECT i / 4.0::float8 AS x) s
      WHERE airesilience.score_label(x, 'change3')
            IS DISTINCT FROM CASE WHEN airesilience.score_label(x, 'resilience6') IN ('Highly Resilient', 'Resilient') THEN 'Stable'
                                  WHEN airesilience.score_label(x, 'resilience6') IN ('Not Very Resilient', 'Vulnerable') THEN 'Changing Fast'
                                  ELSE 'Evolving' END),
    0::bigint,
    'change3 agrees with resilience6 grouped into three, for every score 0, 0.25, ..., 100');

-- tiers5, inclusive: >= 70 Very high, >= 55 High, >= 40 Elevated, >= 30 Moderate, else Low.
SELECT is(airesilience.score_label(70, 'tiers5'), 'Very high', 'tiers5 is inclusive: 70 is Very high');
SELECT is(ARRAY(SELECT airesilience.score_label(x, 'tiers5')
                  FROM unnest('{100,70,69.9999,55,54.9999,40,39.9999,30,29.9999,0}'::float8[]) WITH ORDINALITY u(x, n) ORDER BY n),
          '{Very high,Very high,High,High,Elevated,Elevated,Moderate,Moderate,Low,Low}'::text[],
          'tiers5 at and around every cut');

-- task_bucket, strict: > 62.5 Human-led, > 37.5 Mixed, > 12.5 Strong
-- automation pressure, else Highly automatable.
SELECT is(ARRAY(SELECT airesilience.score_label(x, 'task_bucket')
                  FROM unnest('{100,62.5001,62.5,37.5001,37.5,12.5001,12.5,0}'::float8[]) WITH ORDINALITY u(x, n) ORDER BY n),
          ARRAY['Human-led', 'Human-led', 'Mixed',                            -- 100, 62.5001, 62.5
                'Mixed', 'Strong automation pressure',                        -- 37.5001, 37.5
                'Strong automation pressure', 'Highly automatable',           -- 12.5001, 12.5
                'Highly automatable'],                                        -- 0
          'task_bucket at and around every cut');
-- Two E0/E2/E1 raters (0/50/100) give a task an exposure of 0, 25, 50, 75
-- or 100; each bucket is reached: resilience 100 and 75 Human-led, 50
-- Mixed, 25 Strong automation pressure, 0 Highly automatable.
SELECT is(ARRAY(SELECT DISTINCT airesilience.score_label(100 - (a + b) / 2.0, 'task_bucket')
                  FROM unnest('{0,50,100}'::float8[]) a, unnest('{0,50,100}'::float8[]) b ORDER BY 1),
          ARRAY['Highly automatable', 'Human-led', 'Mixed', 'Strong automation pressure'],
          'every task bucket is reachable by two raters on the E0/E2/E1 scale');
-- Every label of a built-in scheme has its one-sentence meaning.
SELECT is((SELECT count(*) FROM airesilience.label_band b JOIN airesilience.label_scheme l USING (scheme)
            WHERE l.builtin AND (b.meaning IS NULL OR b.meaning !~ '^\S.*\.$')),
          0::bigint, 'every label of a built-in scheme has a meaning, one sentence');
SELECT is(airesilience.label_meaning('Vulnerable', 'resilience6'),
          '22 or less: most of the tasks are within reach of current AI, so the job is likely to change fast or shrink.',
          'label_meaning of Vulnerable under resilience6');
SELECT throws_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels, meanings) VALUES ('two', '{50}', '{a,b}', '{only one}')$$,
                 '23514', NULL, 'a scheme''s meanings, when given, are one per label');
-- A task with exposure 70 has resilience 30: Strong automation pressure.
SELECT is(airesilience.score_label(100 - 70, 'task_bucket'), 'Strong automation pressure', 'task_bucket applies to task resilience, 100 - exposure');

------------------------------------------------------------------------------
-- score_label: NULLs, unknown schemes, the setting
------------------------------------------------------------------------------

SELECT is(airesilience.score_label(NULL, 'resilience6'), NULL, 'a NULL score has no label');
SELECT is(airesilience.score_label(NULL), NULL, '... also under the default scheme');
SELECT throws_ok($$SELECT airesilience.score_label(50, 'nope')$$,
                 '22023', 'label scheme "nope" does not exist', 'an unknown scheme is an error');
SELECT throws_ok($$SELECT airesilience.score_label(NULL, 'nope')$$,
                 '22023', 'label scheme "nope" does not exist', '... also for a NULL score');
SELECT throws_ok($$SELECT airesilience.score_label(50, '')$$,
                 '22023', 'label scheme "" does not exist', 'an explicit empty scheme name is an error');
SELECT throws_ok($$SELECT airesilience.score_label('NaN', 'resilience6')$$,
                 '22023', 'cannot label a NaN score', 'a NaN score is an error');

-- The setting: defined by the module with default resilience6 (band_label
-- above has loaded the module).
SELECT is(current_setting('airesilience.label_scheme'), 'resilience6', 'the setting defaults to resilience6');
SELECT is(airesilience.score_label(50), 'Somewhat Resilient', 'without a scheme: resilience6, 50 is Somewhat Resilient');
SET LOCAL airesilience.label_scheme = 'change3';
SELECT is(airesilience.score_label(50), 'Evolving', 'SET LOCAL airesilience.label_scheme = change3: 50 is Evolving');
SELECT is(airesilience.score_label(50, 'resilience6'), 'Somewhat Resilient', 'an explicit scheme overrides the setting');
SET LOCAL airesilience.label_scheme = '';
SELECT is(airesilience.score_label(50), 'Somewhat Resilient', 'an empty setting falls back to resilience6');
SET LOCAL airesilience.label_scheme = 'nope';
SELECT throws_ok($$SELECT airesilience.score_label(50)$$,
                 '22023', 'label scheme "nope" does not exist', 'a setting naming an unknown scheme is an error');
RESET airesilience.label_scheme;
SELECT is(airesilience.score_label(50), 'Somewhat Resilient', 'RESET brings back resilience6');
-- One call site keeps one scheme row: a scheme that changes from row to row
-- must be looked up again each time it changes.
SELECT is(ARRAY(SELECT airesilience.score_label(50, v.scheme)
                  FROM (VALUES (1, 'resilience6'), (2, 'change3'), (3, 'change3'), (4, 'tiers5'), (5, 'resilience6')) v(i, scheme)
                 ORDER BY v.i),
          '{Somewhat Resilient,Evolving,Evolving,Elevated,Somewhat Resilient}',
          'a scheme that varies from row to row labels each row by its own scheme');

------------------------------------------------------------------------------
-- label_scheme: schemes of one's own
------------------------------------------------------------------------------

SELECT lives_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels, inclusive)
                  VALUES ('pass_fail', '{50}', '{Pass,Fail}', true)$$,
                'a scheme of one''s own can be added');
SELECT is(ARRAY[airesilience.score_label(50, 'pass_fail'), airesilience.score_label(49.9, 'pass_fail')],
          '{Pass,Fail}'::text[], '... and used: 50 passes (inclusive), 49.9 fails');
SELECT is((SELECT (inclusive, builtin)::text FROM airesilience.label_scheme WHERE scheme = 'pass_fail'), '(t,f)',
          '... it is not built in');
SELECT lives_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('two', '{50}', '{Up,Down}')$$,
                'inclusive may be left out');
SELECT is(airesilience.score_label(50, 'two'), 'Down', '... and defaults to strict');
SET LOCAL airesilience.label_scheme = 'pass_fail';
SELECT is(airesilience.score_label(50), 'Pass', 'the setting can name a scheme of one''s own');
RESET airesilience.label_scheme;
SELECT lives_ok($$UPDATE airesilience.label_scheme SET cuts = '{60}' WHERE scheme = 'pass_fail'$$,
                'it can be changed');
SELECT is(airesilience.score_label(55, 'pass_fail'), 'Fail', '... and the change shows at once');
SELECT throws_ok($$UPDATE airesilience.label_scheme SET labels = '{Pass}' WHERE scheme = 'pass_fail'$$,
                 '22023', 'mismatched cuts and labels', 'an update that breaks a scheme is rejected');
SELECT lives_ok($$DELETE FROM airesilience.label_scheme WHERE scheme IN ('pass_fail', 'two')$$,
                '... and deleted');

SELECT throws_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('bad', '{35,50}', '{a,b,c}')$$,
                 '22023', 'cuts must be strictly decreasing', 'a scheme with unsorted cuts is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('bad', '{50,NaN}', '{a,b,c}')$$,
                 '22023', 'cuts must be finite', 'a scheme with a NaN cut is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('bad', '{50,NULL}', '{a,b,c}')$$,
                 '22004', 'cuts must not contain nulls', 'a scheme with a NULL cut is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('bad', '{50,20}', '{a,NULL,c}')$$,
                 '22004', 'labels must not contain nulls', 'a scheme with a NULL label is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('bad', '{50,20}', '{a,b}')$$,
                 '22023', 'mismatched cuts and labels', 'a scheme with too few labels is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('bad', '{50,20}', '{a,"",c}')$$,
                 '22023', 'labels must not be empty', 'a scheme with an empty label is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('Pass Fail', '{50}', '{a,b}')$$,
                 '23514', NULL, 'scheme names are lower-case identifiers');
SELECT throws_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('change3', '{50}', '{a,b}')$$,
                 '23505', NULL, 'scheme names are unique');

SELECT * FROM finish();
ROLLBACK;
