-- airesilience: report views.
--
-- Each view filters cleanly on onet_code: every join and grouping is keyed
-- by it, so a query for one occupation reads only that occupation's rows
-- (the planner pushes the condition into every branch; see
-- sql/single_occupation.sql).

-- The version of the scoring model: the installed extension's version, as
-- every formula and built-in table ships with it.  Snapshots record it, and
-- the JSON document reports it (airm.version).
CREATE FUNCTION airesilience.model_version()
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'airesilience';
END;
COMMENT ON FUNCTION airesilience.model_version() IS
    'Version of the scoring model: the installed version of the airesilience extension';

-- How much a task counts in its occupation's score.  The basis is chosen per
-- occupation so that all its tasks are weighed alike: O*NET ratings when
-- every task has them, otherwise core/supplemental when any task is typed,
-- otherwise equal weights.  Core tasks count double in every basis, as in
-- "GPTs are GPTs" (Eloundou et al.).
CREATE FUNCTION airesilience.task_weight(basis text, task_type text, importance float8, relevance float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN task_type = 'core' THEN 2.0 ELSE 1.0 END
         * CASE WHEN basis = 'ratings' THEN importance * relevance / 100 ELSE 1.0 END;
END;
COMMENT ON FUNCTION airesilience.task_weight(text, text, float8, float8) IS
    'Weight of a task: 2 for core, 1 otherwise, times importance x relevance / 100 when basis = ratings (task''s CHECKs hold importance to 1-5 and relevance to 0-100; a product beyond float8 -> 22003), NULL -> NULL';

-- How much a task counts in the task_exposure signal (src/composite.sql).
-- The Jobpocalypse weights Core 3, Important 2, Supporting 1, on O*NET's
-- fields: a core task is Core; another task counts as Important when its
-- O*NET importance is at least 3.5 (between "important" and "very
-- important" on the 1-5 scale); every other task, unrated ones included, is
-- Supporting.
CREATE FUNCTION airesilience.task_tier_weight(task_type text, importance float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN task_type = 'core' THEN 3.0
                WHEN importance >= 3.5 THEN 2.0
                ELSE 1.0
           END::float8;
END;
COMMENT ON FUNCTION airesilience.task_tier_weight(text, float8) IS
    'Weight of a task in the task_exposure signal: 3 for a core task, 2 for another task of importance >= 3.5, 1 otherwise';

-- A source's raw value on the common 0-100 resilience scale.
CREATE FUNCTION airesilience.normalize_linear(raw_value float8, scale_min float8, scale_max float8, orientation text)
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

-- Every task with its own columns and its scores: the one pass over task
-- and task_rating that task_score, task_report and the per-occupation views
-- share.  It is written to stream in primary-key order.  The ratings are
-- grouped in (onet_code, task_id) order: the ORDER BY asks for the order
-- that task_rating's primary key gives, so the planner reads it through
-- that index and groups without hashing, and merge-joins the groups with
-- task read the same way.  The weight basis is a window over each
-- occupation's tasks, rather than a second grouping of task joined back.
-- The rows then reach the per-occupation aggregates already grouped by
-- occupation.  On the public data (18,796 tasks, analyzed) this takes half
-- the time of the hashed plan the planner picks without the ORDER BY.  A
-- query for one occupation still reads only its rows: onet_code is the
-- window's partition and the grouping's first key, so its condition
-- reaches both scans.
CREATE VIEW airesilience.task_detail AS
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

CREATE VIEW airesilience.task_score AS
SELECT onet_code,
       task_id,
       task_type,
       weight_basis,
       weight,
       exposure,
       resilience,
       rater_count,
       rater_spread
  FROM airesilience.task_detail;
COMMENT ON VIEW airesilience.task_score IS
    'Per task: weight, its basis, exposure (median over raters), resilience = 100 - exposure';
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

-- The rank is taken over task_detail's rows, which carry the description:
-- joining task again for it would undo their occupation order and make the
-- rank's sort a full one, which spills to disk at the default work_mem.
CREATE VIEW airesilience.task_report AS
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
COMMENT ON VIEW airesilience.task_report IS
    'One row per task: weight, exposure, resilience, bucket, and rank within its occupation (most resilient first)';
COMMENT ON COLUMN airesilience.task_report.bucket IS
    'The task''s resilience under the task_bucket label scheme (airesilience.label_band lists the cuts and what each bucket means)';
COMMENT ON COLUMN airesilience.task_report.task_type_source IS
    'Where task_type comes from: release, predecessor (an earlier release''s type for the same text under the predecessor code), or NULL';
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

-- Per occupation, everything the views take from its tasks, in one
-- aggregate over task_detail: the task model (task resilience, its weight
-- basis, task counts) and the task_exposure signal of src/composite.sql
-- (the mean exposure of the rated tasks under the tier weights, and how many
-- rated tasks each tier has), and the potential of src/adoption.sql (the
-- weighted mean exposure of the rated tasks).  A view that needs only some of the columns
-- costs only those: the planner drops the aggregates nobody selects.
CREATE VIEW airesilience.occupation_task_summary AS
SELECT onet_code,
       airesilience.weighted_resilience(resilience, weight) AS task_resilience,
       min(weight_basis) AS weight_basis,
       count(*) AS task_count,
       count(resilience) AS rated_task_count,
       airesilience.weighted_resilience(exposure, airesilience.task_tier_weight(task_type, importance)) AS tier_exposure,
       count(exposure) FILTER (WHERE airesilience.task_tier_weight(task_type, importance) = 3) AS core_rated,
       count(exposure) FILTER (WHERE airesilience.task_tier_weight(task_type, importance) = 2) AS important_rated,
       count(exposure) FILTER (WHERE airesilience.task_tier_weight(task_type, importance) = 1) AS supporting_rated,
       airesilience.weighted_resilience(exposure, weight) AS potential
  FROM airesilience.task_detail
 GROUP BY onet_code;
COMMENT ON VIEW airesilience.occupation_task_summary IS
    'Per occupation with tasks: occupation_task_resilience''s columns, plus the weighted mean exposure of the rated tasks under task_tier_weight, the number of rated tasks of each tier (weights 3, 2, 1), and potential: their weighted mean exposure under the task weights';
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

CREATE VIEW airesilience.occupation_task_resilience AS
SELECT onet_code,
       task_resilience,
       weight_basis,
       task_count,
       rated_task_count
  FROM airesilience.occupation_task_summary;
COMMENT ON VIEW airesilience.occupation_task_resilience IS
    'Per occupation: weighted mean of task resilience, the weight basis, task counts';
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

-- Every occupation against every source, whether it has a value or not, next
-- to the occupation's task summary.  The value of a stored source is its
-- row in source_value; that of the derived task_model is the task
-- resilience.  Both are scored by the source's normalization (that of
-- source_setting where the database chose one): by the mid-rank percentile
-- among occupations (the default, src/percentile.sql), or linear on the
-- native scale; both are flipped for exposure sources.
-- The percentile column shows the rank of every value, task_model's
-- included, whichever normalization scores it.
--
-- The task summary rides along so that a per-occupation view (the headline
-- consensus, the human_contribution and task_exposure signals) can group
-- these rows and have both the scores and the task figures from one pass
-- over the tasks; a union of stored scores and the task model, grouped and
-- then joined to the task summary, would compute the task model twice.
CREATE VIEW airesilience.occupation_source_grid AS
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
COMMENT ON VIEW airesilience.occupation_source_grid IS
    'Occupation x every source: the raw value (stored, or the task resilience for task_model; NULL when the occupation has none), its score and percentile as in source_report, and the occupation''s task summary (occupation_task_summary)';
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

CREATE VIEW airesilience.source_report AS
SELECT onet_code,
       source,
       raw_value,
       score,
       orientation,
       normalization,
       percentile
  FROM airesilience.occupation_source_grid
 WHERE raw_value IS NOT NULL;
COMMENT ON VIEW airesilience.source_report IS
    'Occupation x source: raw value on the source''s scale, score on 0-100 (higher = more resilient) by the source''s normalization, percentile rank of the raw value';
COMMENT ON COLUMN airesilience.source_report.score IS
    'percentile (default): the mid-rank percentile; linear: 100 (raw - min) / (max - min); flipped (100 - x) for exposure sources';
COMMENT ON COLUMN airesilience.source_report.percentile IS
    'Mid-rank percentile of raw_value among the occupations with a value of this source (src/percentile.sql), not flipped';
COMMENT ON COLUMN airesilience.source_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.source_report.source IS 'The source (source.source)';
COMMENT ON COLUMN airesilience.source_report.raw_value IS
    'Raw value on the source''s native scale (for task_model: the task resilience, 0-100)';
COMMENT ON COLUMN airesilience.source_report.orientation IS
    'The source''s orientation: exposure or resilience';
COMMENT ON COLUMN airesilience.source_report.normalization IS
    'The normalization in force: source_setting''s where the database chose one, else source.normalization (percentile or linear)';

CREATE VIEW airesilience.occupation_report AS
SELECT o.soc_code,
       o.onet_code,
       o.title,
       o.category,
       c.task_resilience,
       c.weight_basis,
       c.task_count,
       (c.consensus).median AS source_median,
       coalesce((c.consensus).n, 0) AS source_count,
       (c.consensus).iqr AS dispersion,
       airesilience.consensus_confidence(coalesce((c.consensus).n, 0), (c.consensus).iqr) AS confidence,
       airesilience.score_label((c.consensus).median) AS label,
       l.median_wage,
       l.employment,
       l.employment_projected,
       l.annual_openings,
       l.growth_pct,
       l.entry_education,
       l.work_experience,
       lp.growth_percentile,
       lp.openings_percentile,
       lp.wage_bill_percentile
  FROM airesilience.occupation o
  -- the consensus of the source_report rows, with the task figures beside
  -- them (one pass over the tasks: see occupation_source_grid)
  LEFT JOIN (SELECT onet_code,
                    task_resilience,
                    weight_basis,
                    task_count,
                    airesilience.source_consensus(score) FILTER (WHERE raw_value IS NOT NULL) AS consensus
               FROM airesilience.occupation_source_grid
              GROUP BY onet_code, task_resilience, weight_basis, task_count) c USING (onet_code)
  LEFT JOIN airesilience.labor_stats l ON l.soc_code = o.soc_code
  LEFT JOIN airesilience.labor_percentile lp ON lp.soc_code = o.soc_code;
COMMENT ON VIEW airesilience.occupation_report IS
    'One row per occupation: task resilience, median of source scores (the headline), its label, BLS figures';
COMMENT ON COLUMN airesilience.occupation_report.source_median IS 'Headline score: median of the source scores, 0-100';
COMMENT ON COLUMN airesilience.occupation_report.dispersion IS 'Interquartile range of the source scores (0 when they agree)';
COMMENT ON COLUMN airesilience.occupation_report.confidence IS 'consensus_confidence(source_count, dispersion): High, Medium-high, Medium, Low-medium or Low';
COMMENT ON COLUMN airesilience.occupation_report.label IS 'Label of source_median under the scheme named by the airesilience.label_scheme setting';
COMMENT ON COLUMN airesilience.occupation_report.growth_percentile IS 'Percentile rank of growth_pct among the SOC codes of labor_stats (0-100)';
COMMENT ON COLUMN airesilience.occupation_report.openings_percentile IS 'Percentile rank of annual_openings among the SOC codes of labor_stats (0-100)';
COMMENT ON COLUMN airesilience.occupation_report.wage_bill_percentile IS 'Percentile rank of the projected wage bill, employment_projected x median_wage, among the SOC codes of labor_stats (0-100)';
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

CREATE VIEW airesilience.seniority_report AS
SELECT r.onet_code,
       l.level,
       l.position,
       l.years,
       m.multiplier,
       airesilience.seniority_adjust(r.source_median, m.multiplier) AS score,
       airesilience.score_label(airesilience.seniority_adjust(r.source_median, m.multiplier)) AS label
  FROM airesilience.occupation_report r
  JOIN airesilience.seniority_curve c ON c.category = r.category
 CROSS JOIN airesilience.seniority_level l
 CROSS JOIN LATERAL (SELECT airesilience.seniority_interpolate(c.years, c.multipliers, l.years) AS multiplier) m;
COMMENT ON VIEW airesilience.seniority_report IS
    'Occupation x seniority level: the category curve''s multiplier at the level''s years, and the adjusted headline score';
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
