-- Install the extension and the project's sample data set.
CREATE EXTENSION airesilience CASCADE;
\set ECHO none
\i sample/sample.sql
\set ECHO all
ANALYZE;
SELECT count(*) AS occupations, count(DISTINCT category) AS categories FROM airesilience.occupation;
SELECT source, count(*) AS occupations FROM airesilience.source_report GROUP BY source ORDER BY source;
