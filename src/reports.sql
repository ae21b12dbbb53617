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
AS $$
    SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'airesilience'
$$;
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
AS $$
    SELECT CASE WHEN task_type = 'core' THEN 2.0 ELSE 1.0 END
         * CASE WHEN basis = 'ratings' THEN importance * relevance / 100 ELSE 1.0 END
$$;
COMMENT ON FUNCTION airesilience.task_weight(text, text, float8, float8) IS
    'Weight of a task: 2 for core, 1 otherwise, times importance x relevance / 100 when basis = ratings';

-- A source's raw value on the common 0-100 resilience scale.
CREATE FUNCTION airesilience.normalize_linear(raw_value float8, scale_min float8, scale_max float8, orientation text)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN orientation = 'exposure'
                THEN 100 - 100 * (raw_value - scale_min) / (scale_max - scale_min)
                ELSE 100 * (raw_value - scale_min) / (scale_max - scale_min)
           END
$$;
COMMENT ON FUNCTION airesilience.normalize_linear(float8, float8, float8, text) IS
    'Position of raw_value between scale_min and scale_max on 0-100, flipped (100 - x) for exposure sources';

CREATE VIEW airesilience.task_score AS
SELECT t.onet_code,
       t.task_id,
       t.task_type,
       b.weight_basis,
       airesilience.task_weight(b.weight_basis, t.task_type, t.importance, t.relevance) AS weight,
       e.exposure,
       100 - e.exposure AS resilience,
       coalesce(e.rater_count, 0) AS rater_count,
       e.rater_spread
  FROM airesilience.task t
  JOIN (SELECT onet_code,
               CASE WHEN bool_and(importance IS NOT NULL AND relevance IS NOT NULL) THEN 'ratings'
                    WHEN bool_or(task_type IS NOT NULL) THEN 'task_type'
                    ELSE 'equal'
               END AS weight_basis
          FROM airesilience.task
         GROUP BY onet_code) b USING (onet_code)
  LEFT JOIN (SELECT onet_code,
                    task_id,
                    airesilience.source_median(exposure) AS exposure,
                    count(*) AS rater_count,
                    max(exposure) - min(exposure) AS rater_spread
               FROM airesilience.task_rating
              GROUP BY onet_code, task_id) e USING (onet_code, task_id);
COMMENT ON VIEW airesilience.task_score IS
    'Per task: weight, its basis, exposure (median over raters), resilience = 100 - exposure';

CREATE VIEW airesilience.task_report AS
SELECT s.onet_code,
       s.task_id,
       t.description,
       s.task_type,
       s.weight,
       s.weight_basis,
       s.exposure,
       s.resilience,
       s.rater_count,
       s.rater_spread,
       airesilience.score_label(s.resilience, 'task_bucket') AS bucket,
       row_number() OVER (PARTITION BY s.onet_code
                          ORDER BY s.resilience DESC NULLS LAST,
                                   s.task_type = 'core' DESC NULLS LAST,
                                   s.weight DESC,
                                   s.task_id) AS rank
  FROM airesilience.task_score s
  JOIN airesilience.task t USING (onet_code, task_id);
COMMENT ON VIEW airesilience.task_report IS
    'One row per task: weight, exposure, resilience, bucket, and rank within its occupation (most resilient first)';

CREATE VIEW airesilience.occupation_task_resilience AS
SELECT onet_code,
       airesilience.weighted_resilience(resilience, weight) AS task_resilience,
       min(weight_basis) AS weight_basis,
       count(*) AS task_count,
       count(resilience) AS rated_task_count
  FROM airesilience.task_score
 GROUP BY onet_code;
COMMENT ON VIEW airesilience.occupation_task_resilience IS
    'Per occupation: weighted mean of task resilience, the weight basis, task counts';

-- A stored source is scored by its normalization: linear on its native
-- scale, or by its percentile rank among occupations (src/percentile.sql);
-- both are flipped for exposure sources.  The percentile column shows the
-- rank of every stored value, whichever normalization scores it.  The
-- derived task_model is always linear and has no percentile.
CREATE VIEW airesilience.source_report AS
SELECT v.onet_code,
       v.source,
       v.raw_value,
       CASE WHEN s.normalization = 'percentile'
            THEN airesilience.normalize_percentile(p.percentile, s.orientation)
            ELSE airesilience.normalize_linear(v.raw_value, s.scale_min, s.scale_max, s.orientation)
       END AS score,
       s.orientation,
       s.normalization,
       p.percentile
  FROM airesilience.source_value v
  JOIN airesilience.source s ON s.source = v.source
  LEFT JOIN airesilience.source_percentile p ON p.onet_code = v.onet_code AND p.source = v.source
UNION ALL
SELECT r.onet_code,
       s.source,
       r.task_resilience,
       airesilience.normalize_linear(r.task_resilience, s.scale_min, s.scale_max, s.orientation),
       s.orientation,
       s.normalization,
       NULL::float8
  FROM airesilience.occupation_task_resilience r
  JOIN airesilience.source s ON s.source = 'task_model'
 WHERE r.task_resilience IS NOT NULL;
COMMENT ON VIEW airesilience.source_report IS
    'Occupation x source: raw value on the source''s scale, score on 0-100 (higher = more resilient) by the source''s normalization, percentile rank of the raw value';
COMMENT ON COLUMN airesilience.source_report.score IS
    'linear: 100 (raw - min) / (max - min); percentile: the percentile; flipped (100 - x) for exposure sources';
COMMENT ON COLUMN airesilience.source_report.percentile IS
    'Percentile rank of raw_value among the occupations with a value of this source (100 x percent_rank, not flipped); NULL for the derived task_model';

CREATE VIEW airesilience.occupation_report AS
SELECT o.soc_code,
       o.onet_code,
       o.title,
       o.category,
       t.task_resilience,
       t.weight_basis,
       t.task_count,
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
  LEFT JOIN airesilience.occupation_task_resilience t USING (onet_code)
  LEFT JOIN (SELECT onet_code, airesilience.source_consensus(score) AS consensus
               FROM airesilience.source_report
              GROUP BY onet_code) c USING (onet_code)
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
