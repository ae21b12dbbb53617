-- Composite scores: per-occupation signals on 0-100, weighed by presets
-- (rows of composite_preset and composite_weight) or by ad-hoc weights
-- (composite_scores), with the points each signal contributes.
--
-- Signals (airesilience.signal; the mappings are the project's own, see the
-- README):
--   resilience orientation (higher = more resilient)
--     human_contribution     mean of the occupation's source scores
--                            (source_report: the task model and the
--                            exposure datasets, each normalized and flipped)
--     employer_demand        0.60 openings percentile + 0.40 growth
--                            percentile (labor_percentile)
--     economic_opportunity   0.67 projected wage-bill percentile + 0.33
--                            adaptability (occupation_adaptability)
--   exposure orientation (higher = more exposed)
--     task_exposure          weighted mean task exposure: core tasks 3,
--                            other tasks of importance >= 3.5 2, others 1
--     digital_exposure       the digital_exposure source on 0-100 (the
--                            Karpathy 0-10 rating x 10)
--     market_pressure        50 - 5 x BLS growth %, clamped to 0-100
--     entry_barrier_erosion  from BLS typical entry education
-- A signal built from two parts (employer_demand, economic_opportunity) is
-- the weighted mean of the parts present; its detail names them.
--
-- A composite score is sum(weight x value) / sum(weight) over the preset's
-- signals the occupation has: a missing signal drops out and the others are
-- renormalized, and the report says which signals were missing and what
-- share of the preset's weight the score covers.  A signal whose orientation
-- differs from the preset's counts as 100 - value.
--
-- Means and scores are taken with weighted_resilience, and weight totals in
-- numeric, because both are exact whatever order the rows arrive in: with
-- float8 sum() or avg() a score could change in its last bit when a plan
-- changes, and snapshot_changes would report an unchanged occupation as
-- changed.
--
-- Every view keys on onet_code, so WHERE onet_code = '...' computes that
-- occupation's signals only; the figures that rank occupations against each
-- other (percentiles, adaptability) are stored and kept by triggers.

------------------------------------------------------------------------------
-- Adaptability: how resilient the nearest pivots are
------------------------------------------------------------------------------

-- Adaptability is the percentile rank, among occupations, of the mean task
-- resilience of the occupation's closest related occupations in O*NET (tiers
-- primary-short and primary-long: the 10 closest).  An occupation whose
-- natural next jobs are resilient has somewhere to go.  The mean is taken
-- over the related occupations that have a task resilience.
--
-- Stored, for the reason the percentiles are (src/percentile.sql): the rank
-- compares every occupation's pivots.  Derived data, not dumped: restoring
-- task, task_rating and related_occupation rebuilds it through the triggers.
CREATE TABLE airesilience.occupation_adaptability (
    onet_code        text PRIMARY KEY REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    pivot_count      integer NOT NULL CHECK (pivot_count > 0),
    pivot_resilience float8 NOT NULL CHECK (pivot_resilience BETWEEN 0 AND 100),
    percentile       float8 CHECK (percentile BETWEEN 0 AND 100)
);
COMMENT ON TABLE airesilience.occupation_adaptability IS
    'Derived, maintained by triggers on task, task_rating and related_occupation: mean task resilience of each occupation''s 10 closest related occupations and its percentile rank';
COMMENT ON COLUMN airesilience.occupation_adaptability.pivot_count IS
    'How many of the primary-short and primary-long related occupations have a task resilience';
COMMENT ON COLUMN airesilience.occupation_adaptability.pivot_resilience IS
    'Mean task resilience of those related occupations, 0-100';
COMMENT ON COLUMN airesilience.occupation_adaptability.percentile IS
    'Adaptability: 100 x percent_rank() of pivot_resilience among the occupations that have one';
COMMENT ON COLUMN airesilience.occupation_adaptability.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';

-- Finds the occupations that list a given occupation as related, when that
-- occupation's task resilience changes (and serves the cascading deletes).
CREATE INDEX related_occupation_related_code_idx ON airesilience.related_occupation (related_code);
COMMENT ON INDEX airesilience.related_occupation_related_code_idx IS
    'Serves adaptability maintenance: which occupations list this one as related';

-- Refreshes the pivots of the given occupations (all when NULL), then
-- re-ranks all of them.  For all occupations the related occupations' task
-- resilience comes from one pass over every rating; for a few, from one
-- index lookup per related occupation (the lateral subquery, kept apart by
-- OFFSET 0 so the planner cannot flatten it into a join with the whole view:
-- its condition on onet_code then reaches every scan of the task model).  The mean is
-- weighted_resilience with unit weights: correctly rounded whatever the row
-- order, so both paths store the same bits and equal pivot sets tie.
CREATE FUNCTION airesilience.adaptability_refresh(onet_codes text[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
    WITH wanted AS (
        SELECT r.onet_code, r.related_code
          FROM airesilience.related_occupation r
         WHERE r.tier IN ('primary-short', 'primary-long')
           AND (onet_codes IS NULL OR r.onet_code = ANY (onet_codes))),
    pivot AS (
        SELECT t.onet_code AS related_code, t.task_resilience
          FROM airesilience.occupation_task_resilience t
         WHERE onet_codes IS NULL
        UNION ALL
        SELECT p.related_code, t.task_resilience
          FROM (SELECT DISTINCT w.related_code FROM wanted w) p
         CROSS JOIN LATERAL (SELECT x.task_resilience
                               FROM airesilience.occupation_task_resilience x
                              WHERE x.onet_code = p.related_code
                             OFFSET 0) t
         WHERE onet_codes IS NOT NULL),
    fresh AS (
        SELECT w.onet_code,
               count(*)::integer AS pivot_count,
               airesilience.weighted_resilience(p.task_resilience, 1) AS pivot_resilience
          FROM wanted w
          JOIN pivot p ON p.related_code = w.related_code
         WHERE p.task_resilience IS NOT NULL
         GROUP BY w.onet_code),
    stale AS (
        DELETE FROM airesilience.occupation_adaptability a
         WHERE (onet_codes IS NULL OR a.onet_code = ANY (onet_codes))
           AND NOT EXISTS (SELECT FROM fresh f WHERE f.onet_code = a.onet_code))
    INSERT INTO airesilience.occupation_adaptability AS a (onet_code, pivot_count, pivot_resilience)
    SELECT f.onet_code, f.pivot_count, f.pivot_resilience FROM fresh f
        ON CONFLICT (onet_code) DO UPDATE
       SET pivot_count = excluded.pivot_count, pivot_resilience = excluded.pivot_resilience
     WHERE (a.pivot_count, a.pivot_resilience) IS DISTINCT FROM (excluded.pivot_count, excluded.pivot_resilience);

    UPDATE airesilience.occupation_adaptability a
       SET percentile = r.percentile
      FROM (SELECT b.onet_code, 100 * percent_rank() OVER (ORDER BY b.pivot_resilience) AS percentile
              FROM airesilience.occupation_adaptability b) r
     WHERE a.onet_code = r.onet_code
       AND a.percentile IS DISTINCT FROM r.percentile;
END
$$;
COMMENT ON FUNCTION airesilience.adaptability_refresh(text[]) IS
    'Recomputes the pivots of the given occupations (all when NULL) and re-ranks occupation_adaptability; the triggers call it, call it yourself after loading with triggers disabled';

-- Statement-level maintenance from the transition tables.  A change to an
-- occupation's tasks or ratings changes its task resilience, and so the
-- pivots of the occupations that list it as related; a change to
-- related_occupation changes the pivots of the rows' own occupations.  Rows
-- an UPDATE left as they were (in the columns that count) change nothing.
-- Past 200 occupations to refresh (some 1,000 related occupations to look
-- up), one pass over all ratings is cheaper: measured on O*NET 29.3, 400
-- occupations' lookups take half as long as the full pass, 100 a third.
CREATE FUNCTION airesilience.adaptability_maintain()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
    changed text[];
    affected text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM airesilience.adaptability_refresh(NULL);
        RETURN NULL;
    END IF;

    EXECUTE airesilience.changed_keys_query(TG_OP, 'onet_code', CASE TG_TABLE_NAME
        WHEN 'task' THEN 'onet_code, task_id, task_type, importance, relevance'
        WHEN 'task_rating' THEN 'onet_code, task_id, rater, exposure'
        ELSE 'onet_code, related_code, tier' END)
       INTO changed;
    IF TG_TABLE_NAME = 'related_occupation' THEN
        affected := changed;        -- the rows' own occupations have new pivots
    ELSIF changed IS NOT NULL THEN  -- those listing a changed occupation do
        SELECT array_agg(DISTINCT r.onet_code) INTO affected
          FROM airesilience.related_occupation r
         WHERE r.related_code = ANY (changed)
           AND r.tier IN ('primary-short', 'primary-long');
    END IF;
    IF affected IS NULL THEN        -- nothing that counts has changed
        RETURN NULL;
    END IF;
    PERFORM airesilience.adaptability_refresh(CASE WHEN cardinality(affected) > 200 THEN NULL ELSE affected END);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION airesilience.adaptability_maintain() IS
    'Trigger: refreshes the adaptability of the occupations whose closest related occupations a statement on task, task_rating or related_occupation changed';

SELECT airesilience.create_maintenance_triggers(t, 'adaptability', 'airesilience.adaptability_maintain', 'occupation_adaptability')
  FROM unnest(ARRAY['airesilience.task', 'airesilience.task_rating', 'airesilience.related_occupation']::regclass[]) t;

------------------------------------------------------------------------------
-- Signal mappings
------------------------------------------------------------------------------

-- Market pressure from the BLS projected growth over the decade: 0 at +10 %
-- or more (a clearly growing occupation), 50 when flat, 100 at -10 % or
-- less, linear in between: 50 - 5 x growth.  +/-10 % is about three times
-- the all-occupation average growth of the 2024-34 projections (3.1 %), well
-- inside the groups the OOH calls "much faster than average" (7 % or more)
-- and "decline" (any fall).  NaN is no growth figure: NULL, like a missing
-- one (least/greatest would call it 100).  The growth is clamped before it
-- is multiplied, so no figure overflows: +/-Infinity or 1e308 give 0 or 100.
CREATE FUNCTION airesilience.market_pressure(growth_pct float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN growth_pct <> 'NaN' THEN 50 - 5 * least(10, greatest(-10, growth_pct)) END;
END;
COMMENT ON FUNCTION airesilience.market_pressure(float8) IS
    'Market pressure 0-100 from the BLS projected growth %: 50 - 5 x growth, clamped (0 at +10 % or more, 50 at 0 %, 100 at -10 % or less, Infinity included); NULL or NaN -> NULL';

-- Entry-barrier erosion from the BLS typical entry-level education: the
-- lower the credential, the less it shields the entry-level work from
-- automation.  Unknown wording gives NULL (no signal).
CREATE FUNCTION airesilience.entry_barrier_erosion(entry_education text)
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
COMMENT ON FUNCTION airesilience.entry_barrier_erosion(text) IS
    'Entry-barrier erosion 0-100 from the BLS typical entry education: none 90, high school 75, postsecondary nondegree award 60, some college 55, associate''s 45, bachelor''s 30, master''s 15, doctoral or professional 5; other text NULL';

------------------------------------------------------------------------------
-- Signals
------------------------------------------------------------------------------

-- The signals the extension computes.  Fixed: a signal is a branch of
-- occupation_signal, so rows cannot be added or changed; presets weigh them.
CREATE TABLE airesilience.signal (
    signal      text PRIMARY KEY CHECK (signal ~ '^[a-z][a-z0-9_]*$'),
    orientation text NOT NULL CHECK (orientation IN ('exposure', 'resilience')),
    description text NOT NULL
);
COMMENT ON TABLE airesilience.signal IS
    'The per-occupation signals composite scores weigh (read-only: each is computed by the view occupation_signal)';
COMMENT ON COLUMN airesilience.signal.orientation IS
    'resilience: higher means more resilient; exposure: higher means more exposed';
COMMENT ON COLUMN airesilience.signal.signal IS
    'Signal name (for example employer_demand); the seven signals are fixed';
COMMENT ON COLUMN airesilience.signal.description IS
    'What the signal measures and how its value is computed';
INSERT INTO airesilience.signal (signal, orientation, description) VALUES
    ('human_contribution', 'resilience',
     'Mean of the occupation''s source scores on 0-100 (the task model and the exposure datasets, as in source_report)'),
    ('employer_demand', 'resilience',
     '0.60 x percentile of BLS annual openings + 0.40 x percentile of BLS projected growth'),
    ('economic_opportunity', 'resilience',
     '0.67 x percentile of the projected wage bill (projected employment x median wage) + 0.33 x adaptability (percentile of the mean task resilience of the 10 closest related occupations)'),
    ('task_exposure', 'exposure',
     'Weighted mean task exposure, 0-100: core tasks weigh 3, other tasks of importance >= 3.5 weigh 2, others 1'),
    ('digital_exposure', 'exposure',
     'The digital_exposure source (Karpathy/BLS, 0-10) on 0-100: rating x 10'),
    ('market_pressure', 'exposure',
     'From BLS projected growth: 50 - 5 x growth %, clamped to 0-100'),
    ('entry_barrier_erosion', 'exposure',
     'From BLS typical entry education: none 90, high school 75, nondegree award 60, some college 55, associate''s 45, bachelor''s 30, master''s 15, doctoral 5');

CREATE FUNCTION airesilience.signal_readonly()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'cannot % %.%: its rows are the signals the extension computes',
                    lower(TG_OP), TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation',
              HINT = 'Weigh the signals in airesilience.composite_weight.';
END
$$;
COMMENT ON FUNCTION airesilience.signal_readonly() IS
    'Trigger: keeps the list of signals read-only';
CREATE TRIGGER signal_readonly BEFORE INSERT OR UPDATE OR DELETE ON airesilience.signal
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.signal_readonly();
CREATE TRIGGER signal_readonly_truncate BEFORE TRUNCATE ON airesilience.signal
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.signal_readonly();
COMMENT ON TRIGGER signal_readonly ON airesilience.signal IS 'The signals are fixed by the extension';
COMMENT ON TRIGGER signal_readonly_truncate ON airesilience.signal IS 'The signals are fixed by the extension';

-- Each branch computes one kind of signal (the first, two that share their
-- input), grouped or keyed by onet_code, so a condition on onet_code reaches
-- every branch.
CREATE VIEW airesilience.occupation_signal AS
SELECT x.onet_code,
       x.signal,
       x.value,
       g.orientation,
       x.detail
  FROM (-- human_contribution and task_exposure from one grouping of
        -- occupation_source_grid, which carries the task summary: one pass
        -- over the tasks for both, where a branch each would make two.
        -- human_contribution averages the source_report rows (the grid's
        -- rows with a raw value); task_exposure is there when a task is
        -- rated.
        SELECT h.onet_code,
               b.signal,
               b.value,
               b.detail
          FROM (SELECT onet_code,
                       count(raw_value) AS source_count,
                       airesilience.weighted_resilience(score, 1) FILTER (WHERE raw_value IS NOT NULL) AS mean_score,
                       jsonb_object_agg(source, score) FILTER (WHERE raw_value IS NOT NULL) AS scores,
                       rated_task_count,
                       tier_exposure,
                       core_rated,
                       important_rated,
                       supporting_rated
                  FROM airesilience.occupation_source_grid
                 GROUP BY onet_code, rated_task_count, tier_exposure, core_rated, important_rated, supporting_rated) h
         CROSS JOIN LATERAL (VALUES
                   ('human_contribution', h.source_count > 0, h.mean_score,
                    jsonb_build_object('sources', h.scores)),
                   ('task_exposure', h.rated_task_count > 0, h.tier_exposure,
                    jsonb_build_object('tasks', h.rated_task_count, 'core', h.core_rated,
                                       'important', h.important_rated, 'supporting', h.supporting_rated))
               ) b (signal, present, value, detail)
         WHERE b.present
        UNION ALL
        SELECT v.onet_code,
               'digital_exposure',
               100 * (v.raw_value - s.scale_min) / (s.scale_max - s.scale_min),
               jsonb_build_object('raw_value', v.raw_value)
          FROM airesilience.source_value v
          JOIN airesilience.source s ON s.source = v.source
         WHERE v.source = 'digital_exposure'
        UNION ALL
        -- the two-part signals: the weighted mean of the parts present
        SELECT o.onet_code,
               c.signal,
               airesilience.weighted_resilience(c.value, c.weight),
               jsonb_object_agg(c.part, c.value)
          FROM airesilience.occupation o
          LEFT JOIN airesilience.labor_percentile p ON p.soc_code = o.soc_code
          LEFT JOIN airesilience.occupation_adaptability a ON a.onet_code = o.onet_code
         CROSS JOIN LATERAL (VALUES
                   ('employer_demand', 'openings_percentile', 0.60::float8, p.openings_percentile),
                   ('employer_demand', 'growth_percentile', 0.40::float8, p.growth_percentile),
                   ('economic_opportunity', 'wage_bill_percentile', 0.67::float8, p.wage_bill_percentile),
                   ('economic_opportunity', 'adaptability', 0.33::float8, a.percentile)
               ) c (signal, part, weight, value)
         WHERE c.value IS NOT NULL
         GROUP BY o.onet_code, c.signal
        UNION ALL
        SELECT o.onet_code,
               b.signal,
               b.value,
               b.detail
          FROM airesilience.occupation o
          JOIN airesilience.labor_stats l ON l.soc_code = o.soc_code
         CROSS JOIN LATERAL (VALUES
                   ('market_pressure', airesilience.market_pressure(l.growth_pct),
                    jsonb_build_object('growth_pct', l.growth_pct)),
                   ('entry_barrier_erosion', airesilience.entry_barrier_erosion(l.entry_education),
                    jsonb_build_object('entry_education', l.entry_education))
               ) b (signal, value, detail)
         WHERE b.value IS NOT NULL) x
  JOIN airesilience.signal g ON g.signal = x.signal;
COMMENT ON VIEW airesilience.occupation_signal IS
    'Occupation x signal: the signal''s value on 0-100, its orientation, and what it was computed from; a signal the occupation lacks data for has no row';
COMMENT ON COLUMN airesilience.occupation_signal.value IS
    '0-100; higher = more resilient for resilience signals, more exposed for exposure signals';
COMMENT ON COLUMN airesilience.occupation_signal.detail IS
    'The inputs: source scores, task counts by tier, raw rating, percentile parts, growth or education';
COMMENT ON COLUMN airesilience.occupation_signal.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.occupation_signal.signal IS
    'The signal (signal.signal); an occupation lacking its data has no row';
COMMENT ON COLUMN airesilience.occupation_signal.orientation IS
    'The signal''s orientation: resilience or exposure (signal.orientation)';

------------------------------------------------------------------------------
-- Presets
------------------------------------------------------------------------------

CREATE TABLE airesilience.composite_preset (
    preset       text PRIMARY KEY CHECK (preset ~ '^[a-z][a-z0-9_]*$'),
    description  text,
    orientation  text NOT NULL CHECK (orientation IN ('exposure', 'resilience')),
    label_scheme text NOT NULL REFERENCES airesilience.label_scheme ON UPDATE CASCADE,
    builtin      boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE airesilience.composite_preset IS
    'Named composite scores: their orientation and label scheme; the weights are in composite_weight';
COMMENT ON COLUMN airesilience.composite_preset.orientation IS
    'Which way the score points; a signal of the other orientation counts as 100 - value';
COMMENT ON COLUMN airesilience.composite_preset.label_scheme IS
    'The scheme that labels the score in composite_report';
COMMENT ON COLUMN airesilience.composite_preset.builtin IS
    'Installed by CREATE EXTENSION: read-only and left out of dumps';
COMMENT ON COLUMN airesilience.composite_preset.preset IS
    'Preset name: lower case letters, digits and underscores (for example careervillage)';
COMMENT ON COLUMN airesilience.composite_preset.description IS
    'What the preset reproduces or is for';

CREATE TABLE airesilience.composite_weight (
    preset      text NOT NULL REFERENCES airesilience.composite_preset ON UPDATE CASCADE ON DELETE CASCADE,
    signal      text NOT NULL REFERENCES airesilience.signal,
    weight      float8 NOT NULL CHECK (weight > 0 AND weight < 'Infinity'),
    builtin     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (preset, signal)
);
COMMENT ON TABLE airesilience.composite_weight IS
    'The weight of each signal in a preset; weights need not sum to 1 (scores divide by the sum of the weights present)';
COMMENT ON COLUMN airesilience.composite_weight.builtin IS
    'Installed by CREATE EXTENSION with its preset: read-only and left out of dumps';
COMMENT ON COLUMN airesilience.composite_weight.preset IS
    'The preset the weight belongs to (composite_preset.preset)';
COMMENT ON COLUMN airesilience.composite_weight.signal IS 'The weighted signal (signal.signal)';
COMMENT ON COLUMN airesilience.composite_weight.weight IS
    'Relative weight of the signal in the preset: finite, > 0; the score divides by the sum of the weights present';

INSERT INTO airesilience.composite_preset (preset, description, orientation, label_scheme, builtin) VALUES
    ('careervillage',
     'CareerVillage''s later model: 0.40 human contribution + 0.30 employer demand + 0.30 economic opportunity, labelled with its six labels',
     'resilience', 'resilience6', true),
    ('jobpocalypse',
     'The Jobpocalypse index: 0.60 task exposure + 0.10 digital exposure + 0.15 market pressure + 0.15 entry-barrier erosion, in its tiers (higher = more exposed)',
     'exposure', 'tiers5', true);
INSERT INTO airesilience.composite_weight (preset, signal, weight, builtin) VALUES
    ('careervillage', 'human_contribution', 0.40, true),
    ('careervillage', 'employer_demand', 0.30, true),
    ('careervillage', 'economic_opportunity', 0.30, true),
    ('jobpocalypse', 'task_exposure', 0.60, true),
    ('jobpocalypse', 'digital_exposure', 0.10, true),
    ('jobpocalypse', 'market_pressure', 0.15, true),
    ('jobpocalypse', 'entry_barrier_erosion', 0.15, true);
CREATE TRIGGER composite_preset_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.composite_preset
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER composite_preset_builtin_truncate BEFORE TRUNCATE ON airesilience.composite_preset
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER composite_weight_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.composite_weight
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER composite_weight_builtin_truncate BEFORE TRUNCATE ON airesilience.composite_weight
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

-- A weight names a known signal and is positive and finite, with an error
-- that says so (22023) rather than a bare foreign-key or check violation.
-- A built-in preset keeps the weights it was installed with.
CREATE FUNCTION airesilience.composite_weight_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.signal IS NOT NULL
       AND NOT EXISTS (SELECT FROM airesilience.signal g WHERE g.signal = NEW.signal) THEN
        RAISE EXCEPTION 'unknown signal "%"', NEW.signal
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Preset "%s" weighs a signal the extension does not compute.', NEW.preset),
                  HINT = format('The signals are %s.',
                                (SELECT string_agg(g.signal, ', ' ORDER BY g.signal) FROM airesilience.signal g));
    END IF;
    IF NEW.weight IS NOT NULL AND NOT (NEW.weight > 0 AND NEW.weight < 'Infinity') THEN
        RAISE EXCEPTION 'weight of signal "%" must be positive and finite', NEW.signal
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Preset "%s" gives it %s.', NEW.preset, NEW.weight);
    END IF;
    IF NOT NEW.builtin
       AND EXISTS (SELECT FROM airesilience.composite_preset p WHERE p.preset = NEW.preset AND p.builtin) THEN
        RAISE EXCEPTION 'cannot change the weights of built-in preset "%"', NEW.preset
            USING ERRCODE = 'restrict_violation',
                  DETAIL = 'Built-in presets keep the weights CREATE EXTENSION installed.',
                  HINT = 'Create a preset under a new name with its own weights.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION airesilience.composite_weight_check() IS
    'Trigger: a weight names a known signal (22023), is positive and finite (22023), and does not belong to a built-in preset (23001)';
CREATE TRIGGER composite_weight_check BEFORE INSERT OR UPDATE ON airesilience.composite_weight
    FOR EACH ROW EXECUTE FUNCTION airesilience.composite_weight_check();
COMMENT ON TRIGGER composite_weight_check ON airesilience.composite_weight IS
    'Rejects unknown signals and non-positive weights with 22023, and changes to built-in presets with 23001';
COMMENT ON TRIGGER composite_preset_builtin ON airesilience.composite_preset IS
    'Built-in presets are read-only';
COMMENT ON TRIGGER composite_preset_builtin_truncate ON airesilience.composite_preset IS
    'Built-in presets cannot be truncated away';
COMMENT ON TRIGGER composite_weight_builtin ON airesilience.composite_weight IS
    'Built-in weights are read-only';
COMMENT ON TRIGGER composite_weight_builtin_truncate ON airesilience.composite_weight IS
    'Built-in weights cannot be truncated away';

SELECT pg_catalog.pg_extension_config_dump('airesilience.composite_preset', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('airesilience.composite_weight', 'WHERE NOT builtin');

------------------------------------------------------------------------------
-- Reports
------------------------------------------------------------------------------

-- One row per occupation and weighted signal, present or not.  value is the
-- signal as the preset counts it (100 - value when the orientations differ)
-- and points = value x weight / the sum of the weights of the signals the
-- occupation has, so the points add up to the score.  A missing signal has
-- NULL value and points.  The weight share is taken first: at most 1, so a
-- weight near the float8 limit neither overflows nor, if subnormal, loses
-- its digits in the product.
CREATE VIEW airesilience.composite_signal_report AS
SELECT o.onet_code,
       w.preset,
       w.signal,
       v.value,
       w.weight,
       v.value * (w.weight
                  / (sum(w.weight::numeric) FILTER (WHERE v.value IS NOT NULL)
                     OVER (PARTITION BY o.onet_code, w.preset))::float8) AS points,
       g.orientation <> p.orientation AS flipped
  FROM airesilience.occupation o
 CROSS JOIN airesilience.composite_weight w
  JOIN airesilience.composite_preset p ON p.preset = w.preset
  JOIN airesilience.signal g ON g.signal = w.signal
  LEFT JOIN airesilience.occupation_signal s ON s.onet_code = o.onet_code AND s.signal = w.signal
 CROSS JOIN LATERAL (SELECT CASE WHEN g.orientation = p.orientation THEN s.value ELSE 100 - s.value END AS value) v;
COMMENT ON VIEW airesilience.composite_signal_report IS
    'Occupation x preset x signal: the signal''s value as the preset counts it, its weight, and the points it adds to the composite score';
COMMENT ON COLUMN airesilience.composite_signal_report.value IS
    'The signal on 0-100, flipped (100 - value) when its orientation differs from the preset''s; NULL when the occupation lacks it';
COMMENT ON COLUMN airesilience.composite_signal_report.points IS
    'weight x value / sum of the weights of the signals present: the signal''s share of the score';
COMMENT ON COLUMN airesilience.composite_signal_report.flipped IS
    'The signal''s orientation differs from the preset''s, so it counts as 100 - value';
COMMENT ON COLUMN airesilience.composite_signal_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.composite_signal_report.preset IS
    'The composite preset (composite_preset.preset)';
COMMENT ON COLUMN airesilience.composite_signal_report.signal IS
    'One of the preset''s weighted signals (signal.signal)';
COMMENT ON COLUMN airesilience.composite_signal_report.weight IS
    'The signal''s weight in the preset (composite_weight.weight), > 0; weights need not sum to 1';

CREATE VIEW airesilience.composite_report AS
SELECT c.onet_code,
       c.preset,
       c.score,
       airesilience.band_label(c.score, l.cuts, l.labels, l.inclusive) AS label,
       c.signals_used,
       c.signals_missing,
       c.coverage,
       c.breakdown
  FROM (SELECT r.onet_code,
               r.preset,
               airesilience.weighted_resilience(r.value, r.weight) AS score,
               count(r.value)::integer AS signals_used,
               coalesce(array_agg(r.signal ORDER BY r.signal) FILTER (WHERE r.value IS NULL), '{}') AS signals_missing,
               (coalesce(sum(r.weight::numeric) FILTER (WHERE r.value IS NOT NULL), 0) / sum(r.weight::numeric))::float8 AS coverage,
               jsonb_object_agg(r.signal, jsonb_build_object('value', r.value, 'weight', r.weight,
                                                             'points', r.points, 'flipped', r.flipped)) AS breakdown
          FROM airesilience.composite_signal_report r
         GROUP BY r.onet_code, r.preset) c
  JOIN airesilience.composite_preset p ON p.preset = c.preset
  JOIN airesilience.label_scheme l ON l.scheme = p.label_scheme;
COMMENT ON VIEW airesilience.composite_report IS
    'Occupation x preset: the composite score (sum of the signals'' points), its label under the preset''s scheme, which signals it rests on, and the breakdown';
COMMENT ON COLUMN airesilience.composite_report.score IS
    'sum(weight x value) / sum(weight) over the preset''s signals the occupation has, 0-100; NULL when it has none';
COMMENT ON COLUMN airesilience.composite_report.signals_used IS
    'How many of the preset''s signals the occupation has';
COMMENT ON COLUMN airesilience.composite_report.signals_missing IS
    'The preset''s signals the occupation lacks (the score is renormalized over the others)';
COMMENT ON COLUMN airesilience.composite_report.coverage IS
    'Share of the preset''s total weight carried by the signals present, 0-1';
COMMENT ON COLUMN airesilience.composite_report.breakdown IS
    'Per signal: {"value", "weight", "points", "flipped"}; value and points are null for a missing signal';
COMMENT ON COLUMN airesilience.composite_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.composite_report.preset IS
    'The composite preset (composite_preset.preset)';
COMMENT ON COLUMN airesilience.composite_report.label IS
    'Label of score under the preset''s label_scheme; NULL when score is NULL';

------------------------------------------------------------------------------
-- Ad-hoc weights
------------------------------------------------------------------------------

-- Validates ad-hoc weights: a non-empty JSON object of signal names and
-- positive numbers.  With no orientation given, the signals must share one.
CREATE FUNCTION airesilience.composite_weights_check(weights jsonb, orientation text DEFAULT NULL)
RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    bad record;
    orientations text[];
BEGIN
    IF weights IS NULL OR jsonb_typeof(weights) <> 'object' THEN
        RAISE EXCEPTION 'weights must be a JSON object'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('The weights are %s.', coalesce(jsonb_typeof(weights), 'NULL')),
                  HINT = 'Give weights as {"signal": weight, ...}, for example {"human_contribution": 0.5, "employer_demand": 0.5}.';
    END IF;
    IF weights = '{}'::jsonb THEN
        RAISE EXCEPTION 'weights must name at least one signal'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e.key INTO bad
      FROM jsonb_each(weights) e
     WHERE NOT EXISTS (SELECT FROM airesilience.signal g WHERE g.signal = e.key)
     ORDER BY e.key
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'unknown signal "%"', bad.key
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = format('The signals are %s.',
                                (SELECT string_agg(g.signal, ', ' ORDER BY g.signal) FROM airesilience.signal g));
    END IF;
    -- CASE, not OR: only a JSON number may be cast to numeric.  The bounds
    -- are the largest and the smallest positive float8 (subnormal): a number
    -- outside them cannot become a float8 weight.
    SELECT e.key, e.value INTO bad
      FROM jsonb_each(weights) e
     WHERE CASE WHEN jsonb_typeof(e.value) = 'number'
                THEN (e.value)::numeric NOT BETWEEN 4.9406564584124654e-324 AND 1.7976931348623157e308
                ELSE true
           END
     ORDER BY e.key
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'weight of signal "%" must be a positive number', bad.key
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = CASE WHEN jsonb_typeof(bad.value) <> 'number'
                                THEN format('It is %s, a JSON %s.', left(bad.value::text, 40), jsonb_typeof(bad.value))
                                WHEN (bad.value)::numeric > 0
                                THEN 'It lies outside the range of float8, about 4.9e-324 to 1.8e308.'
                                ELSE format('It is %s.', left(bad.value::text, 40))
                           END;
    END IF;
    IF orientation IS NULL THEN
        SELECT array_agg(DISTINCT g.orientation ORDER BY g.orientation) INTO orientations
          FROM jsonb_object_keys(weights) k
          JOIN airesilience.signal g ON g.signal = k;
        IF cardinality(orientations) > 1 THEN
            RAISE EXCEPTION 'weights mix resilience and exposure signals'
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Pass orientation => ''resilience'' or ''exposure''; signals of the other orientation then count as 100 - value.';
        END IF;
    ELSIF orientation NOT IN ('exposure', 'resilience') THEN
        RAISE EXCEPTION 'orientation must be resilience or exposure'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('It is "%s".', orientation);
    END IF;
    RETURN true;
END
$$;
COMMENT ON FUNCTION airesilience.composite_weights_check(jsonb, text) IS
    'true for valid ad-hoc weights (a non-empty JSON object of known signals and positive numbers within float8 range, one orientation unless given); otherwise an error (22023) naming the problem';

-- The composite score under ad-hoc weights, computed as composite_report
-- computes a preset's.  An SQL function, so the planner inlines it: with an
-- onet_code, only that occupation's signals are computed.  The check is a
-- condition without columns, so it runs once, before any row.
CREATE FUNCTION airesilience.composite_scores(weights jsonb, onet_code text DEFAULT NULL, orientation text DEFAULT NULL)
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
COMMENT ON FUNCTION airesilience.composite_scores(jsonb, text, text) IS
    'Composite score and breakdown per occupation (only onet_code''s when given) under ad-hoc weights {"signal": weight, ...}, without storing a preset; orientation as in composite_preset (default: that of the signals); unknown signal or non-positive weight -> 22023';
