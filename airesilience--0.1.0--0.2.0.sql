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
    SELECT CASE WHEN task_type = 'core' THEN 2.0 ELSE 1.0 END
         * CASE WHEN basis = 'ratings' THEN importance * relevance / 100 ELSE 1.0 END;
END;

COMMENT ON FUNCTION airesilience.task_weight(text, text, float8, float8) IS
    'Weight of a task: 2 for core, 1 otherwise, times importance x relevance / 100 when basis = ratings (task''s CHECKs hold importance to 1-5 and relevance to 0-100; a product beyond float8 -> 22003), NULL -> NULL';


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
-- Functions nobody is granted: trigger and event trigger functions (a
-- trigger runs its function whatever the privileges), aggregate support functions (checked
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
       CASE WHEN p.prorettype IN ('trigger'::regtype, 'event_trigger'::regtype)
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
-- Functions are EXECUTE for PUBLIC when created; none of the extension's is
-- (src/finish.sql).  Keep this last: it covers every function above.
------------------------------------------------------------------------------

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA airesilience FROM PUBLIC;
