-- airesilience loader (loader/public.sql): BLS Employment Projections
-- 2024-34, completed from OOH profiles.

-- BLS Employment Projections 2024-34, Table 1.2: the detailed ("Line item")
-- rows; employment and openings in thousands, wages in dollars.
SELECT pg_temp.stage('bls-projections/occupation_table_1.2.csv',
    '{title,code,type,employment,employment_projected,distribution,distribution_projected,change,change_pct,self_employed_pct,openings,median_wage,education,experience,training,ooh_content}',
    '{2024 National Employment Matrix title,2024 National Employment Matrix code,Occupation type,"Employment, 2024","Employment, 2034","Employment distribution, percent, 2024","Employment distribution, percent, 2034","Employment change, numeric, 2024–34","Employment change, percent, 2024–34","Percent self employed, 2024","Occupational openings, 2024–34 annual average","Median annual wage, dollars, 2024[1]",Typical education needed for entry,Work experience in a related occupation,Typical on-the-job training needed to attain competency in the occupation,Related Occupational Outlook Handbook (OOH) content xlsx}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
CREATE TEMP TABLE projection_summaries (count bigint) ON COMMIT DROP;
DO $$
DECLARE
    f constant text := 'bls-projections/occupation_table_1.2.csv';
BEGIN
    PERFORM pg_temp.check_header(f);
    PERFORM pg_temp.require_text(f, 'type', '^(Line item|Summary)$', 'Line item or Summary');
    -- Summary rows aggregate the detailed ones: counted, not loaded.
    WITH gone AS (DELETE FROM pg_temp."bls-projections/occupation_table_1.2.csv" WHERE type = 'Summary' RETURNING 1)
    INSERT INTO pg_temp.projection_summaries SELECT count(*) FROM gone;
    PERFORM pg_temp.require_soc_code(f, 'code');
    PERFORM pg_temp.require_number(f, 'employment', 0, 2147483);
    PERFORM pg_temp.require_number(f, 'employment_projected', 0, 2147483);
    PERFORM pg_temp.require_number(f, 'openings', 0, 2147483);
    PERFORM pg_temp.require_number(f, 'change_pct', -100, 99999);
    -- '—' means not available; '>=$239,200' is BLS's top code.
    PERFORM pg_temp.require_text(f, 'median_wage', '^([0-9]{1,9}(\.[0-9]+)?|>=\$[0-9,]{1,11}(\.[0-9]+)?|—)$',
                                 'a wage, a top code (>=$N) or —');
    PERFORM pg_temp.reject(f, $q$nullif(regexp_replace(t.median_wage, '[^0-9.]', '', 'g'), '')::numeric = 0$q$,
        $q$format('Median annual wage %s is out of range (above 0)', pg_temp.shown(t.median_wage))$q$, '22003');
    PERFORM pg_temp.require_unique(f, 't.code', '2024 National Employment Matrix code');
END $$;

CREATE TEMP TABLE new_labor_stats ON COMMIT DROP AS
SELECT code AS soc_code,
       nullif(regexp_replace(median_wage, '[^0-9.]', '', 'g'), '')::numeric(12, 2) AS median_wage,
       median_wage LIKE '>=%' AS median_wage_topcoded,
       round(employment::numeric * 1000)::integer AS employment,
       round(employment_projected::numeric * 1000)::integer AS employment_projected,
       round(openings::numeric * 1000)::integer AS annual_openings,
       change_pct::numeric(6, 1) AS growth_pct,
       nullif(btrim(education), '—') AS entry_education,
       nullif(btrim(experience), '—') AS work_experience
  FROM pg_temp."bls-projections/occupation_table_1.2.csv";
ALTER TABLE new_labor_stats ADD PRIMARY KEY (soc_code);

-- An OOH profile of a single SOC code fills what the projections lack for
-- that code (they publish no wage for actors and musicians, for example).
-- A profile spanning several SOC codes gives totals over them, so its
-- figures are not copied to its codes.
CREATE TEMP TABLE ooh_fill ON COMMIT DROP AS
SELECT p.soc_code, p.median_pay_annual::numeric(12, 2) AS median_wage,
       p.num_jobs_2024::integer AS employment, p.projected_employment_2034::integer AS employment_projected,
       p.outlook_pct::numeric(6, 1) AS growth_pct,
       nullif(btrim(p.entry_education), '') AS entry_education,
       CASE WHEN p.work_experience IN ('None', 'Less than 5 years', '5 years or more') THEN p.work_experience END AS work_experience
  FROM pg_temp."bls-ooh/occupations.csv" p
 WHERE p.soc_code IS NOT NULL
   AND (EXISTS (SELECT FROM pg_temp.new_labor_stats l WHERE l.soc_code = p.soc_code)
        OR EXISTS (SELECT FROM pg_temp.new_occupation o WHERE left(o.onet_code, 7) = p.soc_code));
CREATE TEMP TABLE ooh_filled (soc_code text PRIMARY KEY) ON COMMIT DROP;
WITH filled AS (
    UPDATE pg_temp.new_labor_stats l
       SET median_wage = coalesce(l.median_wage, f.median_wage),
           employment = coalesce(l.employment, f.employment),
           employment_projected = coalesce(l.employment_projected, f.employment_projected),
           growth_pct = coalesce(l.growth_pct, f.growth_pct),
           entry_education = coalesce(l.entry_education, f.entry_education),
           work_experience = coalesce(l.work_experience, f.work_experience)
      FROM pg_temp.ooh_fill f
     WHERE f.soc_code = l.soc_code
       AND (l.median_wage IS NULL AND f.median_wage IS NOT NULL
            OR l.employment IS NULL AND f.employment IS NOT NULL
            OR l.employment_projected IS NULL AND f.employment_projected IS NOT NULL
            OR l.growth_pct IS NULL AND f.growth_pct IS NOT NULL
            OR l.entry_education IS NULL AND f.entry_education IS NOT NULL
            OR l.work_experience IS NULL AND f.work_experience IS NOT NULL)
    RETURNING l.soc_code)
INSERT INTO ooh_filled SELECT soc_code FROM filled;
WITH added AS (
    INSERT INTO pg_temp.new_labor_stats (soc_code, median_wage, median_wage_topcoded, employment,
                                         employment_projected, growth_pct, entry_education, work_experience)
    SELECT f.soc_code, f.median_wage, false, f.employment, f.employment_projected, f.growth_pct,
           f.entry_education, f.work_experience
      FROM pg_temp.ooh_fill f
     WHERE NOT EXISTS (SELECT FROM pg_temp.new_labor_stats l WHERE l.soc_code = f.soc_code)
    RETURNING soc_code)
INSERT INTO ooh_filled SELECT soc_code FROM added;

SELECT pg_temp.progress('bls-projections/occupation_table_1.2.csv',
    (SELECT count(*) FROM pg_temp."bls-projections/occupation_table_1.2.csv"),
    ARRAY[[(SELECT count FROM pg_temp.projection_summaries)::text, 'Summary row, an aggregate of detailed rows']],
    format('labor_stats of %s SOC codes, %s of them SOC codes of O*NET occupations; %s completed from OOH profiles',
           (SELECT count(*) FROM pg_temp.new_labor_stats),
           (SELECT count(*) FROM pg_temp.new_labor_stats l
             WHERE EXISTS (SELECT FROM pg_temp.new_occupation o WHERE left(o.onet_code, 7) = l.soc_code)),
           (SELECT count(*) FROM pg_temp.ooh_filled)));

