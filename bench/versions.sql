-- One round of bench-versions: each report written out in full once, plus
-- the page query and the search over every occupation, as "name<TAB>ms".
-- Run against each version's database in turn (scripts/bench-versions.sh).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE FUNCTION pg_temp.copy_ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := clock_timestamp();
BEGIN
    EXECUTE format('COPY (%s) TO ''/dev/null''', q);
    RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
\pset format unaligned
\pset fieldsep '\t'
\pset tuples_only on
SELECT name, round(pg_temp.copy_ms(sql)::numeric, 3)
  FROM (VALUES
        ('task_report', 'SELECT * FROM airesilience.task_report'),
        ('source_report', 'SELECT * FROM airesilience.source_report'),
        ('occupation_report', 'SELECT * FROM airesilience.occupation_report'),
        ('seniority_report', 'SELECT * FROM airesilience.seniority_report'),
        ('composite_report', 'SELECT * FROM airesilience.composite_report'),
        ('composite_signal_report', 'SELECT * FROM airesilience.composite_signal_report'),
        ('potential_adoption_report', 'SELECT * FROM airesilience.potential_adoption_report'),
        ('related_report', 'SELECT * FROM airesilience.related_report'),
        ('exposure_vector_report', 'SELECT * FROM airesilience.exposure_vector_report'),
        ('published_document x all', 'SELECT airesilience.published_document(onet_code) FROM airesilience.occupation'),
        ('occupation_document x 50', 'SELECT airesilience.occupation_document(onet_code) FROM airesilience.occupation ORDER BY onet_code LIMIT 50'),
        ('search_occupations x 20', $q$SELECT s.* FROM unnest(ARRAY['nurse', 'medical records', 'electrician', 'software developer',
                 'teacher', 'lawyer', 'accountant', 'truck driver', 'chef', 'carpenter', 'medcal recrds', 'data scientist',
                 'pharmacist', 'plumber', 'cashier', 'welder', 'pilot', 'dentist', 'actor', 'farmer']) q,
                 airesilience.search_occupations(q, 10) s$q$)) v(name, sql)
 WHERE to_regclass('airesilience.' || split_part(name, ' ', 1)) IS NOT NULL
    OR name LIKE '% x %';
