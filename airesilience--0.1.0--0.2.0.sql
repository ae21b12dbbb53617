-- airesilience 0.1.0 -> 0.2.0.
--
-- Carries every change the 0.2.0 install script makes, so that a database
-- on 0.1.0 reaches by ALTER EXTENSION airesilience UPDATE the state of a
-- fresh 0.2.0 install loaded the same way (test/upgrade/ checks it).  User
-- rows and snapshots are never touched; snapshots keep the model version
-- they were taken under.

\echo Use "ALTER EXTENSION airesilience UPDATE TO '0.2.0'" to load this file. \quit

-- As in the install script (src/schema.sql): nothing below may resolve to
-- an object another role created.
SET LOCAL search_path = pg_catalog, pg_temp;

------------------------------------------------------------------------------
-- Argument checks of the SQL helpers (src/schema.sql)
------------------------------------------------------------------------------

CREATE FUNCTION airesilience.invalid_argument(argument text, value text, rule text)
RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
COST 1  -- it runs only on bad input: no weight in the helpers' cost
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION '% %', argument, rule
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = format('%s is %s.', argument, coalesce(value, 'NULL'));
END
$$;
COMMENT ON FUNCTION airesilience.invalid_argument(text, text, text) IS
    'Internal: raises 22023 "<argument> <rule>" for a helper function''s argument';

------------------------------------------------------------------------------
-- SQL functions: SQL-standard bodies, bound here under pg_catalog alone
-- instead of parsed at each call with the caller's search_path.  The four
-- helpers also check their arguments.
------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION airesilience.normalize_percentile(percentile float8, orientation text)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN NOT percentile BETWEEN 0 AND 100
                THEN airesilience.invalid_argument('percentile', percentile::text, 'must be between 0 and 100')
                WHEN orientation = 'exposure' THEN 100 - percentile
                WHEN orientation = 'resilience' THEN percentile
                WHEN orientation IS NOT NULL
                THEN airesilience.invalid_argument('orientation', orientation, 'must be exposure or resilience')
           END;
END;

COMMENT ON FUNCTION airesilience.normalize_percentile(float8, text) IS
    'Score of a source value from its percentile rank: the percentile, flipped (100 - x) for exposure sources; percentile outside 0-100 or another orientation -> 22023, NULL -> NULL';


CREATE OR REPLACE FUNCTION airesilience.model_version()
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'airesilience';
END;


CREATE OR REPLACE FUNCTION airesilience.task_weight(basis text, task_type text, importance float8, relevance float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN basis = 'ratings' AND NOT importance BETWEEN 1 AND 5
                THEN airesilience.invalid_argument('importance', importance::text, 'must be between 1 and 5')
                WHEN basis = 'ratings' AND NOT relevance BETWEEN 0 AND 100
                THEN airesilience.invalid_argument('relevance', relevance::text, 'must be between 0 and 100')
                ELSE CASE WHEN task_type = 'core' THEN 2.0 ELSE 1.0 END
                   * CASE WHEN basis = 'ratings' THEN importance * relevance / 100 ELSE 1.0 END
           END;
END;

COMMENT ON FUNCTION airesilience.task_weight(text, text, float8, float8) IS
    'Weight of a task: 2 for core, 1 otherwise, times importance x relevance / 100 when basis = ratings; with ratings, importance outside 1-5 or relevance outside 0-100 -> 22023, NULL -> NULL';


CREATE OR REPLACE FUNCTION airesilience.task_tier_weight(task_type text, importance float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN task_type = 'core' THEN 3.0
                WHEN importance >= 3.5 THEN 2.0
                ELSE 1.0
           END::float8;
END;


CREATE OR REPLACE FUNCTION airesilience.normalize_linear(raw_value float8, scale_min float8, scale_max float8, orientation text)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN NOT (scale_min > '-Infinity' AND scale_min < 'Infinity')
                THEN airesilience.invalid_argument('scale_min', scale_min::text, 'must be a finite number')
                WHEN NOT (scale_max > scale_min AND scale_max < 'Infinity')
                THEN airesilience.invalid_argument('scale_max', scale_max::text,
                                                   'must be a finite number greater than scale_min (' || scale_min::text || ')')
                WHEN orientation = 'exposure'
                THEN 100 - 100 * (raw_value - scale_min) / (scale_max - scale_min)
                WHEN orientation = 'resilience'
                THEN 100 * (raw_value - scale_min) / (scale_max - scale_min)
                WHEN orientation IS NOT NULL
                THEN airesilience.invalid_argument('orientation', orientation, 'must be exposure or resilience')
           END;
END;

COMMENT ON FUNCTION airesilience.normalize_linear(float8, float8, float8, text) IS
    'Position of raw_value between scale_min and scale_max on 0-100, flipped (100 - x) for exposure sources; a bound that is not finite, scale_max <= scale_min or another orientation -> 22023, NULL -> NULL';


CREATE OR REPLACE FUNCTION airesilience.market_pressure(growth_pct float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN growth_pct <> 'NaN' THEN 50 - 5 * least(10, greatest(-10, growth_pct)) END;
END;

COMMENT ON FUNCTION airesilience.market_pressure(float8) IS
    'Market pressure 0-100 from the BLS projected growth %: 50 - 5 x growth, clamped (0 at +10 % or more, 50 at 0 %, 100 at -10 % or less, Infinity included); NULL or NaN -> NULL';


CREATE OR REPLACE FUNCTION airesilience.entry_barrier_erosion(entry_education text)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE entry_education
               WHEN 'No formal educational credential' THEN 90
               WHEN 'High school diploma or equivalent' THEN 75
               WHEN 'Postsecondary nondegree award' THEN 60
               WHEN 'Some college, no degree' THEN 55
               WHEN 'Associate''s degree' THEN 45
               WHEN 'Bachelor''s degree' THEN 30
               WHEN 'Master''s degree' THEN 15
               WHEN 'Doctoral or professional degree' THEN 5
           END::float8;
END;


CREATE OR REPLACE FUNCTION airesilience.composite_scores(weights jsonb, onet_code text DEFAULT NULL, orientation text DEFAULT NULL)
RETURNS TABLE (onet_code text, score float8, breakdown jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT r.onet_code,
           airesilience.weighted_resilience(r.value, r.weight),
           jsonb_object_agg(r.signal, jsonb_build_object('value', r.value, 'weight', r.weight,
                                                         'points', r.points, 'flipped', r.flipped))
      FROM (SELECT o.onet_code,
                   w.signal,
                   v.value,
                   w.weight,
                   v.value * (w.weight
                              / (sum(w.weight::numeric) FILTER (WHERE v.value IS NOT NULL)
                                 OVER (PARTITION BY o.onet_code))::float8) AS points,
                   w.orientation <> w.target AS flipped
              FROM airesilience.occupation o
             CROSS JOIN (SELECT e.key AS signal,
                                (e.value)::float8 AS weight,
                                g.orientation,
                                coalesce($3, min(g.orientation) OVER ()) AS target
                           FROM jsonb_each($1) e
                           JOIN airesilience.signal g ON g.signal = e.key) w
              LEFT JOIN airesilience.occupation_signal s ON s.onet_code = o.onet_code AND s.signal = w.signal
             CROSS JOIN LATERAL (SELECT CASE WHEN w.orientation = w.target THEN s.value ELSE 100 - s.value END AS value) v
             WHERE ($2 IS NULL OR o.onet_code = $2)
               AND airesilience.composite_weights_check($1, $3)) r
     GROUP BY r.onet_code;
END;


CREATE OR REPLACE FUNCTION airesilience.occupation_slug(title text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(title), '[^a-z0-9]+', '-', 'g'), '-');
END;


CREATE OR REPLACE FUNCTION airesilience.occupation_short_name(title text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN pg_catalog.length(t) > 26 AND t ~ ' [A-Za-z]{5,}$'
                THEN pg_catalog.regexp_replace(t, ' ([A-Za-z]{4})[A-Za-z]+$', ' \1.')
                ELSE t
           END
      FROM (SELECT pg_catalog.regexp_replace(title, ', (Except|All Other)\M.*$', '') AS t) s;
END;


CREATE OR REPLACE FUNCTION airesilience.data_updated_at()
RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT max(taken_at) FROM airesilience.snapshot;
END;


CREATE OR REPLACE FUNCTION airesilience.explanation_number(x float8)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.trim_scale(pg_catalog.round(x::numeric, 1))::text;
END;


CREATE OR REPLACE FUNCTION airesilience.occupation_explanation(onet_code text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT airesilience.occupation_document(onet_code)->'aiResilience'->>'explanation';
END;


CREATE OR REPLACE FUNCTION airesilience.snapshot_report(snapshot_id bigint)
RETURNS TABLE (snapshot_id bigint, taken_at timestamptz, model_version text, label_scheme text,
               onet_code text, title text, category text, task_resilience float8, weight_basis text,
               task_count bigint, source_median float8, source_count bigint, dispersion float8,
               confidence text, label text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT s.snapshot_id, s.taken_at, s.model_version, s.label_scheme,
           o.onet_code, o.title, o.category, o.task_resilience, o.weight_basis,
           o.task_count, o.source_median, o.source_count, o.dispersion,
           o.confidence, o.label
      FROM airesilience.snapshot s
      JOIN airesilience.snapshot_occupation o ON o.snapshot_id = s.snapshot_id
     WHERE s.snapshot_id = coalesce($1, 0)
       AND airesilience.snapshot_check($1);
END;


CREATE OR REPLACE FUNCTION airesilience.snapshot_changes(from_id bigint, to_id bigint)
RETURNS TABLE (onet_code text, title text, change text,
               old_score float8, new_score float8, delta float8,
               old_label text, new_label text, old_confidence text, new_confidence text,
               sources_changed text[], presets_changed text[])
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT x.onet_code, x.title,
           CASE WHEN x.old_count IS NULL THEN 'added'
                WHEN x.new_count IS NULL THEN 'removed'
                WHEN (x.old_score, x.old_label, x.old_confidence) IS DISTINCT FROM (x.new_score, x.new_label, x.new_confidence)
                     OR cardinality(c.sources) > 0 OR cardinality(k.presets) > 0 THEN 'changed'
                ELSE 'unchanged'
           END,
           x.old_score, x.new_score, x.new_score - x.old_score,
           x.old_label, x.new_label, x.old_confidence, x.new_confidence,
           c.sources, k.presets
      FROM (SELECT a.onet_code, coalesce(b.title, a.title) AS title,
                   a.source_count AS old_count, b.source_count AS new_count,
                   a.source_median AS old_score, b.source_median AS new_score,
                   a.label AS old_label, b.label AS new_label,
                   a.confidence AS old_confidence, b.confidence AS new_confidence
              FROM airesilience.snapshot_occupation a
              LEFT JOIN airesilience.snapshot_occupation b ON b.snapshot_id = coalesce($2, 0) AND b.onet_code = a.onet_code
             WHERE a.snapshot_id = coalesce($1, 0)
            UNION ALL
            SELECT b.onet_code, b.title,
                   NULL, b.source_count,
                   NULL, b.source_median,
                   NULL, b.label,
                   NULL, b.confidence
              FROM airesilience.snapshot_occupation b
             WHERE b.snapshot_id = coalesce($2, 0)
               AND NOT EXISTS (SELECT FROM airesilience.snapshot_occupation a
                                WHERE a.snapshot_id = coalesce($1, 0) AND a.onet_code = b.onet_code)) x
     CROSS JOIN LATERAL (
            SELECT coalesce(array_agg(coalesce(p.source, q.source) ORDER BY coalesce(p.source, q.source)), '{}') AS sources
              FROM (SELECT v.source, v.score FROM airesilience.snapshot_source v
                     WHERE v.snapshot_id = coalesce($1, 0) AND v.onet_code = x.onet_code) p
              FULL JOIN (SELECT v.source, v.score FROM airesilience.snapshot_source v
                          WHERE v.snapshot_id = coalesce($2, 0) AND v.onet_code = x.onet_code) q ON q.source = p.source
             WHERE p.score IS DISTINCT FROM q.score
                OR p.source IS NULL OR q.source IS NULL) c
     CROSS JOIN LATERAL (
            SELECT coalesce(array_agg(coalesce(p.preset, q.preset) ORDER BY coalesce(p.preset, q.preset)), '{}') AS presets
              FROM (SELECT v.preset, v.score, v.label FROM airesilience.snapshot_composite v
                     WHERE v.snapshot_id = coalesce($1, 0) AND v.onet_code = x.onet_code) p
              FULL JOIN (SELECT v.preset, v.score, v.label FROM airesilience.snapshot_composite v
                          WHERE v.snapshot_id = coalesce($2, 0) AND v.onet_code = x.onet_code) q ON q.preset = p.preset
             WHERE (p.score, p.label) IS DISTINCT FROM (q.score, q.label)
                OR p.preset IS NULL OR q.preset IS NULL) k
     WHERE airesilience.snapshot_check($1, $2);
END;


CREATE OR REPLACE FUNCTION airesilience.what_if(weights jsonb, onet_code text DEFAULT NULL, orientation text DEFAULT NULL)
RETURNS TABLE (onet_code text, title text, source_median float8, label text,
               what_if_score float8, what_if_label text,
               baseline_preset text, baseline_score float8, delta float8,
               breakdown jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT w.onet_code, r.title, r.source_median, r.label,
           w.score,
           airesilience.band_label(w.score, l.cuts, l.labels, l.inclusive),
           p.preset, b.score, w.score - b.score,
           w.breakdown
      FROM airesilience.composite_scores($1, $2, $3) w
      JOIN airesilience.occupation_report r ON r.onet_code = w.onet_code
      JOIN airesilience.composite_preset p
        ON p.preset = CASE coalesce($3, (SELECT min(g.orientation) FROM airesilience.signal g WHERE $1 ? g.signal))
                          WHEN 'resilience' THEN 'careervillage'
                          ELSE 'jobpocalypse'
                      END
      JOIN airesilience.label_scheme l ON l.scheme = p.label_scheme
      LEFT JOIN airesilience.composite_report b ON b.onet_code = w.onet_code AND b.preset = p.preset
     WHERE ($2 IS NULL OR w.onet_code = $2)
       AND airesilience.composite_weights_check($1, $3);
END;


------------------------------------------------------------------------------
-- search_occupations names pg_trgm's operator and functions with pg_trgm's
-- schema and pins search_path to pg_catalog (src/search.sql); the trigram
-- indexes are unchanged.
------------------------------------------------------------------------------

DO $do$
DECLARE
    trgm text := (SELECT quote_ident(n.nspname)
                    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                   WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE replace($def$
    CREATE OR REPLACE FUNCTION airesilience.search_occupations(query text, n integer DEFAULT 20)
    RETURNS TABLE (onet_code text, title text, label text, score real, matched text, rank bigint)
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET pg_trgm.word_similarity_threshold = 0.3
    SET plan_cache_mode = force_generic_plan
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    #variable_conflict use_column
    BEGIN
        IF search_occupations.n < 1 THEN
            RAISE EXCEPTION 'n must be at least 1'
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('n is %s.', search_occupations.n);
        END IF;
        IF length(search_occupations.query) > 200 THEN
            RAISE EXCEPTION 'query is too long'
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('The query has %s characters; at most 200 are searched.',
                                      length(search_occupations.query));
        END IF;

        -- A blank query, or one without a letter or digit, has no trigrams and
        -- matches nothing: no rows, without scanning.
        IF search_occupations.query !~ '[[:alnum:]]' THEN
            RETURN;
        END IF;

        RETURN QUERY
        WITH candidate AS (
            SELECT o.onet_code, o.title AS name, true AS is_title
              FROM airesilience.occupation o
             WHERE search_occupations.query OPERATOR(@trgm@.<%) o.title
            UNION ALL
            SELECT a.onet_code, a.alias, false
              FROM airesilience.occupation_alias a
             WHERE search_occupations.query OPERATOR(@trgm@.<%) a.alias),
        best AS (
            SELECT DISTINCT ON (c.onet_code)
                   c.onet_code, c.name, @trgm@.word_similarity(search_occupations.query, c.name) AS score
              FROM candidate c
             ORDER BY c.onet_code, 3 DESC, c.is_title DESC, c.name COLLATE "C"),
        ranked AS (
            SELECT b.onet_code, o.title, b.score, b.name,
                   row_number() OVER (ORDER BY b.score DESC,
                                               @trgm@.similarity(search_occupations.query, o.title) DESC,
                                               b.onet_code COLLATE "C") AS rank
              FROM best b
              JOIN airesilience.occupation o ON o.onet_code = b.onet_code
             ORDER BY rank
             LIMIT search_occupations.n)
        SELECT r.onet_code, r.title, l.label, r.score, r.name, r.rank
          FROM ranked r
          -- The label of each result alone: OFFSET 0 keeps the lateral
          -- subquery apart, so the code reaches into the view's grouped parts
          -- and no other occupation is scored.
          LEFT JOIN LATERAL (SELECT rep.label
                               FROM airesilience.occupation_report rep
                              WHERE rep.onet_code = r.onet_code
                             OFFSET 0) l ON true
         ORDER BY r.rank;
    END
    $fn$
    $def$, '@trgm@', trgm);
END
$do$;

------------------------------------------------------------------------------
-- DROP EXTENSION keeps user data (src/drop_guard.sql)
------------------------------------------------------------------------------

-- airesilience: DROP EXTENSION keeps user data unless told otherwise.
--
-- A plain DROP EXTENSION airesilience would delete every row users loaded
-- and every snapshot.  While any such row exists, the event trigger below
-- refuses it (2BP01), and DROP EXTENSION pg_trgm CASCADE and DROP SCHEMA
-- airesilience CASCADE with it (src/drop_guard.c reads the statement).
-- SET airesilience.allow_drop = on lets the DROP through, after a backup.

-- The rows a DROP would lose: those pg_dump keeps of each configuration
-- table (its extcondition leaves out the built-in rows), as "N rows of
-- table, ..."; NULL when there are none.
CREATE FUNCTION airesilience.user_rows()
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    config record;
    n bigint;
    counts text[] := '{}';
BEGIN
    FOR config IN
        SELECT c.oid::regclass AS tbl, x.condition
          FROM pg_extension e,
               unnest(e.extconfig, e.extcondition) AS x(tbl, condition)
          JOIN pg_class c ON c.oid = x.tbl
         WHERE e.extname = 'airesilience' AND c.relkind = 'r'
         ORDER BY c.relname
    LOOP
        EXECUTE format('SELECT count(*) FROM %s %s', config.tbl, config.condition) INTO n;
        IF n > 0 THEN
            counts := counts || format('%s %s of %s', n, CASE n WHEN 1 THEN 'row' ELSE 'rows' END, config.tbl);
        END IF;
    END LOOP;
    RETURN nullif(array_to_string(counts, ', '), '');
END
$$;
COMMENT ON FUNCTION airesilience.user_rows() IS
    'Internal: the user rows a DROP EXTENSION would delete, per table ("N rows of table, ..."), NULL when none';

CREATE FUNCTION airesilience.drop_guard()
RETURNS event_trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'drop_guard';
COMMENT ON FUNCTION airesilience.drop_guard() IS
    'Event trigger: refuses a DROP that would drop the extension while user rows exist, unless airesilience.allow_drop is on';

CREATE EVENT TRIGGER airesilience_drop_guard ON ddl_command_start
    WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA')
    EXECUTE FUNCTION airesilience.drop_guard();
COMMENT ON EVENT TRIGGER airesilience_drop_guard IS
    'Refuses DROP EXTENSION airesilience (or a DROP that cascades to it) while its tables hold user rows; SET airesilience.allow_drop = on to allow';

------------------------------------------------------------------------------
-- Who may do what (src/access.sql)
------------------------------------------------------------------------------

-- airesilience: who may do what.
--
-- PUBLIC may use nothing of the extension: not its schema, not one of its
-- functions.  A superuser (or the extension's owner) gives a role one of
-- three kinds of access with grant_access(role, access):
--
--   analyst  reads every table and view and calls every function that
--            reads: the reports, search, what-if, documents, snapshots
--   webapp   reads the published snapshots alone: published_document(),
--            snapshot_report(), snapshot_changes() and the snapshot tables;
--            no live table
--   steward  an analyst who also loads and changes data (INSERT, UPDATE,
--            DELETE, TRUNCATE on every table; built-in rows and snapshots
--            stay protected by their triggers) and takes snapshots
--
-- access_privileges(access) lists the exact privileges each kind gets, from
-- the catalog, so the list and the grants cannot drift apart; the README
-- shows it.  Grants name the objects that exist when they are made: after
-- ALTER EXTENSION ... UPDATE, run grant_access again for each role.
--
-- Functions nobody is granted: trigger functions (a trigger runs its
-- function whatever the privileges), aggregate support functions (checked
-- against the aggregate's owner) and grant_access/revoke_access themselves.
-- Maintenance helpers that the steward's triggers call (the *_refresh
-- functions, changed_keys_query) and take_snapshot() are the steward's.

-- true for a known access kind, otherwise an error (22023).
CREATE FUNCTION airesilience.access_check(access text)
RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF access IS NULL OR access NOT IN ('analyst', 'webapp', 'steward') THEN
        RAISE EXCEPTION 'access must be analyst, webapp or steward'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('access is %s.', coalesce(access, 'NULL'));
    END IF;
    RETURN true;
END
$$;
COMMENT ON FUNCTION airesilience.access_check(text) IS
    'true for analyst, webapp or steward; otherwise 22023';

-- Each function of the extension with the narrowest access that may call
-- it: internal, steward, analyst or webapp (webapp functions are an
-- analyst's too).
CREATE VIEW airesilience.function_access AS
SELECT p.oid::regprocedure AS function,
       CASE WHEN p.prorettype = 'trigger'::regtype
              OR p.proname IN ('grant_access', 'revoke_access')
              OR EXISTS (SELECT FROM pg_aggregate a
                          WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
                                          a.aggserialfn, a.aggdeserialfn))
            THEN 'internal'
            WHEN p.proname IN ('take_snapshot', 'install_default_seniority_curves', 'changed_keys_query',
                               'adaptability_refresh', 'labor_percentile_refresh',
                               'skill_vector_refresh', 'source_percentile_refresh')
            THEN 'steward'
            WHEN p.proname IN ('published_document', 'snapshot_report', 'snapshot_changes', 'snapshot_check',
                               'data_updated_at', 'model_version')
            THEN 'webapp'
            ELSE 'analyst'
       END AS access
  FROM pg_proc p
 WHERE p.pronamespace = 'airesilience'::regnamespace;
COMMENT ON VIEW airesilience.function_access IS
    'Each function of the extension and the narrowest access that may call it: internal (nobody), steward, analyst, or webapp (also an analyst''s)';
COMMENT ON COLUMN airesilience.function_access.function IS 'The function or aggregate';
COMMENT ON COLUMN airesilience.function_access.access IS
    'internal, steward, analyst or webapp: see access_privileges()';

-- The privileges of one kind of access, as (privilege, object) pairs: what
-- grant_access GRANTs and revoke_access REVOKEs.
CREATE FUNCTION airesilience.access_privileges(access text)
RETURNS TABLE (privilege text, object text)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH relation AS (
        SELECT c.oid::regclass AS rel, c.relkind, c.relname
          FROM pg_class c
         WHERE c.relnamespace = 'airesilience'::regnamespace
           AND c.relkind IN ('r', 'v', 'S')
    ), grants (privilege, object, priority) AS (
        SELECT 'USAGE', 'SCHEMA airesilience', 0
         WHERE access_privileges.access IN ('analyst', 'webapp', 'steward')
        UNION ALL
        SELECT 'SELECT', 'TABLE ' || r.rel::text, 1
          FROM relation r
         WHERE (access_privileges.access IN ('analyst', 'steward') AND r.relkind IN ('r', 'v'))
            OR (access_privileges.access = 'webapp' AND r.relname IN
                    ('snapshot', 'snapshot_occupation', 'snapshot_source', 'snapshot_composite', 'snapshot_document'))
        UNION ALL
        SELECT 'INSERT, UPDATE, DELETE, TRUNCATE', 'TABLE ' || r.rel::text, 2
          FROM relation r
         WHERE access_privileges.access = 'steward' AND r.relkind = 'r'
        UNION ALL
        SELECT 'USAGE', 'SEQUENCE ' || r.rel::text, 3
          FROM relation r
         WHERE access_privileges.access = 'steward' AND r.relkind = 'S'
        UNION ALL
        SELECT 'EXECUTE', 'FUNCTION ' || f.function::text, 4
          FROM airesilience.function_access f
         WHERE f.access = CASE access_privileges.access WHEN 'webapp' THEN 'webapp' END
            OR (access_privileges.access IN ('analyst', 'steward') AND f.access IN ('analyst', 'webapp'))
            OR (access_privileges.access = 'steward' AND f.access = 'steward')
    )
    SELECT g.privilege, g.object
      FROM grants g
     WHERE airesilience.access_check(access_privileges.access)
     ORDER BY g.priority, g.object;
END;
COMMENT ON FUNCTION airesilience.access_privileges(text) IS
    'The privileges of an access kind (analyst, webapp, steward) as (privilege, object) pairs: what grant_access grants; another kind -> 22023';

-- GRANT, or REVOKE, the privileges of one access kind to a role.  Run by a
-- role that may grant them: a superuser or the extension's owner.
CREATE FUNCTION airesilience.grant_access(grantee regrole, access text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT * FROM airesilience.access_privileges(access) LOOP
        EXECUTE format('GRANT %s ON %s TO %s', p.privilege, p.object, grantee);
    END LOOP;
END
$$;
COMMENT ON FUNCTION airesilience.grant_access(regrole, text) IS
    'Grants grantee the privileges of an access kind (analyst, webapp, steward) on the objects that exist now: access_privileges(access)';

CREATE FUNCTION airesilience.revoke_access(grantee regrole, access text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT * FROM airesilience.access_privileges(access) LOOP
        EXECUTE format('REVOKE %s ON %s FROM %s', p.privilege, p.object, grantee);
    END LOOP;
END
$$;
COMMENT ON FUNCTION airesilience.revoke_access(regrole, text) IS
    'Revokes from grantee the privileges access_privileges(access) lists (shared ones too, when the role had two kinds)';

-- Functions are EXECUTE for PUBLIC when created; none of these is.
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA airesilience FROM PUBLIC;

------------------------------------------------------------------------------
-- What the extension's objects may resolve to (src/trust.sql); the check at
-- its end fails the update where an object of 0.1.0 was bound to another
-- role's function or operator
------------------------------------------------------------------------------

-- airesilience: what the extension's objects may resolve to.
--
-- Views, defaults, constraints, triggers and SQL-standard function bodies
-- bind the functions and operators they name when they are created.  The
-- install and update scripts create them under a search_path of pg_catalog
-- alone, so each may use only pg_catalog's objects, the extension's own
-- and pg_trgm's.  This lists any that uses another schema's: it is empty
-- unless a database was tampered with, and both scripts fail if it is not.
CREATE FUNCTION airesilience.untrusted_dependencies()
RETURNS TABLE (object text, uses text)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH dependency AS (
        SELECT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid,
               CASE d.classid
                   WHEN 'pg_rewrite'::regclass THEN (SELECT c.relnamespace FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
                                                      WHERE r.oid = d.objid)
                   WHEN 'pg_attrdef'::regclass THEN (SELECT c.relnamespace FROM pg_attrdef a JOIN pg_class c ON c.oid = a.adrelid
                                                      WHERE a.oid = d.objid)
                   WHEN 'pg_trigger'::regclass THEN (SELECT c.relnamespace FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                                                      WHERE t.oid = d.objid)
                   WHEN 'pg_constraint'::regclass THEN (SELECT c.connamespace FROM pg_constraint c WHERE c.oid = d.objid)
                   WHEN 'pg_class'::regclass THEN (SELECT c.relnamespace FROM pg_class c WHERE c.oid = d.objid)
                   WHEN 'pg_proc'::regclass THEN (SELECT p.pronamespace FROM pg_proc p WHERE p.oid = d.objid)
                   WHEN 'pg_type'::regclass THEN (SELECT t.typnamespace FROM pg_type t WHERE t.oid = d.objid)
               END AS namespace,
               CASE d.refclassid
                   WHEN 'pg_proc'::regclass THEN (SELECT p.pronamespace FROM pg_proc p WHERE p.oid = d.refobjid)
                   WHEN 'pg_operator'::regclass THEN (SELECT o.oprnamespace FROM pg_operator o WHERE o.oid = d.refobjid)
               END AS ref_namespace
          FROM pg_depend d
         WHERE d.refclassid IN ('pg_proc'::regclass, 'pg_operator'::regclass)
    )
    SELECT pg_describe_object(d.classid, d.objid, d.objsubid), pg_describe_object(d.refclassid, d.refobjid, 0)
      FROM dependency d
     WHERE d.namespace = 'airesilience'::regnamespace
       AND d.ref_namespace NOT IN ('pg_catalog'::regnamespace, 'airesilience'::regnamespace,
                                   (SELECT e.extnamespace FROM pg_extension e WHERE e.extname = 'pg_trgm'))
     ORDER BY 1, 2;
END;
COMMENT ON FUNCTION airesilience.untrusted_dependencies() IS
    'Objects of the extension that use a function or operator outside pg_catalog, the extension''s schema and pg_trgm''s: none unless the database was tampered with';

-- The script's own check.
DO $$
DECLARE
    found text;
BEGIN
    SELECT string_agg(u.object || ' uses ' || u.uses, '; ') INTO found FROM airesilience.untrusted_dependencies() u;
    IF found IS NOT NULL THEN
        RAISE EXCEPTION 'objects of airesilience use functions or operators of other schemas'
            USING ERRCODE = 'insufficient_privilege', DETAIL = found,
                  HINT = 'Another role created objects that the extension''s objects bound to: find out who, and drop them.';
    END IF;
END
$$;

------------------------------------------------------------------------------
-- Serving the web app (src/serving.sql), issue 12
------------------------------------------------------------------------------
-- Page by slug, list page, search and bulk CSV, all from the published
-- snapshot.  The snapshots already taken get what take_snapshot() now
-- records besides the reports, worked out from what they stored:
--   * snapshot_occupation.slug: the slug of the document's url
--     (/occupations/<slug>, occupation_slug(title) in the same statement),
--     or occupation_slug(title) where a document is missing;
--   * snapshot_word: document_words() of each stored document, as
--     take_snapshot() computes it;
--   * snapshot_name: the recorded title, and the alternate titles of
--     occupation_alias as they are now (0.1.0 did not record them).
-- Their recorded values are not changed.

ALTER TABLE airesilience.snapshot_occupation ADD COLUMN slug text;
ALTER TABLE airesilience.snapshot_occupation DISABLE TRIGGER snapshot_immutable;
UPDATE airesilience.snapshot_occupation o
   SET slug = coalesce((SELECT pg_catalog.substr(d.document OPERATOR(pg_catalog.->>) 'url', 14)
                          FROM airesilience.snapshot_document d
                         WHERE d.snapshot_id OPERATOR(pg_catalog.=) o.snapshot_id
                           AND d.onet_code OPERATOR(pg_catalog.=) o.onet_code
                           AND (d.document OPERATOR(pg_catalog.->>) 'url') OPERATOR(pg_catalog.^@) '/occupations/'),
                       airesilience.occupation_slug(o.title));
ALTER TABLE airesilience.snapshot_occupation ENABLE TRIGGER snapshot_immutable;
ALTER TABLE airesilience.snapshot_occupation ALTER COLUMN slug SET NOT NULL;
COMMENT ON COLUMN airesilience.snapshot_occupation.slug IS
    'occupation_slug(title): the page''s address is /occupations/<slug>, as the document''s url says (published_document_by_slug)';

CREATE FUNCTION airesilience.snapshot_occupation_slug() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.slug IS NULL THEN
        NEW.slug := airesilience.occupation_slug(NEW.title);
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION airesilience.snapshot_occupation_slug() IS
    'Trigger: a snapshot_occupation row inserted without a slug gets occupation_slug(title)';
CREATE TRIGGER snapshot_occupation_slug BEFORE INSERT ON airesilience.snapshot_occupation
    FOR EACH ROW EXECUTE FUNCTION airesilience.snapshot_occupation_slug();
COMMENT ON TRIGGER snapshot_occupation_slug ON airesilience.snapshot_occupation IS
    'Rows restored from a 0.1.0 dump, which has no slug, get the slug of their title';

CREATE TABLE airesilience.snapshot_name (
    snapshot_id bigint NOT NULL,
    onet_code   text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('title', 'alias')),
    name        text NOT NULL,
    PRIMARY KEY (snapshot_id, onet_code, kind, name),
    FOREIGN KEY (snapshot_id, onet_code) REFERENCES airesilience.snapshot_occupation ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.snapshot_name IS
    'Snapshot x occupation x name: the title and the alternate titles (occupation_alias) when the snapshot was taken, for search_published()';
COMMENT ON COLUMN airesilience.snapshot_name.kind IS 'title (the O*NET title) or alias (a row of occupation_alias)';
COMMENT ON COLUMN airesilience.snapshot_name.name IS 'The title or alternate title as stored then';

CREATE TABLE airesilience.snapshot_word (
    snapshot_id bigint NOT NULL REFERENCES airesilience.snapshot ON DELETE CASCADE,
    word        text NOT NULL,
    onet_codes  text[] NOT NULL,
    PRIMARY KEY (snapshot_id, word)
);
COMMENT ON TABLE airesilience.snapshot_word IS
    'Snapshot x word: each word of the snapshot''s documents'' descriptions and task statements (document_words) with the occupations that use it, for search_published()';
COMMENT ON COLUMN airesilience.snapshot_word.word IS 'A word as document_words() writes it: lower case, a-z and 0-9, three characters or more, not a stop word';
COMMENT ON COLUMN airesilience.snapshot_word.onet_codes IS 'The occupations of the snapshot whose description or tasks use the word, in code order';

DO $$
DECLARE
    t regclass;
BEGIN
    FOREACH t IN ARRAY ARRAY['airesilience.snapshot_name', 'airesilience.snapshot_word']::regclass[]
    LOOP
        EXECUTE format('CREATE TRIGGER snapshot_immutable BEFORE UPDATE OR DELETE ON %s
                            FOR EACH ROW EXECUTE FUNCTION airesilience.snapshot_immutable()', t);
        EXECUTE format('COMMENT ON TRIGGER snapshot_immutable ON %s IS %L',
                       t, 'Rows cannot be updated, nor deleted apart from their snapshot');
        EXECUTE format('CREATE TRIGGER snapshot_immutable_truncate BEFORE TRUNCATE ON %s
                            FOR EACH STATEMENT EXECUTE FUNCTION airesilience.snapshot_immutable()', t);
        EXECUTE format('COMMENT ON TRIGGER snapshot_immutable_truncate ON %s IS %L',
                       t, 'Snapshots are deleted, not truncated');
    END LOOP;
END
$$;
SELECT pg_catalog.pg_extension_config_dump('airesilience.snapshot_name', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.snapshot_word', '');

CREATE FUNCTION airesilience.stop_words()
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT '{all,and,any,are,but,for,from,into,its,not,other,such,that,the,their,them,these,this,those,with}'::text[];
END;
COMMENT ON FUNCTION airesilience.stop_words() IS
    'The words document_words() and search_published() leave out: and, the, for, with and the like (three letters or more)';

CREATE FUNCTION airesilience.document_words(document jsonb)
RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(array_agg(DISTINCT w.word COLLATE "C" ORDER BY w.word COLLATE "C"), '{}')
      FROM (SELECT document->>'description' AS text
            UNION ALL
            SELECT t->>'task' FROM jsonb_array_elements(coalesce(document->'tasks', '[]')) t) s
     CROSS JOIN LATERAL regexp_split_to_table(lower(s.text), '[^a-z0-9]+') w (word)
     WHERE length(w.word) >= 3
       AND w.word <> ALL (airesilience.stop_words());
END;
COMMENT ON FUNCTION airesilience.document_words(jsonb) IS
    'The words of a document''s description and task statements: lower case, split at characters other than a-z and 0-9, three characters or more, no stop word (stop_words()), each once, sorted';

-- The snapshots taken so far: their names and document words.
INSERT INTO airesilience.snapshot_name (snapshot_id, onet_code, kind, name)
SELECT o.snapshot_id, o.onet_code, 'title', o.title
  FROM airesilience.snapshot_occupation o
UNION ALL
SELECT o.snapshot_id, o.onet_code, 'alias', a.alias
  FROM airesilience.snapshot_occupation o
  JOIN airesilience.occupation_alias a ON a.onet_code OPERATOR(pg_catalog.=) o.onet_code;
INSERT INTO airesilience.snapshot_word (snapshot_id, word, onet_codes)
SELECT d.snapshot_id, w.word, pg_catalog.array_agg(d.onet_code ORDER BY d.onet_code COLLATE "C")
  FROM airesilience.snapshot_document d
 CROSS JOIN LATERAL pg_catalog.unnest(airesilience.document_words(d.document)) w (word)
 GROUP BY d.snapshot_id, w.word;

-- take_snapshot() records the slug, the names and the document words too.
CREATE OR REPLACE FUNCTION airesilience.take_snapshot(note text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scheme text := coalesce(nullif(current_setting('airesilience.label_scheme', true), ''), 'resilience6');
    taken bigint;
BEGIN
    PERFORM airesilience.score_label(NULL);
    WITH header AS (
        INSERT INTO airesilience.snapshot (model_version, label_scheme, note)
        VALUES (airesilience.model_version(), scheme, take_snapshot.note)
        RETURNING snapshot_id, taken_at),
    occupations AS (
        INSERT INTO airesilience.snapshot_occupation
            (snapshot_id, onet_code, title, category, task_resilience, weight_basis, task_count,
             source_median, source_count, dispersion, confidence, label, slug)
        SELECT h.snapshot_id, r.onet_code, r.title, r.category, r.task_resilience, r.weight_basis, r.task_count,
               r.source_median, r.source_count, r.dispersion, r.confidence, r.label,
               airesilience.occupation_slug(r.title)
          FROM header h, airesilience.occupation_report r),
    names AS (
        INSERT INTO airesilience.snapshot_name (snapshot_id, onet_code, kind, name)
        SELECT h.snapshot_id, o.onet_code, 'title', o.title
          FROM header h, airesilience.occupation o
        UNION ALL
        SELECT h.snapshot_id, a.onet_code, 'alias', a.alias
          FROM header h, airesilience.occupation_alias a),
    sources AS (
        INSERT INTO airesilience.snapshot_source (snapshot_id, onet_code, source, raw_value, score, normalization)
        SELECT h.snapshot_id, r.onet_code, r.source, r.raw_value, r.score, r.normalization
          FROM header h, airesilience.source_report r),
    composites AS (
        INSERT INTO airesilience.snapshot_composite
            (snapshot_id, onet_code, preset, score, label, signals_used, coverage, breakdown)
        SELECT h.snapshot_id, r.onet_code, r.preset, r.score, r.label, r.signals_used, r.coverage, r.breakdown
          FROM header h, airesilience.composite_report r),
    documents AS (
        INSERT INTO airesilience.snapshot_document (snapshot_id, onet_code, document)
        SELECT h.snapshot_id, o.onet_code,
               jsonb_set(airesilience.occupation_document(o.onet_code), '{lastUpdated}',
                         to_jsonb(to_char(h.taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
          FROM header h, airesilience.occupation o
        RETURNING snapshot_id, onet_code, document),
    words AS (
        INSERT INTO airesilience.snapshot_word (snapshot_id, word, onet_codes)
        SELECT d.snapshot_id, w.word, array_agg(d.onet_code ORDER BY d.onet_code COLLATE "C")
          FROM documents d
         CROSS JOIN LATERAL unnest(airesilience.document_words(d.document)) w (word)
         GROUP BY d.snapshot_id, w.word)
    SELECT h.snapshot_id INTO taken FROM header h;
    RETURN taken;
END
$$;
COMMENT ON FUNCTION airesilience.take_snapshot(text) IS
    'Records the current occupation, source and composite reports, the JSON document of every occupation and what search_published() reads (names, document words) as a new snapshot and returns its id; unknown label scheme -> 22023';

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

-- The webapp access kind covers the serving functions and the two new
-- snapshot tables (src/access.sql).
CREATE OR REPLACE VIEW airesilience.function_access AS
SELECT p.oid::regprocedure AS function,
       CASE WHEN p.prorettype = 'trigger'::regtype
              OR p.proname IN ('grant_access', 'revoke_access')
              OR EXISTS (SELECT FROM pg_aggregate a
                          WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
                                          a.aggserialfn, a.aggdeserialfn))
            THEN 'internal'
            WHEN p.proname IN ('take_snapshot', 'install_default_seniority_curves', 'changed_keys_query',
                               'adaptability_refresh', 'labor_percentile_refresh',
                               'skill_vector_refresh', 'source_percentile_refresh')
            THEN 'steward'
            WHEN p.proname IN ('published_document', 'snapshot_report', 'snapshot_changes', 'snapshot_check',
                               'data_updated_at', 'model_version', 'published_snapshot', 'published_document_by_slug',
                               'published_occupations', 'list_cursor', 'search_published', 'stop_words',
                               'published_export')
            THEN 'webapp'
            ELSE 'analyst'
       END AS access
  FROM pg_proc p
 WHERE p.pronamespace = 'airesilience'::regnamespace;

CREATE OR REPLACE FUNCTION airesilience.access_privileges(access text)
RETURNS TABLE (privilege text, object text)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH relation AS (
        SELECT c.oid::regclass AS rel, c.relkind, c.relname
          FROM pg_class c
         WHERE c.relnamespace = 'airesilience'::regnamespace
           AND c.relkind IN ('r', 'v', 'S')
    ), grants (privilege, object, priority) AS (
        SELECT 'USAGE', 'SCHEMA airesilience', 0
         WHERE access_privileges.access IN ('analyst', 'webapp', 'steward')
        UNION ALL
        SELECT 'SELECT', 'TABLE ' || r.rel::text, 1
          FROM relation r
         WHERE (access_privileges.access IN ('analyst', 'steward') AND r.relkind IN ('r', 'v'))
            OR (access_privileges.access = 'webapp' AND r.relname IN
                    ('snapshot', 'snapshot_occupation', 'snapshot_source', 'snapshot_composite', 'snapshot_document',
                     'snapshot_name', 'snapshot_word'))
        UNION ALL
        SELECT 'INSERT, UPDATE, DELETE, TRUNCATE', 'TABLE ' || r.rel::text, 2
          FROM relation r
         WHERE access_privileges.access = 'steward' AND r.relkind = 'r'
        UNION ALL
        SELECT 'USAGE', 'SEQUENCE ' || r.rel::text, 3
          FROM relation r
         WHERE access_privileges.access = 'steward' AND r.relkind = 'S'
        UNION ALL
        SELECT 'EXECUTE', 'FUNCTION ' || f.function::text, 4
          FROM airesilience.function_access f
         WHERE f.access = CASE access_privileges.access WHEN 'webapp' THEN 'webapp' END
            OR (access_privileges.access IN ('analyst', 'steward') AND f.access IN ('analyst', 'webapp'))
            OR (access_privileges.access = 'steward' AND f.access = 'steward')
    )
    SELECT g.privilege, g.object
      FROM grants g
     WHERE airesilience.access_check(access_privileges.access)
     ORDER BY g.priority, g.object;
END;

-- Functions are EXECUTE for PUBLIC when created; none of these is.
REVOKE ALL ON FUNCTION airesilience.snapshot_occupation_slug(), airesilience.stop_words(), airesilience.document_words(jsonb),
    airesilience.published_snapshot(), airesilience.published_document_by_slug(text),
    airesilience.list_cursor(bigint, text, text, text, jsonb, text),
    airesilience.published_occupations(text, text, text, integer, text),
    airesilience.search_published(text, integer), airesilience.published_export() FROM PUBLIC;

-- The update script's check again, over this section's objects too.
DO $$
DECLARE
    found text;
BEGIN
    SELECT string_agg(u.object || ' uses ' || u.uses, '; ') INTO found FROM airesilience.untrusted_dependencies() u;
    IF found IS NOT NULL THEN
        RAISE EXCEPTION 'objects of airesilience use functions or operators of other schemas'
            USING ERRCODE = 'insufficient_privilege', DETAIL = found,
                  HINT = 'Another role created objects that the extension''s objects bound to: find out who, and drop them.';
    END IF;
END
$$;
