-- The report of one occupation (psql variable :onet): the headline score with
-- its label and confidence, the explanation sentence, the composite scores
-- with their labels and schemes, the sources, the tasks and the seniority
-- rows; then a line per occupation: all of them (:scope = all) or those of
-- the same category.
\set QUIET on
\pset footer off
\pset null '-'
SET extra_float_digits = 0;

\echo
SELECT title || ' (' || onet_code || ')' AS "AI resilience report" FROM airesilience.occupation WHERE onet_code = :'onet';

\pset expanded on
SELECT round(source_median::numeric, 1) AS "score (median of sources)",
       label || ' (' || current_setting('airesilience.label_scheme') || ')' AS "label (scheme)",
       confidence,
       source_count AS sources,
       round(dispersion::numeric, 1) AS "dispersion (IQR)",
       round(task_resilience::numeric, 1) AS "task resilience",
       weight_basis AS "task weights",
       to_char(median_wage, 'FM$999,999,999') AS "median wage",
       to_char(employment, 'FM999,999,999') AS "jobs",
       to_char(employment_projected, 'FM999,999,999') AS "jobs projected",
       to_char(annual_openings, 'FM999,999,999') AS "annual openings",
       growth_pct || ' %' AS growth,
       entry_education AS education,
       work_experience AS experience
  FROM airesilience.occupation_report WHERE onet_code = :'onet';
\pset expanded off

\echo 'Explanation (the document\'s aiResilience.explanation)'
\pset tuples_only on
\pset format unaligned
-- wrapped at word boundaries, at most 96 characters a line
SELECT rtrim(regexp_replace(airesilience.occupation_explanation(:'onet'),
                            '(.{1,96})( +|$)', E'  \\1\n', 'g'), E'\n');
\pset format aligned
\pset tuples_only off
\echo

\echo 'Composite scores (presets: weights of the published signals; coverage = share of the weight present)'
SELECT c.preset, p.orientation, round(c.score::numeric, 1) AS score, c.label,
       p.label_scheme AS scheme, round(c.coverage::numeric, 2) AS coverage,
       coalesce(nullif(array_to_string(c.signals_missing, ', '), ''), '-') AS "signals missing"
  FROM airesilience.composite_report c
  JOIN airesilience.composite_preset p USING (preset)
 WHERE c.onet_code = :'onet' ORDER BY c.preset;

\echo 'Sources (score: 0-100, higher = more resilient)'
SELECT source, raw_value AS raw, round(score::numeric, 1) AS score, orientation
  FROM airesilience.source_report WHERE onet_code = :'onet' ORDER BY score DESC, source;

\echo 'Tasks, most resilient first'
SELECT rank, task_id, coalesce(task_type, '-') AS type, round(weight::numeric, 2) AS weight,
       exposure, resilience, bucket, description
  FROM airesilience.task_report WHERE onet_code = :'onet' ORDER BY rank;

\echo 'By seniority'
SELECT level, years, multiplier, round(score::numeric, 1) AS score, label
  FROM airesilience.seniority_report WHERE onet_code = :'onet' ORDER BY position;

\echo 'Occupations, by score (' :scope '):'
SELECT r.onet_code, r.title, r.category, round(r.source_median::numeric, 1) AS score, r.label,
       r.confidence, r.source_count AS sources, round(r.task_resilience::numeric, 1) AS tasks
  FROM airesilience.occupation_report r
 WHERE :'scope' = 'all'
    OR r.category = (SELECT category FROM airesilience.occupation WHERE onet_code = :'onet')
 ORDER BY r.source_median DESC NULLS LAST, r.onet_code;
