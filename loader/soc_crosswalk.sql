-- airesilience loader (loader/public.sql): the SOC 2010 -> 2018 crosswalks
-- and the one rule that carries a value published per SOC 2010 code to the
-- O*NET 29.3 occupations (SOC 2018).  Any dataset coded in SOC 2010 uses it:
-- its file puts its rows into soc2010_input and reads them back, carried,
-- from carry_soc2010() (loader/frey_osborne.sql does).
--
-- The rule, for each SOC 2010 code of a dataset:
--   1. its successors are the SOC 2018 codes BLS's crosswalk gives it
--      (frey-osborne/crosswalk_soc2010_to_soc2018.csv, 6-digit);
--   2. a code the crosswalk does not have (an older code or a BLS aggregate
--      the dataset used) succeeds to the SOC 2018 code whose title in the
--      crosswalk is the dataset's title for it, compared in lower case
--      without BLS's (#)/(##) markers (29-1111 "Registered nurses" ->
--      29-1141 Registered Nurses); with no such title it reaches nothing;
--   3. split (one 2010 code, several 2018 codes): each successor gets the
--      whole value: the code's parts were one occupation when it was
--      measured, and nothing in the data says how they differ;
--   4. merge (several 2010 codes, one 2018 code): the 2018 code gets the
--      mean of its predecessors' values, unweighted (the data has no 2010
--      employment to weigh them by; 15-1252 Software Developers is the mean
--      of 15-1132 and 15-1133);
--   5. every O*NET occupation of a SOC 2018 code gets the code's value.
-- The O*NET-SOC 2010 -> 2019 crosswalk (O*NET's own, 8-digit) gives each
-- O*NET 29.3 occupation its predecessor occupations, for the task types of
-- loader/onet_predecessor.sql.

SELECT pg_temp.stage('frey-osborne/crosswalk_soc2010_to_soc2018.csv',
    '{soc2010,title2010,soc2018,title2018}',
    '{2010 SOC Code,2010 SOC Title,2018 SOC Code,2018 SOC Title}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('frey-osborne/crosswalk_soc2010_to_soc2018.csv');
    PERFORM pg_temp.require_soc_code('frey-osborne/crosswalk_soc2010_to_soc2018.csv', 'soc2010');
    PERFORM pg_temp.require_soc_code('frey-osborne/crosswalk_soc2010_to_soc2018.csv', 'soc2018');
    PERFORM pg_temp.require_text('frey-osborne/crosswalk_soc2010_to_soc2018.csv', 'title2018', '\S', 'a title');
    PERFORM pg_temp.require_unique('frey-osborne/crosswalk_soc2010_to_soc2018.csv', 't.soc2010, t.soc2018', '(2010 SOC Code, 2018 SOC Code)');
END $$;
SELECT pg_temp.progress('frey-osborne/crosswalk_soc2010_to_soc2018.csv',
    (SELECT count(*) FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv"), NULL,
    format('SOC 2010 -> 2018: %s 2010 codes, %s of them split; %s 2018 codes, %s of them merged from several',
           (SELECT count(DISTINCT soc2010) FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv"),
           (SELECT count(*) FROM (SELECT soc2010 FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv"
                                   GROUP BY soc2010 HAVING count(*) > 1) s),
           (SELECT count(DISTINCT soc2018) FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv"),
           (SELECT count(*) FROM (SELECT soc2018 FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv"
                                   GROUP BY soc2018 HAVING count(*) > 1) m)));

-- A title as the rule compares it: lower case, no (#) markers, trimmed.
CREATE FUNCTION pg_temp.soc_title_key(title text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT btrim(regexp_replace(lower(title), '\s*\(#+\)\s*$', ''))
$$;

-- The values a dataset publishes per SOC 2010 code: one row per code, with
-- the dataset's title for it (rule 2) and its file line.
CREATE TEMP TABLE soc2010_input (
    dataset text NOT NULL,
    soc2010 text NOT NULL,
    title   text,
    value   float8 NOT NULL,
    line    bigint,
    PRIMARY KEY (dataset, soc2010)
) ON COMMIT DROP;

-- Each code's successors by rules 1 and 2 (no row: the code reaches no
-- SOC 2018 code).
CREATE FUNCTION pg_temp.soc2010_successor(dataset text)
RETURNS TABLE (soc2010 text, soc2018 text, by_title boolean)
LANGUAGE sql STABLE AS $$
    SELECT i.soc2010, x.soc2018, false
      FROM pg_temp.soc2010_input i
      JOIN pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv" x ON x.soc2010 = i.soc2010
     WHERE i.dataset = $1
    UNION ALL
    SELECT i.soc2010, t.soc2018, true
      FROM pg_temp.soc2010_input i
      JOIN (SELECT DISTINCT x.soc2018, pg_temp.soc_title_key(x.title2018) AS title
              FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv" x) t
        ON t.title = pg_temp.soc_title_key(i.title)
     WHERE i.dataset = $1
       AND NOT EXISTS (SELECT FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv" x WHERE x.soc2010 = i.soc2010)
$$;

-- The dataset's values carried to the O*NET occupations (rules 3 to 5):
-- per occupation its SOC 2018 code, the value, how many 2010 codes it is
-- the mean of, and whether one of them reached it by title.
CREATE FUNCTION pg_temp.carry_soc2010(dataset text)
RETURNS TABLE (onet_code text, soc2018 text, value float8, predecessors bigint, by_title boolean)
LANGUAGE sql STABLE AS $$
    SELECT o.onet_code, m.soc2018, m.value, m.predecessors, m.by_title
      FROM (SELECT s.soc2018, avg(i.value) AS value, count(*) AS predecessors, bool_or(s.by_title) AS by_title
              FROM pg_temp.soc2010_successor($1) s
              JOIN pg_temp.soc2010_input i ON i.dataset = $1 AND i.soc2010 = s.soc2010
             GROUP BY s.soc2018) m
      JOIN pg_temp.new_occupation o ON left(o.onet_code, 7) = m.soc2018
$$;

-- O*NET's own O*NET-SOC 2010 -> 2019 crosswalk: the predecessors of each
-- O*NET 29.3 occupation.
SELECT pg_temp.stage('anthropic-economic-index/2010_to_2019_soc_crosswalk.csv',
    '{code2010,title2010,code2019,title2019}',
    '{O*NET-SOC 2010 Code,O*NET-SOC 2010 Title,O*NET-SOC 2019 Code,O*NET-SOC 2019 Title}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('anthropic-economic-index/2010_to_2019_soc_crosswalk.csv');
    PERFORM pg_temp.require_onet_code('anthropic-economic-index/2010_to_2019_soc_crosswalk.csv', 'code2010');
    PERFORM pg_temp.require_onet_code('anthropic-economic-index/2010_to_2019_soc_crosswalk.csv', 'code2019');
    PERFORM pg_temp.require_unique('anthropic-economic-index/2010_to_2019_soc_crosswalk.csv', 't.code2010, t.code2019', '(O*NET-SOC 2010 Code, O*NET-SOC 2019 Code)');
END $$;
CREATE TEMP TABLE onet_predecessor ON COMMIT DROP AS
SELECT x.code2019 AS onet_code, x.code2010 AS predecessor
  FROM pg_temp."anthropic-economic-index/2010_to_2019_soc_crosswalk.csv" x
 WHERE EXISTS (SELECT FROM pg_temp.new_occupation o WHERE o.onet_code = x.code2019);
SELECT pg_temp.progress('anthropic-economic-index/2010_to_2019_soc_crosswalk.csv',
    (SELECT count(*) FROM pg_temp.onet_predecessor),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'anthropic-economic-index/2010_to_2019_soc_crosswalk.csv')
            - (SELECT count(*) FROM pg_temp.onet_predecessor))::text, 'O*NET-SOC 2019 code not in O*NET 29.3']],
    format('predecessors of %s O*NET 29.3 occupations', (SELECT count(DISTINCT onet_code) FROM pg_temp.onet_predecessor)));
