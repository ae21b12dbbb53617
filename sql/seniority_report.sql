-- seniority_report on the sample data.
--
-- The levels are entry 0, mid 4, senior 8 and lead 15 years.  Medical Records
-- Specialists is in healthcare; its headline score is 25.588... (see
-- sql/occupation_report.sql), and each level's score is that times the
-- curve's multiplier at the level's years, clamped to 0-100.
SELECT c.category, c.years, c.multipliers
  FROM airesilience.seniority_curve c
 ORDER BY c.category;

SELECT level, years, multiplier, score, label
  FROM airesilience.seniority_report
 WHERE onet_code = '29-2072.00'
 ORDER BY position;

-- Every occupation has one row per level; entry level is below the headline.
SELECT r.onet_code,
       count(*) AS levels,
       bool_and(s.score = least(100, greatest(0, r.source_median * s.multiplier))) AS scores_ok,
       min(s.score) FILTER (WHERE s.level = 'entry') < r.source_median AS entry_below_headline
  FROM airesilience.occupation_report r
  JOIN airesilience.seniority_report s USING (onet_code)
 GROUP BY r.onet_code, r.source_median
 ORDER BY r.onet_code;
