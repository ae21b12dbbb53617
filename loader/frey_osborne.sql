-- airesilience loader (loader/public.sql): Frey & Osborne, probability of
-- computerisation per SOC 2010 code, carried to SOC 2018 by the rule of
-- loader/soc_crosswalk.sql.

SELECT pg_temp.stage('frey-osborne/frey_osborne_automation_risk_index_clean.csv',
    '{rank,probability,label,soc2010,occupation}',
    '{Rank,Probability,Label,SOC code,Occupation}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('frey-osborne/frey_osborne_automation_risk_index_clean.csv');
    PERFORM pg_temp.require_soc_code('frey-osborne/frey_osborne_automation_risk_index_clean.csv', 'soc2010');
    PERFORM pg_temp.require_number('frey-osborne/frey_osborne_automation_risk_index_clean.csv', 'probability', 0, 1);
    PERFORM pg_temp.require_unique('frey-osborne/frey_osborne_automation_risk_index_clean.csv', 't.soc2010', 'SOC code');
END $$;

INSERT INTO soc2010_input (dataset, soc2010, title, value, line)
SELECT 'frey_osborne', soc2010, occupation, probability::float8, line
  FROM pg_temp."frey-osborne/frey_osborne_automation_risk_index_clean.csv";
CREATE TEMP TABLE frey_osborne_carried ON COMMIT DROP AS
SELECT * FROM pg_temp.carry_soc2010('frey_osborne');
INSERT INTO new_source_value
SELECT onet_code, 'frey_osborne', value FROM pg_temp.frey_osborne_carried;
CREATE TEMP TABLE frey_osborne_use ON COMMIT DROP AS
SELECT i.soc2010,
       EXISTS (SELECT FROM pg_temp.soc2010_successor('frey_osborne') s WHERE s.soc2010 = i.soc2010) AS reaches,
       EXISTS (SELECT FROM pg_temp.soc2010_successor('frey_osborne') s WHERE s.soc2010 = i.soc2010 AND s.by_title) AS by_title,
       EXISTS (SELECT FROM pg_temp.soc2010_successor('frey_osborne') s
                 JOIN pg_temp.new_occupation o ON left(o.onet_code, 7) = s.soc2018
                WHERE s.soc2010 = i.soc2010) AS used
  FROM pg_temp.soc2010_input i
 WHERE i.dataset = 'frey_osborne';
SELECT pg_temp.progress('frey-osborne/frey_osborne_automation_risk_index_clean.csv',
    (SELECT count(*) FROM pg_temp.frey_osborne_use WHERE used),
    ARRAY[[(SELECT count(*) FROM pg_temp.frey_osborne_use WHERE NOT reaches)::text,
           'code neither in the SOC 2010 crosswalk nor titled as a 2018 code: a BLS aggregate or an older code'],
          [(SELECT count(*) FROM pg_temp.frey_osborne_use WHERE reaches AND NOT used)::text,
           'no O*NET occupation for its 2018 codes']],
    format('frey_osborne of %s occupations (%s SOC 2018 codes, %s of them the mean of several 2010 codes; %s 2010 codes outside the crosswalk carried by title)',
           (SELECT count(*) FROM pg_temp.new_source_value WHERE source = 'frey_osborne'),
           (SELECT count(DISTINCT soc2018) FROM pg_temp.frey_osborne_carried),
           (SELECT count(DISTINCT soc2018) FROM pg_temp.frey_osborne_carried WHERE predecessors > 1),
           (SELECT count(*) FROM pg_temp.frey_osborne_use WHERE by_title AND used)));
