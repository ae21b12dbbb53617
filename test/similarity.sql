-- Related occupations by skill overlap: skill_similarity (cosine), the
-- skill_vector table and its triggers, similar_occupations and
-- related_report.
--
-- The suite works on a skill set of its own: it empties occupation_skill
-- inside its transaction (rolled back at the end), because a vector exists
-- only for occupations rated on every skill id present in the table.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(90);

\ir include/error_detail.sql

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT is(
    (SELECT (provolatile, proisstrict, proparallel)::text
       FROM pg_proc WHERE oid = 'airesilience.skill_similarity(float8[], float8[])'::regprocedure),
    '(i,t,s)',
    'skill_similarity is IMMUTABLE STRICT PARALLEL SAFE');
SELECT is(
    (SELECT (provolatile, proisstrict, proparallel)::text
       FROM pg_proc WHERE oid = 'airesilience.similar_occupations(text, integer, boolean)'::regprocedure),
    '(s,t,s)',
    'similar_occupations is STABLE STRICT PARALLEL SAFE');
SELECT is(
    (SELECT array_agg(x::regprocedure::text ORDER BY x) FROM unnest(ARRAY[
        'airesilience.skill_similarity(float8[], float8[])'::regprocedure::oid,
        'airesilience.skill_vector_refresh(text[])'::regprocedure,
        'airesilience.skill_vector_maintain()'::regprocedure,
        'airesilience.similar_occupations(text, integer, boolean)'::regprocedure]) x
      WHERE obj_description(x, 'pg_proc') IS NULL),
    NULL,
    'every similarity function has a comment');
SELECT ok(obj_description('airesilience.skill_vector'::regclass, 'pg_class') IS NOT NULL
          AND obj_description('airesilience.related_report'::regclass, 'pg_class') IS NOT NULL
          AND obj_description('airesilience.occupation_skill_skill_id_idx'::regclass, 'pg_class') IS NOT NULL,
          'the table, the view and the index have a comment');
SELECT is(
    (SELECT array_agg(t.tgname::text ORDER BY t.tgname)
       FROM pg_trigger t
      WHERE t.tgrelid = 'airesilience.occupation_skill'::regclass
        AND t.tgname LIKE 'skill_vector%'
        AND obj_description(t.oid, 'pg_trigger') IS NOT NULL),
    ARRAY['skill_vector_delete', 'skill_vector_insert', 'skill_vector_truncate', 'skill_vector_update'],
    'one commented trigger per event on occupation_skill');
SELECT ok(NOT EXISTS (SELECT FROM pg_extension e, unnest(e.extconfig) c
                       WHERE e.extname = 'airesilience' AND c = 'airesilience.skill_vector'::regclass),
          'skill_vector is derived data, left out of dumps (not a configuration table)');
SELECT columns_are('airesilience', 'related_report',
                   ARRAY['onet_code', 'scope', 'rank', 'related_code', 'title', 'similarity', 'basis'],
                   'related_report has the documented columns');
SELECT is(
    (SELECT array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)
       FROM pg_attribute a
      WHERE a.attrelid = 'airesilience.related_report'::regclass AND a.attnum > 0),
    ARRAY['text', 'text', 'bigint', 'text', 'text', 'double precision', 'text'],
    'related_report column types');

------------------------------------------------------------------------------
-- skill_similarity: hand-worked values
------------------------------------------------------------------------------

SELECT is(airesilience.skill_similarity('{1,0}', '{0,1}'), 0::float8, '{1,0} and {0,1} are orthogonal: 0');
SELECT is(airesilience.skill_similarity('{1,2,3}', '{2,4,6}'), 1::float8, '{1,2,3} and {2,4,6} point the same way: 1');
SELECT is(airesilience.skill_similarity('{3,4}', '{4,3}'), 0.96::float8, '{3,4} . {4,3} = 24, |a| = |b| = 5: 24/25 = 0.96');
-- {1,2,2} . {2,1,2} = 2 + 2 + 4 = 8; |a| = |b| = sqrt(1 + 4 + 4) = 3: 8/9.
SELECT is(airesilience.skill_similarity('{1,2,2}', '{2,1,2}'), 8::float8 / 9, '{1,2,2} and {2,1,2}: 8/9');
-- {2,-1,2} . {1,2,2} = 2 - 2 + 4 = 4; both norms 3: 4/9.
SELECT is(airesilience.skill_similarity('{2,-1,2}', '{1,2,2}'), 4::float8 / 9, 'with a negative element: 4/9');
SELECT is(airesilience.skill_similarity('{1,-1}', '{-1,1}'), -1::float8, 'opposite vectors: -1');
SELECT is(airesilience.skill_similarity('{1,2}', '{-2,1}'), 0::float8, 'perpendicular with mixed signs: 0');
-- {1,1} . {1,2} = 3; |a| = sqrt 2, |b| = sqrt 5: 3 / sqrt 10.
SELECT ok(abs(airesilience.skill_similarity('{1,1}', '{1,2}') - 3 / sqrt(10::float8)) < 1e-15,
          '{1,1} and {1,2}: 3/sqrt(10)');
SELECT is(airesilience.skill_similarity('[0:1]={3,4}', '[5:6]={4,3}'), 0.96::float8,
          'lower bounds do not matter, only the order of the elements');
SELECT is(airesilience.skill_similarity('{7}', '{0.5}'), 1::float8, 'one-element vectors of the same sign: 1');

------------------------------------------------------------------------------
-- skill_similarity: properties on random vectors
------------------------------------------------------------------------------

DO $$ BEGIN PERFORM setseed(0.25); END $$;
CREATE TEMP TABLE random_pair AS
SELECT i,
       (SELECT array_agg(round((1 + 4 * random())::numeric, 2)::float8) FROM generate_series(1, 35) WHERE i > 0) AS a,
       (SELECT array_agg(round((1 + 4 * random())::numeric, 2)::float8) FROM generate_series(1, 35) WHERE i > 0) AS b,
       (SELECT array_agg(random() * 2 - 1) FROM generate_series(1, 35) WHERE i > 0) AS c
  FROM generate_series(1, 200) i;

SELECT ok((SELECT bool_and(airesilience.skill_similarity(a, b) = airesilience.skill_similarity(b, a)
                       AND airesilience.skill_similarity(a, c) = airesilience.skill_similarity(c, a))
             FROM random_pair),
          'symmetric: sim(a, b) = sim(b, a) exactly');
SELECT ok((SELECT bool_and(airesilience.skill_similarity(a, a) = 1 AND airesilience.skill_similarity(c, c) = 1)
             FROM random_pair),
          'a vector with itself gives exactly 1');
SELECT ok((SELECT bool_and(airesilience.skill_similarity(a, b) BETWEEN -1 AND 1
                       AND airesilience.skill_similarity(a, c) BETWEEN -1 AND 1
                       AND airesilience.skill_similarity(c, ARRAY(SELECT -x FROM unnest(c) x)) = -1)
             FROM random_pair),
          'results stay within [-1, 1]; a vector and its negation give exactly -1');
SELECT ok((SELECT bool_and(airesilience.skill_similarity(ARRAY(SELECT 3 * x FROM unnest(a) x), a) <= 1
                       AND airesilience.skill_similarity(ARRAY(SELECT 3 * x FROM unnest(a) x), a) > 1 - 1e-15)
             FROM random_pair),
          'a vector and 3 times itself: 1 up to rounding, never above');
SELECT ok((SELECT bool_and(airesilience.skill_similarity(ARRAY(SELECT 1024 * x FROM unnest(a) x), b)
                           = airesilience.skill_similarity(a, b)
                       AND airesilience.skill_similarity(a, ARRAY(SELECT x / 65536 FROM unnest(c) x))
                           = airesilience.skill_similarity(a, c))
             FROM random_pair),
          'scale invariant: scaling by a power of two changes nothing, bit for bit');
SELECT ok((SELECT bool_and(abs(airesilience.skill_similarity(ARRAY(SELECT 1000 * x FROM unnest(a) x), b)
                               - airesilience.skill_similarity(a, b)) < 1e-15
                       AND abs(airesilience.skill_similarity(ARRAY(SELECT 1e-7 * x FROM unnest(c) x), b)
                               - airesilience.skill_similarity(c, b)) < 1e-15)
             FROM random_pair),
          'scale invariant: scaling by 1000 or 1e-7 changes the result by less than 1e-15');
SELECT ok((SELECT bool_and(abs(airesilience.skill_similarity(a, b)
                               - (SELECT sum(x * y) / sqrt(sum(x * x) * sum(y * y))
                                    FROM unnest(a, b) AS u (x, y))) < 1e-14)
             FROM random_pair),
          'agrees with the textbook formula computed in SQL');

------------------------------------------------------------------------------
-- skill_similarity: extreme magnitudes
------------------------------------------------------------------------------

SELECT is(airesilience.skill_similarity('{1e200,2e200}', '{2e200,4e200}'), 1::float8,
          'elements of 1e200 do not overflow (their squares would)');
SELECT is(airesilience.skill_similarity('{1e200,0}', '{0,1e200}'), 0::float8, 'orthogonal vectors of 1e200: 0');
SELECT ok(abs(airesilience.skill_similarity('{3e200,4e200}', '{4e200,3e200}') - 0.96) < 1e-15,
          '{3e200,4e200} and {4e200,3e200}: 0.96');
SELECT ok(abs(airesilience.skill_similarity('{1.7e308,-1.7e308}', '{1e-300,-1e-300}') - 1) < 1e-15,
          'vectors near the largest double and near the smallest: 1');
SELECT ok(abs(airesilience.skill_similarity('{3e-300,4e-300}', '{4e-300,3e-300}') - 0.96) < 1e-15,
          'elements of 1e-300 do not underflow (their squares would): 0.96');
SELECT ok(abs(airesilience.skill_similarity('{5e-324,0}', '{5e-324,5e-324}') - 1 / sqrt(2::float8)) < 1e-15,
          'subnormal elements: 1/sqrt(2)');
SELECT ok(airesilience.skill_similarity('{1e150,1}', '{1,1e150}') BETWEEN 1e-150 AND 3e-150,
          '{1e150,1} and {1,1e150}: 2e-150, not 0 and not overflowed');

------------------------------------------------------------------------------
-- skill_similarity: NULL results and errors
------------------------------------------------------------------------------

SELECT is(airesilience.skill_similarity('{0,0}', '{1,2}'), NULL, 'a zero vector has no direction: NULL');
SELECT is(airesilience.skill_similarity('{1,2}', '{0,-0}'), NULL, 'a zero vector second (also with -0): NULL');
SELECT is(airesilience.skill_similarity('{0,0}', '{0,0}'), NULL, 'two zero vectors: NULL');
SELECT is(airesilience.skill_similarity(NULL, '{1,2}'), NULL, 'STRICT: a NULL array gives NULL');

SELECT throws_ok($$SELECT airesilience.skill_similarity('{1,2}', '{1,2,3}')$$,
                 '22023', 'skill vectors must have the same length', 'arrays of different lengths are rejected');
SELECT is(pg_temp.error_detail($$SELECT airesilience.skill_similarity('{1,2}', '{1,2,3}')$$),
          'The first vector has 2 elements and the second has 3.',
          'the error gives both lengths');
SELECT throws_ok($$SELECT airesilience.skill_similarity('{}', '{1}')$$,
                 '22023', 'skill vectors must have the same length', 'an empty and a non-empty array differ in length');
SELECT throws_ok($$SELECT airesilience.skill_similarity('{}', '{}')$$,
                 '22023', 'skill vectors must not be empty', 'empty arrays are rejected');
SELECT throws_ok($$SELECT airesilience.skill_similarity('{{1,2},{3,4}}', '{1,2,3,4}')$$,
                 '22023', 'skill vector a must be a one-dimensional array', 'a two-dimensional first array is rejected');
SELECT throws_ok($$SELECT airesilience.skill_similarity('{1,2,3,4}', '{{1,2},{3,4}}')$$,
                 '22023', 'skill vector b must be a one-dimensional array', 'a two-dimensional second array is rejected');
SELECT throws_ok($$SELECT airesilience.skill_similarity('{1,NULL}', '{1,2}')$$,
                 '22004', 'skill vector a must not contain nulls', 'a NULL element in the first array is rejected');
SELECT throws_ok($$SELECT airesilience.skill_similarity('{1,2}', '{NULL,2}')$$,
                 '22004', 'skill vector b must not contain nulls', 'a NULL element in the second array is rejected');
SELECT throws_ok($$SELECT airesilience.skill_similarity('{1,NaN}', '{1,2}')$$,
                 '22023', 'skill vector a must contain only finite values', 'NaN is rejected');
SELECT is(pg_temp.error_detail($$SELECT airesilience.skill_similarity('{1,NaN}', '{1,2}')$$),
          'Element 2 of 2 is NaN.',
          'the error names the element');
SELECT throws_ok($$SELECT airesilience.skill_similarity('{1,2}', '{Infinity,2}')$$,
                 '22023', 'skill vector b must contain only finite values', 'Infinity is rejected');
SELECT throws_ok($$SELECT airesilience.skill_similarity('{-Infinity,2}', '{1,2}')$$,
                 '22023', 'skill vector a must contain only finite values', '-Infinity is rejected');
SELECT throws_ok($$SELECT airesilience.skill_similarity('{0,NaN}', '{1,2}')$$,
                 '22023', 'skill vector a must contain only finite values', 'NaN is rejected also beside zeros');

------------------------------------------------------------------------------
-- skill_vector maintenance
------------------------------------------------------------------------------

DELETE FROM airesilience.occupation_skill;
SELECT is((SELECT count(*) FROM airesilience.skill_vector), 0::bigint, 'no skills, no vectors');

INSERT INTO airesilience.category (category, title) VALUES
    ('simtest-a', 'Similarity test A'),
    ('simtest-b', 'Similarity test B');
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES
    ('99-0001.00', 'Sim one', 'simtest-a'),
    ('99-0002.00', 'Sim two', 'simtest-a'),
    ('99-0003.00', 'Sim three', 'simtest-a'),
    ('99-0004.00', 'Sim four', 'simtest-b'),
    ('99-0005.00', 'Sim five', 'simtest-b'),
    ('99-0006.00', 'Sim six', 'simtest-b'),
    ('99-0007.00', 'Sim seven', 'simtest-b');

-- Three occupations in one statement, rows in no particular order.
INSERT INTO airesilience.occupation_skill (onet_code, skill_id, skill_name, importance, level) VALUES
    ('99-0003.00', '2.B.1.a', 'Skill C', 1, 1),
    ('99-0001.00', '2.A.1.b', 'Skill B', 2, 1),
    ('99-0002.00', '2.A.1.a', 'Skill A', 2, 1),
    ('99-0001.00', '2.B.1.a', 'Skill C', 3, 1),
    ('99-0003.00', '2.A.1.a', 'Skill A', 5, 1),
    ('99-0002.00', '2.B.1.a', 'Skill C', 5, 1),
    ('99-0001.00', '2.A.1.a', 'Skill A', 1, 1),
    ('99-0003.00', '2.A.1.b', 'Skill B', 1, 1),
    ('99-0002.00', '2.A.1.b', 'Skill B', 4, 1);
SELECT results_eq(
    $$SELECT onet_code, importance FROM airesilience.skill_vector ORDER BY onet_code$$,
    $$VALUES ('99-0001.00', '{1,2,3}'::float8[]), ('99-0002.00', '{2,4,5}'), ('99-0003.00', '{5,1,1}')$$,
    'inserting skills builds one vector per occupation, importances in skill_id order');

INSERT INTO airesilience.occupation_skill (onet_code, skill_id, skill_name, importance, level) VALUES
    ('99-0004.00', '2.A.1.a', 'Skill A', 1, 1),
    ('99-0004.00', '2.A.1.b', 'Skill B', 2, 1);
SELECT is((SELECT count(*) FROM airesilience.skill_vector WHERE onet_code = '99-0004.00'), 0::bigint,
          'an occupation missing a skill gets no vector');
INSERT INTO airesilience.occupation_skill (onet_code, skill_id, skill_name, importance, level) VALUES
    ('99-0004.00', '2.B.1.a', 'Skill C', 3, 1);
SELECT is((SELECT importance FROM airesilience.skill_vector WHERE onet_code = '99-0004.00'), '{1,2,3}'::float8[],
          'its vector appears once the last skill is rated');

UPDATE airesilience.occupation_skill SET importance = 4.5 WHERE onet_code = '99-0003.00' AND skill_id = '2.A.1.b';
SELECT results_eq(
    $$SELECT onet_code, importance FROM airesilience.skill_vector ORDER BY onet_code$$,
    $$VALUES ('99-0001.00', '{1,2,3}'::float8[]), ('99-0002.00', '{2,4,5}'), ('99-0003.00', '{5,4.5,1}'), ('99-0004.00', '{1,2,3}')$$,
    'updating one importance changes that vector only');

UPDATE airesilience.occupation_skill SET importance = NULL WHERE onet_code = '99-0003.00' AND skill_id = '2.A.1.b';
SELECT is((SELECT count(*) FROM airesilience.skill_vector WHERE onet_code = '99-0003.00'), 0::bigint,
          'a NULL importance removes the vector');
UPDATE airesilience.occupation_skill SET importance = 1 WHERE onet_code = '99-0003.00' AND skill_id = '2.A.1.b';
SELECT is((SELECT importance FROM airesilience.skill_vector WHERE onet_code = '99-0003.00'), '{5,1,1}'::float8[],
          'rating it again brings the vector back');

INSERT INTO airesilience.occupation_skill (onet_code, skill_id, skill_name, importance, level)
VALUES ('99-0001.00', '2.C.1.a', 'Skill D', 4, 1);
SELECT results_eq(
    $$SELECT onet_code, importance FROM airesilience.skill_vector ORDER BY onet_code$$,
    $$VALUES ('99-0001.00', '{1,2,3,4}'::float8[])$$,
    'a new skill id lengthens the vectors: only the occupation rated on it keeps one');
DELETE FROM airesilience.occupation_skill WHERE skill_id = '2.C.1.a';
SELECT results_eq(
    $$SELECT onet_code, importance FROM airesilience.skill_vector ORDER BY onet_code$$,
    $$VALUES ('99-0001.00', '{1,2,3}'::float8[]), ('99-0002.00', '{2,4,5}'), ('99-0003.00', '{5,1,1}'), ('99-0004.00', '{1,2,3}')$$,
    'removing the last row of a skill id shortens them: every complete occupation has a vector again');

UPDATE airesilience.occupation_skill SET skill_id = '2.A.1.z' WHERE skill_id = '2.A.1.a';
SELECT results_eq(
    $$SELECT onet_code, importance FROM airesilience.skill_vector ORDER BY onet_code$$,
    $$VALUES ('99-0001.00', '{2,1,3}'::float8[]), ('99-0002.00', '{4,2,5}'), ('99-0003.00', '{1,5,1}'), ('99-0004.00', '{2,1,3}')$$,
    'renaming a skill id reorders every vector');
UPDATE airesilience.occupation_skill SET skill_id = '2.A.1.a' WHERE skill_id = '2.A.1.z';

INSERT INTO airesilience.occupation_skill (onet_code, skill_id, skill_name, importance, level) VALUES
    ('99-0003.00', '2.A.1.a', 'Skill A', 3, 1),
    ('99-0005.00', '2.A.1.a', 'Skill A', 3, 1),
    ('99-0005.00', '2.A.1.b', 'Skill B', 2, 1),
    ('99-0005.00', '2.B.1.a', 'Skill C', 1, 1)
    ON CONFLICT (onet_code, skill_id) DO UPDATE SET importance = excluded.importance;
SELECT results_eq(
    $$SELECT onet_code, importance FROM airesilience.skill_vector WHERE onet_code IN ('99-0003.00', '99-0005.00') ORDER BY onet_code$$,
    $$VALUES ('99-0003.00', '{3,1,1}'::float8[]), ('99-0005.00', '{3,2,1}')$$,
    'INSERT ... ON CONFLICT DO UPDATE maintains both the inserted and the updated occupations');
UPDATE airesilience.occupation_skill SET importance = 5 WHERE onet_code = '99-0003.00' AND skill_id = '2.A.1.a';

DELETE FROM airesilience.occupation_skill WHERE onet_code = '99-0004.00';
SELECT is((SELECT count(*) FROM airesilience.skill_vector WHERE onet_code = '99-0004.00'), 0::bigint,
          'deleting an occupation''s skills removes its vector');

UPDATE airesilience.occupation SET onet_code = '99-0008.00' WHERE onet_code = '99-0005.00';
SELECT results_eq(
    $$SELECT onet_code, importance FROM airesilience.skill_vector WHERE onet_code IN ('99-0005.00', '99-0008.00')$$,
    $$VALUES ('99-0008.00', '{3,2,1}'::float8[])$$,
    'the vector follows a renamed occupation code');
DELETE FROM airesilience.occupation WHERE onet_code = '99-0008.00';
SELECT is((SELECT count(*) FROM airesilience.skill_vector WHERE onet_code = '99-0008.00'), 0::bigint,
          'deleting the occupation removes its vector');

CREATE TEMP TABLE vectors_before AS SELECT * FROM airesilience.skill_vector;
DELETE FROM airesilience.skill_vector;
SELECT lives_ok($$SELECT airesilience.skill_vector_refresh()$$, 'skill_vector_refresh() runs');
SELECT results_eq(
    $$SELECT onet_code, importance FROM airesilience.skill_vector ORDER BY onet_code$$,
    $$SELECT onet_code, importance FROM vectors_before ORDER BY onet_code$$,
    'skill_vector_refresh() rebuilds what the triggers maintained');
SELECT lives_ok($$SELECT airesilience.skill_vector_refresh(ARRAY['99-0001.00', '99-0006.00', '00-0000.00'])$$,
                'skill_vector_refresh(codes) runs');
SELECT results_eq(
    $$SELECT onet_code, importance FROM airesilience.skill_vector ORDER BY onet_code$$,
    $$SELECT onet_code, importance FROM vectors_before ORDER BY onet_code$$,
    'refreshing some codes (with and without skills, or unknown) changes nothing else');

------------------------------------------------------------------------------
-- similar_occupations on a hand-made set
------------------------------------------------------------------------------

-- Skills in skill_id order; similarities to 99-0001.00 = {1,2,3} (|.| = sqrt 14):
--   99-0004.00 {1,2,3} same vector:                          1
--   99-0002.00 {2,4,5} (2+8+15)/(sqrt 14 sqrt 45) = 25/sqrt 630 = 0.99602
--   99-0006.00 {2,4,5} the same, tie broken by code:         0.99602
--   99-0005.00 {3,2,1} (3+4+3)/14                = 5/7      = 0.71429
--   99-0003.00 {5,1,1} (5+2+3)/(sqrt 14 sqrt 27) = 10/sqrt 378 = 0.51434
-- Category simtest-a holds 99-0001.00, 99-0002.00, 99-0003.00.
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES ('99-0005.00', 'Sim five', 'simtest-b');
INSERT INTO airesilience.occupation_skill (onet_code, skill_id, skill_name, importance, level) VALUES
    ('99-0004.00', '2.A.1.a', 'Skill A', 1, 1), ('99-0004.00', '2.A.1.b', 'Skill B', 2, 1), ('99-0004.00', '2.B.1.a', 'Skill C', 3, 1),
    ('99-0005.00', '2.A.1.a', 'Skill A', 3, 1), ('99-0005.00', '2.A.1.b', 'Skill B', 2, 1), ('99-0005.00', '2.B.1.a', 'Skill C', 1, 1),
    ('99-0006.00', '2.A.1.a', 'Skill A', 2, 1), ('99-0006.00', '2.A.1.b', 'Skill B', 4, 1), ('99-0006.00', '2.B.1.a', 'Skill C', 5, 1);
SELECT is((SELECT count(*) FROM airesilience.skill_vector), 6::bigint, 'six occupations with vectors, 99-0007.00 has none');

SELECT results_eq(
    $$SELECT related_code, title, category, rank FROM airesilience.similar_occupations('99-0001.00')$$,
    $$VALUES ('99-0004.00', 'Sim four', 'simtest-b', 1::bigint),
             ('99-0002.00', 'Sim two', 'simtest-a', 2),
             ('99-0006.00', 'Sim six', 'simtest-b', 3),
             ('99-0005.00', 'Sim five', 'simtest-b', 4),
             ('99-0003.00', 'Sim three', 'simtest-a', 5)$$,
    'most similar first, ties broken by code, the occupation itself left out');
SELECT is((SELECT similarity FROM airesilience.similar_occupations('99-0001.00') WHERE related_code = '99-0004.00'),
          1::float8, 'the same vector: similarity 1');
SELECT is((SELECT similarity FROM airesilience.similar_occupations('99-0001.00') WHERE related_code = '99-0005.00'),
          5::float8 / 7, '{1,2,3} and {3,2,1}: 5/7');
SELECT ok((SELECT abs(similarity - 25 / sqrt(630::float8)) < 1e-15
             FROM airesilience.similar_occupations('99-0001.00') WHERE related_code = '99-0002.00'),
          '{1,2,3} and {2,4,5}: 25/sqrt(630)');
SELECT ok((SELECT abs(similarity - 10 / sqrt(378::float8)) < 1e-15
             FROM airesilience.similar_occupations('99-0001.00') WHERE related_code = '99-0003.00'),
          '{1,2,3} and {5,1,1}: 10/sqrt(378)');
SELECT results_eq(
    $$SELECT related_code, rank FROM airesilience.similar_occupations('99-0001.00', 2)$$,
    $$VALUES ('99-0004.00', 1::bigint), ('99-0002.00', 2)$$,
    'n limits the list');
SELECT results_eq(
    $$SELECT related_code, rank FROM airesilience.similar_occupations('99-0001.00', 2, true)$$,
    $$VALUES ('99-0002.00', 1::bigint), ('99-0003.00', 2)$$,
    'same_category keeps the occupation''s own category only');
SELECT results_eq(
    $$SELECT related_code, rank FROM airesilience.similar_occupations('99-0004.00', same_category => true)$$,
    $$VALUES ('99-0006.00', 1::bigint), ('99-0005.00', 2)$$,
    'same_category for the other category');
SELECT is_empty($$SELECT * FROM airesilience.similar_occupations('00-0000.00')$$, 'unknown code: no rows');
SELECT is_empty($$SELECT * FROM airesilience.similar_occupations('99-0007.00')$$, 'occupation without a vector: no rows');
SELECT is_empty($$SELECT * FROM airesilience.similar_occupations('99-0001.00', NULL)$$, 'STRICT: NULL n gives no rows');
SELECT throws_ok($$SELECT * FROM airesilience.similar_occupations('99-0001.00', 0)$$,
                 '22023', 'n must be at least 1', 'n = 0 is rejected');
SELECT throws_ok($$SELECT * FROM airesilience.similar_occupations('00-0000.00', -3)$$,
                 '22023', 'n must be at least 1', 'a negative n is rejected, also for an unknown code');

------------------------------------------------------------------------------
-- related_report
------------------------------------------------------------------------------

SELECT results_eq(
    $$SELECT scope, rank, related_code, title FROM airesilience.related_report
       WHERE onet_code = '99-0001.00' ORDER BY scope DESC, rank$$,
    $$VALUES ('overall', 1::bigint, '99-0004.00', 'Sim four'),
             ('overall', 2, '99-0002.00', 'Sim two'),
             ('overall', 3, '99-0006.00', 'Sim six'),
             ('overall', 4, '99-0005.00', 'Sim five'),
             ('overall', 5, '99-0003.00', 'Sim three'),
             ('category', 1, '99-0002.00', 'Sim two'),
             ('category', 2, '99-0003.00', 'Sim three')$$,
    'related_report: the overall and the category lists of one occupation');
SELECT results_eq(
    $$SELECT onet_code, scope, count(*) FROM airesilience.related_report
       WHERE onet_code LIKE '99-%' GROUP BY 1, 2 ORDER BY 1, 2 DESC$$,
    $$VALUES ('99-0001.00', 'overall', 5::bigint), ('99-0001.00', 'category', 2::bigint),
             ('99-0002.00', 'overall', 5), ('99-0002.00', 'category', 2),
             ('99-0003.00', 'overall', 5), ('99-0003.00', 'category', 2),
             ('99-0004.00', 'overall', 5), ('99-0004.00', 'category', 2),
             ('99-0005.00', 'overall', 5), ('99-0005.00', 'category', 2),
             ('99-0006.00', 'overall', 5), ('99-0006.00', 'category', 2)$$,
    'related_report: both lists for every occupation with a vector, none for one without');
SELECT ok((SELECT bool_and(r.similarity = s.similarity AND r.rank = s.rank)
             FROM airesilience.related_report r
             JOIN LATERAL airesilience.similar_occupations(r.onet_code, 10, r.scope = 'category') s
               ON s.related_code = r.related_code),
          'related_report agrees with similar_occupations');

-- The lists are stored (related_list): reading them computes no list and
-- no similarity.  Counted by the function statistics of this transaction
-- (C functions are counted with track_functions = all).
SET LOCAL track_functions = 'all';
CREATE TEMP TABLE calls_before AS
SELECT (SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions
         WHERE funcid = 'airesilience.similar_occupations(text, integer, boolean)'::regprocedure) AS lists,
       (SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions
         WHERE funcid = 'airesilience.skill_similarity(float8[], float8[])'::regprocedure) AS similarities;
SELECT is((SELECT count(*) FROM airesilience.related_report WHERE onet_code = '99-0002.00'), 7::bigint,
          'related_report for one occupation: 7 rows');
SELECT is((SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions
            WHERE funcid = 'airesilience.similar_occupations(text, integer, boolean)'::regprocedure)
          - (SELECT lists FROM calls_before),
          0::numeric,
          'WHERE onet_code = ... reads the stored lists: no list is computed');
SELECT is((SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions
            WHERE funcid = 'airesilience.skill_similarity(float8[], float8[])'::regprocedure)
          - (SELECT similarities FROM calls_before),
          0::numeric,
          '... and no similarity');
SELECT is((SELECT array_agg(DISTINCT basis) FROM airesilience.related_report), '{skill_overlap}'::text[],
          'every list here is by skill overlap: each occupation listed has a vector');

------------------------------------------------------------------------------
-- TRUNCATE
------------------------------------------------------------------------------

TRUNCATE airesilience.occupation_skill;
SELECT is((SELECT count(*) FROM airesilience.skill_vector), 0::bigint, 'TRUNCATE of the skills removes every vector');
SELECT is_empty($$SELECT * FROM airesilience.related_report$$, 'and related_report is empty');

SELECT * FROM finish();
ROLLBACK;
