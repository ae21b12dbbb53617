-- source_report on the sample data.
--
-- Medical Records Specialists (29-2072.00), by hand:
--   task_model       700/17 = 41.1764705882353 on 0-100, resilience: score = raw
--   working_with_ai  0.27060368865203227 on 0-1, exposure: 100 - 100 * 0.2706... = 72.9396311347968
--   digital_exposure 9 on 0-10, exposure: 100 - 90 = 10
--   frey_osborne     0.91 on 0-1, exposure: 100 - 91 = 9
SELECT source, raw_value, score, orientation, normalization
  FROM airesilience.source_report
 WHERE onet_code = '29-2072.00'
 ORDER BY source;

-- All occupations and sources; scores stay within 0-100.
SELECT onet_code, source, raw_value, score
  FROM airesilience.source_report
 ORDER BY onet_code, source;

SELECT count(*) FILTER (WHERE score < 0 OR score > 100) AS out_of_range,
       count(DISTINCT onet_code) AS occupations,
       min(n) AS min_sources_per_occupation
  FROM airesilience.source_report
 CROSS JOIN LATERAL (SELECT count(*) AS n FROM airesilience.source_report r
                      WHERE r.onet_code = source_report.onet_code) c;
