-- airesilience loader (loader/public.sql): BLS's O*NET-SOC to National
-- Employment Matrix crosswalk (published in the gpts-are-gpts folder).

-- The bridge between O*NET codes, BLS NEM codes and OOH profile pages.
SELECT pg_temp.stage('gpts-are-gpts/nem-onet-to-soc-crosswalk.csv',
    '{sort_order,code,onet_title,nem_code,nem_title,ooh_code,ooh_title,ooh_group,ooh_group_brief,ooh_url}',
    '{Sort Order,O*NET-SOC Code,O*NET-SOC Title,NEM Code,National Employment Matrix Occupational Title,OOH Profile Code,OOH Profile Title,OOH Occupation Group,OOH Occupation Group (brief),OOH Profile Website}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('gpts-are-gpts/nem-onet-to-soc-crosswalk.csv');
    PERFORM pg_temp.require_onet_code('gpts-are-gpts/nem-onet-to-soc-crosswalk.csv', 'code');
    PERFORM pg_temp.require_soc_code('gpts-are-gpts/nem-onet-to-soc-crosswalk.csv', 'nem_code');
    PERFORM pg_temp.require_unique('gpts-are-gpts/nem-onet-to-soc-crosswalk.csv', 't.code', 'O*NET-SOC Code');
END $$;
CREATE TEMP TABLE nem ON COMMIT DROP AS
SELECT c.code AS onet_code, c.nem_code,
       CASE WHEN c.ooh_url ~* '^https?://' THEN lower(btrim(c.ooh_url)) END AS ooh_url
  FROM pg_temp."gpts-are-gpts/nem-onet-to-soc-crosswalk.csv" c
 WHERE EXISTS (SELECT FROM pg_temp.new_occupation o WHERE o.onet_code = c.code);
SELECT pg_temp.progress('gpts-are-gpts/nem-onet-to-soc-crosswalk.csv', (SELECT count(*) FROM pg_temp.nem),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'gpts-are-gpts/nem-onet-to-soc-crosswalk.csv')
            - (SELECT count(*) FROM pg_temp.nem))::text, 'O*NET-SOC code not in O*NET 29.3']],
    format('NEM codes of %s occupations, %s with an OOH profile page', (SELECT count(*) FROM pg_temp.nem),
           (SELECT count(ooh_url) FROM pg_temp.nem)));

