-- Occupation search: occupation_alias and search_occupations() on the
-- sample data set's 15 occupations (codes and titles as in
-- sample/sample.sql) with a few aliases.
--
-- Expected values are worked out two ways: by hand from the trigrams (each
-- word padded with two spaces in front and one behind; word_similarity is
-- shared / (query's + stretch's - shared) for the best stretch of the
-- name), and for whole result lists by pg_temp.expected(), which scores
-- every name of every occupation with word_similarity() and similarity()
-- directly: no index, no operator, no threshold setting.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(63);

\ir include/error_detail.sql

-- search_occupations(q, n) as 'code|matched|score' in rank order.
CREATE FUNCTION pg_temp.found(q text, n integer DEFAULT 20) RETURNS text[]
LANGUAGE sql AS $$
    SELECT array_agg(onet_code || '|' || matched || '|' || score ORDER BY rank)
      FROM airesilience.search_occupations(q, n)
$$;

-- The same list computed directly: every name of every occupation scored
-- with word_similarity(); kept when >= 0.3; the best name per occupation
-- (the title on a tie); ranked by score, similarity to the title, code.
CREATE FUNCTION pg_temp.expected(q text, n integer DEFAULT 20) RETURNS text[]
LANGUAGE sql AS $$
    SELECT array_agg(onet_code || '|' || name || '|' || score ORDER BY rank)
      FROM (SELECT onet_code, name, score,
                   row_number() OVER (ORDER BY score DESC, similarity(q, title) DESC, onet_code COLLATE "C") AS rank
              FROM (SELECT DISTINCT ON (o.onet_code) o.onet_code, o.title, x.name, word_similarity(q, x.name) AS score
                      FROM airesilience.occupation o
                     CROSS JOIN LATERAL (SELECT o.title AS name, 0 AS is_alias
                                         UNION ALL
                                         SELECT a.alias, 1 FROM airesilience.occupation_alias a
                                          WHERE a.onet_code = o.onet_code) x
                     ORDER BY o.onet_code, word_similarity(q, x.name) DESC, x.is_alias, x.name COLLATE "C") best
             WHERE score::float8 >= 0.3) ranked
     WHERE rank <= n
$$;

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

-- requires = 'pg_trgm' in the control file: CREATE EXTENSION records it.
SELECT ok(EXISTS (SELECT FROM pg_depend d
                   WHERE d.classid = 'pg_extension'::regclass
                     AND d.objid = (SELECT oid FROM pg_extension WHERE extname = 'airesilience')
                     AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'pg_trgm')),
          'airesilience depends on the installed pg_trgm');
SELECT is(pg_get_function_result('airesilience.search_occupations(text, integer)'::regprocedure),
          'TABLE(onet_code text, title text, label text, score real, matched text, rank bigint)',
          'search_occupations returns code, title, label, score, matched name and rank');
SELECT is((SELECT (provolatile, proisstrict, proparallel)::text FROM pg_proc
            WHERE oid = 'airesilience.search_occupations(text, integer)'::regprocedure),
          '(s,t,s)', 'search_occupations is STABLE STRICT PARALLEL SAFE');
SELECT is((SELECT proconfig FROM pg_proc WHERE oid = 'airesilience.search_occupations(text, integer)'::regprocedure),
          ARRAY['pg_trgm.word_similarity_threshold=0.3', 'plan_cache_mode=force_generic_plan',
                'search_path=pg_catalog, pg_temp'],
          'search_occupations sets its threshold and plan mode and pins search_path to pg_catalog');
SELECT is((SELECT array_length(regexp_split_to_array(prosrc,
                                                     ' ' || (SELECT extnamespace::regnamespace::text FROM pg_extension
                                                              WHERE extname = 'pg_trgm') || '\.'), 1) - 1
             FROM pg_proc WHERE oid = 'airesilience.search_occupations(text, integer)'::regprocedure),
          2, 'search_occupations names pg_trgm''s functions with its schema (word_similarity, similarity)');
SELECT is((SELECT array_length(regexp_split_to_array(prosrc,
                                                     'OPERATOR\(' || (SELECT extnamespace::regnamespace::text FROM pg_extension
                                                                      WHERE extname = 'pg_trgm') || '\.<%\)'), 1) - 1
             FROM pg_proc WHERE oid = 'airesilience.search_occupations(text, integer)'::regprocedure),
          2, 'search_occupations names pg_trgm''s operator <% with its schema, for titles and aliases');
SELECT ok(obj_description('airesilience.search_occupations(text, integer)'::regprocedure, 'pg_proc') IS NOT NULL
          AND obj_description('airesilience.occupation_alias'::regclass, 'pg_class') IS NOT NULL
          AND col_description('airesilience.occupation_alias'::regclass, 2) IS NOT NULL
          AND col_description('airesilience.occupation_alias'::regclass, 3) IS NOT NULL,
          'the function, the table and its columns have comments');
SELECT is((SELECT array_agg(indexrelid::regclass::text || ' ' || am.amname ORDER BY indexrelid::regclass::text)
             FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
            WHERE indexrelid::regclass::text LIKE '%trgm_idx'
              AND indrelid IN ('airesilience.occupation'::regclass, 'airesilience.occupation_alias'::regclass)
              AND obj_description(indexrelid, 'pg_class') IS NOT NULL),
          ARRAY['airesilience.occupation_alias_trgm_idx gist', 'airesilience.occupation_title_trgm_idx gist'],
          'commented GiST trigram indexes on titles and aliases');
\ir include/dump_condition.sql
SELECT is(pg_temp.dump_condition('airesilience.occupation_alias'),
          '', 'occupation_alias is a configuration table: pg_dump keeps every row');

------------------------------------------------------------------------------
-- Fixture: the sample occupations and four aliases
------------------------------------------------------------------------------

INSERT INTO airesilience.category (category, title) VALUES
    ('healthcare', 'Healthcare'), ('technology', 'Technology'), ('business', 'Business and office'),
    ('trades', 'Skilled trades and construction'), ('education', 'Education'), ('legal', 'Legal');
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES
    ('29-2072.00', 'Medical Records Specialists', 'healthcare'),
    ('29-2061.00', 'Licensed Practical and Licensed Vocational Nurses', 'healthcare'),
    ('31-9092.00', 'Medical Assistants', 'healthcare'),
    ('29-1022.00', 'Oral and Maxillofacial Surgeons', 'healthcare'),
    ('15-1211.00', 'Computer Systems Analysts', 'technology'),
    ('15-1251.00', 'Computer Programmers', 'technology'),
    ('11-3012.00', 'Administrative Services Managers', 'business'),
    ('13-2011.00', 'Accountants and Auditors', 'business'),
    ('43-3031.00', 'Bookkeeping, Accounting, and Auditing Clerks', 'business'),
    ('43-4051.00', 'Customer Service Representatives', 'business'),
    ('47-2061.00', 'Construction Laborers', 'trades'),
    ('47-2111.00', 'Electricians', 'trades'),
    ('49-9021.00', 'Heating, Air Conditioning, and Refrigeration Mechanics and Installers', 'trades'),
    ('25-2021.00', 'Elementary School Teachers, Except Special Education', 'education'),
    ('23-2011.00', 'Paralegals and Legal Assistants', 'legal');
INSERT INTO airesilience.occupation_alias (onet_code, alias, source) VALUES
    ('29-2072.00', 'Medical records and health information technicians', 'frey_osborne'),
    ('43-3031.00', 'Junior accountants', 'fixture'),
    ('47-2111.00', 'Wiremen', 'fixture'),
    ('15-1251.00', 'Coders', 'fixture');
-- One score for a label: a resilience source at 30 on 0-100, scored
-- linearly, makes the headline 30, 'Not Very Resilient' under resilience6
-- (above 22, not above 35).
INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, normalization)
VALUES ('fixture_resilience', 'Fixture', 'resilience', 0, 100, 'linear');
INSERT INTO airesilience.source_value (onet_code, source, raw_value) VALUES ('29-2072.00', 'fixture_resilience', 30);

------------------------------------------------------------------------------
-- The trigram indexes answer the search
------------------------------------------------------------------------------
--
-- Fifteen rows are read faster without an index, so the planner is told
-- to avoid sequential scans; the function's plan is made at its first call
-- in this session, so this comes first and every later call also runs on
-- the indexes.  Results are compared with pg_temp.expected(), which scans.
SET LOCAL enable_seqscan = off;
SELECT is(pg_temp.found('medcal recrds'), ARRAY['29-2072.00|Medical Records Specialists|0.5'],
          'medcal recrds: Medical Records Specialists, 0.5');
SELECT ok(pg_stat_get_xact_numscans('airesilience.occupation_title_trgm_idx'::regclass) > 0
          AND pg_stat_get_xact_numscans('airesilience.occupation_alias_trgm_idx'::regclass) > 0,
          'the search scanned both trigram indexes');

------------------------------------------------------------------------------
-- Typo-tolerant, ranked: hand-worked cases
------------------------------------------------------------------------------
--
-- 'medcal recrds': 14 trigrams ("  m", " me", med, edc, dca, cal, "al ";
-- "  r", " re", rec, ecr, crd, rds, "ds ").  'Medical Records' is 16
-- trigrams, 10 of them shared (not edc, dca, ecr, crd): 10 / (14 + 16 - 10)
-- = 0.5; the alias 'Medical records and health information technicians'
-- has the same stretch, 0.5, and the title wins the tie.  'Medical
-- Assistants' shares only the 5 of 'medical' (8 trigrams): 5 / (14 + 8 - 5)
-- = 0.294, below 0.3: not a candidate.  (First test above.)
SELECT is((SELECT round(word_similarity('medcal recrds', 'Medical Assistants')::numeric, 4)), 0.2941,
          'medcal recrds vs Medical Assistants: 5/17, below the threshold');
SELECT is((SELECT row(title, label, rank)::text FROM airesilience.search_occupations('medcal recrds')),
          row('Medical Records Specialists', 'Not Very Resilient', 1)::text,
          'medcal recrds: title, label (headline 30) and rank 1');

-- 'elecrician': 11 trigrams; 'Electricians' up to 'ian' is 11 trigrams, 8
-- shared ("  e", " el", ele, lec, ric, ici, cia, ian): 8 / (11 + 11 - 8) = 4/7.
SELECT is(pg_temp.found('elecrician'), ARRAY['47-2111.00|Electricians|' || (4 / 7.0)::real],
          'elecrician: Electricians, 4/7');

-- 'accountant': 11 trigrams ("  a", " ac", acc, cco, cou, oun, unt, nta,
-- tan, ant, "nt ").  'accountants' up to 'ant' is 10 trigrams, all shared:
-- 10/11, in the title 'Accountants and Auditors' and in the alias 'Junior
-- accountants' of the bookkeeping clerks, whose title 'Accounting' scores
-- only 7/11 (up to 'unt').  The tie goes to the closer title: similarity
-- to 'Accountants and Auditors' is larger (0.42 against 0.175).
SELECT is(pg_temp.found('accountant', 2),
          ARRAY['13-2011.00|Accountants and Auditors|' || (10 / 11.0)::real,
                '43-3031.00|Junior accountants|' || (10 / 11.0)::real],
          'accountant: Accountants and Auditors, then the clerks by their alias, both 10/11');
SELECT ok(similarity('accountant', 'Accountants and Auditors')
          > similarity('accountant', 'Bookkeeping, Accounting, and Auditing Clerks'),
          '... the tie broken by the similarity of the titles to the query');
SELECT is((SELECT round(word_similarity('accountant', 'Bookkeeping, Accounting, and Auditing Clerks')::numeric, 4)),
          round(7 / 11.0, 4), '... whose own title scores 7/11');

-- An alias alone: 'wireman' (8 trigrams) and 'Wiremen' share "  w", " wi",
-- wir, ire, rem: 5 / (8 + 5 - 5) = 5/8.
SELECT is(pg_temp.found('wireman'), ARRAY['47-2111.00|Wiremen|0.625'], 'wireman: Electricians by the alias Wiremen, 5/8');
SELECT is(pg_temp.found('coders'), ARRAY['15-1251.00|Coders|1'], 'coders: Computer Programmers by the alias, 1');

------------------------------------------------------------------------------
-- Whole lists against the direct computation
------------------------------------------------------------------------------

SELECT is(pg_temp.found(q), pg_temp.expected(q), 'ranked list for ' || q)
  FROM unnest(ARRAY['medcal recrds', 'accountant', 'elecrician', 'records', 'medical', 'computer',
                    'compter programer', 'service managers', 'construction laborer', 'teacher',
                    'a', 'legal', 'auditing clerk', 'health information']) q;
SELECT is(pg_temp.found('medical', 2), pg_temp.expected('medical', 2), 'n = 2 keeps the first two');
SELECT ok(cardinality(pg_temp.found('a')) > 2, 'a one-letter query finds several occupations');
SELECT is((SELECT array_agg(rank ORDER BY rank) FROM airesilience.search_occupations('medical')),
          (SELECT array_agg(i::bigint) FROM generate_series(1, cardinality(pg_temp.expected('medical'))) i),
          'ranks are 1, 2, 3 ...');
SELECT is((SELECT count(*) FROM airesilience.search_occupations('a') s
             JOIN airesilience.occupation_report r USING (onet_code)
            WHERE s.label IS DISTINCT FROM r.label OR s.title <> r.title),
          0::bigint, 'label and title are those of occupation_report');

-- Results depend neither on the session's pg_trgm threshold nor on its
-- search_path.
SET LOCAL pg_trgm.word_similarity_threshold = 0.9;
SELECT is(pg_temp.found('medcal recrds'), ARRAY['29-2072.00|Medical Records Specialists|0.5'],
          'a session threshold of 0.9 changes nothing');
RESET pg_trgm.word_similarity_threshold;
SET LOCAL search_path = pg_catalog;
CREATE TEMP TABLE found_off_path AS
SELECT array_agg(onet_code || '|' || matched || '|' || score ORDER BY rank) AS found
  FROM airesilience.search_occupations('medcal recrds');
RESET search_path;
SELECT is((SELECT found FROM found_off_path), ARRAY['29-2072.00|Medical Records Specialists|0.5'],
          'pg_trgm off the search_path changes nothing');

------------------------------------------------------------------------------
-- Bad input
------------------------------------------------------------------------------

SELECT is((SELECT count(*) FROM airesilience.search_occupations(NULL)), 0::bigint, 'NULL query: no rows');
SELECT is((SELECT count(*) FROM airesilience.search_occupations('medical', NULL)), 0::bigint, 'NULL n: no rows (STRICT)');
SELECT is((SELECT count(*) FROM airesilience.search_occupations('')), 0::bigint, 'empty query: no rows');
SELECT is((SELECT count(*) FROM airesilience.search_occupations('    ')), 0::bigint, 'blank query: no rows');
SELECT is((SELECT count(*) FROM airesilience.search_occupations(E'\t\n ')), 0::bigint, 'tabs and newlines: no rows');
SELECT is((SELECT count(*) FROM airesilience.search_occupations('?!-- ()')), 0::bigint,
          'no letter or digit (no trigrams): no rows');
SELECT throws_ok($$SELECT * FROM airesilience.search_occupations('medical', 0)$$,
                 '22023', 'n must be at least 1', 'n = 0 -> 22023');
SELECT throws_ok($$SELECT * FROM airesilience.search_occupations('medical', -3)$$,
                 '22023', 'n must be at least 1', 'n < 0 -> 22023');
SELECT is(pg_temp.error_detail($$SELECT * FROM airesilience.search_occupations('medical', -3)$$),
          'n is -3.', '... with the value in the detail');
SELECT throws_ok($$SELECT * FROM airesilience.search_occupations(repeat('medical ', 25) || 'x')$$,
                 '22023', 'query is too long', 'a query of 201 characters -> 22023');
SELECT is(pg_temp.error_detail($$SELECT * FROM airesilience.search_occupations(repeat('x', 100000))$$),
          'The query has 100000 characters; at most 200 are searched.', '... with its length in the detail');
-- 'medical ' 25 times has the 8 trigrams of 'medical' ("  m", " me", med,
-- edi, dic, ica, cal, "al "), all in both titles with the word: score 1;
-- 'practical' shares ica, cal, "al ": 3 / (8 + 3 - 3) = 3/8.
SELECT is((SELECT array_agg(onet_code || ' ' || score ORDER BY onet_code)
             FROM airesilience.search_occupations(repeat('medical ', 25))),
          '{"29-2061.00 0.375","29-2072.00 1","31-9092.00 1"}'::text[],
          'a query of 200 characters is searched (medical x 25: the medical titles 1, Licensed Practical 3/8)');
SELECT is(pg_temp.found('medical', 2147483647), pg_temp.expected('medical'), 'a huge n returns what there is');

------------------------------------------------------------------------------
-- occupation_alias constraints
------------------------------------------------------------------------------

SELECT throws_ok($$INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', 'MEDICAL RECORDS AND HEALTH INFORMATION TECHNICIANS', 'manual')$$,
                 '23505', NULL, 'the same alias in another case -> 23505');
SELECT throws_ok($$INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', '   ', 'manual')$$,
                 '23514', NULL, 'a blank alias -> 23514');
SELECT throws_ok($$INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', ' Coder', 'manual')$$,
                 '23514', NULL, 'an untrimmed alias -> 23514');
SELECT throws_ok($$INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', repeat('x', 201), 'manual')$$,
                 '23514', NULL, 'an alias over 200 characters -> 23514');
SELECT throws_ok($$INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', 'Coder', 'By Hand')$$,
                 '23514', NULL, 'a source that is not a lower-case word -> 23514');
SELECT throws_ok($$INSERT INTO airesilience.occupation_alias VALUES ('99-9999.00', 'Nobody', 'manual')$$,
                 '23503', NULL, 'an alias of an unknown occupation -> 23503');
SELECT lives_ok($$INSERT INTO airesilience.occupation_alias VALUES ('31-9092.00', 'Medical records and health information technicians', 'manual')$$,
                'the same alias for another occupation is allowed');
SELECT is(pg_temp.found('medical records and health', 3), pg_temp.expected('medical records and health', 3),
          'an alias shared by two occupations finds both');
DELETE FROM airesilience.occupation WHERE onet_code = '47-2111.00';
SELECT is((SELECT count(*) FROM airesilience.occupation_alias WHERE onet_code = '47-2111.00'), 0::bigint,
          'deleting an occupation deletes its aliases');
SELECT is(pg_temp.found('wireman'), NULL, '... and the search no longer finds it');
UPDATE airesilience.occupation SET onet_code = '15-1251.01' WHERE onet_code = '15-1251.00';
SELECT is(pg_temp.found('coders'), ARRAY['15-1251.01|Coders|1'], 'a renamed code carries its aliases');

SELECT * FROM finish();
ROLLBACK;
