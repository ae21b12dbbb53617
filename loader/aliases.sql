-- airesilience loader (loader/public.sql): alternate titles from the
-- datasets loaded before.

------------------------------------------------------------------------------
-- Alternate titles: the names the other datasets give an occupation
------------------------------------------------------------------------------

-- search_occupations() finds an occupation by its title and by these
-- names.  Each dataset names occupations its own way:
--   bls_ooh          the title of the occupation's OOH profile (the
--                    profile matched above: 'Registered nurses' for the
--                    nursing specialties 29-1141.01 to .04);
--   bls_projections  the NEM title of the occupation's SOC code, or of the
--                    BLS aggregate code the NEM crosswalk gives it;
--   frey_osborne     the SOC 2010 title of each 2010 code the crosswalk
--                    carries to the occupation's SOC code ('Software
--                    developers, applications' for 15-1252.00).
-- A name is kept only where it differs from the O*NET title by more than
-- case, spaces and punctuation, and once per occupation (the first source
-- in the order above names it).  O*NET's own Alternate Titles file is not
-- in the data collection.
CREATE TEMP TABLE named ON COMMIT DROP AS
SELECT p.onet_code, btrim(b.title) AS alias, 'bls_ooh'::text AS source, 1 AS priority
  FROM pg_temp.occupation_profile p JOIN pg_temp."bls-ooh/occupations.csv" b USING (slug)
UNION ALL
SELECT c.onet_code, btrim(t.title), 'bls_projections', 2
  FROM (SELECT onet_code, left(onet_code, 7) AS code FROM pg_temp.new_occupation
        UNION
        SELECT onet_code, nem_code FROM pg_temp.nem) c
  JOIN pg_temp."bls-projections/occupation_table_1.2.csv" t USING (code)
UNION ALL
SELECT o.onet_code, btrim(f.occupation), 'frey_osborne', 3
  FROM pg_temp.new_occupation o
  JOIN pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv" x ON x.soc2018 = left(o.onet_code, 7)
  JOIN pg_temp."frey-osborne/frey_osborne_automation_risk_index_clean.csv" f ON f.soc2010 = x.soc2010;
-- A name compared with another: lower case, words only.
CREATE FUNCTION pg_temp.name_key(name text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT btrim(regexp_replace(lower(name), '[^[:alnum:]]+', ' ', 'g'))
$$;
CREATE TEMP TABLE new_alias ON COMMIT DROP AS
SELECT DISTINCT ON (a.onet_code, pg_temp.name_key(a.alias)) a.onet_code, a.alias, a.source
  FROM pg_temp.named a
  JOIN pg_temp.new_occupation o USING (onet_code)
 WHERE pg_temp.name_key(a.alias) NOT IN ('', pg_temp.name_key(o.title))
 ORDER BY a.onet_code, pg_temp.name_key(a.alias), a.priority, a.alias;

