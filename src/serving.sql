-- Serving the web app: every read it needs, from the published snapshot.
--
-- The published snapshot is the newest one (published_snapshot()), as for
-- published_document(): what the site shows changes only when a steward
-- takes a snapshot, never halfway through a load.  Each function reads one
-- snapshot in one statement, so a response is whole and from one snapshot
-- even while another one is being taken; the list's cursor names its
-- snapshot, so paging goes on in the snapshot it started in.  None of them
-- reads a live table: the webapp access kind (src/access.sql) grants them
-- and the snapshot tables, nothing else.
--
-- Scales: score is the headline score on 0-1, as aiResilience.score of the
-- document (source_median / 100, the same float8); the search's
-- match_similarity is how well the query matched, 0-1, not a score.
--
--   published_snapshot()                    the id of the published snapshot
--   published_document_by_slug(slug)        the page, by its address
--   published_occupations(category_filter, label_filter, sort, page_size, after)
--                                           the list page, keyset-paginated
--   search_published(query, n)              search, by name or task text
--   published_export()                      the bulk CSV's rows
--
-- docs/serving.md shows them in a session.

CREATE FUNCTION airesilience.published_snapshot()
RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT max(s.snapshot_id) FROM airesilience.snapshot s;
END;
COMMENT ON FUNCTION airesilience.published_snapshot() IS
    'The id of the published snapshot: the newest (what published_document and the other serving functions read); NULL before the first';

------------------------------------------------------------------------------
-- By slug
------------------------------------------------------------------------------

-- Two slugs of one snapshot are the same only when two titles differ in
-- nothing but case and punctuation; the page then goes to the lower code,
-- as the index returns it first.
CREATE INDEX snapshot_occupation_slug_idx ON airesilience.snapshot_occupation (snapshot_id, slug, onet_code);
COMMENT ON INDEX airesilience.snapshot_occupation_slug_idx IS
    'Page by address: published_document_by_slug()';

CREATE FUNCTION airesilience.published_document_by_slug(slug text)
RETURNS jsonb
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT d.document
              FROM airesilience.snapshot_occupation o
              JOIN airesilience.snapshot_document d ON d.snapshot_id = o.snapshot_id AND d.onet_code = o.onet_code
             WHERE o.snapshot_id = (SELECT max(s.snapshot_id) FROM airesilience.snapshot s)
               AND o.slug = published_document_by_slug.slug
             ORDER BY o.onet_code
             LIMIT 1);
END
$$;
COMMENT ON FUNCTION airesilience.published_document_by_slug(text) IS
    'The published JSON document whose url is /occupations/<slug> (the lower code when two titles give one slug); NULL without a snapshot or for an unknown slug';

------------------------------------------------------------------------------
-- The list page
------------------------------------------------------------------------------

-- Keyset pagination: each row carries a cursor, the position just after it;
-- the next page is the rows after the last row's cursor.  A page is then an
-- index range scan from that position, as fast on the last page as on the
-- first, and no row is skipped or repeated while snapshots are taken: the
-- cursor names its snapshot, and snapshots are immutable.
--
-- Sort keys: score (unscored occupations as -1: last when descending, first
-- when ascending) or name, then the code, all in the same direction.  One
-- index per sort key and filter, so that each page reads its rows only.
CREATE INDEX snapshot_occupation_score_idx ON airesilience.snapshot_occupation
    (snapshot_id, (coalesce(source_median, '-1'::float8)), onet_code);
CREATE INDEX snapshot_occupation_category_score_idx ON airesilience.snapshot_occupation
    (snapshot_id, category, (coalesce(source_median, '-1'::float8)), onet_code);
CREATE INDEX snapshot_occupation_label_score_idx ON airesilience.snapshot_occupation
    (snapshot_id, label, (coalesce(source_median, '-1'::float8)), onet_code);
CREATE INDEX snapshot_occupation_category_label_score_idx ON airesilience.snapshot_occupation
    (snapshot_id, category, label, (coalesce(source_median, '-1'::float8)), onet_code);
CREATE INDEX snapshot_occupation_name_idx ON airesilience.snapshot_occupation
    (snapshot_id, title, onet_code);
CREATE INDEX snapshot_occupation_category_name_idx ON airesilience.snapshot_occupation
    (snapshot_id, category, title, onet_code);
CREATE INDEX snapshot_occupation_label_name_idx ON airesilience.snapshot_occupation
    (snapshot_id, label, title, onet_code);
CREATE INDEX snapshot_occupation_category_label_name_idx ON airesilience.snapshot_occupation
    (snapshot_id, category, label, title, onet_code);
COMMENT ON INDEX airesilience.snapshot_occupation_score_idx IS 'List page by score: published_occupations()';
COMMENT ON INDEX airesilience.snapshot_occupation_category_score_idx IS 'List page of a category by score: published_occupations()';
COMMENT ON INDEX airesilience.snapshot_occupation_label_score_idx IS 'List page of a label by score: published_occupations()';
COMMENT ON INDEX airesilience.snapshot_occupation_category_label_score_idx IS 'List page of a category and label by score: published_occupations()';
COMMENT ON INDEX airesilience.snapshot_occupation_name_idx IS 'List page by name: published_occupations()';
COMMENT ON INDEX airesilience.snapshot_occupation_category_name_idx IS 'List page of a category by name: published_occupations()';
COMMENT ON INDEX airesilience.snapshot_occupation_label_name_idx IS 'List page of a label by name: published_occupations()';
COMMENT ON INDEX airesilience.snapshot_occupation_category_label_name_idx IS 'List page of a category and label by name: published_occupations()';

-- The cursor: a JSON array [1 (format), snapshot id, sort, category, label,
-- sort key, code] in base64url without padding, so that it can stand in a
-- URL as it is.  Clients pass it back unread.
CREATE FUNCTION airesilience.list_cursor(snapshot_id bigint, sort text, category text, label text, sort_key jsonb, onet_code text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
               pg_catalog.jsonb_build_array(1, snapshot_id, sort, category, label, sort_key, onet_code)::text, 'UTF8'),
               'base64'), E'+/=\n', '-_');
END;
COMMENT ON FUNCTION airesilience.list_cursor(bigint, text, text, text, jsonb, text) IS
    'Internal: the cursor of a row of published_occupations(), base64url of [1, snapshot_id, sort, category, label, sort key, code]';

-- The function runs one of 32 static statements: one per sort, per filter
-- given or not and per first or later page.  Each is planned once per
-- session (plpgsql keeps its plans; force_generic_plan skips the custom
-- plans) and reads its own index from the page's position: planning one
-- statement with conditions that drop out for NULL arguments, at each call,
-- costs more than running it (ten indexes to weigh).  The statements are
-- written by the DO block from the table below.
DO $do$
DECLARE
    branches text := '';
    s record;
    cat boolean;
    lab boolean;
    later boolean;
BEGIN
    FOR s IN SELECT *
               FROM (VALUES ('score_desc', 'coalesce(o.source_median, ''-1''::float8)', 'DESC', '<', 'key_score'),
                            ('score_asc',  'coalesce(o.source_median, ''-1''::float8)', '',     '>', 'key_score'),
                            ('name_asc',   'o.title',                                   '',     '>', 'key_name'),
                            ('name_desc',  'o.title',                                   'DESC', '<', 'key_name'))
                    v (sort, key, dir, cmp, var)
    LOOP
        FOREACH cat IN ARRAY ARRAY[false, true] LOOP
        FOREACH lab IN ARRAY ARRAY[false, true] LOOP
        FOREACH later IN ARRAY ARRAY[false, true] LOOP
            branches := branches || format($b$
    %s sort = %L AND category_filter IS %sNULL AND label_filter IS %sNULL AND key_code IS %sNULL THEN
        RETURN QUERY
        SELECT o.snapshot_id, o.onet_code, o.title, o.slug, '/occupations/' || o.slug, o.source_median / 100,
               o.label, o.confidence, o.category,
               airesilience.list_cursor(o.snapshot_id, sort, category_filter, label_filter, to_jsonb(%s), o.onet_code)
          FROM airesilience.snapshot_occupation o
         WHERE o.snapshot_id = snap%s%s%s
         ORDER BY %s %s, o.onet_code %s
         LIMIT page_size;$b$,
                CASE WHEN branches = '' THEN 'IF' ELSE 'ELSIF' END, s.sort,
                CASE WHEN cat THEN 'NOT ' ELSE '' END, CASE WHEN lab THEN 'NOT ' ELSE '' END, CASE WHEN later THEN 'NOT ' ELSE '' END,
                s.key,
                CASE WHEN cat THEN E'\n           AND o.category = category_filter' ELSE '' END,
                CASE WHEN lab THEN E'\n           AND o.label = label_filter' ELSE '' END,
                CASE WHEN later THEN format(E'\n           AND (%s, o.onet_code) %s (%s, key_code)', s.key, s.cmp, s.var) ELSE '' END,
                s.key, s.dir, s.dir);
        END LOOP;
        END LOOP;
        END LOOP;
    END LOOP;

    EXECUTE replace($def$
CREATE FUNCTION airesilience.published_occupations(category_filter text DEFAULT NULL, label_filter text DEFAULT NULL,
                                                   sort text DEFAULT 'score_desc', page_size integer DEFAULT 20,
                                                   after text DEFAULT NULL)
RETURNS TABLE (snapshot_id bigint, onet_code text, name text, slug text, url text, score float8,
               label text, confidence text, category text, cursor text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET extra_float_digits = 1
SET plan_cache_mode = force_generic_plan
AS $fn$
#variable_conflict use_column
DECLARE
    snap      bigint;
    c         jsonb;
    key_score float8;
    key_name  text;
    key_code  text;
BEGIN
    IF sort IS NULL OR sort NOT IN ('score_desc', 'score_asc', 'name_asc', 'name_desc') THEN
        RAISE EXCEPTION 'sort must be score_desc, score_asc, name_asc or name_desc'
            USING ERRCODE = 'invalid_parameter_value', DETAIL = format('sort is %s.', coalesce(sort, 'NULL'));
    END IF;
    IF page_size IS NULL OR page_size NOT BETWEEN 1 AND 1000 THEN
        RAISE EXCEPTION 'page_size must be between 1 and 1000'
            USING ERRCODE = 'invalid_parameter_value', DETAIL = format('page_size is %s.', coalesce(page_size::text, 'NULL'));
    END IF;

    IF after IS NULL THEN
        snap := (SELECT max(s.snapshot_id) FROM airesilience.snapshot s);
        IF snap IS NULL THEN
            RETURN;
        END IF;
    ELSE
        BEGIN
            c := convert_from(decode(rpad(translate(after, '-_', '+/'), (length(after) + 3) / 4 * 4, '='), 'base64'), 'UTF8')::jsonb;
            IF jsonb_typeof(c) <> 'array' OR jsonb_array_length(c) <> 7 OR c->>0 <> '1' THEN
                RAISE EXCEPTION USING ERRCODE = 'data_exception';
            END IF;
            snap := (c->>1)::bigint;
            key_code := c->>6;
            IF c->>2 IN ('score_desc', 'score_asc') THEN
                key_score := (c->>5)::float8;
            ELSE
                key_name := c->>5;
            END IF;
            IF snap IS NULL OR key_code IS NULL OR (key_score IS NULL AND key_name IS NULL) THEN
                RAISE EXCEPTION USING ERRCODE = 'data_exception';
            END IF;
        EXCEPTION WHEN data_exception OR invalid_text_representation OR character_not_in_repertoire
                       OR untranslatable_character OR invalid_parameter_value OR numeric_value_out_of_range THEN
            RAISE EXCEPTION 'invalid cursor'
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = 'The cursor is not one published_occupations() returned.',
                      HINT = 'Pass the cursor column of a row unchanged, or NULL for the first page.';
        END;
        IF (c->>2, c->>3, c->>4) IS DISTINCT FROM (sort, category_filter, label_filter) THEN
            RAISE EXCEPTION 'the cursor belongs to another listing'
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('It was made with sort %s, category_filter %s, label_filter %s.',
                                      c->>2, coalesce(c->>3, 'NULL'), coalesce(c->>4, 'NULL')),
                      HINT = 'Pass the same sort, category_filter and label_filter as for the first page.';
        END IF;
        IF NOT EXISTS (SELECT FROM airesilience.snapshot s WHERE s.snapshot_id = snap) THEN
            RAISE EXCEPTION 'snapshot % of the cursor no longer exists', snap
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Start again from the first page (after => NULL): it lists the published snapshot.';
        END IF;
    END IF;
@branches@
    END IF;
END
$fn$
$def$, '@branches@', branches);
END
$do$;
COMMENT ON FUNCTION airesilience.published_occupations(text, text, text, integer, text) IS
    'The list page: page_size (1-1000, default 20) published occupations with code, name, slug, url, score (0-1), label, confidence and category, of one category (category_filter) and/or label (label_filter) if given, sorted by score_desc (default; unscored last), score_asc, name_asc or name_desc, then code; after = a row''s cursor gives the page after that row, from the cursor''s snapshot. Bad sort, page size or cursor, or a cursor whose snapshot is gone -> 22023';

------------------------------------------------------------------------------
-- Search
------------------------------------------------------------------------------

-- search_published(query) finds occupations of the published snapshot by
-- their names (title and alternate titles, as search_occupations() does
-- over the live tables) and by the words of their description and task
-- statements, so that "medical coder" finds Medical Records Specialists,
-- whose tasks "code patient data" and keep "medical records".
--
--   name similarity  word_similarity(query, name) of the occupation's best
--                    name (pg_trgm, 0-1; names of 0.3 or more are
--                    candidates), as in search_occupations()
--   text similarity  each word of the query (document_words' rules: three
--                    characters or more, no stop word) is matched with the
--                    snapshot's words of similarity(query word, word) >= 0.5
--                    ("coder" with "code" 0.57 and "codes" 0.5); an
--                    occupation whose description or tasks match every word
--                    of the query scores the mean over the query's words of
--                    the best match, 0-1
--   match_similarity the greater of the name similarity and the mean of the
--                    two: a name alone can reach 1, the words only lift a
--                    name match, or stand at half their similarity alone
--
-- Ranked by match_similarity, then text similarity, then similarity(query,
-- title), then code.  matched is the name that matched (matched_by title or
-- alias) or, when the words gave the match_similarity, the words of the
-- documents that matched the query's (matched_by tasks).
--
-- match_similarity says how well the query matched; it is not a resilience
-- score (that is score, 0-1).
DO $do$
DECLARE
    trgm text := (SELECT quote_ident(n.nspname)
                    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                   WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE replace('CREATE INDEX snapshot_name_trgm_idx ON airesilience.snapshot_name
                         USING gist (name @trgm@.gist_trgm_ops)', '@trgm@', trgm);
    EXECUTE replace('CREATE INDEX snapshot_word_trgm_idx ON airesilience.snapshot_word
                         USING gist (word @trgm@.gist_trgm_ops)', '@trgm@', trgm);
    EXECUTE replace($def$
    CREATE FUNCTION airesilience.search_published(query text, n integer DEFAULT 20)
    RETURNS TABLE (snapshot_id bigint, onet_code text, name text, slug text, url text, score float8,
                   label text, confidence text, category text,
                   matched text, matched_by text, match_similarity real, rank bigint)
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET pg_trgm.word_similarity_threshold = 0.3
    SET pg_trgm.similarity_threshold = 0.5
    SET plan_cache_mode = force_generic_plan
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    #variable_conflict use_column
    DECLARE
        snap  bigint;
        words text[];
    BEGIN
        IF search_published.n < 1 THEN
            RAISE EXCEPTION 'n must be at least 1'
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('n is %s.', search_published.n);
        END IF;
        IF length(search_published.query) > 200 THEN
            RAISE EXCEPTION 'query is too long'
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('The query has %s characters; at most 200 are searched.',
                                      length(search_published.query));
        END IF;
        IF search_published.query !~ '[[:alnum:]]' THEN
            RETURN;
        END IF;
        snap := (SELECT max(s.snapshot_id) FROM airesilience.snapshot s);
        IF snap IS NULL THEN
            RETURN;
        END IF;
        -- The query's words, each once, in the order they first come.
        words := ARRAY(SELECT w.word
                         FROM regexp_split_to_table(lower(search_published.query), '[^a-z0-9]+') WITH ORDINALITY w (word, ord)
                        WHERE length(w.word) >= 3 AND w.word <> ALL (airesilience.stop_words())
                        GROUP BY w.word
                        ORDER BY min(w.ord));

        RETURN QUERY
        WITH name_match AS (
            SELECT DISTINCT ON (m.onet_code)
                   m.onet_code, m.name, m.kind, @trgm@.word_similarity(search_published.query, m.name)::float8 AS sim
              FROM airesilience.snapshot_name m
             WHERE m.snapshot_id = snap
               AND search_published.query OPERATOR(@trgm@.<%) m.name
             ORDER BY m.onet_code, 4 DESC, m.kind = 'title' DESC, m.name COLLATE "C"),
        word_match AS (
            SELECT DISTINCT ON (q.word, c.onet_code)
                   q.word AS query_word, c.onet_code, v.word, @trgm@.similarity(q.word, v.word)::float8 AS sim
              FROM unnest(words) q (word)
              JOIN airesilience.snapshot_word v
                ON v.snapshot_id = snap AND q.word OPERATOR(@trgm@.%) v.word
             CROSS JOIN LATERAL unnest(v.onet_codes) c (onet_code)
             ORDER BY q.word, c.onet_code, 4 DESC, v.word COLLATE "C"),
        text_match AS (
            SELECT w.onet_code, sum(w.sim) / cardinality(words) AS sim,
                   string_agg(w.word, ' ' ORDER BY array_position(words, w.query_word)) AS matched
              FROM word_match w
             GROUP BY w.onet_code
            HAVING count(*) = cardinality(words)),
        candidate AS (
            SELECT coalesce(nm.onet_code, tm.onet_code) AS onet_code,
                   coalesce(nm.sim, 0) AS name_sim, coalesce(tm.sim, 0) AS text_sim,
                   nm.name, nm.kind, tm.matched
              FROM name_match nm
              FULL JOIN text_match tm ON tm.onet_code = nm.onet_code),
        ranked AS (
            SELECT c.onet_code, o.title, o.slug, o.source_median, o.label, o.confidence, o.category,
                   CASE WHEN c.name_sim >= c.text_sim THEN c.name ELSE c.matched END AS matched,
                   CASE WHEN c.name_sim >= c.text_sim THEN c.kind ELSE 'tasks' END AS matched_by,
                   greatest(c.name_sim, (c.name_sim + c.text_sim) / 2)::real AS match_similarity,
                   row_number() OVER (ORDER BY greatest(c.name_sim, (c.name_sim + c.text_sim) / 2)::real DESC,
                                               c.text_sim DESC,
                                               @trgm@.similarity(search_published.query, o.title) DESC,
                                               c.onet_code COLLATE "C") AS rank
              FROM candidate c
              JOIN airesilience.snapshot_occupation o ON o.snapshot_id = snap AND o.onet_code = c.onet_code)
        SELECT snap, r.onet_code, r.title, r.slug, '/occupations/' || r.slug, r.source_median / 100,
               r.label, r.confidence, r.category, r.matched, r.matched_by, r.match_similarity, r.rank
          FROM ranked r
         WHERE r.rank <= search_published.n
         ORDER BY r.rank;
    END
    $fn$
    $def$, '@trgm@', trgm);
END
$do$;
COMMENT ON INDEX airesilience.snapshot_name_trgm_idx IS
    'Trigrams of the recorded titles and alternate titles, for search_published()';
COMMENT ON INDEX airesilience.snapshot_word_trgm_idx IS
    'Trigrams of the recorded document words, for search_published()';
COMMENT ON FUNCTION airesilience.search_published(text, integer) IS
    'Search for the web app, in the published snapshot: the n occupations (default 20) whose names or description and task words best match query, with slug, url, score (0-1), label, confidence, category, the matched name or words, matched_by (title, alias, tasks) and match_similarity (0-1, how well the query matched: not a score). NULL or no letter or digit -> no rows; n < 1 or query over 200 characters -> 22023';

------------------------------------------------------------------------------
-- The bulk CSV
------------------------------------------------------------------------------

-- One row per occupation of the published snapshot, in code order, for
--   COPY (SELECT * FROM airesilience.published_export()) TO STDOUT WITH (FORMAT csv, HEADER)
-- (make export-csv does that).  Every score and percentile is on 0-1, as
-- aiResilience.score of the API (the stored 0-100 value / 100; dispersion
-- is the interquartile range of the source scores on that scale); growth_pct
-- stays a percentage, as BLS publishes it.  Each row carries the snapshot's
-- id, time, model version and label scheme.  The sources and the composite
-- presets, which users may add to, are JSON objects keyed by name; the two
-- built-in presets also have columns of their own.
CREATE FUNCTION airesilience.published_export()
RETURNS TABLE (snapshot_id bigint, taken_at timestamptz, model_version text, label_scheme text,
               onet_code text, soc_code text, name text, slug text, url text, category text,
               score float8, label text, confidence text, source_count bigint, dispersion float8,
               task_resilience float8, weight_basis text, task_count bigint,
               careervillage_score float8, careervillage_label text,
               jobpocalypse_score float8, jobpocalypse_label text,
               sources jsonb, composites jsonb,
               median_wage numeric, employment bigint, employment_projected bigint, annual_openings bigint,
               growth_pct numeric, entry_education text, work_experience text,
               growth_percentile float8, openings_percentile float8, wage_bill_percentile float8)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT s.snapshot_id, s.taken_at, s.model_version, s.label_scheme,
           o.onet_code, d.document->>'socCode', o.title, o.slug, '/occupations/' || o.slug, o.category,
           o.source_median / 100, o.label, o.confidence, o.source_count, o.dispersion / 100,
           o.task_resilience / 100, o.weight_basis, o.task_count,
           cv.score / 100, cv.label, jp.score / 100, jp.label,
           coalesce((SELECT jsonb_object_agg(v.source, jsonb_build_object('raw', v.raw_value, 'score', v.score / 100))
                       FROM airesilience.snapshot_source v
                      WHERE v.snapshot_id = o.snapshot_id AND v.onet_code = o.onet_code), '{}'),
           coalesce((SELECT jsonb_object_agg(c.preset, jsonb_build_object('score', c.score / 100, 'label', c.label))
                       FROM airesilience.snapshot_composite c
                      WHERE c.snapshot_id = o.snapshot_id AND c.onet_code = o.onet_code), '{}'),
           (b.bls->>'medianWage')::numeric, (b.bls->>'employment')::bigint,
           (b.bls->>'employmentProjected')::bigint, (b.bls->>'annualOpenings')::bigint,
           (b.bls->>'growthPct')::numeric, b.bls->>'entryEducation', b.bls->>'workExperience',
           (b.bls->>'growthPercentile')::float8 / 100, (b.bls->>'openingsPercentile')::float8 / 100,
           (b.bls->>'wageBillPercentile')::float8 / 100
      FROM airesilience.snapshot s
      JOIN airesilience.snapshot_occupation o ON o.snapshot_id = s.snapshot_id
      LEFT JOIN airesilience.snapshot_document d ON d.snapshot_id = o.snapshot_id AND d.onet_code = o.onet_code
      LEFT JOIN airesilience.snapshot_composite cv
             ON cv.snapshot_id = o.snapshot_id AND cv.onet_code = o.onet_code AND cv.preset = 'careervillage'
      LEFT JOIN airesilience.snapshot_composite jp
             ON jp.snapshot_id = o.snapshot_id AND jp.onet_code = o.onet_code AND jp.preset = 'jobpocalypse'
     CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(d.document->'bls') = 'object' THEN d.document->'bls' END AS bls) b
     WHERE s.snapshot_id = (SELECT max(p.snapshot_id) FROM airesilience.snapshot p)
     ORDER BY o.onet_code COLLATE "C";
END;
COMMENT ON FUNCTION airesilience.published_export() IS
    'The bulk CSV of the published snapshot, one row per occupation in code order: snapshot id, time, model version and label scheme, codes, name, slug, url, category, score, label, confidence, the task model, the built-in composites, every source and preset as JSON, the BLS figures; scores and percentiles on 0-1; no rows before the first snapshot';
