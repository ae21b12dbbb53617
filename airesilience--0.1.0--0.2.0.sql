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
                               'skill_vector_refresh', 'source_percentile_refresh', 'related_list_refresh')
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


------------------------------------------------------------------------------
-- Scores a person can trust (issue 11): percentile normalization for every
-- source, confidence bands for it, label meanings and reachable task
-- buckets, potential and adoption on one footing, stored related lists
-- with their basis, task-type provenance, the document's headline.  After
-- ALTER EXTENSION ... UPDATE, run make load-public again: it loads the
-- crosswalk rows, predecessor task types and percentile normalization of
-- the public sources (docs/data.md).
------------------------------------------------------------------------------

-- Tasks: where a task type comes from (src/schema.sql).
ALTER TABLE airesilience.task ADD COLUMN task_type_source text CONSTRAINT task_task_type_source_check
    CHECK (task_type_source IS NULL
           OR (task_type_source IN ('release', 'predecessor') AND task_type IS NOT NULL));
COMMENT ON COLUMN airesilience.task.task_type_source IS
    'Where task_type comes from: release (the task''s own O*NET release), predecessor (the same task text under the occupation''s predecessor code in an earlier release, docs/model.md); NULL when not stated or no type';

-- Sources: percentile by default, also for the derived task_model.
ALTER TABLE airesilience.source DROP CONSTRAINT source_check1;
ALTER TABLE airesilience.source ALTER COLUMN normalization SET DEFAULT 'percentile';
ALTER TABLE airesilience.source DISABLE TRIGGER source_builtin;
UPDATE airesilience.source SET normalization = 'percentile' WHERE source = 'task_model' AND builtin;
ALTER TABLE airesilience.source ENABLE TRIGGER source_builtin;
COMMENT ON COLUMN airesilience.source.normalization IS 'percentile (the default): the mid-rank percentile of the raw value among the occupations with a value (src/percentile.sql); linear: 0-100 by position between scale_min and scale_max; either is flipped (100 - x) for exposure sources';
-- A database's own choice of normalization for a source, over the source's
-- row: the way to score the built-in task_model linearly (its row is
-- read-only), or to try another normalization without touching a loaded
-- source.  A configuration table: pg_dump keeps the choice.
CREATE TABLE airesilience.source_setting (
    source        text PRIMARY KEY REFERENCES airesilience.source ON UPDATE CASCADE ON DELETE CASCADE,
    normalization text NOT NULL CHECK (normalization IN ('linear', 'percentile'))
);
COMMENT ON TABLE airesilience.source_setting IS
    'Per source, the normalization this database scores it by, over source.normalization (for example linear for the built-in task_model)';

SELECT pg_catalog.pg_extension_config_dump('airesilience.source_setting', '');

-- Mid-rank percentiles, task_model ranked too (src/percentile.sql).
COMMENT ON TABLE airesilience.source_percentile IS
    'Derived, maintained by triggers on source_value, task and task_rating: each source value''s mid-rank percentile among the occupations with a value of the same source (task_model: the task resilience)';
COMMENT ON COLUMN airesilience.source_percentile.percentile IS
    'Mid-rank percentile of the raw value within its source: 100 x (values below + (ties - 1) / 2) / (values - 1); lowest 0, highest 100, a lone value 50; not flipped for exposure sources';
CREATE OR REPLACE FUNCTION airesilience.source_percentile_refresh(sources text[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
    WITH value AS (
        SELECT v.onet_code, v.source, v.raw_value
          FROM airesilience.source_value v
         WHERE sources IS NULL OR v.source = ANY (sources)
        UNION ALL
        SELECT t.onet_code, 'task_model', t.task_resilience
          FROM airesilience.occupation_task_resilience t
         WHERE (sources IS NULL OR 'task_model' = ANY (sources))
           AND t.task_resilience IS NOT NULL),
    ranked AS (
        SELECT v.onet_code,
               v.source,
               rank() OVER (PARTITION BY v.source ORDER BY v.raw_value) - 1 AS below,
               count(*) OVER (PARTITION BY v.source, v.raw_value) - 1 AS ties,
               count(*) OVER (PARTITION BY v.source) - 1 AS others
          FROM value v),
    fresh AS (
        SELECT r.onet_code,
               r.source,
               CASE WHEN r.others = 0 THEN 50
                    -- one rounding: the division of two exact integers
                    ELSE (100 * (2 * r.below + r.ties))::float8 / (2 * r.others)
               END AS percentile
          FROM ranked r),
    stale AS (
        DELETE FROM airesilience.source_percentile p
         WHERE (sources IS NULL OR p.source = ANY (sources))
           AND NOT EXISTS (SELECT FROM fresh f WHERE f.onet_code = p.onet_code AND f.source = p.source))
    INSERT INTO airesilience.source_percentile AS p (onet_code, source, percentile)
    SELECT f.onet_code, f.source, f.percentile FROM fresh f
        ON CONFLICT (onet_code, source) DO UPDATE SET percentile = excluded.percentile
         WHERE p.percentile IS DISTINCT FROM excluded.percentile;
END
$$;
COMMENT ON FUNCTION airesilience.source_percentile_refresh(text[]) IS
    'Re-ranks the given sources (all when NULL; task_model from the task resilience) into source_percentile; the triggers on source_value, task and task_rating call it, call it yourself after loading with triggers disabled';

CREATE OR REPLACE FUNCTION airesilience.source_percentile_maintain()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
    sources text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM airesilience.source_percentile WHERE source <> 'task_model';
        RETURN NULL;
    END IF;
    EXECUTE airesilience.changed_keys_query(TG_OP, 'source', 'onet_code, source, raw_value') INTO sources;
    IF sources IS NOT NULL THEN     -- NULL: the statement changed no value
        PERFORM airesilience.source_percentile_refresh(sources);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION airesilience.source_percentile_maintain() IS
    'Trigger: re-ranks the sources whose values a statement on source_value added, removed or changed';

CREATE FUNCTION airesilience.task_model_percentile_maintain()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
    changed text[];
BEGIN
    IF TG_OP <> 'TRUNCATE' THEN
        EXECUTE airesilience.changed_keys_query(TG_OP, 'onet_code', CASE TG_TABLE_NAME
            WHEN 'task' THEN 'onet_code, task_id, task_type, importance, relevance'
            ELSE 'onet_code, task_id, rater, exposure' END)
           INTO changed;
        IF changed IS NULL THEN     -- nothing the task model uses changed
            RETURN NULL;
        END IF;
    END IF;
    PERFORM airesilience.source_percentile_refresh(ARRAY['task_model']);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION airesilience.task_model_percentile_maintain() IS
    'Trigger: re-ranks task_model in source_percentile after a statement on task or task_rating changed a weight input or an exposure';

CREATE TRIGGER task_model_percentile_insert AFTER INSERT ON airesilience.task REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.task_model_percentile_maintain();
COMMENT ON TRIGGER task_model_percentile_insert ON airesilience.task IS 'Keeps source_percentile (task_model) current after each INSERT statement';
CREATE TRIGGER task_model_percentile_update AFTER UPDATE ON airesilience.task REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.task_model_percentile_maintain();
COMMENT ON TRIGGER task_model_percentile_update ON airesilience.task IS 'Keeps source_percentile (task_model) current after each UPDATE statement';
CREATE TRIGGER task_model_percentile_delete AFTER DELETE ON airesilience.task REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.task_model_percentile_maintain();
COMMENT ON TRIGGER task_model_percentile_delete ON airesilience.task IS 'Keeps source_percentile (task_model) current after each DELETE statement';
CREATE TRIGGER task_model_percentile_truncate AFTER TRUNCATE ON airesilience.task FOR EACH STATEMENT EXECUTE FUNCTION airesilience.task_model_percentile_maintain();
COMMENT ON TRIGGER task_model_percentile_truncate ON airesilience.task IS 'Keeps source_percentile (task_model) current after each TRUNCATE statement';
CREATE TRIGGER task_model_percentile_insert AFTER INSERT ON airesilience.task_rating REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.task_model_percentile_maintain();
COMMENT ON TRIGGER task_model_percentile_insert ON airesilience.task_rating IS 'Keeps source_percentile (task_model) current after each INSERT statement';
CREATE TRIGGER task_model_percentile_update AFTER UPDATE ON airesilience.task_rating REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.task_model_percentile_maintain();
COMMENT ON TRIGGER task_model_percentile_update ON airesilience.task_rating IS 'Keeps source_percentile (task_model) current after each UPDATE statement';
CREATE TRIGGER task_model_percentile_delete AFTER DELETE ON airesilience.task_rating REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.task_model_percentile_maintain();
COMMENT ON TRIGGER task_model_percentile_delete ON airesilience.task_rating IS 'Keeps source_percentile (task_model) current after each DELETE statement';
CREATE TRIGGER task_model_percentile_truncate AFTER TRUNCATE ON airesilience.task_rating FOR EACH STATEMENT EXECUTE FUNCTION airesilience.task_model_percentile_maintain();
COMMENT ON TRIGGER task_model_percentile_truncate ON airesilience.task_rating IS 'Keeps source_percentile (task_model) current after each TRUNCATE statement';

-- Confidence bands of the percentile scores (src/consensus.sql).
CREATE FUNCTION airesilience.consensus_confidence_banded(n bigint, iqr float8, bands float8[], full_count integer)
RETURNS text
AS 'MODULE_PATHNAME', 'consensus_confidence_banded'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.consensus_confidence_banded(bigint, float8, float8[], integer) IS
    'Confidence in a consensus of n source scores with interquartile range iqr: High below bands[1], Medium-high below bands[2], Medium below bands[3], Low-medium below bands[4], else Low; one level lower per source fewer than full_count; Low for one source or none; bad n, iqr, bands or full_count -> 22023';

CREATE OR REPLACE FUNCTION airesilience.consensus_confidence(n bigint, iqr float8)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT airesilience.consensus_confidence_banded(n, iqr, '{13,18,22,28}'::float8[], 4);
END;
COMMENT ON FUNCTION airesilience.consensus_confidence(bigint, float8) IS
    'Confidence in a consensus of n source scores with interquartile range iqr (0-100 scale): High, Medium-high, Medium, Low-medium or Low (bands 13 / 18 / 22 / 28, 4 sources for High)';

CREATE FUNCTION airesilience.confidence_rank(confidence text)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE confidence
               WHEN 'High' THEN 5
               WHEN 'Medium-high' THEN 4
               WHEN 'Medium' THEN 3
               WHEN 'Low-medium' THEN 2
               WHEN 'Low' THEN 1
           END;
END;
COMMENT ON FUNCTION airesilience.confidence_rank(text) IS
    'Order of a confidence level: High 5, Medium-high 4, Medium 3, Low-medium 2, Low 1; anything else NULL (ORDER BY confidence_rank(confidence) DESC, source_median DESC)';

-- Label meanings, the label tables, reachable task buckets (src/labels.sql).
ALTER TABLE airesilience.label_scheme ADD COLUMN meanings text[];
ALTER TABLE airesilience.label_scheme ADD CONSTRAINT label_scheme_meanings_check
        CHECK (meanings IS NULL
               OR (pg_catalog.array_ndims(meanings) = 1
                   AND pg_catalog.cardinality(meanings) = pg_catalog.cardinality(labels)
                   AND pg_catalog.array_position(meanings, NULL) IS NULL));
COMMENT ON COLUMN airesilience.label_scheme.meanings IS
    'One sentence per label, in the order of labels: what a score with that label means (NULL: none written)';
ALTER TABLE airesilience.label_scheme DISABLE TRIGGER label_scheme_builtin;
UPDATE airesilience.label_scheme l
   SET description = v.description, cuts = v.cuts::float8[], labels = v.labels::text[], inclusive = v.inclusive, meanings = v.meanings
  FROM (VALUES
    ('resilience6',
     'CareerVillage''s six labels for a 0-100 resilience score: Highly Resilient above 80, Resilient above 65, Mostly Resilient above 50, Somewhat Resilient above 35, Not Very Resilient above 22, else Vulnerable',
     '{80,65,50,35,22}',
     '{Highly Resilient,Resilient,Mostly Resilient,Somewhat Resilient,Not Very Resilient,Vulnerable}',
     false, true,
     ARRAY['Above 80: the work rests on what current AI does worst, so the role is expected to change little.',
           'Above 65: AI may take over some supporting tasks, but the core of the work stays with people.',
           'Above 50: some of the tasks will change with AI while most of the role holds.',
           'Above 35: a substantial part of the work is within reach of AI, so the role is likely to be reshaped.',
           'Above 22: much of the routine work can already be done or sped up by AI, and the role is changing.',
           '22 or less: most of the tasks are within reach of current AI, so the job is likely to change fast or shrink.']),
    ('change3',
     'Three labels for a 0-100 resilience score, cut where resilience6 is: Stable above 65 (Resilient and above), Evolving above 35, else Changing Fast (below Somewhat Resilient)',
     '{65,35}',
     '{Stable,Evolving,Changing Fast}',
     false, true,
     ARRAY['Above 65: the role is expected to keep its shape as AI spreads.',
           'Above 35 and up to 65: parts of the role are changing with AI while its core holds.',
           '35 or less: AI is transforming the role, starting with its routine and entry-level tasks.']),
    ('tiers5',
     'The Jobpocalypse tiers, for an exposure-style 0-100 index (higher = more exposed), not a resilience score: Very high at 70 or more, High at 55 or more, Elevated at 40 or more, Moderate at 30 or more, else Low',
     '{70,55,40,30}',
     '{Very high,High,Elevated,Moderate,Low}',
     true, true,
     ARRAY['Exposure index 70 or more: very high exposure to AI, most of the weighted work is feasible for current AI.',
           'Exposure index 55 to under 70: high exposure to AI, more than half of the weighted work is exposed.',
           'Exposure index 40 to under 55: elevated exposure to AI, a large minority of the work is exposed.',
           'Exposure index 30 to under 40: moderate exposure to AI, which reaches some of the tasks.',
           'Exposure index under 30: low exposure to AI, little of the work is within its reach.']),
    ('task_bucket',
     'Buckets for a task''s resilience (100 - exposure), cut halfway between the values two E0/E2/E1 raters can give: Human-led above 62.5 (exposure 25 or less), Mixed above 37.5 (exposure 50), Strong automation pressure above 12.5 (exposure 75), else Highly automatable (exposure 100)',
     '{62.5,37.5,12.5}',
     '{Human-led,Mixed,Strong automation pressure,Highly automatable}',
     false, true,
     ARRAY['Exposure 25 or less (no rater finds the task directly exposed): people keep doing this task.',
           'Exposure about 50 (exposed only with extra software, or the raters split): AI assists while people lead.',
           'Exposure about 75 (one rater finds it directly exposed, the other with extra software): AI can do much of this task.',
           'Exposure 100 (every rater finds it directly exposed): AI can do this task now.'])) v (scheme, description, cuts, labels, inclusive, builtin, meanings)
 WHERE l.scheme = v.scheme AND l.builtin;
ALTER TABLE airesilience.label_scheme ENABLE TRIGGER label_scheme_builtin;
-- The label tables: one row per band of each scheme, with its bounds and
-- meaning, for documents and for readers.
CREATE VIEW airesilience.label_band AS
SELECT l.scheme,
       b.position::integer AS position,
       b.label,
       l.cuts[b.position::integer] AS lower_bound,
       l.cuts[b.position::integer - 1] AS upper_bound,
       l.inclusive,
       l.meanings[b.position::integer] AS meaning
  FROM airesilience.label_scheme l
 CROSS JOIN LATERAL pg_catalog.unnest(l.labels) WITH ORDINALITY AS b (label, position);
COMMENT ON VIEW airesilience.label_band IS
    'One row per label of each scheme, best band first: its bounds and its one-sentence meaning';
COMMENT ON COLUMN airesilience.label_band.lower_bound IS
    'The cut a score must exceed (reach, when inclusive) for this label; NULL for the last band';
COMMENT ON COLUMN airesilience.label_band.upper_bound IS
    'The cut of the band above (a score exceeding it, or reaching it when inclusive, gets the label above); NULL for the first band';

-- The meaning of a label in a scheme (NULL scheme: the setting, as
-- score_label), for the document beside each label.
CREATE FUNCTION airesilience.label_meaning(label text, scheme text DEFAULT NULL)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT l.meanings[pg_catalog.array_position(l.labels, label_meaning.label)]
      FROM airesilience.label_scheme l
     WHERE l.scheme OPERATOR(pg_catalog.=) coalesce(label_meaning.scheme,
                                                    nullif(pg_catalog.current_setting('airesilience.label_scheme', true), ''),
                                                    'resilience6');
END;
COMMENT ON FUNCTION airesilience.label_meaning(text, text) IS
    'The one-sentence meaning of a label in a scheme (the airesilience.label_scheme setting when NULL, as score_label); NULL for an unknown label or scheme';


-- Reports: task type provenance, task_model by percentile, distributions (src/reports.sql).
CREATE OR REPLACE VIEW airesilience.task_detail AS
SELECT onet_code,
       task_id,
       description,
       task_type,
       importance,
       relevance,
       weight_basis,
       airesilience.task_weight(weight_basis, task_type, importance, relevance) AS weight,
       exposure,
       100 - exposure AS resilience,
       coalesce(rater_count, 0) AS rater_count,
       rater_spread,
       task_type_source
  FROM (SELECT t.onet_code,
               t.task_id,
               t.description,
               t.task_type,
               t.task_type_source,
               t.importance,
               t.relevance,
               CASE WHEN bool_and(t.importance IS NOT NULL AND t.relevance IS NOT NULL) OVER occupation THEN 'ratings'
                    WHEN bool_or(t.task_type IS NOT NULL) OVER occupation THEN 'task_type'
                    ELSE 'equal'
               END AS weight_basis,
               e.exposure,
               e.rater_count,
               e.rater_spread
          FROM airesilience.task t
          LEFT JOIN (SELECT onet_code,
                            task_id,
                            airesilience.source_median(exposure) AS exposure,
                            count(*) AS rater_count,
                            max(exposure) - min(exposure) AS rater_spread
                       FROM airesilience.task_rating
                      GROUP BY onet_code, task_id
                      ORDER BY onet_code, task_id) e USING (onet_code, task_id)
        WINDOW occupation AS (PARTITION BY t.onet_code)) s;
COMMENT ON VIEW airesilience.task_detail IS
    'Per task: task_score''s columns plus the task''s description, importance, relevance and the source of its type; the rows task_score, task_report and the per-occupation views are computed from';
CREATE OR REPLACE VIEW airesilience.task_report AS
SELECT onet_code,
       task_id,
       description,
       task_type,
       weight,
       weight_basis,
       exposure,
       resilience,
       rater_count,
       rater_spread,
       airesilience.score_label(resilience, 'task_bucket') AS bucket,
       row_number() OVER (PARTITION BY onet_code
                          ORDER BY resilience DESC NULLS LAST,
                                   task_type = 'core' DESC NULLS LAST,
                                   weight DESC,
                                   task_id) AS rank,
       task_type_source
  FROM airesilience.task_detail;
COMMENT ON COLUMN airesilience.task_report.bucket IS
    'The task''s resilience under the task_bucket label scheme (airesilience.label_band lists the cuts and what each bucket means)';
COMMENT ON COLUMN airesilience.task_report.task_type_source IS
    'Where task_type comes from: release, predecessor (an earlier release''s type for the same text under the predecessor code), or NULL';
CREATE OR REPLACE VIEW airesilience.occupation_source_grid AS
SELECT o.onet_code,
       s.source,
       x.raw_value,
       CASE WHEN s.normalization = 'percentile'
            THEN airesilience.normalize_percentile(p.percentile, s.orientation)
            ELSE airesilience.normalize_linear(x.raw_value, s.scale_min, s.scale_max, s.orientation)
       END AS score,
       s.orientation,
       s.normalization,
       p.percentile,
       t.task_resilience,
       t.weight_basis,
       t.task_count,
       t.rated_task_count,
       t.tier_exposure,
       t.core_rated,
       t.important_rated,
       t.supporting_rated
  FROM airesilience.occupation o
  LEFT JOIN airesilience.occupation_task_summary t ON t.onet_code = o.onet_code
 CROSS JOIN (SELECT c.source, c.orientation, c.scale_min, c.scale_max,
                    coalesce(d.normalization, c.normalization) AS normalization
               FROM airesilience.source c
               LEFT JOIN airesilience.source_setting d ON d.source = c.source) s
  LEFT JOIN airesilience.source_value v ON v.onet_code = o.onet_code AND v.source = s.source
  LEFT JOIN airesilience.source_percentile p ON p.onet_code = o.onet_code AND p.source = s.source
 CROSS JOIN LATERAL (SELECT CASE WHEN s.source = 'task_model' THEN t.task_resilience ELSE v.raw_value END AS raw_value) x;
COMMENT ON COLUMN airesilience.source_report.score IS
    'percentile (default): the mid-rank percentile; linear: 100 (raw - min) / (max - min); flipped (100 - x) for exposure sources';
COMMENT ON COLUMN airesilience.source_report.percentile IS
    'Mid-rank percentile of raw_value among the occupations with a value of this source (src/percentile.sql), not flipped';
-- How each source's scores spread over the occupations it scores, so that
-- anyone can see whether a source is compressed into part of the scale (as
-- Working with AI was under linear normalization: all of its scores between
-- 50.8 and 100).  Under the percentile normalization every source spreads
-- over 0-100 with a mean of 50.
CREATE VIEW airesilience.source_distribution AS
SELECT r.source,
       r.normalization,
       count(*) AS occupations,
       min(r.score) AS min,
       percentile_cont(0.1) WITHIN GROUP (ORDER BY r.score) AS p10,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY r.score) AS median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY r.score) AS p90,
       max(r.score) AS max,
       -- with unit weights, an exact mean whatever the row order (avg() may
       -- differ in the last bit between two plans)
       airesilience.weighted_resilience(r.score, 1) AS mean
  FROM airesilience.source_report r
 GROUP BY r.source, r.normalization;
COMMENT ON VIEW airesilience.source_distribution IS
    'Per source: how many occupations it scores and how its scores (source_report.score, 0-100) spread: min, 10th percentile, median, 90th percentile, max, mean';

-- How the headline scores fall into the labels of the scheme the setting
-- airesilience.label_scheme names (resilience6 by default), every label
-- listed, empty ones too.
CREATE VIEW airesilience.headline_distribution AS
SELECT b.scheme,
       b.position,
       b.label,
       count(r.onet_code) AS occupations,
       count(r.onet_code)::float8 / nullif(sum(count(r.onet_code)) OVER (), 0) AS share,
       b.meaning
  FROM airesilience.label_band b
  LEFT JOIN airesilience.occupation_report r ON r.label = b.label AND r.source_median IS NOT NULL
 WHERE b.scheme = coalesce(nullif(pg_catalog.current_setting('airesilience.label_scheme', true), ''), 'resilience6')
 GROUP BY b.scheme, b.position, b.label, b.meaning;
COMMENT ON VIEW airesilience.headline_distribution IS
    'The headline scores (occupation_report.source_median) by label of the current scheme (airesilience.label_scheme, default resilience6), best label first, with each label''s meaning';

-- Potential and adoption on one footing (src/adoption.sql).
CREATE OR REPLACE VIEW airesilience.adoption_evidence AS
SELECT g.onet_code,
       g.dataset AS evidence,
       CASE WHEN g.level = 'task' THEN g.used_exposure ELSE o.coverage_pct * g.potential / 100 END AS value,
       CASE WHEN g.level = 'task' THEN g.tasks_matched END AS tasks_matched,
       CASE WHEN g.level = 'task' THEN g.tasks_total END AS tasks_total,
       CASE WHEN g.level = 'task'
            THEN format('%s of %s tasks matched%s; unmatched tasks count as unobserved',
                        g.tasks_matched, g.tasks_total, ' by ' || g.match_method)
            ELSE coalesce(o.match_quality, g.match_method)
       END AS match_quality,
       CASE WHEN g.level = 'task' THEN g.observed ELSE o.coverage_pct END AS observed
  FROM (SELECT s.onet_code,
               d.dataset,
               d.level,
               d.match_method,
               -- the exposure of the rated tasks with usage, others 0: on
               -- potential's rows and weights, so at most potential
               airesilience.weighted_resilience(CASE WHEN s.exposure IS NULL THEN NULL
                                                     WHEN u.share_pct > 0 THEN s.exposure
                                                     ELSE 0 END, s.weight) FILTER (WHERE d.level = 'task') AS used_exposure,
               count(u.task_id) AS tasks_matched,
               count(*) AS tasks_total,
               -- weighted mean of 100 x [usage observed] over all tasks:
               -- the weighted share, 0-100, NULL when the tasks weigh nothing
               airesilience.weighted_resilience(CASE WHEN u.share_pct > 0 THEN 100 ELSE 0 END, s.weight)
                   FILTER (WHERE d.level = 'task') AS observed,
               airesilience.weighted_resilience(s.exposure, s.weight) FILTER (WHERE d.level = 'occupation') AS potential
          FROM airesilience.task_score s
         CROSS JOIN airesilience.usage_dataset d
          LEFT JOIN airesilience.task_usage u
                 ON u.onet_code = s.onet_code AND u.task_id = s.task_id AND u.dataset = d.dataset AND d.level = 'task'
         GROUP BY s.onet_code, d.dataset, d.level, d.match_method) g
  LEFT JOIN airesilience.occupation_usage o ON o.onet_code = g.onet_code AND o.dataset = g.dataset
 WHERE g.level = 'task' OR o.onet_code IS NOT NULL
UNION ALL
-- occupation-level evidence of an occupation without tasks: no potential
SELECT u.onet_code,
       u.dataset,
       NULL,
       NULL,
       NULL,
       coalesce(u.match_quality, d.match_method),
       u.coverage_pct
  FROM airesilience.occupation_usage u
  JOIN airesilience.usage_dataset d USING (dataset)
 WHERE NOT EXISTS (SELECT FROM airesilience.task t WHERE t.onet_code = u.onet_code);
COMMENT ON VIEW airesilience.adoption_evidence IS
    'Occupation x usage dataset: the part of the occupation''s potential observed in use (0-100, at most potential), the dataset''s own observed share, and how well the dataset matched';
COMMENT ON COLUMN airesilience.adoption_evidence.evidence IS 'The usage dataset (airesilience.usage_dataset)';
COMMENT ON COLUMN airesilience.adoption_evidence.value IS
    'On potential''s footing, 0-100: task-level sum(w x exposure x [usage]) / sum(w) over the rated tasks; occupation-level coverage_pct x potential / 100; NULL without rated tasks';
COMMENT ON COLUMN airesilience.adoption_evidence.tasks_matched IS 'Tasks the dataset lists (task-level datasets only)';
COMMENT ON COLUMN airesilience.adoption_evidence.tasks_total IS 'Tasks of the occupation (task-level datasets only)';
COMMENT ON COLUMN airesilience.adoption_evidence.observed IS
    'The dataset''s own share: task-level 100 x weight of the tasks with usage (share_pct > 0) / weight of all tasks; occupation-level coverage_pct';

CREATE OR REPLACE VIEW airesilience.potential_adoption_report AS
SELECT o.onet_code,
       p.potential,
       a.adoption,
       coalesce(a.evidence_count, 0) AS evidence_count,
       coalesce(a.evidence, '[]') AS evidence
  FROM airesilience.occupation o
  LEFT JOIN airesilience.occupation_task_summary p USING (onet_code)
  LEFT JOIN (SELECT e.onet_code,
                    airesilience.weighted_resilience(e.value, 1) AS adoption,
                    count(e.value) AS evidence_count,
                    jsonb_agg(jsonb_build_object('evidence', e.evidence,
                                                 'title', d.title,
                                                 'value', e.value,
                                                 'observed', e.observed,
                                                 'tasks_matched', e.tasks_matched,
                                                 'tasks_total', e.tasks_total,
                                                 'match_quality', e.match_quality)
                              ORDER BY e.evidence) AS evidence
               FROM airesilience.adoption_evidence e
               JOIN airesilience.usage_dataset d ON d.dataset = e.evidence
              GROUP BY e.onet_code) a USING (onet_code);
COMMENT ON VIEW airesilience.potential_adoption_report IS
    'One row per occupation: potential (weighted mean task exposure, 0-100) beside adoption (mean of the evidence values, the part of potential observed in use, so at most potential) and the evidence itself';
COMMENT ON COLUMN airesilience.potential_adoption_report.potential IS
    'Weighted mean exposure of the rated tasks, task_score weights, 0-100 (= 100 - task resilience); NULL without rated tasks';
COMMENT ON COLUMN airesilience.potential_adoption_report.adoption IS
    'Mean of the evidence values, 0-100, at most potential; NULL when there is no evidence or no potential';
COMMENT ON COLUMN airesilience.potential_adoption_report.evidence_count IS 'Evidence values averaged into adoption';
COMMENT ON COLUMN airesilience.potential_adoption_report.evidence IS
    'Array of {evidence, title, value, observed, tasks_matched, tasks_total, match_quality}, ordered by evidence; [] when none';


-- Related occupations, stored, with their basis (src/similarity.sql).
CREATE TABLE airesilience.related_list (
    onet_code    text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    scope        text NOT NULL CHECK (scope IN ('overall', 'category')),
    rank         smallint NOT NULL CHECK (rank BETWEEN 1 AND 10),
    related_code text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    similarity   float8,
    basis        text NOT NULL CHECK (basis IN ('skill_overlap', 'onet_related')),
    PRIMARY KEY (onet_code, scope, rank),
    CHECK (basis = 'skill_overlap' OR similarity IS NULL)
);
CREATE INDEX related_list_related_code_idx ON airesilience.related_list (related_code);
COMMENT ON TABLE airesilience.related_list IS
    'Derived, maintained by triggers on skill_vector, related_occupation and occupation: each occupation''s 10 closest occupations overall and in its category, by skill overlap or from O*NET''s list (basis)';
COMMENT ON COLUMN airesilience.related_list.basis IS
    'skill_overlap: cosine similarity of skill importances (both occupations have a skill vector); onet_related: O*NET''s Related Occupations list, in its order (no usable vector)';
COMMENT ON COLUMN airesilience.related_list.similarity IS
    'Cosine similarity of the two skill vectors for skill_overlap (NULL when one vector has no direction); NULL for onet_related';
COMMENT ON INDEX airesilience.related_list_related_code_idx IS
    'Serves the cascading deletes and updates of occupations';

-- Rebuilds the lists of the given occupations (all when NULL).  A scope of
-- an occupation is by skill overlap when the occupation has a vector and
-- another occupation in the scope has one too; otherwise it is O*NET's
-- list.  With onet_only, only the scopes of the second kind are rebuilt:
-- what a change of related_occupation can change.
CREATE FUNCTION airesilience.related_list_refresh(onet_codes text[] DEFAULT NULL, onet_only boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
    WITH pair AS (
        SELECT o.onet_code, o.category, s.scope,
               EXISTS (SELECT FROM airesilience.skill_vector v WHERE v.onet_code = o.onet_code)
               AND CASE s.scope
                       WHEN 'overall' THEN EXISTS (SELECT FROM airesilience.skill_vector x
                                                    WHERE x.onet_code <> o.onet_code)
                       ELSE EXISTS (SELECT FROM airesilience.occupation p
                                      JOIN airesilience.skill_vector x ON x.onet_code = p.onet_code
                                     WHERE p.category = o.category AND p.onet_code <> o.onet_code)
                   END AS by_skill
          FROM airesilience.occupation o
         CROSS JOIN (VALUES ('overall'), ('category')) s (scope)
         WHERE onet_codes IS NULL OR o.onet_code = ANY (onet_codes)),
    wanted AS MATERIALIZED (
        SELECT p.* FROM pair p WHERE NOT onet_only OR NOT p.by_skill),
    fresh AS (
        SELECT w.onet_code, w.scope, r.rank::smallint AS rank, r.related_code, r.similarity, 'skill_overlap' AS basis
          FROM wanted w
         CROSS JOIN LATERAL airesilience.similar_occupations(w.onet_code, 10, w.scope = 'category') r
         WHERE w.by_skill
        UNION ALL
        SELECT n.onet_code, n.scope, n.rank::smallint, n.related_code, NULL::float8, 'onet_related'
          FROM (SELECT w.onet_code, w.scope, r.related_code,
                       row_number() OVER (PARTITION BY w.onet_code, w.scope ORDER BY r.rank, r.related_code) AS rank
                  FROM wanted w
                  JOIN airesilience.related_occupation r ON r.onet_code = w.onet_code
                  JOIN airesilience.occupation p ON p.onet_code = r.related_code
                 WHERE NOT w.by_skill
                   AND (w.scope = 'overall' OR p.category = w.category)) n
         WHERE n.rank <= 10),
    stale AS (
        DELETE FROM airesilience.related_list l
         USING wanted w
         WHERE l.onet_code = w.onet_code AND l.scope = w.scope
           AND NOT EXISTS (SELECT FROM fresh f WHERE (f.onet_code, f.scope, f.rank) = (l.onet_code, l.scope, l.rank)))
    INSERT INTO airesilience.related_list AS l (onet_code, scope, rank, related_code, similarity, basis)
    SELECT f.onet_code, f.scope, f.rank, f.related_code, f.similarity, f.basis FROM fresh f
        ON CONFLICT (onet_code, scope, rank) DO UPDATE
       SET related_code = excluded.related_code, similarity = excluded.similarity, basis = excluded.basis
     WHERE (l.related_code, l.similarity, l.basis) IS DISTINCT FROM (excluded.related_code, excluded.similarity, excluded.basis);
END
$$;
COMMENT ON FUNCTION airesilience.related_list_refresh(text[], boolean) IS
    'Rebuilds related_list for the given occupations (all when NULL), only their lists from O*NET''s list when onet_only; the triggers call it, call it yourself after loading with triggers disabled';

CREATE FUNCTION airesilience.related_list_maintain()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
    changed text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM airesilience.related_list_refresh(NULL, false);
        RETURN NULL;
    END IF;
    EXECUTE airesilience.changed_keys_query(TG_OP, 'onet_code', CASE TG_TABLE_NAME
        WHEN 'skill_vector' THEN 'onet_code, importance'
        WHEN 'related_occupation' THEN 'onet_code, related_code, rank'
        ELSE 'onet_code, category' END)
       INTO changed;
    IF changed IS NULL THEN         -- nothing that counts has changed
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'related_occupation' THEN
        PERFORM airesilience.related_list_refresh(changed, true);
    ELSE
        PERFORM airesilience.related_list_refresh(NULL, false);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION airesilience.related_list_maintain() IS
    'Trigger: rebuilds the related lists a statement on skill_vector, related_occupation or occupation (category) changed';

CREATE TRIGGER related_list_insert AFTER INSERT ON airesilience.skill_vector REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.related_list_maintain();
COMMENT ON TRIGGER related_list_insert ON airesilience.skill_vector IS 'Keeps related_list current after each INSERT statement';
CREATE TRIGGER related_list_update AFTER UPDATE ON airesilience.skill_vector REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.related_list_maintain();
COMMENT ON TRIGGER related_list_update ON airesilience.skill_vector IS 'Keeps related_list current after each UPDATE statement';
CREATE TRIGGER related_list_delete AFTER DELETE ON airesilience.skill_vector REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.related_list_maintain();
COMMENT ON TRIGGER related_list_delete ON airesilience.skill_vector IS 'Keeps related_list current after each DELETE statement';
CREATE TRIGGER related_list_truncate AFTER TRUNCATE ON airesilience.skill_vector FOR EACH STATEMENT EXECUTE FUNCTION airesilience.related_list_maintain();
COMMENT ON TRIGGER related_list_truncate ON airesilience.skill_vector IS 'Keeps related_list current after each TRUNCATE statement';
CREATE TRIGGER related_list_insert AFTER INSERT ON airesilience.related_occupation REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.related_list_maintain();
COMMENT ON TRIGGER related_list_insert ON airesilience.related_occupation IS 'Keeps related_list current after each INSERT statement';
CREATE TRIGGER related_list_update AFTER UPDATE ON airesilience.related_occupation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.related_list_maintain();
COMMENT ON TRIGGER related_list_update ON airesilience.related_occupation IS 'Keeps related_list current after each UPDATE statement';
CREATE TRIGGER related_list_delete AFTER DELETE ON airesilience.related_occupation REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION airesilience.related_list_maintain();
COMMENT ON TRIGGER related_list_delete ON airesilience.related_occupation IS 'Keeps related_list current after each DELETE statement';
CREATE TRIGGER related_list_truncate AFTER TRUNCATE ON airesilience.related_occupation FOR EACH STATEMENT EXECUTE FUNCTION airesilience.related_list_maintain();
COMMENT ON TRIGGER related_list_truncate ON airesilience.related_occupation IS 'Keeps related_list current after each TRUNCATE statement';
CREATE TRIGGER related_list_update AFTER UPDATE ON airesilience.occupation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.related_list_maintain();
COMMENT ON TRIGGER related_list_update ON airesilience.occupation IS
    'Keeps related_list current after each UPDATE statement (a category change)';

CREATE OR REPLACE VIEW airesilience.related_report AS
SELECT l.onet_code,
       l.scope,
       l.rank::bigint AS rank,
       l.related_code,
       o.title,
       l.similarity,
       l.basis
  FROM airesilience.related_list l
  JOIN airesilience.occupation o ON o.onet_code = l.related_code;
COMMENT ON VIEW airesilience.related_report IS
    'Per occupation: the 10 closest occupations overall and the 10 closest in its category, by skill overlap where it has a skill vector, from O*NET''s Related Occupations list otherwise (basis)';
COMMENT ON COLUMN airesilience.related_report.scope IS
    'overall: among all occupations; category: among the occupations of the same category';
COMMENT ON COLUMN airesilience.related_report.rank IS
    '1 = closest within the scope: by similarity (ties by code) for skill_overlap, by O*NET''s rank for onet_related';
COMMENT ON COLUMN airesilience.related_report.similarity IS
    'Cosine similarity of the two skill-importance vectors (skill_overlap; with importances 1-5 it lies in (0, 1]); NULL for onet_related';
COMMENT ON COLUMN airesilience.related_report.onet_code IS 'The occupation the list is for';
COMMENT ON COLUMN airesilience.related_report.related_code IS 'A related occupation';
COMMENT ON COLUMN airesilience.related_report.title IS 'Title of the related occupation';
COMMENT ON COLUMN airesilience.related_report.basis IS
    'skill_overlap or onet_related: how this list was made (see airesilience.related_list)';

-- The document: headline, label schemes, related basis (src/document.sql).
CREATE OR REPLACE FUNCTION airesilience.occupation_document(onet_code text)
RETURNS jsonb
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET extra_float_digits = 1
SET jit = off
AS $$
DECLARE
    occ        record;
    consensus  airesilience.consensus;
    sources    record;
    tasks      record;
    seniority  jsonb;
    composite  jsonb;
    bls        jsonb;
    related    jsonb;
    adoption   jsonb;
    raters     jsonb;
    vectors    jsonb;
    doc        jsonb;
    headline_scheme text := coalesce(nullif(current_setting('airesilience.label_scheme', true), ''), 'resilience6');
    headline_label text;
    schemes    jsonb;
BEGIN
    SELECT o.onet_code, o.soc_code, o.title, o.description, o.job_zone, o.category, c.title AS category_title
      INTO occ
      FROM airesilience.occupation o
      JOIN airesilience.category c ON c.category = o.category
     WHERE o.onet_code = occupation_document.onet_code;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;

    -- The sources and their consensus, in one pass over source_report.
    SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'source', r.source,
                        'title', s.title,
                        'rawValue', r.raw_value,
                        'score', r.score,
                        'percentile', r.percentile,
                        'orientation', r.orientation,
                        'normalization', r.normalization)
                    ORDER BY r.source), '[]') AS list,
           airesilience.source_consensus(r.score) AS consensus
      INTO sources
      FROM airesilience.source_report r
      JOIN airesilience.source s ON s.source = r.source
     WHERE r.onet_code = occ.onet_code;
    consensus := sources.consensus;

    -- The tasks in task_report's order, and the task model's summary
    -- (weighted_resilience over the same rows: occupation_task_resilience).
    -- The bucket is task_report's, band_label under the task_bucket scheme,
    -- with the scheme read once rather than once per task: the view's own
    -- bucket column is not selected, so the planner drops it.
    SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'id', t.task_id,
                        'task', t.description,
                        'automationLikelihood', t.exposure / 100,
                        'taskType', t.task_type,
                        'rank', t.rank,
                        'exposure', t.exposure,
                        'resilience', t.resilience,
                        'bucket', airesilience.band_label(t.resilience, b.cuts, b.labels, b.inclusive),
                        'weight', t.weight,
                        'bucketScheme', 'task_bucket',
                        'raterCount', t.rater_count,
                        'raterSpread', t.rater_spread,
                        'taskTypeSource', t.task_type_source)
                    ORDER BY t.rank), '[]') AS list,
           jsonb_build_object(
               'resilience', airesilience.weighted_resilience(t.resilience, t.weight),
               'weightBasis', min(t.weight_basis),
               'taskCount', count(*),
               'ratedTaskCount', count(t.resilience)) AS model,
           array_agg(t.task_id) AS ids,
           array_agg(t.exposure) AS exposures,
           array_agg(t.weight) AS weights
      INTO tasks
      FROM airesilience.task_report t
      LEFT JOIN airesilience.label_scheme b ON b.scheme = 'task_bucket'
     WHERE t.onet_code = occ.onet_code;

    -- seniority_report's rows, from the consensus median already at hand
    -- rather than through occupation_report, which would compute it again.
    SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'level', l.level,
                        'position', l.position,
                        'years', l.years,
                        'multiplier', m.multiplier,
                        'score', m.score,
                        'label', airesilience.score_label(m.score),
                        'labelScheme', headline_scheme)
                    ORDER BY l.position), '[]')
      INTO seniority
      FROM airesilience.seniority_curve c
     CROSS JOIN airesilience.seniority_level l
     CROSS JOIN LATERAL (SELECT airesilience.seniority_interpolate(c.years, c.multipliers, l.years) AS multiplier) i
     CROSS JOIN LATERAL (SELECT i.multiplier,
                                airesilience.seniority_adjust(consensus.median, i.multiplier) AS score) m
     WHERE c.category = occ.category;

    SELECT coalesce(jsonb_object_agg(c.preset, jsonb_build_object(
                        'score', c.score,
                        'label', c.label,
                        'labelScheme', p.label_scheme,
                        'labelMeaning', airesilience.label_meaning(c.label, p.label_scheme),
                        'coverage', c.coverage,
                        'signalsUsed', c.signals_used,
                        'signalsMissing', to_jsonb(c.signals_missing),
                        'breakdown', c.breakdown)), '{}')
      INTO composite
      FROM airesilience.composite_report c
      JOIN airesilience.composite_preset p ON p.preset = c.preset
     WHERE c.onet_code = occ.onet_code;

    SELECT jsonb_build_object(
               'medianWage', trim_scale(l.median_wage),
               'medianWageTopcoded', l.median_wage_topcoded,
               'employment', l.employment,
               'employmentProjected', l.employment_projected,
               'annualOpenings', l.annual_openings,
               'growthPct', trim_scale(l.growth_pct),
               'entryEducation', l.entry_education,
               'workExperience', l.work_experience,
               'growthPercentile', p.growth_percentile,
               'openingsPercentile', p.openings_percentile,
               'wageBillPercentile', p.wage_bill_percentile)
      INTO bls
      FROM airesilience.labor_stats l
      LEFT JOIN airesilience.labor_percentile p ON p.soc_code = l.soc_code
     WHERE l.soc_code = occ.soc_code;

    SELECT jsonb_build_object(
               'overall', coalesce(jsonb_agg(jsonb_build_object(
                                       'rank', r.rank, 'code', r.related_code,
                                       'name', r.title, 'similarity', r.similarity, 'basis', r.basis)
                                   ORDER BY r.rank) FILTER (WHERE r.scope = 'overall'), '[]'),
               'category', coalesce(jsonb_agg(jsonb_build_object(
                                        'rank', r.rank, 'code', r.related_code,
                                        'name', r.title, 'similarity', r.similarity, 'basis', r.basis)
                                    ORDER BY r.rank) FILTER (WHERE r.scope = 'category'), '[]'))
      INTO related
      FROM airesilience.related_report r
     WHERE r.onet_code = occ.onet_code;

    SELECT jsonb_build_object(
               'potential', p.potential,
               'adoption', p.adoption,
               'evidenceCount', p.evidence_count,
               'evidence', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                                'dataset', e->'evidence',
                                                'title', e->'title',
                                                'value', e->'value',
                                                'observed', e->'observed',
                                                'tasksMatched', e->'tasks_matched',
                                                'tasksTotal', e->'tasks_total',
                                                'matchQuality', e->'match_quality')
                                            ORDER BY x.ord), '[]')
                              FROM jsonb_array_elements(p.evidence) WITH ORDINALITY x (e, ord)))
      INTO adoption
      FROM airesilience.potential_adoption_report p
     WHERE p.onet_code = occ.onet_code;

    SELECT jsonb_build_object(
               'tasksRated', coalesce(max(a.tasks_rated), 0),
               'tasksDisagreeing', coalesce(max(a.tasks_disagreeing), 0),
               'disagreementShare', max(a.disagreement_share))
      INTO raters
      FROM airesilience.rater_agreement_report a
     WHERE a.onet_code = occ.onet_code;

    -- exposure_vector_report's rows, computed as that view does but from
    -- the task rows already at hand, with one index probe per activity (the
    -- view's plan hashes all of work_activity for each occupation).  No
    -- task, no rows, as there.
    SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'vector', x.vector,
                        'score', x.score,
                        'taskShare', x.task_share,
                        'tasks', x.tasks)
                    ORDER BY x.position), '[]')
      INTO vectors
      FROM (SELECT v.vector,
                   v.position,
                   airesilience.weighted_resilience(t.exposure, t.weight) FILTER (WHERE m.task_id IS NOT NULL) AS score,
                   airesilience.weighted_resilience(CASE WHEN m.task_id IS NOT NULL THEN 100 ELSE 0 END, t.weight) / 100 AS task_share,
                   count(m.task_id) AS tasks
              FROM unnest(tasks.ids, tasks.exposures, tasks.weights) AS t (task_id, exposure, weight)
             CROSS JOIN airesilience.exposure_vector v
              LEFT JOIN (SELECT DISTINCT p.task_id, a.vector
                           FROM (SELECT ta.task_id, wa.gwa_id
                                   FROM airesilience.task_activity ta
                                  CROSS JOIN LATERAL (SELECT w.gwa_id
                                                        FROM airesilience.work_activity w
                                                       WHERE w.dwa_id = ta.dwa_id
                                                      OFFSET 0) wa
                                  WHERE ta.onet_code = occ.onet_code
                                 OFFSET 0) p
                           JOIN airesilience.activity_vector a ON a.gwa_id = p.gwa_id) m
                     ON m.task_id = t.task_id AND m.vector = v.vector
             GROUP BY v.vector, v.position) x;

    headline_label := airesilience.score_label(consensus.median);

    -- The label schemes the document uses, with their cuts and meanings.
    SELECT jsonb_object_agg(l.scheme, jsonb_build_object(
               'description', l.description,
               'cuts', to_jsonb(l.cuts),
               'inclusive', l.inclusive,
               'labels', (SELECT jsonb_agg(jsonb_build_object('label', b.label, 'meaning', b.meaning)
                                           ORDER BY b.position)
                            FROM airesilience.label_band b WHERE b.scheme = l.scheme)))
      INTO schemes
      FROM airesilience.label_scheme l
     WHERE l.scheme = headline_scheme OR l.scheme = 'task_bucket'
        OR l.scheme IN (SELECT p.label_scheme FROM airesilience.composite_preset p
                         WHERE composite ? p.preset);

    doc := jsonb_build_object(
        'code', occ.onet_code,
        'name', occ.title,
        'nameShort', airesilience.occupation_short_name(occ.title),
        'slug', airesilience.occupation_slug(occ.title),
        'level', occ.job_zone,
        'description', occ.description,
        'url', '/occupations/' || airesilience.occupation_slug(occ.title),
        'lastUpdated', to_char(airesilience.data_updated_at() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'aiResilience', jsonb_build_object(
            'score', consensus.median / 100,
            'label', headline_label,
            'confidence', airesilience.consensus_confidence(coalesce(consensus.n, 0), consensus.iqr),
            'explanation', NULL,
            'labelScheme', headline_scheme,
            'labelMeaning', airesilience.label_meaning(headline_label, headline_scheme)),
        'headline', jsonb_build_object(
            'score', consensus.median,
            'scale', '0-100, higher = more resilient to AI',
            'basis', 'median of the source scores (consensus)',
            'label', headline_label,
            'labelScheme', headline_scheme,
            'labelMeaning', airesilience.label_meaning(headline_label, headline_scheme),
            'confidence', airesilience.consensus_confidence(coalesce(consensus.n, 0), consensus.iqr),
            'sourceCount', coalesce(consensus.n, 0)),
        'labelSchemes', coalesce(schemes, '{}'),
        'airm', jsonb_build_object('version', airesilience.model_version()),
        'tasks', tasks.list,
        'socCode', occ.soc_code,
        'category', jsonb_build_object('code', occ.category, 'name', occ.category_title),
        'taskModel', tasks.model,
        'sources', sources.list,
        'consensus', jsonb_build_object(
            'median', consensus.median,
            'n', coalesce(consensus.n, 0),
            'q1', consensus.q1,
            'q3', consensus.q3,
            'iqr', consensus.iqr,
            'min', consensus.min,
            'max', consensus.max,
            'confidence', airesilience.consensus_confidence(coalesce(consensus.n, 0), consensus.iqr)),
        'composite', composite,
        'bls', bls,
        'seniority', seniority,
        'related', related,
        'potentialAdoption', adoption,
        'raters', raters,
        'exposureVectors', vectors);

    RETURN jsonb_set(doc, '{aiResilience,explanation}', to_jsonb(airesilience.document_explanation(doc)));
END
$$;

-- The derived tables as the new rules make them.
SELECT airesilience.source_percentile_refresh(NULL);
SELECT airesilience.related_list_refresh(NULL, false);
ANALYZE airesilience.source, airesilience.label_scheme;

-- Functions are EXECUTE for PUBLIC when created; none of these is.
REVOKE ALL ON FUNCTION airesilience.task_model_percentile_maintain(),
                       airesilience.consensus_confidence_banded(bigint, float8, float8[], integer),
                       airesilience.confidence_rank(text),
                       airesilience.label_meaning(text, text),
                       airesilience.related_list_refresh(text[], boolean),
                       airesilience.related_list_maintain()
    FROM PUBLIC;

------------------------------------------------------------------------------
-- Column comments: every column of the extension's tables and views says what
-- its value means, with its unit or scale.  The same statements stand beside
-- each table and view in src/*.sql, so a database updated from 0.1.0 has the
-- comments of a fresh 0.2.0 install.
------------------------------------------------------------------------------

COMMENT ON COLUMN airesilience.category.category IS
    'Category key: lower case letters, digits, hyphens or underscores (for example healthcare)';
COMMENT ON COLUMN airesilience.category.title IS
    'Display name of the category (for example Healthcare)';

COMMENT ON COLUMN airesilience.occupation.onet_code IS
    'O*NET-SOC code, NN-NNNN.NN (O*NET-SOC 2019 taxonomy)';
COMMENT ON COLUMN airesilience.occupation.title IS
    'Occupation title (O*NET title for the public data)';
COMMENT ON COLUMN airesilience.occupation.category IS
    'The occupation''s category (category.category)';
COMMENT ON COLUMN airesilience.occupation.description IS
    'What people in the occupation do, in a few sentences';

COMMENT ON COLUMN airesilience.task.onet_code IS 'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task.task_id IS 'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task.description IS 'The task statement';

COMMENT ON COLUMN airesilience.rater.rater IS
    'Rater name: lower case letters, digits and underscores (for example gpt4, human)';
COMMENT ON COLUMN airesilience.rater.kind IS 'human (a panel of people) or model (an AI model)';
COMMENT ON COLUMN airesilience.rater.description IS 'Who the rater is and how it rated';

COMMENT ON COLUMN airesilience.task_rating.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_rating.task_id IS 'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_rating.rater IS 'The rater (rater.rater)';
COMMENT ON COLUMN airesilience.task_rating.exposure IS
    'The rater''s AI exposure of the task, 0-100 (E0 = 0, E2 = 50, E1 = 100 for "GPTs are GPTs" labels)';

COMMENT ON COLUMN airesilience.occupation_skill.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.occupation_skill.skill_id IS
    'O*NET skill element id (for example 2.A.1.a)';
COMMENT ON COLUMN airesilience.occupation_skill.skill_name IS
    'O*NET skill name (for example Reading Comprehension)';
COMMENT ON COLUMN airesilience.occupation_skill.importance IS
    'O*NET importance of the skill for the occupation, 1-5 (scale IM)';
COMMENT ON COLUMN airesilience.occupation_skill.level IS
    'O*NET level of the skill the occupation needs, 0-7 (scale LV)';

COMMENT ON COLUMN airesilience.related_occupation.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.related_occupation.related_code IS
    'O*NET-SOC code of the related occupation';
COMMENT ON COLUMN airesilience.related_occupation.tier IS
    'O*NET relatedness tier: primary-short (ranks 1-5), primary-long (the next 5) or supplemental (the next 10)';
COMMENT ON COLUMN airesilience.related_occupation.rank IS
    'O*NET relatedness rank, 1 (most related) to 20';

COMMENT ON COLUMN airesilience.work_activity.dwa_id IS
    'O*NET detailed work activity (DWA) id, for example 4.A.2.a.4.I09.D03';
COMMENT ON COLUMN airesilience.work_activity.dwa_title IS 'Title of the detailed work activity';
COMMENT ON COLUMN airesilience.work_activity.iwa_id IS
    'Id of its intermediate work activity (IWA), for example 4.A.2.a.4.I09';
COMMENT ON COLUMN airesilience.work_activity.iwa_title IS 'Title of the intermediate work activity';
COMMENT ON COLUMN airesilience.work_activity.gwa_id IS
    'Id of its generalized work activity (GWA), for example 4.A.2.a.4';
COMMENT ON COLUMN airesilience.work_activity.gwa_title IS 'Title of the generalized work activity';

COMMENT ON COLUMN airesilience.task_activity.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_activity.task_id IS
    'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_activity.dwa_id IS
    'O*NET detailed work activity id (work_activity.dwa_id)';

COMMENT ON COLUMN airesilience.task_usage.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_usage.task_id IS 'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_usage.dataset IS
    'The task-level usage dataset (usage_dataset.dataset)';
COMMENT ON COLUMN airesilience.task_usage.share_pct IS
    'Share of the dataset''s conversations that map to the task, percent (0-100; > 0 counts as observed usage)';

COMMENT ON COLUMN airesilience.source.source IS
    'Source name: lower case letters, digits and underscores (for example frey_osborne)';
COMMENT ON COLUMN airesilience.source.title IS 'Display name of the source';
COMMENT ON COLUMN airesilience.source.scale_min IS
    'Lowest raw value of the native scale (finite); under linear normalization it maps to 0, or to 100 for exposure sources';
COMMENT ON COLUMN airesilience.source.scale_max IS
    'Highest raw value of the native scale (finite, > scale_min); under linear normalization it maps to 100, or to 0 for exposure sources';
COMMENT ON COLUMN airesilience.source.description IS 'What the source measures';
COMMENT ON COLUMN airesilience.source.url IS 'Where the dataset is published';
COMMENT ON COLUMN airesilience.source.builtin IS
    'Installed by CREATE EXTENSION (task_model): read-only and left out of dumps';

COMMENT ON COLUMN airesilience.source_value.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.source_value.source IS
    'The source (source.source); not a derived one';
COMMENT ON COLUMN airesilience.source_value.raw_value IS
    'The occupation''s value on the source''s native scale, between scale_min and scale_max';

COMMENT ON COLUMN airesilience.source_setting.source IS
    'The source this database scores its own way (source.source)';
COMMENT ON COLUMN airesilience.source_setting.normalization IS
    'percentile or linear: used instead of source.normalization in every report';

COMMENT ON COLUMN airesilience.labor_stats.soc_code IS
    '6-digit SOC 2018 code, NN-NNNN, as BLS publishes its figures';
COMMENT ON COLUMN airesilience.labor_stats.median_wage IS
    'Median annual wage, US dollars; with median_wage_topcoded, the published lower bound';
COMMENT ON COLUMN airesilience.labor_stats.employment IS
    'Employment in the base year of the projections (2024 for 2024-34), persons';
COMMENT ON COLUMN airesilience.labor_stats.employment_projected IS
    'Projected employment at the end of the projection decade (2034 for 2024-34), persons';
COMMENT ON COLUMN airesilience.labor_stats.annual_openings IS
    'Projected occupational openings per year, annual average over the projection decade, persons';
COMMENT ON COLUMN airesilience.labor_stats.entry_education IS
    'Typical education needed for entry, in BLS''s wording (for example Bachelor''s degree)';
COMMENT ON COLUMN airesilience.labor_stats.work_experience IS
    'Work experience in a related occupation typically needed, in BLS''s wording (for example None)';

COMMENT ON COLUMN airesilience.seniority_level.level IS
    'Level name: lower case letters, digits and underscores (for example entry, lead)';
COMMENT ON COLUMN airesilience.seniority_level.description IS 'What the level stands for';

COMMENT ON COLUMN airesilience.seniority_curve.category IS
    'The category the curve applies to (category.category)';
COMMENT ON COLUMN airesilience.seniority_curve.description IS
    'Where the curve comes from; the defaults of install_default_seniority_curves() start with "Default curve"';

COMMENT ON COLUMN airesilience.label_scheme.scheme IS
    'Scheme name: lower case letters, digits and underscores (for example resilience6)';
COMMENT ON COLUMN airesilience.label_scheme.description IS
    'What the scheme is for and where its cuts come from';

COMMENT ON COLUMN airesilience.label_band.scheme IS 'The label scheme (label_scheme.scheme)';
COMMENT ON COLUMN airesilience.label_band.position IS
    'Order of the band in the scheme, 1 = best (highest scores)';
COMMENT ON COLUMN airesilience.label_band.label IS 'The band''s label';
COMMENT ON COLUMN airesilience.label_band.inclusive IS
    'false: a score must exceed lower_bound; true: reaching it is enough';
COMMENT ON COLUMN airesilience.label_band.meaning IS
    'What a score with this label means; NULL when the scheme has no meanings';

COMMENT ON COLUMN airesilience.source_percentile.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.source_percentile.source IS 'The source (source.source)';

COMMENT ON COLUMN airesilience.labor_percentile.soc_code IS
    '6-digit SOC 2018 code, NN-NNNN (labor_stats.soc_code)';

COMMENT ON COLUMN airesilience.task_detail.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_detail.task_id IS 'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_detail.description IS 'The task statement';
COMMENT ON COLUMN airesilience.task_detail.task_type IS
    'core, supplemental or NULL (task.task_type)';
COMMENT ON COLUMN airesilience.task_detail.importance IS 'O*NET importance, 1-5; NULL when unrated';
COMMENT ON COLUMN airesilience.task_detail.relevance IS
    'O*NET relevance, 0-100 percent; NULL when unrated';
COMMENT ON COLUMN airesilience.task_detail.weight_basis IS
    'How the occupation''s tasks are weighed: ratings, task_type or equal (one basis per occupation)';
COMMENT ON COLUMN airesilience.task_detail.weight IS
    'task_weight(): 2 for core, 1 otherwise, times importance x relevance / 100 under ratings';
COMMENT ON COLUMN airesilience.task_detail.exposure IS
    'Median of the raters'' exposures, 0-100 (higher = more exposed); NULL for an unrated task';
COMMENT ON COLUMN airesilience.task_detail.resilience IS
    '100 - exposure, 0-100; NULL for an unrated task';
COMMENT ON COLUMN airesilience.task_detail.rater_count IS
    'How many raters rated the task (0 when unrated)';
COMMENT ON COLUMN airesilience.task_detail.rater_spread IS
    'Highest minus lowest rater exposure, 0-100 points; NULL when unrated';
COMMENT ON COLUMN airesilience.task_detail.task_type_source IS
    'Where task_type comes from: release, predecessor (an earlier release''s type for the same text), or NULL';

COMMENT ON COLUMN airesilience.task_score.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_score.task_id IS 'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_score.task_type IS
    'core, supplemental or NULL (task.task_type)';
COMMENT ON COLUMN airesilience.task_score.weight_basis IS
    'How the occupation''s tasks are weighed: ratings, task_type or equal (one basis per occupation)';
COMMENT ON COLUMN airesilience.task_score.weight IS
    'task_weight(): 2 for core, 1 otherwise, times importance x relevance / 100 under ratings';
COMMENT ON COLUMN airesilience.task_score.exposure IS
    'Median of the raters'' exposures, 0-100 (higher = more exposed); NULL for an unrated task';
COMMENT ON COLUMN airesilience.task_score.resilience IS
    '100 - exposure, 0-100; NULL for an unrated task';
COMMENT ON COLUMN airesilience.task_score.rater_count IS
    'How many raters rated the task (0 when unrated)';
COMMENT ON COLUMN airesilience.task_score.rater_spread IS
    'Highest minus lowest rater exposure, 0-100 points; NULL when unrated';

COMMENT ON COLUMN airesilience.task_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_report.task_id IS 'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_report.description IS 'The task statement';
COMMENT ON COLUMN airesilience.task_report.task_type IS
    'core, supplemental or NULL (task.task_type)';
COMMENT ON COLUMN airesilience.task_report.weight IS
    'task_weight(): 2 for core, 1 otherwise, times importance x relevance / 100 under ratings';
COMMENT ON COLUMN airesilience.task_report.weight_basis IS
    'How the occupation''s tasks are weighed: ratings, task_type or equal (one basis per occupation)';
COMMENT ON COLUMN airesilience.task_report.exposure IS
    'Median of the raters'' exposures, 0-100 (higher = more exposed); NULL for an unrated task';
COMMENT ON COLUMN airesilience.task_report.resilience IS
    '100 - exposure, 0-100; NULL for an unrated task';
COMMENT ON COLUMN airesilience.task_report.rater_count IS
    'How many raters rated the task (0 when unrated)';
COMMENT ON COLUMN airesilience.task_report.rater_spread IS
    'Highest minus lowest rater exposure, 0-100 points; NULL when unrated';
COMMENT ON COLUMN airesilience.task_report.rank IS
    'Rank within the occupation, 1 = most resilient; ties: core first, then heavier, then lower task id; unrated tasks last';

COMMENT ON COLUMN airesilience.occupation_task_summary.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.occupation_task_summary.task_resilience IS
    'Weighted mean task resilience of the occupation, 0-100; NULL without rated tasks';
COMMENT ON COLUMN airesilience.occupation_task_summary.weight_basis IS
    'How the tasks are weighed: ratings (every task has importance and relevance), task_type (some task is typed) or equal';
COMMENT ON COLUMN airesilience.occupation_task_summary.task_count IS
    'Tasks of the occupation, rated or not';
COMMENT ON COLUMN airesilience.occupation_task_summary.rated_task_count IS
    'Tasks with an exposure (at least one rating)';
COMMENT ON COLUMN airesilience.occupation_task_summary.tier_exposure IS
    'Weighted mean exposure of the rated tasks under task_tier_weight (core 3, important 2, supporting 1), 0-100: the task_exposure signal';
COMMENT ON COLUMN airesilience.occupation_task_summary.core_rated IS
    'Rated tasks of tier weight 3 (core)';
COMMENT ON COLUMN airesilience.occupation_task_summary.important_rated IS
    'Rated tasks of tier weight 2 (not core, O*NET importance >= 3.5)';
COMMENT ON COLUMN airesilience.occupation_task_summary.supporting_rated IS
    'Rated tasks of tier weight 1 (every other task)';
COMMENT ON COLUMN airesilience.occupation_task_summary.potential IS
    'Weighted mean exposure of the rated tasks under the task weights, 0-100 (= 100 - task_resilience); NULL without rated tasks';

COMMENT ON COLUMN airesilience.occupation_task_resilience.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.occupation_task_resilience.task_resilience IS
    'Weighted mean task resilience of the occupation, 0-100; NULL without rated tasks';
COMMENT ON COLUMN airesilience.occupation_task_resilience.weight_basis IS
    'How the tasks are weighed: ratings (every task has importance and relevance), task_type (some task is typed) or equal';
COMMENT ON COLUMN airesilience.occupation_task_resilience.task_count IS
    'Tasks of the occupation, rated or not';
COMMENT ON COLUMN airesilience.occupation_task_resilience.rated_task_count IS
    'Tasks with an exposure (at least one rating)';

COMMENT ON COLUMN airesilience.occupation_source_grid.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.occupation_source_grid.source IS
    'The source (source.source); every source appears for every occupation';
COMMENT ON COLUMN airesilience.occupation_source_grid.raw_value IS
    'Raw value on the source''s native scale: the stored value, or task_resilience for task_model; NULL when the occupation has none';
COMMENT ON COLUMN airesilience.occupation_source_grid.score IS
    'Source score on 0-100, higher = more resilient, by the normalization in force (flipped for exposure sources); NULL without raw_value';
COMMENT ON COLUMN airesilience.occupation_source_grid.orientation IS
    'The source''s orientation: exposure or resilience';
COMMENT ON COLUMN airesilience.occupation_source_grid.normalization IS
    'The normalization in force: source_setting''s where the database chose one, else source.normalization (percentile or linear)';
COMMENT ON COLUMN airesilience.occupation_source_grid.percentile IS
    'Mid-rank percentile of raw_value among the source''s occupations (task_model''s included), not flipped; NULL without a value';
COMMENT ON COLUMN airesilience.occupation_source_grid.task_resilience IS
    'Weighted mean task resilience of the occupation, 0-100; NULL without rated tasks';
COMMENT ON COLUMN airesilience.occupation_source_grid.weight_basis IS
    'How the occupation''s tasks are weighed: ratings, task_type or equal; NULL without tasks';
COMMENT ON COLUMN airesilience.occupation_source_grid.task_count IS
    'Tasks of the occupation, rated or not; NULL without tasks';
COMMENT ON COLUMN airesilience.occupation_source_grid.rated_task_count IS
    'Tasks with an exposure (at least one rating); NULL without tasks';
COMMENT ON COLUMN airesilience.occupation_source_grid.tier_exposure IS
    'Weighted mean exposure of the rated tasks under task_tier_weight (core 3, important 2, supporting 1), 0-100: the task_exposure signal';
COMMENT ON COLUMN airesilience.occupation_source_grid.core_rated IS
    'Rated tasks of tier weight 3 (core)';
COMMENT ON COLUMN airesilience.occupation_source_grid.important_rated IS
    'Rated tasks of tier weight 2 (not core, O*NET importance >= 3.5)';
COMMENT ON COLUMN airesilience.occupation_source_grid.supporting_rated IS
    'Rated tasks of tier weight 1 (every other task)';

COMMENT ON COLUMN airesilience.source_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.source_report.source IS 'The source (source.source)';
COMMENT ON COLUMN airesilience.source_report.raw_value IS
    'Raw value on the source''s native scale (for task_model: the task resilience, 0-100)';
COMMENT ON COLUMN airesilience.source_report.orientation IS
    'The source''s orientation: exposure or resilience';
COMMENT ON COLUMN airesilience.source_report.normalization IS
    'The normalization in force: source_setting''s where the database chose one, else source.normalization (percentile or linear)';

COMMENT ON COLUMN airesilience.occupation_report.soc_code IS
    '6-digit SOC 2018 code of the occupation, NN-NNNN (the key of the BLS figures)';
COMMENT ON COLUMN airesilience.occupation_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.occupation_report.title IS 'Occupation title';
COMMENT ON COLUMN airesilience.occupation_report.category IS 'The occupation''s category';
COMMENT ON COLUMN airesilience.occupation_report.task_resilience IS
    'Weighted mean task resilience over the rated tasks, 0-100 (the task_model source''s raw value); NULL without rated tasks';
COMMENT ON COLUMN airesilience.occupation_report.weight_basis IS
    'How the tasks are weighed: ratings, task_type or equal; NULL without tasks';
COMMENT ON COLUMN airesilience.occupation_report.task_count IS
    'Tasks of the occupation, rated or not; NULL without tasks';
COMMENT ON COLUMN airesilience.occupation_report.source_count IS
    'Sources with a score for the occupation (the task model counts when a task is rated)';
COMMENT ON COLUMN airesilience.occupation_report.median_wage IS
    'BLS median annual wage, US dollars (a lower bound when top-coded)';
COMMENT ON COLUMN airesilience.occupation_report.employment IS
    'BLS employment in the base year, persons';
COMMENT ON COLUMN airesilience.occupation_report.employment_projected IS
    'BLS projected employment at the end of the projection decade, persons';
COMMENT ON COLUMN airesilience.occupation_report.annual_openings IS
    'BLS projected openings per year, persons';
COMMENT ON COLUMN airesilience.occupation_report.growth_pct IS
    'BLS projected employment change over the projection decade, percent';
COMMENT ON COLUMN airesilience.occupation_report.entry_education IS
    'BLS typical education needed for entry';
COMMENT ON COLUMN airesilience.occupation_report.work_experience IS
    'BLS work experience in a related occupation typically needed';

COMMENT ON COLUMN airesilience.seniority_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.seniority_report.level IS
    'The seniority level (seniority_level.level)';
COMMENT ON COLUMN airesilience.seniority_report.position IS 'Order of the level, most junior first';
COMMENT ON COLUMN airesilience.seniority_report.years IS 'Years of experience of the level';
COMMENT ON COLUMN airesilience.seniority_report.multiplier IS
    'The category curve''s multiplier at those years (1 leaves the score unchanged)';
COMMENT ON COLUMN airesilience.seniority_report.score IS
    'clamp(source_median x multiplier, 0, 100): the headline adjusted for seniority';
COMMENT ON COLUMN airesilience.seniority_report.label IS
    'Label of score under the scheme named by the airesilience.label_scheme setting';

COMMENT ON COLUMN airesilience.source_distribution.source IS 'The source (source.source)';
COMMENT ON COLUMN airesilience.source_distribution.normalization IS
    'The normalization in force for the source: percentile or linear';
COMMENT ON COLUMN airesilience.source_distribution.occupations IS
    'Occupations the source scores (rows of source_report)';
COMMENT ON COLUMN airesilience.source_distribution.min IS 'Lowest source score, 0-100';
COMMENT ON COLUMN airesilience.source_distribution.p10 IS
    '10th percentile of the source scores (percentile_cont), 0-100';
COMMENT ON COLUMN airesilience.source_distribution.median IS
    'Median source score (percentile_cont), 0-100';
COMMENT ON COLUMN airesilience.source_distribution.p90 IS
    '90th percentile of the source scores (percentile_cont), 0-100';
COMMENT ON COLUMN airesilience.source_distribution.max IS 'Highest source score, 0-100';
COMMENT ON COLUMN airesilience.source_distribution.mean IS
    'Mean source score, 0-100 (50 under percentile normalization)';

COMMENT ON COLUMN airesilience.headline_distribution.scheme IS
    'The label scheme in force: the airesilience.label_scheme setting, resilience6 when unset';
COMMENT ON COLUMN airesilience.headline_distribution.position IS
    'Order of the label in the scheme, 1 = best band';
COMMENT ON COLUMN airesilience.headline_distribution.label IS 'The label';
COMMENT ON COLUMN airesilience.headline_distribution.occupations IS
    'Occupations whose headline score (occupation_report.source_median) has this label; 0 for an empty band';
COMMENT ON COLUMN airesilience.headline_distribution.share IS
    'occupations / all occupations with a headline score, 0-1; NULL when none has one';
COMMENT ON COLUMN airesilience.headline_distribution.meaning IS
    'What a score with this label means (label_scheme.meanings); NULL when the scheme has none';

COMMENT ON COLUMN airesilience.occupation_adaptability.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';

COMMENT ON COLUMN airesilience.signal.signal IS
    'Signal name (for example employer_demand); the seven signals are fixed';
COMMENT ON COLUMN airesilience.signal.description IS
    'What the signal measures and how its value is computed';

COMMENT ON COLUMN airesilience.occupation_signal.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.occupation_signal.signal IS
    'The signal (signal.signal); an occupation lacking its data has no row';
COMMENT ON COLUMN airesilience.occupation_signal.orientation IS
    'The signal''s orientation: resilience or exposure (signal.orientation)';

COMMENT ON COLUMN airesilience.composite_preset.preset IS
    'Preset name: lower case letters, digits and underscores (for example careervillage)';
COMMENT ON COLUMN airesilience.composite_preset.description IS
    'What the preset reproduces or is for';

COMMENT ON COLUMN airesilience.composite_weight.preset IS
    'The preset the weight belongs to (composite_preset.preset)';
COMMENT ON COLUMN airesilience.composite_weight.signal IS 'The weighted signal (signal.signal)';
COMMENT ON COLUMN airesilience.composite_weight.weight IS
    'Relative weight of the signal in the preset: finite, > 0; the score divides by the sum of the weights present';

COMMENT ON COLUMN airesilience.composite_signal_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.composite_signal_report.preset IS
    'The composite preset (composite_preset.preset)';
COMMENT ON COLUMN airesilience.composite_signal_report.signal IS
    'One of the preset''s weighted signals (signal.signal)';
COMMENT ON COLUMN airesilience.composite_signal_report.weight IS
    'The signal''s weight in the preset (composite_weight.weight), > 0; weights need not sum to 1';

COMMENT ON COLUMN airesilience.composite_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.composite_report.preset IS
    'The composite preset (composite_preset.preset)';
COMMENT ON COLUMN airesilience.composite_report.label IS
    'Label of score under the preset''s label_scheme; NULL when score is NULL';

COMMENT ON COLUMN airesilience.related_list.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.related_list.scope IS
    'overall: among all occupations; category: among the occupations of the same category';
COMMENT ON COLUMN airesilience.related_list.rank IS '1 = closest within the scope, up to 10';
COMMENT ON COLUMN airesilience.related_list.related_code IS
    'O*NET-SOC code of the related occupation';

COMMENT ON COLUMN airesilience.occupation_alias.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';

COMMENT ON COLUMN airesilience.usage_dataset.dataset IS
    'Dataset name: lower case letters, digits and underscores (for example anthropic_2025_02_10)';
COMMENT ON COLUMN airesilience.usage_dataset.title IS 'Display name of the dataset';
COMMENT ON COLUMN airesilience.usage_dataset.description IS 'What the dataset observed';
COMMENT ON COLUMN airesilience.usage_dataset.url IS 'Where the dataset is published';

COMMENT ON COLUMN airesilience.occupation_usage.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.occupation_usage.dataset IS
    'The occupation-level usage dataset (usage_dataset.dataset)';

COMMENT ON COLUMN airesilience.adoption_evidence.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.adoption_evidence.match_quality IS
    'How the evidence reached the occupation: for a task-level dataset "k of n tasks matched by <method>"; for an occupation-level one the stored note or the dataset''s match_method';

COMMENT ON COLUMN airesilience.potential_adoption_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';

COMMENT ON COLUMN airesilience.task_rater_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_rater_report.task_id IS
    'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_rater_report.rater_count IS 'How many raters rated the task';

COMMENT ON COLUMN airesilience.rater_agreement_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';

COMMENT ON COLUMN airesilience.exposure_vector.vector IS
    'Vector name: lower case letters, digits and underscores (for example workflow_automation)';
COMMENT ON COLUMN airesilience.exposure_vector.description IS
    'The kind of technology that would act on the work, and which activities it covers';

COMMENT ON COLUMN airesilience.activity_vector.vector IS
    'The exposure vector the activity belongs to (exposure_vector.vector)';

COMMENT ON COLUMN airesilience.exposure_vector_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.exposure_vector_report.vector IS
    'The exposure vector (exposure_vector.vector)';

COMMENT ON COLUMN airesilience.snapshot.snapshot_id IS
    'Snapshot id, from snapshot_id_seq: increases with each take_snapshot()';
COMMENT ON COLUMN airesilience.snapshot.note IS
    'Free text given to take_snapshot(note): which data release was scored, for example';

COMMENT ON COLUMN airesilience.snapshot_occupation.snapshot_id IS
    'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_occupation.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.snapshot_occupation.title IS
    'The occupation''s title then (kept when the occupation is renamed or deleted later)';
COMMENT ON COLUMN airesilience.snapshot_occupation.category IS 'The occupation''s category then';
COMMENT ON COLUMN airesilience.snapshot_occupation.task_resilience IS
    'Weighted mean task resilience then, 0-100';
COMMENT ON COLUMN airesilience.snapshot_occupation.weight_basis IS
    'Weight basis of the tasks then: ratings, task_type or equal';
COMMENT ON COLUMN airesilience.snapshot_occupation.task_count IS 'Tasks of the occupation then';
COMMENT ON COLUMN airesilience.snapshot_occupation.source_count IS 'Sources with a score then';
COMMENT ON COLUMN airesilience.snapshot_occupation.dispersion IS
    'Interquartile range of the source scores then, 0-100 points';
COMMENT ON COLUMN airesilience.snapshot_occupation.confidence IS
    'Confidence then: High, Medium-high, Medium, Low-medium or Low';

COMMENT ON COLUMN airesilience.snapshot_source.snapshot_id IS 'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_source.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.snapshot_source.source IS 'The source, as it was named then';
COMMENT ON COLUMN airesilience.snapshot_source.raw_value IS
    'Raw value then, on the source''s native scale';
COMMENT ON COLUMN airesilience.snapshot_source.score IS
    'Source score then, 0-100, higher = more resilient';
COMMENT ON COLUMN airesilience.snapshot_source.normalization IS
    'The normalization the score was computed by then: percentile or linear';

COMMENT ON COLUMN airesilience.snapshot_composite.snapshot_id IS
    'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_composite.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.snapshot_composite.preset IS
    'The composite preset, as it was named then';
COMMENT ON COLUMN airesilience.snapshot_composite.score IS
    'composite_report.score then, 0-100; NULL when the occupation had none of the preset''s signals';
COMMENT ON COLUMN airesilience.snapshot_composite.label IS
    'composite_report.label then, under the preset''s scheme';
COMMENT ON COLUMN airesilience.snapshot_composite.signals_used IS
    'How many of the preset''s signals the occupation had';
COMMENT ON COLUMN airesilience.snapshot_composite.coverage IS
    'Share of the preset''s weight the signals present carried, 0-1';
COMMENT ON COLUMN airesilience.snapshot_composite.breakdown IS
    'Per signal: {"value", "weight", "points", "flipped"}, as composite_report.breakdown then';

COMMENT ON COLUMN airesilience.snapshot_document.snapshot_id IS
    'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_document.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.snapshot_document.document IS
    'The occupation''s JSON document then (occupation_document), lastUpdated = the snapshot''s taken_at; what published_document() serves';


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
COMMENT ON COLUMN airesilience.snapshot_name.snapshot_id IS 'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_name.onet_code IS 'O*NET-SOC code of the occupation, NN-NNNN.NN';
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
COMMENT ON COLUMN airesilience.snapshot_word.snapshot_id IS 'The snapshot (snapshot.snapshot_id)';
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
       CASE WHEN p.prorettype IN ('trigger'::regtype, 'event_trigger'::regtype)
              OR p.proname IN ('grant_access', 'revoke_access')
              OR EXISTS (SELECT FROM pg_aggregate a
                          WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
                                          a.aggserialfn, a.aggdeserialfn))
            THEN 'internal'
            WHEN p.proname IN ('take_snapshot', 'install_default_seniority_curves', 'changed_keys_query',
                               'adaptability_refresh', 'labor_percentile_refresh',
                               'skill_vector_refresh', 'source_percentile_refresh', 'related_list_refresh')
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


------------------------------------------------------------------------------
-- The check of src/trust.sql, after every change above: no object of the
-- extension may use another role's function or operator.
------------------------------------------------------------------------------

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
