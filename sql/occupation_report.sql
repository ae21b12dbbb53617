-- occupation_report on the sample data.
--
-- Medical Records Specialists (29-2072.00), by hand (see also
-- sql/task_report.sql and sql/source_report.sql):
--   task_resilience = 100 - (4*100 + 13*50 + 4*100 + 11*50 + 2*0) / 34
--                   = 100 - 2000/34 = 41.17647058823529
--   source scores {9, 10, 41.18, 72.94}: median = 10 + (41.18 - 10) / 2 = 25.588...
--   dispersion = IQR: q1 = 9 + 0.75 * (10 - 9) = 9.75,
--                     q3 = 41.18 + 0.25 * (72.94 - 41.18) = 49.119...,
--                     q3 - q1 = 39.369...
--   label (resilience6): 25.59 > 22 and not > 35 -> Not Very Resilient
--   BLS: $50,250, 194,800 jobs (2024), 208,600 (2034), 14,200 openings a year, +7.1 %
\x on
SELECT * FROM airesilience.occupation_report WHERE onet_code = '29-2072.00';
\x off

SELECT onet_code, category, weight_basis, task_count, task_resilience,
       source_median, source_count, dispersion, label
  FROM airesilience.occupation_report
 ORDER BY onet_code;

SELECT onet_code, median_wage, median_wage IS NOT NULL AS has_wage, employment,
       employment_projected, annual_openings, growth_pct
  FROM airesilience.occupation_report
 ORDER BY onet_code;

-- The headline equals percentile_cont over the same scores, and the label
-- follows the scheme chosen by the setting.
SELECT count(*) AS median_mismatches
  FROM airesilience.occupation_report r
  JOIN (SELECT onet_code, percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS m
          FROM airesilience.source_report GROUP BY onet_code) p USING (onet_code)
 WHERE r.source_median <> p.m;
SET airesilience.label_scheme = 'change3';
SELECT label, count(*) FROM airesilience.occupation_report GROUP BY label ORDER BY label;
RESET airesilience.label_scheme;
