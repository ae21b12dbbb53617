-- Grow the loaded public data to :total occupations with synthetic ones, for
-- the page-latency benchmark at scale (scripts/bench-serve.sh).
--
-- Synthetic occupation i is a copy of real occupation i mod n (n = the real
-- occupations with tasks), with what makes its page: tasks, ratings, source
-- values, labor statistics (under its own SOC code), work activities, task
-- usage and related occupations (the template's, pointing at real ones).
-- Not its skills: the skill-overlap lists compare an occupation with every
-- skill vector, so their cost grows with the number of vectors, not with
-- the table sizes this benchmark is about; with skills copied they would
-- dominate the page (README, Performance).  Codes use SOC major groups 60-99, which the SOC
-- does not assign, so they never clash with a real code:
-- 60-0000.00, 60-0001.00, ... 60-9999.00, 61-0000.00, ...
--
-- bench_code numbers every occupation 1..N for pgbench to pick from.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE TEMP TABLE template AS
SELECT row_number() OVER (ORDER BY onet_code) - 1 AS k, onet_code
  FROM airesilience.occupation o
 WHERE EXISTS (SELECT FROM airesilience.task t WHERE t.onet_code = o.onet_code);

CREATE TEMP TABLE synthetic AS
SELECT format('%s-%s.00', 60 + i / 10000, lpad((i % 10000)::text, 4, '0')) AS onet_code,
       t.onet_code AS template
  FROM generate_series(0, :total - (SELECT count(*) FROM airesilience.occupation) - 1) i
  JOIN template t ON t.k = i % (SELECT count(*) FROM template);
CREATE INDEX ON synthetic (template);
ANALYZE synthetic;

BEGIN;
INSERT INTO airesilience.occupation (onet_code, title, category, description, job_zone)
SELECT s.onet_code, o.title || ' ' || s.onet_code, o.category, o.description, o.job_zone
  FROM synthetic s JOIN airesilience.occupation o ON o.onet_code = s.template;
INSERT INTO airesilience.task (onet_code, task_id, description, task_type, importance, relevance, frequency)
SELECT s.onet_code, t.task_id, t.description, t.task_type, t.importance, t.relevance, t.frequency
  FROM synthetic s JOIN airesilience.task t ON t.onet_code = s.template;
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure)
SELECT s.onet_code, r.task_id, r.rater, r.exposure
  FROM synthetic s JOIN airesilience.task_rating r ON r.onet_code = s.template;
INSERT INTO airesilience.source_value (onet_code, source, raw_value)
SELECT s.onet_code, v.source, v.raw_value
  FROM synthetic s JOIN airesilience.source_value v ON v.onet_code = s.template;
INSERT INTO airesilience.labor_stats (soc_code, median_wage, median_wage_topcoded, employment,
                                      employment_projected, annual_openings, growth_pct,
                                      entry_education, work_experience)
SELECT left(s.onet_code, 7), l.median_wage, l.median_wage_topcoded, l.employment,
       l.employment_projected, l.annual_openings, l.growth_pct, l.entry_education, l.work_experience
  FROM synthetic s JOIN airesilience.labor_stats l ON l.soc_code = left(s.template, 7);
INSERT INTO airesilience.task_activity (onet_code, task_id, dwa_id)
SELECT s.onet_code, a.task_id, a.dwa_id
  FROM synthetic s JOIN airesilience.task_activity a ON a.onet_code = s.template;
INSERT INTO airesilience.task_usage (onet_code, task_id, dataset, share_pct)
SELECT s.onet_code, u.task_id, u.dataset, u.share_pct
  FROM synthetic s JOIN airesilience.task_usage u ON u.onet_code = s.template;
INSERT INTO airesilience.related_occupation (onet_code, related_code, tier, rank)
SELECT s.onet_code, r.related_code, r.tier, r.rank
  FROM synthetic s JOIN airesilience.related_occupation r ON r.onet_code = s.template;
COMMIT;

VACUUM ANALYZE;
