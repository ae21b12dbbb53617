-- Percentile ranks among occupations: of each source's raw values (the
-- 'percentile' normalization of a source, the default) and of the BLS panel
-- figures (growth, openings, projected wage bill).
--
-- Sources are ranked by mid-rank: a value's percentile is 100 x (the number
-- of other occupations with a lower value + half the number of the others
-- with the same value) / (the number of occupations with a value - 1).  The
-- lowest value is 0 and the highest 100 when they are unique; tied values
-- share the middle of the ranks they span; a lone value is 50.  Mid-ranks
-- put every source on the same footing whatever its ties: the scores of each
-- source then average exactly 50, and flipping an exposure source (100 -
-- percentile) is the same as ranking it the other way round.  With
-- percent_rank's lower rank for ties instead, the 0-10 digital_exposure
-- rating (ten distinct values over 694 occupations) would average 56.7 after
-- the flip: a source-wide tilt toward resilience (docs/model.md).
--
-- The BLS panel keeps 100 x percent_rank() (ties share the lower rank): its
-- percentiles are displayed as such, as the reference page shows them.
--
-- The derived source task_model is ranked too: its raw value is the task
-- resilience of occupation_task_resilience (src/reports.sql), re-ranked by
-- the triggers on task and task_rating below.
--
-- Why the percentiles are stored: a percentile depends on every other
-- occupation's value, so computing it in the report views would make a page
-- query for one occupation rank the values of all of them, and break the
-- rule that such a query reads only that occupation's rows
-- (sql/single_occupation.sql).  Stored, it is one index probe.  The tables
-- are derived data, kept current by the statement-level triggers below
-- (which re-rank only the sources a statement touched), so they are
-- deliberately not extension configuration tables: pg_dump leaves their rows
-- out, and restoring source_value, task and task_rating rebuilds them.

------------------------------------------------------------------------------
-- Sources
------------------------------------------------------------------------------

CREATE TABLE airesilience.source_percentile (
    onet_code   text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    source      text NOT NULL REFERENCES airesilience.source ON UPDATE CASCADE ON DELETE CASCADE,
    percentile  float8 NOT NULL CHECK (percentile BETWEEN 0 AND 100),
    PRIMARY KEY (onet_code, source)
);
COMMENT ON TABLE airesilience.source_percentile IS
    'Derived, maintained by triggers on source_value, task and task_rating: each source value''s mid-rank percentile among the occupations with a value of the same source (task_model: the task resilience)';
COMMENT ON COLUMN airesilience.source_percentile.percentile IS
    'Mid-rank percentile of the raw value within its source: 100 x (values below + (ties - 1) / 2) / (values - 1); lowest 0, highest 100, a lone value 50; not flipped for exposure sources';
COMMENT ON COLUMN airesilience.source_percentile.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.source_percentile.source IS 'The source (source.source)';

-- Re-rank the given sources, or all when NULL.  Only rows whose percentile
-- changes are written.  Custom plans: with the actual argument the planner
-- drops the "IS NULL OR" branch and reads only the given sources through
-- source_value_source_idx, already in raw_value order.  task_model's values
-- are the task resilience of every occupation with rated tasks: one pass
-- over the tasks (occupation_task_resilience), taken only when task_model is
-- asked for.
CREATE FUNCTION airesilience.source_percentile_refresh(sources text[] DEFAULT NULL)
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

-- Statement-level maintenance from the transition tables: the sources of the
-- rows a statement added, removed or changed are re-ranked, the others are
-- left alone.  An UPDATE that leaves a row as it was changes no rank.  JIT is
-- off: the planner knows nothing of the transition tables and would compile
-- these small queries for longer than they run.
CREATE FUNCTION airesilience.source_percentile_maintain()
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

SELECT airesilience.create_maintenance_triggers('airesilience.source_value', 'source_percentile', 'airesilience.source_percentile_maintain', 'source_percentile');

-- task_model is re-ranked whole when a statement on task or task_rating
-- changed what the task resilience is computed from (a weight input or an
-- exposure): one pass over the tasks, some 0.1 s on O*NET 29.3.
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

SELECT airesilience.create_maintenance_triggers(t, 'task_model_percentile', 'airesilience.task_model_percentile_maintain', 'source_percentile (task_model)')
  FROM unnest(ARRAY['airesilience.task', 'airesilience.task_rating']::regclass[]) t;

-- A source's score under the percentile normalization.
CREATE FUNCTION airesilience.normalize_percentile(percentile float8, orientation text)
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

------------------------------------------------------------------------------
-- The BLS panel
------------------------------------------------------------------------------

-- One row per SOC code of labor_stats; each percentile ranks among the SOC
-- codes that have the figure (NULL where the code lacks it).
CREATE TABLE airesilience.labor_percentile (
    soc_code             text PRIMARY KEY,
    growth_percentile    float8 CHECK (growth_percentile BETWEEN 0 AND 100),
    openings_percentile  float8 CHECK (openings_percentile BETWEEN 0 AND 100),
    wage_bill_percentile float8 CHECK (wage_bill_percentile BETWEEN 0 AND 100)
);
COMMENT ON TABLE airesilience.labor_percentile IS
    'Derived, maintained by triggers on labor_stats: percentile ranks of growth, openings and projected wage bill among the SOC codes that have the figure';
COMMENT ON COLUMN airesilience.labor_percentile.growth_percentile IS
    '100 x percent_rank() of growth_pct';
COMMENT ON COLUMN airesilience.labor_percentile.openings_percentile IS
    '100 x percent_rank() of annual_openings';
COMMENT ON COLUMN airesilience.labor_percentile.wage_bill_percentile IS
    '100 x percent_rank() of the projected wage bill, employment_projected x median_wage (a top-coded wage counts at its bound)';
COMMENT ON COLUMN airesilience.labor_percentile.soc_code IS
    '6-digit SOC 2018 code, NN-NNNN (labor_stats.soc_code)';

-- The panel is one small set (some 800 SOC codes), so it is re-ranked whole:
-- a few milliseconds.  Each figure is ranked in its own partition of the
-- rows that have it, so codes lacking it take no rank.
CREATE FUNCTION airesilience.labor_percentile_refresh()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    WITH figures AS (
        SELECT l.soc_code,
               l.growth_pct,
               l.annual_openings,
               l.employment_projected * l.median_wage AS wage_bill
          FROM airesilience.labor_stats l),
    fresh AS (
        SELECT f.soc_code,
               CASE WHEN f.growth_pct IS NOT NULL
                    THEN 100 * percent_rank() OVER (PARTITION BY f.growth_pct IS NULL ORDER BY f.growth_pct)
               END AS growth_percentile,
               CASE WHEN f.annual_openings IS NOT NULL
                    THEN 100 * percent_rank() OVER (PARTITION BY f.annual_openings IS NULL ORDER BY f.annual_openings)
               END AS openings_percentile,
               CASE WHEN f.wage_bill IS NOT NULL
                    THEN 100 * percent_rank() OVER (PARTITION BY f.wage_bill IS NULL ORDER BY f.wage_bill)
               END AS wage_bill_percentile
          FROM figures f
         WHERE f.growth_pct IS NOT NULL OR f.annual_openings IS NOT NULL OR f.wage_bill IS NOT NULL),
    stale AS (
        DELETE FROM airesilience.labor_percentile p
         WHERE NOT EXISTS (SELECT FROM fresh f WHERE f.soc_code = p.soc_code))
    INSERT INTO airesilience.labor_percentile AS p
           (soc_code, growth_percentile, openings_percentile, wage_bill_percentile)
    SELECT f.soc_code, f.growth_percentile, f.openings_percentile, f.wage_bill_percentile FROM fresh f
        ON CONFLICT (soc_code) DO UPDATE
       SET growth_percentile = excluded.growth_percentile,
           openings_percentile = excluded.openings_percentile,
           wage_bill_percentile = excluded.wage_bill_percentile
     WHERE (p.growth_percentile, p.openings_percentile, p.wage_bill_percentile)
           IS DISTINCT FROM (excluded.growth_percentile, excluded.openings_percentile, excluded.wage_bill_percentile);
END
$$;
COMMENT ON FUNCTION airesilience.labor_percentile_refresh() IS
    'Re-ranks the BLS panel into labor_percentile; the triggers on labor_stats call it, call it yourself after loading with triggers disabled';

-- Re-ranks the panel when a statement changed a ranked figure: an UPDATE of
-- education or experience alone leaves the ranks as they are.
CREATE FUNCTION airesilience.labor_percentile_maintain()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
    changed text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM airesilience.labor_percentile;
        RETURN NULL;
    END IF;
    EXECUTE airesilience.changed_keys_query(TG_OP, 'soc_code',
                                            'soc_code, growth_pct, annual_openings, employment_projected, median_wage')
       INTO changed;
    IF changed IS NOT NULL THEN     -- NULL: no ranked figure changed
        PERFORM airesilience.labor_percentile_refresh();
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION airesilience.labor_percentile_maintain() IS
    'Trigger: re-ranks the BLS panel when a statement on labor_stats changed growth, openings, projected employment or wage';

SELECT airesilience.create_maintenance_triggers('airesilience.labor_stats', 'labor_percentile', 'airesilience.labor_percentile_maintain', 'labor_percentile');
