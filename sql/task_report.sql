-- task_report on the sample data.
--
-- Medical Records Specialists (29-2072.00) has neither O*NET ratings nor task
-- types, so every task weighs 1 (basis 'equal').  Each task has two raters
-- (GPT-4 and the human panel; E1 = 100, E2 = 50, E0 = 0), so its exposure is
-- their mean and the spread is their difference:
--   E1/E1 -> exposure 100, resilience   0, Highly automatable
--   E1/E2 -> exposure  75, resilience  25, Highly automatable (25 is not > 25)
--   E2/E2 -> exposure  50, resilience  50, Mixed
--   E2/E0 -> exposure  25, resilience  75, Human-led
-- Ties in resilience are broken by weight and then by task id.
SELECT rank, task_id, task_type, weight, weight_basis, exposure, resilience,
       rater_count, rater_spread, bucket
  FROM airesilience.task_report
 WHERE onet_code = '29-2072.00'
 ORDER BY rank;

-- Every occupation: its weight basis, task count, how many tasks are rated,
-- and whether rank runs 1..n without gaps or repeats.
SELECT onet_code,
       min(weight_basis) AS basis,
       count(*) AS tasks,
       count(exposure) AS rated,
       round(sum(weight)::numeric, 4) AS total_weight,
       min(rank) = 1 AND max(rank) = count(*) AND count(DISTINCT rank) = count(*) AS ranks_ok
  FROM airesilience.task_report
 GROUP BY onet_code
 ORDER BY onet_code;

-- Rank puts the most resilient first; on equal resilience core tasks first.
SELECT count(*) AS misordered
  FROM airesilience.task_report a
  JOIN airesilience.task_report b ON a.onet_code = b.onet_code AND b.rank = a.rank + 1
 WHERE a.resilience < b.resilience
    OR (a.resilience = b.resilience AND a.task_type IS DISTINCT FROM 'core' AND b.task_type = 'core');

-- Buckets follow the task_bucket cuts (> 60, > 40, > 25) on resilience;
-- the one task no rater labelled (a paralegal task new in O*NET 29.3) has
-- neither exposure nor bucket.
SELECT bucket, min(resilience), max(resilience), count(*)
  FROM airesilience.task_report
 GROUP BY bucket
 ORDER BY min(resilience) NULLS LAST;
