-- occupation_report on the sample data.
--
-- Medical Records Specialists (29-2072.00), by hand (see also
-- sql/task_report.sql and sql/source_report.sql):
--   task_resilience = 100 - (4*100 + 13*50 + 4*100 + 11*50 + 2*0) / 34
--                   = 100 - 2000/34 = 700/17 = 41.1764705882353
--   source scores {9, 10, 41.18, 72.94}: median = 10 + (41.18 - 10) / 2 = 25.588...
--   dispersion = IQR: q1 = 9 + 0.75 * (10 - 9) = 9.75,
--                     q3 = 41.18 + 0.25 * (72.94 - 41.18) = 49.119...,
--                     q3 - q1 = 39.369...
--   confidence: 4 sources, IQR 39.37 >= 28 -> Low (consensus_confidence, bands 13/18/22/28)
--   label (resilience6): 25.59 > 22 and not > 35 -> Not Very Resilient
--   BLS: $50,250, 194,800 jobs (2024), 208,600 (2034), 14,200 openings a year, +7.1 %
\x on
SELECT * FROM airesilience.occupation_report WHERE onet_code = '29-2072.00';
\x off

SELECT onet_code, category, weight_basis, task_count, task_resilience,
       source_median, source_count, dispersion, confidence, label
  FROM airesilience.occupation_report
 ORDER BY onet_code;

SELECT onet_code, median_wage, median_wage IS NOT NULL AS has_wage, employment,
       employment_projected, annual_openings, growth_pct
  FROM airesilience.occupation_report
 ORDER BY onet_code;

-- The same figures computed independently (a Python script working in exact
-- rational arithmetic on the sample's numbers, printed to 15 significant
-- digits): every occupation agrees to within 1e-9.
SELECT count(*) AS occupations,
       count(*) FILTER (WHERE r.weight_basis = x.basis
                          AND abs(r.task_resilience - x.task_resilience) < 1e-9
                          AND abs(r.source_median - x.source_median) < 1e-9
                          AND abs(r.dispersion - x.dispersion) < 1e-9) AS agreeing
  FROM airesilience.occupation_report r
  JOIN (VALUES
    ('29-2072.00', 'equal', 41.1764705882353, 25.5882352941176, 39.3672607248757),
    ('29-2061.00', 'ratings', 73.3158511659654, 83.7579255829827, 24.5959448325954),
    ('31-9092.00', 'ratings', 63.7355840297099, 66.8677920148549, 12.9520885400285),
    ('29-1022.00', 'ratings', 88.0176834201718, 92.7057472447387, 14.4420957368503),
    ('15-1211.00', 'ratings', 35.214985112347, 51.8360155660797, 44.769045680599),
    ('15-1251.00', 'ratings', 11.9303022463791, 31.9651511231895, 44.8014786113036),
    ('11-3012.00', 'task_type', 58.3333333333333, 54.1666666666667, 22.3237144962507),
    ('13-2011.00', 'task_type', 43.3333333333333, 31.6666666666667, 35.918797626071),
    ('43-3031.00', 'ratings', 57.5817883068763, 33.7908941534381, 53.2851254601457),
    ('43-4051.00', 'ratings', 32.6284772323446, 38.8142386161723, 20.7716649497271),
    ('47-2061.00', 'ratings', 89.0359932368756, 89.5179966184378, 21.9711848533185),
    ('47-2111.00', 'ratings', 78.5157888838535, 82.4534964352535, 5.30129743191686),
    ('49-9021.00', 'task_type', 71.4285714285714, 75.7142857142857, 19.6208791050717),
    ('25-2021.00', 'ratings', 67.6105018854292, 73.6722045782435, 23.9825540392213),
    ('23-2011.00', 'ratings', 54.4228377580703, 32.2114188790352, 55.3890613405235)
  ) x(onet_code, basis, task_resilience, source_median, dispersion) USING (onet_code);

-- The headline equals percentile_cont over the same scores, and the label
-- follows the scheme chosen by the setting.
SELECT count(*) FILTER (WHERE r.source_median <> p.m) AS median_mismatches,
       count(*) FILTER (WHERE r.dispersion <> p.iqr) AS iqr_mismatches
  FROM airesilience.occupation_report r
  JOIN (SELECT onet_code, percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS m,
               percentile_cont(0.75) WITHIN GROUP (ORDER BY score)
               - percentile_cont(0.25) WITHIN GROUP (ORDER BY score) AS iqr
          FROM airesilience.source_report GROUP BY onet_code) p USING (onet_code);
SET airesilience.label_scheme = 'change3';
SELECT label, count(*) FROM airesilience.occupation_report GROUP BY label ORDER BY label;
RESET airesilience.label_scheme;
