-- Serving the web app (src/serving.sql): page by slug, the list page with
-- its cursor, search and the bulk export rows, all from the published
-- snapshot, on the project's sample data; and what the webapp role may call.
--
-- Expected values come from second queries: list orders from plain ORDER
-- BYs over snapshot_occupation with the documented keys, pages compared
-- with the documents published_document() serves, search results from a
-- brute-force scoring of every name and every word of the live task
-- statements (no index, no operator, no threshold setting).
--
-- "medical coder" by hand, Medical Records Specialists (29-2072.00):
--   name: word_similarity('medical coder', 'Medical Records Specialists'):
--         the query has 14 trigrams (8 of "medical", 6 of "coder"), the
--         stretch "medical" 8, all shared: 8 / (14 + 8 - 8) = 4/7
--   words: "medical" is a word of its tasks (similarity 1); "coder" is
--         closest to "code" ("  c", " co", "cod", "ode" shared of 6 and 5
--         trigrams: 4 / (6 + 5 - 4) = 4/7); text similarity (1 + 4/7) / 2
--         = 11/14
--   match_similarity = greatest(4/7, (4/7 + 11/14) / 2) = 19/28 = 0.678...
-- Medical Assistants matches by its title alone (4/7), no task of it has a
-- word like "coder": second.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(76);

\set sample `grep -v -x -e 'BEGIN;' -e 'COMMIT;' sample/sample.sql`
:sample
\ir include/error_detail.sql

-- Every page of published_occupations, following the cursors, as
-- 'code' in order; page_size 4.
CREATE FUNCTION pg_temp.walk(sort text, cat text DEFAULT NULL, lab text DEFAULT NULL) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
    result text[] := '{}';
    page   text[];
    cur    text;
BEGIN
    LOOP
        SELECT array_agg(p.onet_code ORDER BY ord), (array_agg(p.cursor ORDER BY ord DESC))[1]
          INTO page, cur
          FROM airesilience.published_occupations(cat, lab, sort, 4, cur) WITH ORDINALITY p
               (snapshot_id, onet_code, name, slug, url, score, label, confidence, category, cursor, ord);
        EXIT WHEN page IS NULL;
        result := result || page;
    END LOOP;
    RETURN result;
END
$$;

-- The documented order over one snapshot's rows.
CREATE FUNCTION pg_temp.expected_order(snap bigint, sort text, cat text DEFAULT NULL, lab text DEFAULT NULL) RETURNS text[]
LANGUAGE sql AS $$
    SELECT coalesce(array_agg(onet_code ORDER BY
               CASE sort WHEN 'score_desc' THEN -coalesce(source_median, -1) WHEN 'score_asc' THEN coalesce(source_median, -1) END,
               CASE WHEN sort = 'name_asc' THEN title END,
               CASE WHEN sort = 'name_desc' THEN title END DESC,
               CASE WHEN sort IN ('score_asc', 'name_asc') THEN onet_code END,
               CASE WHEN sort IN ('score_desc', 'name_desc') THEN onet_code END DESC), '{}')
      FROM airesilience.snapshot_occupation
     WHERE snapshot_id = snap
       AND (cat IS NULL OR category = cat) AND (lab IS NULL OR label = lab)
$$;

-- search_published computed by brute force over the live data (which the
-- snapshot copied): every name scored with word_similarity, every query
-- word against every word of the description and task statements.
CREATE FUNCTION pg_temp.expected_search(q text, n integer DEFAULT 20) RETURNS text[]
LANGUAGE sql AS $$
    WITH qwords AS (
        SELECT DISTINCT w FROM regexp_split_to_table(lower(q), '[^a-z0-9]+') w
         WHERE length(w) >= 3
           AND w NOT IN ('all', 'and', 'any', 'are', 'but', 'for', 'from', 'into', 'its', 'not', 'other', 'such',
                         'that', 'the', 'their', 'them', 'these', 'this', 'those', 'with')),
    names AS (
        SELECT o.onet_code, o.title AS name, 0 AS is_alias FROM airesilience.occupation o
        UNION ALL
        SELECT a.onet_code, a.alias, 1 FROM airesilience.occupation_alias a),
    name_best AS (
        SELECT DISTINCT ON (onet_code) onet_code, name, is_alias, word_similarity(q, name)::float8 AS sim
          FROM names
         ORDER BY onet_code, word_similarity(q, name) DESC, is_alias, name COLLATE "C"),
    texts AS (
        SELECT o.onet_code, o.description AS text FROM airesilience.occupation o
        UNION ALL
        SELECT t.onet_code, t.description FROM airesilience.task t),
    owords AS (
        SELECT DISTINCT t.onet_code, w FROM texts t, regexp_split_to_table(lower(t.text), '[^a-z0-9]+') w
         WHERE length(w) >= 3 AND w NOT IN ('all', 'and', 'any', 'are', 'but', 'for', 'from', 'into', 'its', 'not', 'other', 'such',
                                               'that', 'the', 'their', 'them', 'these', 'this', 'those', 'with')),
    per_word AS (
        SELECT o.onet_code, q.w, max(similarity(q.w, o.w)::float8) AS sim
          FROM qwords q CROSS JOIN owords o
         WHERE similarity(q.w, o.w) >= 0.5
         GROUP BY o.onet_code, q.w),
    text_sim AS (
        SELECT onet_code, sum(sim) / (SELECT count(*) FROM qwords) AS sim
          FROM per_word GROUP BY onet_code HAVING count(*) = (SELECT count(*) FROM qwords)),
    scored AS (
        SELECT o.onet_code, o.title,
               CASE WHEN nb.sim >= 0.3 THEN nb.sim ELSE 0 END AS name_sim, coalesce(ts.sim, 0) AS text_sim,
               nb.is_alias
          FROM airesilience.occupation o
          JOIN name_best nb USING (onet_code)
          LEFT JOIN text_sim ts USING (onet_code)),
    ranked AS (
        SELECT onet_code,
               CASE WHEN name_sim >= text_sim THEN CASE is_alias WHEN 0 THEN 'title' ELSE 'alias' END ELSE 'tasks' END AS matched_by,
               greatest(name_sim, (name_sim + text_sim) / 2)::real AS m,
               row_number() OVER (ORDER BY greatest(name_sim, (name_sim + text_sim) / 2)::real DESC, text_sim DESC,
                                           similarity(q, title) DESC, onet_code COLLATE "C") AS rank
          FROM scored
         WHERE name_sim > 0 OR text_sim > 0)
    SELECT coalesce(array_agg(onet_code || '|' || matched_by || '|' || m ORDER BY rank), '{}')
      FROM ranked WHERE rank <= n
$$;
CREATE FUNCTION pg_temp.found(q text, n integer DEFAULT 20) RETURNS text[]
LANGUAGE sql AS $$
    SELECT coalesce(array_agg(onet_code || '|' || matched_by || '|' || match_similarity ORDER BY rank), '{}')
      FROM airesilience.search_published(q, n)
$$;

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT is(ARRAY(SELECT p.oid::regprocedure::text || ' ' || p.provolatile::text
                  FROM pg_proc p
                 WHERE p.pronamespace = 'airesilience'::regnamespace
                   AND p.proname IN ('published_snapshot', 'published_document_by_slug', 'published_occupations',
                                     'search_published', 'published_export', 'list_cursor')
                   AND obj_description(p.oid, 'pg_proc') IS NOT NULL
                 ORDER BY 1),
          ARRAY['airesilience.list_cursor(bigint,text,text,text,jsonb,text) i',
                'airesilience.published_document_by_slug(text) s',
                'airesilience.published_export() s',
                'airesilience.published_occupations(text,text,text,integer,text) s',
                'airesilience.published_snapshot() s',
                'airesilience.search_published(text,integer) s'],
          'the serving functions exist, read only, each with a comment');
SELECT is(pg_get_function_result('airesilience.published_occupations(text,text,text,integer,text)'::regprocedure),
          'TABLE(snapshot_id bigint, onet_code text, name text, slug text, url text, score double precision, label text, confidence text, category text, cursor text)',
          'published_occupations: the list page''s columns');
SELECT is(pg_get_function_result('airesilience.search_published(text,integer)'::regprocedure),
          'TABLE(snapshot_id bigint, onet_code text, name text, slug text, url text, score double precision, label text, confidence text, category text, matched text, matched_by text, match_similarity real, rank bigint)',
          'search_published: the page''s columns beside match_similarity');
SELECT is((SELECT count(*) FROM unnest(ARRAY['airesilience.snapshot_name', 'airesilience.snapshot_word']::regclass[]) r
            WHERE obj_description(r, 'pg_class') IS NOT NULL),
          2::bigint, 'snapshot_name and snapshot_word exist, with comments');
SELECT is((SELECT count(*) FROM pg_trigger t
            WHERE t.tgrelid IN ('airesilience.snapshot_name'::regclass, 'airesilience.snapshot_word'::regclass)
              AND NOT t.tgisinternal AND t.tgfoid = 'airesilience.snapshot_immutable'::regproc),
          4::bigint, 'both have the snapshot guards');
\ir include/dump_condition.sql
SELECT is(ARRAY[pg_temp.dump_condition('airesilience.snapshot_name'), pg_temp.dump_condition('airesilience.snapshot_word')],
          ARRAY['', ''], 'both are configuration tables: pg_dump keeps them');
SELECT is(ARRAY(SELECT f.function::text FROM airesilience.function_access f
                 WHERE f.access = 'webapp' AND f.function::text ~ 'published|list_cursor|stop_words' ORDER BY 1),
          ARRAY['airesilience.list_cursor(bigint,text,text,text,jsonb,text)', 'airesilience.published_document(text)',
                'airesilience.published_document_by_slug(text)', 'airesilience.published_export()',
                'airesilience.published_occupations(text,text,text,integer,text)', 'airesilience.published_snapshot()',
                'airesilience.search_published(text,integer)', 'airesilience.stop_words()'],
          'the webapp access kind covers the serving functions and what they call');
SELECT is((SELECT count(*) FROM pg_proc p
            WHERE p.pronamespace = 'airesilience'::regnamespace
              AND p.proname IN ('published_snapshot', 'published_document_by_slug', 'published_occupations',
                                'search_published', 'published_export', 'list_cursor', 'stop_words', 'document_words')
              AND has_function_privilege('public', p.oid, 'EXECUTE')),
          0::bigint, 'PUBLIC may execute none of them');

------------------------------------------------------------------------------
-- Before the first snapshot: nothing is published
------------------------------------------------------------------------------

SELECT is(airesilience.published_snapshot(), NULL, 'no snapshot: published_snapshot() is NULL');
SELECT is(airesilience.published_document_by_slug('medical-records-specialists'), NULL, 'no page by slug');
SELECT is((SELECT count(*) FROM airesilience.published_occupations()), 0::bigint, 'an empty list');
SELECT is((SELECT count(*) FROM airesilience.search_published('medical')), 0::bigint, 'no search result');
SELECT is((SELECT count(*) FROM airesilience.published_export()), 0::bigint, 'no export row');

SELECT airesilience.take_snapshot('first') AS s1 \gset

------------------------------------------------------------------------------
-- By slug
------------------------------------------------------------------------------

SELECT is(airesilience.published_snapshot(), :s1::bigint, 'published_snapshot() is the new snapshot');
SELECT is((SELECT count(*) FROM airesilience.snapshot_occupation o
            WHERE o.snapshot_id = :s1
              AND o.slug = airesilience.occupation_slug(o.title)
              AND '/occupations/' || o.slug = airesilience.published_document(o.onet_code)->>'url'
              AND o.slug = airesilience.published_document(o.onet_code)->>'slug'),
          15::bigint, 'each recorded slug is the slug of the title and the tail of the document''s url');
SELECT is((SELECT count(*) FROM airesilience.snapshot_occupation o
            WHERE o.snapshot_id = :s1
              AND airesilience.published_document_by_slug(o.slug) = airesilience.published_document(o.onet_code)),
          15::bigint, 'by slug, each page is the document published_document(code) serves');
SELECT is(airesilience.published_document_by_slug('medical-records-specialists')->>'code', '29-2072.00',
          'medical-records-specialists is 29-2072.00');
SELECT is(ARRAY[airesilience.published_document_by_slug('no-such-occupation'), airesilience.published_document_by_slug(NULL),
                airesilience.published_document_by_slug('Medical-Records-Specialists')],
          ARRAY[NULL, NULL, NULL]::jsonb[], 'an unknown slug, NULL, or another case: NULL');

-- A row inserted without a slug (pg_restore of a 0.1.0 dump) gets its title's.
INSERT INTO airesilience.snapshot (snapshot_id, model_version, label_scheme) VALUES (1000, '0.1.0', 'resilience6');
INSERT INTO airesilience.snapshot_occupation (snapshot_id, onet_code, title, category, source_count, confidence)
VALUES (1000, '29-9099.01', 'Midwives, "Direct-Entry"', 'healthcare', 0, 'Low');
SELECT is((SELECT slug FROM airesilience.snapshot_occupation WHERE snapshot_id = 1000), 'midwives-direct-entry',
          'a snapshot_occupation row inserted without a slug gets its title''s');
DELETE FROM airesilience.snapshot WHERE snapshot_id = 1000;

------------------------------------------------------------------------------
-- The list page
------------------------------------------------------------------------------

SELECT is(pg_temp.walk('score_desc'), pg_temp.expected_order(:s1, 'score_desc'), 'score_desc: every occupation, page by page');
SELECT is(pg_temp.walk('score_asc'), pg_temp.expected_order(:s1, 'score_asc'), 'score_asc: every occupation, page by page');
SELECT is(pg_temp.walk('name_asc'), pg_temp.expected_order(:s1, 'name_asc'), 'name_asc: every occupation, page by page');
SELECT is(pg_temp.walk('name_desc'), pg_temp.expected_order(:s1, 'name_desc'), 'name_desc: every occupation, page by page');
SELECT is(cardinality(pg_temp.walk('score_desc')), 15, '15 occupations, none twice');
SELECT is(pg_temp.walk('score_desc', 'healthcare'), pg_temp.expected_order(:s1, 'score_desc', 'healthcare'),
          'a category, by score');
SELECT is(pg_temp.walk('name_asc', NULL, 'Not Very Resilient'), pg_temp.expected_order(:s1, 'name_asc', NULL, 'Not Very Resilient'),
          'a label, by name');
SELECT is(pg_temp.walk('score_asc', 'healthcare', 'Not Very Resilient'),
          pg_temp.expected_order(:s1, 'score_asc', 'healthcare', 'Not Very Resilient'), 'a category and a label, by score');
SELECT ok(cardinality(pg_temp.expected_order(:s1, 'score_desc', 'healthcare')) BETWEEN 2 AND 14
          AND cardinality(pg_temp.expected_order(:s1, 'name_asc', NULL, 'Not Very Resilient')) BETWEEN 2 AND 14,
          'the filters keep some occupations and drop others');
SELECT is(pg_temp.walk('name_asc', 'no-such-category'), '{}'::text[], 'an unknown category: an empty list');

-- The columns against the published documents.
SELECT is((SELECT count(*) FROM airesilience.published_occupations(page_size => 1000) p
             JOIN airesilience.snapshot_occupation o ON o.snapshot_id = p.snapshot_id AND o.onet_code = p.onet_code
            WHERE p.snapshot_id = :s1
              AND p.name = airesilience.published_document(p.onet_code)->>'name'
              AND p.url = airesilience.published_document(p.onet_code)->>'url'
              AND p.slug = airesilience.published_document(p.onet_code)->>'slug'
              AND p.score IS NOT DISTINCT FROM (airesilience.published_document(p.onet_code)->'aiResilience'->>'score')::float8
              AND p.label IS NOT DISTINCT FROM airesilience.published_document(p.onet_code)->'aiResilience'->>'label'
              AND p.confidence = airesilience.published_document(p.onet_code)->'aiResilience'->>'confidence'
              AND p.category = airesilience.published_document(p.onet_code)->'category'->>'code'),
          15::bigint, 'name, url, slug, score (0-1), label, confidence and category are the document''s');
SELECT is((SELECT score FROM airesilience.published_occupations(page_size => 1000) WHERE onet_code = '29-2072.00'),
          (10 + 700 / 17::float8) / 2 / 100, 'MRS: score (10 + 700/17) / 200, on 0-1');

-- A page in the middle, then a new snapshot: the cursor goes on in its
-- snapshot.  Between the two, Construction Laborers (47-2061.00) is
-- deleted and 29-2072.00's Frey & Osborne probability changes (test/snapshot.sql).
SELECT cursor AS c4 FROM airesilience.published_occupations(page_size => 4) OFFSET 3 \gset
DELETE FROM airesilience.occupation WHERE onet_code = '47-2061.00';
UPDATE airesilience.source_value SET raw_value = 0.25 WHERE onet_code = '29-2072.00' AND source = 'frey_osborne';
SELECT airesilience.take_snapshot('second') AS s2 \gset
SELECT is(ARRAY(SELECT onet_code FROM airesilience.published_occupations(page_size => 1000, after => :'c4')),
          (pg_temp.expected_order(:s1, 'score_desc'))[5:15],
          'after a new snapshot, the cursor lists the rest of its own snapshot');
SELECT is(ARRAY(SELECT DISTINCT snapshot_id FROM airesilience.published_occupations(page_size => 1000, after => :'c4')),
          ARRAY[:s1::bigint], 'every row of it from that snapshot');
SELECT is(pg_temp.walk('score_desc'), pg_temp.expected_order(:s2, 'score_desc'), 'a first page starts in the new snapshot');
SELECT is(cardinality(pg_temp.walk('score_desc')), 14, 'which has 14 occupations');

-- Bad arguments and cursors.
SELECT throws_ok($$SELECT * FROM airesilience.published_occupations(sort => 'score')$$, '22023',
                 'sort must be score_desc, score_asc, name_asc or name_desc', 'an unknown sort: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.published_occupations(page_size => 0)$$, '22023',
                 'page_size must be between 1 and 1000', 'page_size 0: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.published_occupations(page_size => 1001)$$, '22023',
                 'page_size must be between 1 and 1000', 'page_size 1001: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.published_occupations(after => 'not a cursor')$$, '22023',
                 'invalid cursor', 'a cursor that is not one: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.published_occupations(after => 'WzEsMiwzXQ')$$, '22023',
                 'invalid cursor', 'base64 JSON of the wrong shape: 22023');
SELECT throws_ok(format('SELECT * FROM airesilience.published_occupations(sort => %L, after => %L)', 'name_asc', :'c4'), '22023',
                 'the cursor belongs to another listing', 'a cursor of another sort: 22023');
SELECT is(pg_temp.error_detail(format('SELECT * FROM airesilience.published_occupations(category_filter => %L, after => %L)', 'healthcare', :'c4')),
          'It was made with sort score_desc, category_filter NULL, label_filter NULL.', 'the detail says what it was made for');
DELETE FROM airesilience.snapshot WHERE snapshot_id = :s1;
SELECT throws_ok(format('SELECT * FROM airesilience.published_occupations(after => %L)', :'c4'), '22023',
                 format('snapshot %s of the cursor no longer exists', :s1), 'a cursor whose snapshot was deleted: 22023');

-- The cursor's float survives any extra_float_digits: keys are exact.
SET extra_float_digits = -15;
SELECT is(pg_temp.walk('score_desc'), pg_temp.expected_order(:s2, 'score_desc'), 'extra_float_digits = -15: the same pages');
SET extra_float_digits = 0;

------------------------------------------------------------------------------
-- Search
------------------------------------------------------------------------------

SELECT is((SELECT onet_code || ' ' || matched_by || ' ' || matched FROM airesilience.search_published('medical coder') WHERE rank = 1),
          '29-2072.00 tasks medical code', '"medical coder" finds Medical Records Specialists first, by its task words');
SELECT ok(abs((SELECT match_similarity FROM airesilience.search_published('medical coder') WHERE rank = 1) - 19 / 28.0) < 1e-6,
          'match_similarity 19/28 (by hand, above)');
SELECT is((SELECT onet_code || ' ' || matched_by FROM airesilience.search_published('medical coder') WHERE rank = 2),
          '31-9092.00 title', 'Medical Assistants second, by its title');
SELECT is(pg_temp.found('medical coder'), pg_temp.expected_search('medical coder'), '"medical coder": the brute-force list');
SELECT is(pg_temp.found('medcal recrds'), pg_temp.expected_search('medcal recrds'), '"medcal recrds": the brute-force list');
SELECT is(pg_temp.found('nurse'), pg_temp.expected_search('nurse'), '"nurse": the brute-force list');
SELECT is(pg_temp.found('electrical wiring'), pg_temp.expected_search('electrical wiring'), '"electrical wiring": the brute-force list');
SELECT is(pg_temp.found('accounting', 3), pg_temp.expected_search('accounting', 3), '"accounting", n = 3: the brute-force list');
SELECT ok(cardinality(pg_temp.found('electrical wiring')) > 0 AND cardinality(pg_temp.found('accounting')) > 3,
          'those queries find something');
SELECT is((SELECT count(*) FROM airesilience.search_published('medical') s
             JOIN airesilience.published_occupations(page_size => 1000) p USING (onet_code)
            WHERE (s.snapshot_id, s.name, s.slug, s.url, s.score, s.label, s.confidence, s.category)
                  IS NOT DISTINCT FROM (p.snapshot_id, p.name, p.slug, p.url, p.score, p.label, p.confidence, p.category)),
          (SELECT count(*) FROM airesilience.search_published('medical')),
          'each result carries the list''s snapshot, name, slug, url, score, label, confidence and category');
SELECT ok((SELECT bool_and(match_similarity BETWEEN 0 AND 1) FROM airesilience.search_published('medical')),
          'match_similarity is on 0-1');

-- From the published snapshot: an alias or an occupation added since is
-- found only once a snapshot records it.
INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', 'Health Information Clerks', 'hand');
SELECT is((SELECT count(*) FROM airesilience.search_published('health information clerk') WHERE matched_by = 'alias'),
          0::bigint, 'a new alias: not found before the next snapshot');
SELECT airesilience.take_snapshot('third') AS s3 \gset
SELECT is((SELECT onet_code || ' ' || matched_by || ' ' || matched FROM airesilience.search_published('health information clerk') WHERE rank = 1),
          '29-2072.00 alias Health Information Clerks', 'after it: found by the alias');
SELECT is((SELECT count(*) FROM airesilience.search_published('construction laborers') WHERE onet_code = '47-2061.00'),
          0::bigint, 'an occupation deleted before the snapshot is not found');

SELECT is((SELECT count(*) FROM airesilience.search_published('  ?! ')), 0::bigint, 'no letter or digit: no rows');
SELECT is((SELECT count(*) FROM airesilience.search_published(NULL)), 0::bigint, 'NULL: no rows');
SELECT throws_ok($$SELECT * FROM airesilience.search_published('nurse', 0)$$, '22023', 'n must be at least 1', 'n = 0: 22023');
SELECT throws_ok(format('SELECT * FROM airesilience.search_published(%L)', repeat('x', 201)), '22023',
                 'query is too long', 'a query over 200 characters: 22023');

------------------------------------------------------------------------------
-- The export rows
------------------------------------------------------------------------------

SELECT is((SELECT count(*) FROM airesilience.published_export()),
          (SELECT count(*) FROM airesilience.snapshot_occupation WHERE snapshot_id = :s3), 'one row per occupation of the snapshot');
SELECT is(ARRAY(SELECT DISTINCT (snapshot_id, taken_at, model_version, label_scheme)::text FROM airesilience.published_export()),
          ARRAY(SELECT (snapshot_id, taken_at, model_version, label_scheme)::text FROM airesilience.snapshot WHERE snapshot_id = :s3),
          'each row carries the snapshot''s id, time, model version and label scheme');
SELECT is(ARRAY(SELECT onet_code FROM airesilience.published_export()),
          ARRAY(SELECT onet_code FROM airesilience.snapshot_occupation WHERE snapshot_id = :s3 ORDER BY onet_code COLLATE "C"),
          'in code order');
SELECT is((SELECT count(*) FROM airesilience.published_export() e
            WHERE e.score IS NOT DISTINCT FROM (airesilience.published_document(e.onet_code)->'aiResilience'->>'score')::float8
              AND e.url = airesilience.published_document(e.onet_code)->>'url'
              AND e.soc_code = airesilience.published_document(e.onet_code)->>'socCode'),
          14::bigint, 'score, url and SOC code are the documents''');
SELECT is((SELECT score FROM airesilience.published_export() WHERE onet_code = '29-2072.00'),
          (SELECT source_median / 100 FROM airesilience.snapshot_occupation WHERE snapshot_id = :s3 AND onet_code = '29-2072.00'),
          'score is the recorded headline / 100');
SELECT is((SELECT (sources->'frey_osborne'->>'score')::float8 FROM airesilience.published_export() WHERE onet_code = '29-2072.00'),
          0.75::float8, 'sources: Frey & Osborne 0.25 -> score 75 -> 0.75');
SELECT is((SELECT (e.careervillage_score, e.careervillage_label)::text FROM airesilience.published_export() e WHERE onet_code = '29-2072.00'),
          (SELECT (c.score / 100, c.label)::text FROM airesilience.snapshot_composite c
            WHERE c.snapshot_id = :s3 AND c.onet_code = '29-2072.00' AND c.preset = 'careervillage'),
          'careervillage: the recorded composite / 100 and its label');
SELECT is((SELECT (median_wage, employment, growth_pct, growth_percentile)::text FROM airesilience.published_export() WHERE onet_code = '29-2072.00'),
          (50250::numeric, 194800::bigint, 7.1::numeric, 9 / 14::float8)::text,
          'BLS figures as published, the growth percentile 900/14 on 0-1');

------------------------------------------------------------------------------
-- The webapp role: snapshots only
------------------------------------------------------------------------------

CREATE ROLE serving_test_webapp;
SELECT airesilience.grant_access('serving_test_webapp', 'webapp');
SET ROLE serving_test_webapp;
SELECT is(airesilience.published_document_by_slug('medical-records-specialists')->>'code', '29-2072.00', 'webapp: page by slug');
SELECT is((SELECT count(*) FROM airesilience.published_occupations(page_size => 5)), 5::bigint, 'webapp: a list page');
SELECT is(cardinality(pg_temp.walk('name_asc')), 14, 'webapp: every page');
SELECT is((SELECT onet_code FROM airesilience.search_published('medical coder') WHERE rank = 1), '29-2072.00', 'webapp: search');
SELECT is((SELECT count(*) FROM airesilience.published_export()), 14::bigint, 'webapp: the export rows');
SELECT throws_ok('SELECT * FROM airesilience.occupation', '42501', NULL, 'webapp: no live table');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
