-- airesilience: loader of the public datasets (issue 3).
--
-- Run by scripts/load-public.sh with psql's working directory set to the
-- data directory, so every file is named here by its path inside it, exactly
-- as ../shared/data/README.md describes the collection.  Each file is read
-- in its published format with \copy (client side: the server needs no
-- access to the files).
--
-- Everything happens in one transaction, in three steps:
--   1. stage: each file goes, as text, into a temporary table named after the
--      file, with its line number (the header is line 1);
--   2. check and transform: SQL checks the header and every value and
--      reference used, and the first problem raises an ERROR naming the file
--      and the line (22P02 unparsable text, 22003 out of range, 23503 broken
--      reference, 23505 duplicate key, 23502 missing value, 22000 a header
--      that is not the published one); a structural problem (a missing
--      column, an unterminated quote) is reported by COPY itself as
--      "COPY <file>, line <n>" because the staging table bears the file's
--      name.  A progress line per file says how many rows were read, loaded
--      and skipped, with the reason of each kind of skip;
--   3. apply: replace the rows the loader owns, then COMMIT.
-- Any error rolls the whole transaction back: the database is unchanged.
--
-- Ownership (what "replace" touches): occupations, tasks and the O*NET
-- tables (skills, related occupations, work activities, task activities),
-- labor statistics, the ratings of the raters gpt4 and human, the values of
-- the sources working_with_ai, digital_exposure and frey_osborne, the task
-- usage of the dataset anthropic_2025_02_10, the occupation usage of the
-- dataset working_with_ai_coverage (both datasets are upserted in
-- usage_dataset), and the alternate titles of the sources bls_ooh,
-- bls_projections and frey_osborne.  Occupations and tasks that are in the
-- new data are updated in place, so ratings or values that other raters and
-- sources hold for them survive; occupations and tasks that are no longer in
-- O*NET are deleted (with their dependent rows).  Categories are upserted
-- and never deleted (seniority curves reference them).  At the end, every
-- category without a seniority curve gets the default one
-- (install_default_seniority_curves); a curve that exists is never
-- replaced.  Label schemes, seniority levels, aliases added by hand (another
-- source) and any other source, rater or usage dataset are never touched.
--
-- Rule for cross-references: a reference between two O*NET files (a task of
-- an unknown occupation, a rating of an unknown task) is an error, because
-- O*NET publishes them as one consistent database.  A reference from another
-- dataset to O*NET that does not resolve (a GPTs-are-GPTs task that O*NET
-- 29.3 no longer has, a SOC code without an O*NET occupation) is skipped and
-- counted in the file's progress line, because those datasets were built on
-- other releases.

\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset footer off
-- Messages name the file and line themselves; only COPY's own errors
-- (around each \copy) need their context, "COPY <file>, line <n>".
\set SHOW_CONTEXT never
SET client_min_messages = warning;
-- The files are UTF-8 (BLS writes en and em dashes).
SET client_encoding = 'UTF8';

BEGIN;
SET LOCAL search_path = pg_catalog, pg_temp;

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'airesilience') THEN
        RAISE EXCEPTION 'extension "airesilience" is not installed in database "%"', current_database()
            USING ERRCODE = 'undefined_object', HINT = 'Run CREATE EXTENSION airesilience first.';
    END IF;
END
$$;

-- Readers keep reading the previous data until COMMIT; a second loader
-- waits here instead of interleaving with this one.
LOCK TABLE airesilience.occupation IN SHARE ROW EXCLUSIVE MODE;

------------------------------------------------------------------------------
-- Helpers (temporary: they vanish with the session)
------------------------------------------------------------------------------

-- Header names of each staged file, by column.
CREATE TEMP TABLE staged_column (
    file     text NOT NULL,
    position integer NOT NULL,
    name     text NOT NULL,
    header   text NOT NULL,
    PRIMARY KEY (file, name)
) ON COMMIT DROP;

-- Data rows read from each file, and its progress line once done.
CREATE TEMP TABLE staged_file (
    file     text PRIMARY KEY,
    read     bigint NOT NULL,
    progress text
) ON COMMIT DROP;

-- Creates the staging table of a delimited file: one text column per
-- published column (names[i] for the header headers[i]) and the line number
-- in the file.  Returns the \copy command that fills it; the script runs it
-- through \gset.  The header is staged as line 1 and compared by
-- check_header(), which works on every PostgreSQL version (COPY's HEADER
-- MATCH needs 15).
CREATE FUNCTION pg_temp.stage(file text, names text[], headers text[])
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    delimiter text := CASE WHEN file ~ '\.csv$' THEN ',' ELSE E'\t' END;
    column_list text;
BEGIN
    SELECT string_agg(format('%I', n), ', ' ORDER BY i) INTO column_list
      FROM unnest(names) WITH ORDINALITY AS u(n, i);
    EXECUTE format('CREATE TEMP TABLE %I (line bigint GENERATED ALWAYS AS IDENTITY, %s) ON COMMIT DROP',
                   file, (SELECT string_agg(format('%I text', n), ', ' ORDER BY i)
                            FROM unnest(names) WITH ORDINALITY AS u(n, i)));
    INSERT INTO pg_temp.staged_column
    SELECT file, i, n, headers[i] FROM unnest(names) WITH ORDINALITY AS u(n, i);
    RETURN format('\copy pg_temp.%I (%s) FROM %L WITH (FORMAT csv, DELIMITER %L)',
                  file, column_list, file, delimiter);
END
$$;

-- A file read line by line (scores.json): CSV mode with a delimiter and a
-- quote character that do not occur in text, so no byte is interpreted.
CREATE FUNCTION pg_temp.stage_lines(file text)
RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TEMP TABLE %I (line bigint GENERATED ALWAYS AS IDENTITY, text text) ON COMMIT DROP', file);
    RETURN format('\copy pg_temp.%I (text) FROM %L WITH (FORMAT csv, DELIMITER E''\x01'', QUOTE E''\x02'')',
                  file, file);
END
$$;

CREATE FUNCTION pg_temp.fail(file text, line bigint, message text, errcode text)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'file "%", line %: %', file, line, message USING ERRCODE = errcode;
END
$$;

-- A value as it appears in a message: quoted, and cut when long.
CREATE FUNCTION pg_temp.shown(value text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN 'empty'
                WHEN length(value) > 60 THEN '"' || left(value, 57) || '..."'
                ELSE '"' || value || '"' END
$$;

-- Raises the error of the first line (in file order) where bad_if holds.
-- bad_if and message are SQL expressions over the staging table, alias t.
CREATE FUNCTION pg_temp.reject(file text, bad_if text, message text, errcode text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    EXECUTE format('SELECT t.line, %s AS message FROM pg_temp.%I t WHERE %s ORDER BY t.line LIMIT 1',
                   message, file, bad_if)
       INTO bad;
    IF bad.line IS NOT NULL THEN
        PERFORM pg_temp.fail(file, bad.line, bad.message, errcode);
    END IF;
END
$$;

CREATE FUNCTION pg_temp.header(file text, name text)
RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT header FROM pg_temp.staged_column c WHERE c.file = $1 AND c.name = $2
$$;

-- The header line must be the published one, and data must follow.  The
-- header line is then removed, so that the checks and casts that follow
-- only ever see data.
CREATE FUNCTION pg_temp.check_header(file text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    found text[];
    expected text[];
    column_number integer;
    data_rows bigint;
BEGIN
    SELECT array_agg(header ORDER BY position) INTO expected
      FROM pg_temp.staged_column c WHERE c.file = check_header.file;
    EXECUTE format('SELECT ARRAY[%s] FROM pg_temp.%I WHERE line = 1',
                   (SELECT string_agg(format('coalesce(%I, %L)', name, ''), ', ' ORDER BY position)
                      FROM pg_temp.staged_column c WHERE c.file = check_header.file),
                   file)
       INTO found;
    IF found IS NULL THEN
        RAISE EXCEPTION 'file "%" is empty', file
            USING ERRCODE = 'data_exception', DETAIL = 'A header line was expected.';
    END IF;
    IF found IS DISTINCT FROM expected THEN
        SELECT min(i) INTO column_number FROM generate_subscripts(expected, 1) i
         WHERE found[i] IS DISTINCT FROM expected[i];
        RAISE EXCEPTION 'file "%", line 1: the header is not the published one', file
            USING ERRCODE = 'data_exception',
                  DETAIL = format('Column %s is "%s" where "%s" was expected.',
                                  column_number, found[column_number], expected[column_number]);
    END IF;
    EXECUTE format('DELETE FROM pg_temp.%I WHERE line = 1', file);
    EXECUTE format('SELECT count(*) FROM pg_temp.%I', file) INTO data_rows;
    IF data_rows = 0 THEN
        RAISE EXCEPTION 'file "%" has no data lines', file USING ERRCODE = 'data_exception';
    END IF;
    INSERT INTO pg_temp.staged_file (file, read) VALUES (file, data_rows);
END
$$;

-- Value checks.  Empty fields are NULL; optional => NULL is accepted.
CREATE FUNCTION pg_temp.require_text(file text, col text, pattern text, what text, optional boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT optional THEN
        PERFORM pg_temp.reject(file, format('t.%I IS NULL', col),
                               format('%L', pg_temp.header(file, col) || ' is missing'), '23502');
    END IF;
    PERFORM pg_temp.reject(file, format('t.%I !~ %L', col, pattern),
        format('format(%L, pg_temp.shown(t.%I))', pg_temp.header(file, col) || ' %s is not ' || what, col),
        '22P02');
END
$$;

-- A number (or an integer) between low and high.  Checked as text first, so
-- that the casts of every later step cannot fail.
CREATE FUNCTION pg_temp.require_number(file text, col text, low numeric, high numeric,
                                       optional boolean DEFAULT false, integral boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.require_text(file, col,
        CASE WHEN integral THEN '^[+-]?[0-9]{1,15}$'
             ELSE '^[+-]?([0-9]{1,15}\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$' END,
        CASE WHEN integral THEN 'an integer' ELSE 'a number' END, optional);
    PERFORM pg_temp.reject(file,
        format('t.%I::numeric NOT BETWEEN %s AND %s', col, low, high),
        format('format(%L, pg_temp.shown(t.%I))',
               pg_temp.header(file, col) || format(' %%s is out of range (%s to %s)', low, high), col),
        '22003');
END
$$;

-- No two lines with the same key (an SQL expression over alias t); lines
-- whose key has an empty part are not compared.
CREATE FUNCTION pg_temp.require_unique(file text, key text, what text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    EXECUTE format('SELECT line, first FROM (SELECT t.line, min(t.line) OVER (PARTITION BY %s) AS first
                                               FROM pg_temp.%I t WHERE ROW(%s) IS NOT NULL) d
                     WHERE line <> first ORDER BY line LIMIT 1', key, file, key)
       INTO bad;
    IF bad.line IS NOT NULL THEN
        PERFORM pg_temp.fail(file, bad.line, format('duplicate %s (first on line %s)', what, bad.first),
                             '23505');
    END IF;
END
$$;

-- Records and returns the progress line of a file: rows read, loaded,
-- skipped with a reason per kind of skip, and what they became.
CREATE FUNCTION pg_temp.progress(file text, loaded bigint, skipped text[][], result text)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    read bigint;
    line text;
    total_skipped bigint := 0;
    i integer;
BEGIN
    SELECT f.read INTO read FROM pg_temp.staged_file f WHERE f.file = progress.file;
    line := format('%s: %s read, %s loaded', file, read, loaded);
    FOR i IN 1 .. coalesce(array_length(skipped, 1), 0) LOOP
        IF skipped[i][1]::bigint > 0 THEN
            line := line || format(', %s skipped (%s)', skipped[i][1], skipped[i][2]);
            total_skipped := total_skipped + skipped[i][1]::bigint;
        END IF;
    END LOOP;
    IF read IS DISTINCT FROM loaded + total_skipped THEN
        RAISE EXCEPTION 'loader bug: "%": % read, % loaded, % skipped', file, read, loaded, total_skipped;
    END IF;
    IF result IS NOT NULL THEN
        line := line || ' -> ' || result;
    END IF;
    UPDATE pg_temp.staged_file f SET progress = line WHERE f.file = progress.file;
    RETURN line;
END
$$;

-- Shorthands for the codes and references most files carry.
CREATE FUNCTION pg_temp.require_onet_code(file text, col text)
RETURNS void
LANGUAGE sql AS $$
    SELECT pg_temp.require_text(file, col, '^[0-9]{2}-[0-9]{4}\.[0-9]{2}$', 'an O*NET-SOC code (NN-NNNN.NN)')
$$;

CREATE FUNCTION pg_temp.require_soc_code(file text, col text, optional boolean DEFAULT false)
RETURNS void
LANGUAGE sql AS $$
    SELECT pg_temp.require_text(file, col, '^[0-9]{2}-[0-9]{4}$', 'a 6-digit SOC code (NN-NNNN)', optional)
$$;

-- Between O*NET files, an unknown occupation or task is an error.
CREATE FUNCTION pg_temp.require_occupation(file text, col text)
RETURNS void
LANGUAGE sql AS $$
    SELECT pg_temp.reject(file,
        format('NOT EXISTS (SELECT FROM pg_temp.new_occupation o WHERE o.onet_code = t.%I)', col),
        format('format(%L, pg_temp.shown(t.%I))',
               pg_temp.header(file, col) || ' %s is not in "onet/Occupation Data.txt"', col),
        '23503')
$$;

CREATE FUNCTION pg_temp.require_task(file text, code_col text, task_col text)
RETURNS void
LANGUAGE sql AS $$
    SELECT pg_temp.reject(file,
        format('NOT EXISTS (SELECT FROM pg_temp.new_task n WHERE n.onet_code = t.%I AND n.task_id = t.%I::integer)',
               code_col, task_col),
        format('format(%L, t.%I, t.%I)', 'task %s of %s is not in "onet/Task Statements.txt"', task_col, code_col),
        '23503')
$$;

------------------------------------------------------------------------------
-- O*NET 29.3: occupations and tasks
------------------------------------------------------------------------------

SELECT pg_temp.stage('onet/Occupation Data.txt',
    '{code,title,description}',
    '{O*NET-SOC Code,Title,Description}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Occupation Data.txt');
    PERFORM pg_temp.require_onet_code('onet/Occupation Data.txt', 'code');
    PERFORM pg_temp.require_text('onet/Occupation Data.txt', 'title', '\S', 'a title');
    PERFORM pg_temp.require_unique('onet/Occupation Data.txt', 't.code', 'O*NET-SOC Code');
END $$;
CREATE TEMP TABLE new_occupation ON COMMIT DROP AS
SELECT code AS onet_code, btrim(title) AS title, nullif(btrim(description), '') AS description,
       NULL::text AS category, NULL::smallint AS job_zone
  FROM pg_temp."onet/Occupation Data.txt";
ALTER TABLE new_occupation ADD PRIMARY KEY (onet_code);
SELECT pg_temp.progress('onet/Occupation Data.txt', (SELECT count(*) FROM pg_temp.new_occupation), NULL, NULL);

SELECT pg_temp.stage('onet/Task Statements.txt',
    '{code,title,task_id,task,task_type,incumbents,date,domain_source}',
    '{O*NET-SOC Code,Title,Task ID,Task,Task Type,Incumbents Responding,Date,Domain Source}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Task Statements.txt');
    PERFORM pg_temp.require_onet_code('onet/Task Statements.txt', 'code');
    PERFORM pg_temp.require_occupation('onet/Task Statements.txt', 'code');
    PERFORM pg_temp.require_number('onet/Task Statements.txt', 'task_id', 1, 2147483647, integral => true);
    PERFORM pg_temp.require_text('onet/Task Statements.txt', 'task', '\S', 'a task statement');
    PERFORM pg_temp.require_text('onet/Task Statements.txt', 'task_type', '^(Core|Supplemental)$', 'Core or Supplemental', optional => true);
    PERFORM pg_temp.require_unique('onet/Task Statements.txt', 't.code, t.task_id::integer', 'task (O*NET-SOC Code, Task ID)');
END $$;
CREATE TEMP TABLE new_task ON COMMIT DROP AS
SELECT code AS onet_code, task_id::integer AS task_id, btrim(task) AS description,
       lower(task_type) AS task_type,
       NULL::float8 AS importance, NULL::float8 AS relevance, NULL::float8 AS frequency
  FROM pg_temp."onet/Task Statements.txt";
ALTER TABLE new_task ADD PRIMARY KEY (onet_code, task_id);
SELECT pg_temp.progress('onet/Task Statements.txt', (SELECT count(*) FROM pg_temp.new_task), NULL,
    format('tasks of %s occupations', (SELECT count(DISTINCT onet_code) FROM pg_temp.new_task)));

-- Task ratings, one row per rated task: O*NET's importance (IM, 1-5) and
-- relevance (RT, 0-100), and freq_mean, the third party's expected
-- occurrences per working day (see the data README).
SELECT pg_temp.stage('onet-task-ratings/task_level_with_freq_importance_relevance.csv',
    '{code,title,task_id,task,freq_mean,freq_lower,freq_upper,importance,importance_lower,importance_upper,relevance,relevance_lower,relevance_upper}',
    '{O*NET-SOC Code,Title,Task ID,Task,freq_mean,freq_lower,freq_upper,importance,importance_lower,importance_upper,relevance,relevance_lower,relevance_upper}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$
DECLARE
    f constant text := 'onet-task-ratings/task_level_with_freq_importance_relevance.csv';
BEGIN
    PERFORM pg_temp.check_header(f);
    PERFORM pg_temp.require_onet_code(f, 'code');
    PERFORM pg_temp.require_number(f, 'task_id', 1, 2147483647, integral => true);
    PERFORM pg_temp.require_task(f, 'code', 'task_id');
    PERFORM pg_temp.require_number(f, 'importance', 1, 5, optional => true);
    PERFORM pg_temp.require_number(f, 'relevance', 0, 100, optional => true);
    PERFORM pg_temp.require_number(f, 'freq_mean', 0, 1e6, optional => true);
    PERFORM pg_temp.require_unique(f, 't.code, t.task_id::integer', 'task (O*NET-SOC Code, Task ID)');
END $$;
UPDATE pg_temp.new_task n
   SET importance = r.importance::float8, relevance = r.relevance::float8, frequency = r.freq_mean::float8
  FROM pg_temp."onet-task-ratings/task_level_with_freq_importance_relevance.csv" r
 WHERE n.onet_code = r.code AND n.task_id = r.task_id::integer;
SELECT pg_temp.progress('onet-task-ratings/task_level_with_freq_importance_relevance.csv',
    (SELECT count(*) FROM pg_temp."onet-task-ratings/task_level_with_freq_importance_relevance.csv"), NULL,
    format('ratings of %s tasks in %s occupations',
           (SELECT count(*) FROM pg_temp.new_task WHERE importance IS NOT NULL),
           (SELECT count(DISTINCT onet_code) FROM pg_temp.new_task WHERE importance IS NOT NULL)));

------------------------------------------------------------------------------
-- O*NET 29.3: job zones, skills, related occupations, work activities
------------------------------------------------------------------------------

SELECT pg_temp.stage('onet/Job Zones.txt',
    '{code,title,job_zone,date,domain_source}',
    '{O*NET-SOC Code,Title,Job Zone,Date,Domain Source}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Job Zones.txt');
    PERFORM pg_temp.require_onet_code('onet/Job Zones.txt', 'code');
    PERFORM pg_temp.require_occupation('onet/Job Zones.txt', 'code');
    PERFORM pg_temp.require_number('onet/Job Zones.txt', 'job_zone', 1, 5, integral => true);
    PERFORM pg_temp.require_unique('onet/Job Zones.txt', 't.code', 'O*NET-SOC Code');
END $$;
UPDATE pg_temp.new_occupation o SET job_zone = z.job_zone::smallint
  FROM pg_temp."onet/Job Zones.txt" z WHERE z.code = o.onet_code;
SELECT pg_temp.progress('onet/Job Zones.txt', (SELECT count(*) FROM pg_temp."onet/Job Zones.txt"), NULL, NULL);

-- Skills: a line per (occupation, skill, scale); the IM and LV lines of a
-- skill become the importance and level of one occupation_skill row.
SELECT pg_temp.stage('onet/Skills.tsv',
    '{code,title,element_id,element_name,scale_id,scale_name,data_value,n,standard_error,lower_ci,upper_ci,recommend_suppress,not_relevant,date,domain_source}',
    '{O*NET-SOC Code,Title,Element ID,Element Name,Scale ID,Scale Name,Data Value,N,Standard Error,Lower CI Bound,Upper CI Bound,Recommend Suppress,Not Relevant,Date,Domain Source}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Skills.tsv');
    PERFORM pg_temp.require_onet_code('onet/Skills.tsv', 'code');
    PERFORM pg_temp.require_occupation('onet/Skills.tsv', 'code');
    PERFORM pg_temp.require_text('onet/Skills.tsv', 'element_id', '^[0-9]+(\.[0-9A-Za-z]+)+$', 'an O*NET element ID');
    PERFORM pg_temp.require_text('onet/Skills.tsv', 'element_name', '\S', 'a skill name');
    PERFORM pg_temp.require_text('onet/Skills.tsv', 'scale_id', '^(IM|LV)$', 'IM or LV');
    PERFORM pg_temp.require_number('onet/Skills.tsv', 'data_value', 0, 7);
    PERFORM pg_temp.reject('onet/Skills.tsv', $q$t.scale_id = 'IM' AND t.data_value::numeric < 1$q$,
        $q$format('Data Value %s is out of range for scale IM (1 to 5)', pg_temp.shown(t.data_value))$q$, '22003');
    PERFORM pg_temp.reject('onet/Skills.tsv', $q$t.scale_id = 'IM' AND t.data_value::numeric > 5$q$,
        $q$format('Data Value %s is out of range for scale IM (1 to 5)', pg_temp.shown(t.data_value))$q$, '22003');
    PERFORM pg_temp.require_unique('onet/Skills.tsv', 't.code, t.element_id, t.scale_id', '(O*NET-SOC Code, Element ID, Scale ID)');
END $$;
CREATE TEMP TABLE new_skill ON COMMIT DROP AS
SELECT code AS onet_code, element_id AS skill_id, min(btrim(element_name)) AS skill_name,
       max(data_value::float8) FILTER (WHERE scale_id = 'IM') AS importance,
       max(data_value::float8) FILTER (WHERE scale_id = 'LV') AS level
  FROM pg_temp."onet/Skills.tsv"
 GROUP BY code, element_id;
SELECT pg_temp.progress('onet/Skills.tsv', (SELECT count(*) FROM pg_temp."onet/Skills.tsv"), NULL,
    format('%s occupation skills of %s occupations (IM and LV pivoted)',
           (SELECT count(*) FROM pg_temp.new_skill), (SELECT count(DISTINCT onet_code) FROM pg_temp.new_skill)));

SELECT pg_temp.stage('onet/Related Occupations.txt',
    '{code,title,related_code,related_title,tier,index}',
    '{O*NET-SOC Code,Title,Related O*NET-SOC Code,Related Title,Relatedness Tier,Index}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Related Occupations.txt');
    PERFORM pg_temp.require_onet_code('onet/Related Occupations.txt', 'code');
    PERFORM pg_temp.require_onet_code('onet/Related Occupations.txt', 'related_code');
    PERFORM pg_temp.require_occupation('onet/Related Occupations.txt', 'code');
    PERFORM pg_temp.require_occupation('onet/Related Occupations.txt', 'related_code');
    PERFORM pg_temp.reject('onet/Related Occupations.txt', 't.code = t.related_code',
        $q$format('occupation %s is related to itself', t.code)$q$, '22023');
    PERFORM pg_temp.require_text('onet/Related Occupations.txt', 'tier', '^(Primary-Short|Primary-Long|Supplemental)$', 'Primary-Short, Primary-Long or Supplemental');
    PERFORM pg_temp.require_number('onet/Related Occupations.txt', 'index', 1, 20, integral => true);
    PERFORM pg_temp.require_unique('onet/Related Occupations.txt', 't.code, t.related_code', '(O*NET-SOC Code, Related O*NET-SOC Code)');
END $$;
SELECT pg_temp.progress('onet/Related Occupations.txt', (SELECT count(*) FROM pg_temp."onet/Related Occupations.txt"), NULL, NULL);

-- Work activities: DWA -> IWA -> GWA, one row per DWA.  The IWA of every
-- DWA must be listed in IWA Reference.
SELECT pg_temp.stage('onet/IWA Reference.txt',
    '{gwa_id,gwa_title,iwa_id,iwa_title}',
    '{Element ID,Element Name,IWA ID,IWA Title}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/IWA Reference.txt');
    PERFORM pg_temp.require_text('onet/IWA Reference.txt', 'iwa_id', '^[0-9]+(\.[0-9A-Za-z]+)+$', 'an IWA ID');
    PERFORM pg_temp.require_unique('onet/IWA Reference.txt', 't.iwa_id', 'IWA ID');
END $$;
SELECT pg_temp.progress('onet/IWA Reference.txt', (SELECT count(*) FROM pg_temp."onet/IWA Reference.txt"), NULL,
    'the IWAs work activities may belong to');

SELECT pg_temp.stage('onet/DWA Reference.txt',
    '{gwa_id,gwa_title,iwa_id,iwa_title,dwa_id,dwa_title}',
    '{Element ID,Element Name,IWA ID,IWA Title,DWA ID,DWA Title}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/DWA Reference.txt');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'gwa_id', '^[0-9]+(\.[0-9A-Za-z]+)+$', 'a GWA element ID');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'gwa_title', '\S', 'a title');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'iwa_id', '^[0-9]+(\.[0-9A-Za-z]+)+$', 'an IWA ID');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'iwa_title', '\S', 'a title');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'dwa_id', '^[0-9]+(\.[0-9A-Za-z]+)+$', 'a DWA ID');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'dwa_title', '\S', 'a title');
    PERFORM pg_temp.reject('onet/DWA Reference.txt',
        $q$NOT EXISTS (SELECT FROM pg_temp."onet/IWA Reference.txt" i WHERE i.iwa_id = t.iwa_id)$q$,
        $q$format('IWA ID %s is not in "onet/IWA Reference.txt"', pg_temp.shown(t.iwa_id))$q$, '23503');
    PERFORM pg_temp.require_unique('onet/DWA Reference.txt', 't.dwa_id', 'DWA ID');
END $$;
CREATE TEMP TABLE new_work_activity ON COMMIT DROP AS
SELECT dwa_id, btrim(dwa_title) AS dwa_title, iwa_id, btrim(iwa_title) AS iwa_title,
       gwa_id, btrim(gwa_title) AS gwa_title
  FROM pg_temp."onet/DWA Reference.txt";
ALTER TABLE new_work_activity ADD PRIMARY KEY (dwa_id);
SELECT pg_temp.progress('onet/DWA Reference.txt', (SELECT count(*) FROM pg_temp.new_work_activity), NULL, NULL);

SELECT pg_temp.stage('onet/Tasks to DWAs.tsv',
    '{code,title,task_id,task,dwa_id,dwa_title,date,domain_source}',
    '{O*NET-SOC Code,Title,Task ID,Task,DWA ID,DWA Title,Date,Domain Source}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Tasks to DWAs.tsv');
    PERFORM pg_temp.require_onet_code('onet/Tasks to DWAs.tsv', 'code');
    PERFORM pg_temp.require_number('onet/Tasks to DWAs.tsv', 'task_id', 1, 2147483647, integral => true);
    PERFORM pg_temp.require_task('onet/Tasks to DWAs.tsv', 'code', 'task_id');
    PERFORM pg_temp.require_text('onet/Tasks to DWAs.tsv', 'dwa_id', '\S', 'a DWA ID');
    PERFORM pg_temp.reject('onet/Tasks to DWAs.tsv',
        'NOT EXISTS (SELECT FROM pg_temp.new_work_activity w WHERE w.dwa_id = t.dwa_id)',
        $q$format('DWA ID %s is not in "onet/DWA Reference.txt"', pg_temp.shown(t.dwa_id))$q$, '23503');
    PERFORM pg_temp.require_unique('onet/Tasks to DWAs.tsv', 't.code, t.task_id::integer, t.dwa_id', '(O*NET-SOC Code, Task ID, DWA ID)');
END $$;
SELECT pg_temp.progress('onet/Tasks to DWAs.tsv', (SELECT count(*) FROM pg_temp."onet/Tasks to DWAs.tsv"), NULL,
    format('activities of %s tasks',
           (SELECT count(*) FROM (SELECT DISTINCT code, task_id FROM pg_temp."onet/Tasks to DWAs.tsv") d)));

------------------------------------------------------------------------------
-- BLS: NEM crosswalk, OOH profiles (categories, digital exposure), projections
------------------------------------------------------------------------------

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

SELECT pg_temp.stage('bls-ooh/occupations.csv',
    '{title,category,slug,soc_code,median_pay_annual,median_pay_hourly,entry_education,work_experience,training,num_jobs_2024,projected_employment_2034,outlook_pct,outlook_desc,employment_change,url}',
    '{title,category,slug,soc_code,median_pay_annual,median_pay_hourly,entry_education,work_experience,training,num_jobs_2024,projected_employment_2034,outlook_pct,outlook_desc,employment_change,url}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('bls-ooh/occupations.csv');
    PERFORM pg_temp.require_text('bls-ooh/occupations.csv', 'category', '^[a-z][a-z0-9-]*$', 'an OOH group slug');
    PERFORM pg_temp.require_text('bls-ooh/occupations.csv', 'slug', '^[a-z0-9][a-z0-9-]*$', 'an OOH profile slug');
    PERFORM pg_temp.require_soc_code('bls-ooh/occupations.csv', 'soc_code', optional => true);
    PERFORM pg_temp.require_number('bls-ooh/occupations.csv', 'median_pay_annual', 1, 1e9, optional => true);
    PERFORM pg_temp.require_number('bls-ooh/occupations.csv', 'num_jobs_2024', 0, 2147483647, optional => true, integral => true);
    PERFORM pg_temp.require_number('bls-ooh/occupations.csv', 'projected_employment_2034', 0, 2147483647, optional => true, integral => true);
    PERFORM pg_temp.require_number('bls-ooh/occupations.csv', 'outlook_pct', -100, 10000, optional => true);
    PERFORM pg_temp.require_text('bls-ooh/occupations.csv', 'url', '^https?://', 'a URL');
    PERFORM pg_temp.require_unique('bls-ooh/occupations.csv', 't.slug', 'slug');
    PERFORM pg_temp.require_unique('bls-ooh/occupations.csv', 't.soc_code', 'soc_code');
    PERFORM pg_temp.require_unique('bls-ooh/occupations.csv', 'lower(btrim(t.url))', 'url');
END $$;

-- The OOH profile of each O*NET occupation: the profile whose soc_code is
-- the occupation's SOC code, else (profiles spanning several SOC codes have
-- none) the profile page the NEM crosswalk gives for the O*NET code, the
-- URL compared case-insensitively (BLS writes /OOH/, karpathy /ooh/).
-- The first rule wins where both apply (29-2031.00 keeps its own SOC code's
-- profile, not the sonographers page the crosswalk lists).
CREATE TEMP TABLE occupation_profile ON COMMIT DROP AS
SELECT o.onet_code, coalesce(by_soc.slug, by_url.slug) AS slug,
       coalesce(by_soc.category, by_url.category) AS category,
       CASE WHEN by_soc.slug IS NOT NULL THEN 'soc_code' ELSE 'crosswalk' END AS matched_by
  FROM pg_temp.new_occupation o
  LEFT JOIN pg_temp."bls-ooh/occupations.csv" by_soc ON by_soc.soc_code = left(o.onet_code, 7)
  LEFT JOIN pg_temp.nem n ON n.onet_code = o.onet_code
  LEFT JOIN pg_temp."bls-ooh/occupations.csv" by_url ON lower(btrim(by_url.url)) = n.ooh_url
 WHERE by_soc.slug IS NOT NULL OR by_url.slug IS NOT NULL;
ALTER TABLE occupation_profile ADD PRIMARY KEY (onet_code);

-- Occupations no OOH profile covers get the OOH group of their SOC major
-- group (the first 2 digits) or, where a major group spans several OOH
-- groups, of their minor group (the longest matching prefix wins):
--   11 Management                                   -> management
--   13 Business and Financial Operations            -> business-and-financial
--   15 Computer and Mathematical                    -> computer-and-information-technology
--      15-2 Mathematical Science                    -> math
--   17 Architecture and Engineering                 -> architecture-and-engineering
--   19 Life, Physical, and Social Science           -> life-physical-and-social-science
--   21 Community and Social Service                 -> community-and-social-service
--   23 Legal                                        -> legal
--   25 Educational Instruction and Library          -> education-training-and-library
--   27 Arts, Design, Entertainment, Sports, Media   -> arts-and-design
--      27-2 Entertainers, Performers, Sports        -> entertainment-and-sports
--      27-3, 27-4 Media and Communication           -> media-and-communication
--   29 Healthcare Practitioners and Technical       -> healthcare
--   31 Healthcare Support                           -> healthcare
--   33 Protective Service                           -> protective-service
--   35 Food Preparation and Serving Related         -> food-preparation-and-serving
--   37 Building and Grounds Cleaning, Maintenance   -> building-and-grounds-cleaning
--   39 Personal Care and Service                    -> personal-care-and-service
--   41 Sales and Related                            -> sales
--   43 Office and Administrative Support            -> office-and-administrative-support
--   45 Farming, Fishing, and Forestry               -> farming-fishing-and-forestry
--   47 Construction and Extraction                  -> construction-and-extraction
--   49 Installation, Maintenance, and Repair        -> installation-maintenance-and-repair
--   51 Production                                   -> production
--   53 Transportation and Material Moving           -> transportation-and-material-moving
--   55 Military Specific                            -> military
-- Each is the group the OOH files most of that SOC group's profiles under.
CREATE TEMP TABLE soc_group_category (prefix text PRIMARY KEY, category text NOT NULL) ON COMMIT DROP;
INSERT INTO soc_group_category VALUES
    ('11', 'management'), ('13', 'business-and-financial'),
    ('15', 'computer-and-information-technology'), ('15-2', 'math'),
    ('17', 'architecture-and-engineering'), ('19', 'life-physical-and-social-science'),
    ('21', 'community-and-social-service'), ('23', 'legal'),
    ('25', 'education-training-and-library'),
    ('27', 'arts-and-design'), ('27-2', 'entertainment-and-sports'),
    ('27-3', 'media-and-communication'), ('27-4', 'media-and-communication'),
    ('29', 'healthcare'), ('31', 'healthcare'), ('33', 'protective-service'),
    ('35', 'food-preparation-and-serving'), ('37', 'building-and-grounds-cleaning'),
    ('39', 'personal-care-and-service'), ('41', 'sales'),
    ('43', 'office-and-administrative-support'), ('45', 'farming-fishing-and-forestry'),
    ('47', 'construction-and-extraction'), ('49', 'installation-maintenance-and-repair'),
    ('51', 'production'), ('53', 'transportation-and-material-moving'), ('55', 'military');

-- Titles of the OOH groups as the OOH writes them.  A group not listed here
-- gets its slug with spaces for hyphens, capitalized.
CREATE TEMP TABLE category_title (category text PRIMARY KEY, title text NOT NULL) ON COMMIT DROP;
INSERT INTO category_title VALUES
    ('architecture-and-engineering', 'Architecture and engineering'),
    ('arts-and-design', 'Arts and design'),
    ('building-and-grounds-cleaning', 'Building and grounds cleaning'),
    ('business-and-financial', 'Business and financial'),
    ('community-and-social-service', 'Community and social service'),
    ('computer-and-information-technology', 'Computer and information technology'),
    ('construction-and-extraction', 'Construction and extraction'),
    ('education-training-and-library', 'Education, training, and library'),
    ('entertainment-and-sports', 'Entertainment and sports'),
    ('farming-fishing-and-forestry', 'Farming, fishing, and forestry'),
    ('food-preparation-and-serving', 'Food preparation and serving'),
    ('healthcare', 'Healthcare'),
    ('installation-maintenance-and-repair', 'Installation, maintenance, and repair'),
    ('legal', 'Legal'),
    ('life-physical-and-social-science', 'Life, physical, and social science'),
    ('management', 'Management'),
    ('math', 'Math'),
    ('media-and-communication', 'Media and communication'),
    ('military', 'Military'),
    ('office-and-administrative-support', 'Office and administrative support'),
    ('personal-care-and-service', 'Personal care and service'),
    ('production', 'Production'),
    ('protective-service', 'Protective service'),
    ('sales', 'Sales'),
    ('transportation-and-material-moving', 'Transportation and material moving');

UPDATE pg_temp.new_occupation o
   SET category = coalesce(
           (SELECT p.category FROM pg_temp.occupation_profile p WHERE p.onet_code = o.onet_code),
           (SELECT g.category FROM pg_temp.soc_group_category g
             WHERE o.onet_code LIKE g.prefix || '%' ORDER BY length(g.prefix) DESC LIMIT 1));
DO $$
DECLARE
    missing text;
BEGIN
    SELECT onet_code INTO missing FROM pg_temp.new_occupation WHERE category IS NULL ORDER BY 1 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'occupation % has no category', missing
            USING ERRCODE = 'not_null_violation',
                  DETAIL = 'No OOH profile covers it and its SOC major group is not in the loader''s group table.';
    END IF;
END
$$;

CREATE TEMP TABLE new_category ON COMMIT DROP AS
SELECT c.category,
       coalesce(t.title, upper(left(c.category, 1)) || replace(substr(c.category, 2), '-', ' ')) AS title
  FROM (SELECT category FROM pg_temp."bls-ooh/occupations.csv"
        UNION SELECT category FROM pg_temp.new_occupation) c
  LEFT JOIN pg_temp.category_title t USING (category);

SELECT pg_temp.progress('bls-ooh/occupations.csv',
    (SELECT count(DISTINCT slug) FROM pg_temp.occupation_profile),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'bls-ooh/occupations.csv')
            - (SELECT count(DISTINCT slug) FROM pg_temp.occupation_profile))::text,
           'profile of no O*NET occupation by soc_code or NEM crosswalk']],
    format('profiles of %s occupations (%s by soc_code, %s by crosswalk); the other %s occupations take their category from their SOC group',
           (SELECT count(*) FROM pg_temp.occupation_profile),
           (SELECT count(*) FROM pg_temp.occupation_profile WHERE matched_by = 'soc_code'),
           (SELECT count(*) FROM pg_temp.occupation_profile WHERE matched_by = 'crosswalk'),
           (SELECT count(*) FROM pg_temp.new_occupation) - (SELECT count(*) FROM pg_temp.occupation_profile)));

-- karpathy's digital AI exposure, 0-10 per OOH profile, in a JSON array.
SELECT pg_temp.stage_lines('bls-ooh/scores.json') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$
DECLARE
    doc jsonb;
    err_message text;
    err_detail text;
    err_context text;
BEGIN
    BEGIN
        SELECT string_agg(coalesce(text, ''), E'\n' ORDER BY line)::jsonb INTO doc
          FROM pg_temp."bls-ooh/scores.json";
    EXCEPTION WHEN invalid_text_representation THEN
        GET STACKED DIAGNOSTICS err_message = MESSAGE_TEXT, err_detail = PG_EXCEPTION_DETAIL,
                                err_context = PG_EXCEPTION_CONTEXT;
        -- The parser says "JSON data, line N", and staged lines are file lines.
        RAISE EXCEPTION 'file "bls-ooh/scores.json", %: %',
              coalesce(substring(err_context FROM 'line [0-9]+'), 'line 1'),
              concat_ws(': ', err_message, nullif(err_detail, ''))
            USING ERRCODE = 'invalid_text_representation';
    END;
    IF coalesce(jsonb_typeof(doc), 'null') <> 'array' THEN
        RAISE EXCEPTION 'file "bls-ooh/scores.json", line 1: a JSON array of profiles was expected'
            USING ERRCODE = 'invalid_text_representation';
    END IF;
    IF jsonb_array_length(doc) = 0 THEN
        RAISE EXCEPTION 'file "bls-ooh/scores.json" has no profiles' USING ERRCODE = 'data_exception';
    END IF;
    CREATE TEMP TABLE scores ON COMMIT DROP AS
    SELECT e.i AS element, e.value->>'slug' AS slug, e.value->'exposure' AS exposure,
           -- the element's line: the line its slug is written on
           coalesce((SELECT min(s.line) FROM pg_temp."bls-ooh/scores.json" s
                      WHERE strpos(s.text, to_jsonb(e.value->>'slug')::text) > 0), 1) AS line
      FROM jsonb_array_elements(doc) WITH ORDINALITY AS e(value, i);
    INSERT INTO pg_temp.staged_file (file, read)
    VALUES ('bls-ooh/scores.json', (SELECT count(*) FROM pg_temp.scores));
END
$$;
SELECT pg_temp.fail('bls-ooh/scores.json', line, format('element %s has no "slug" string', element), '22P02')
  FROM (SELECT * FROM pg_temp.scores WHERE slug IS NULL ORDER BY element LIMIT 1) s;
SELECT pg_temp.fail('bls-ooh/scores.json', line,
                    format('exposure %s of "%s" is not a number', coalesce(exposure::text, 'missing'), slug), '22P02')
  FROM (SELECT * FROM pg_temp.scores WHERE jsonb_typeof(exposure) IS DISTINCT FROM 'number' ORDER BY element LIMIT 1) s;
SELECT pg_temp.fail('bls-ooh/scores.json', line,
                    format('exposure %s of "%s" is out of range (0 to 10)', exposure, slug), '22003')
  FROM (SELECT * FROM pg_temp.scores WHERE (exposure::text)::numeric NOT BETWEEN 0 AND 10 ORDER BY element LIMIT 1) s;
SELECT pg_temp.fail('bls-ooh/scores.json', line, format('duplicate slug "%s"', slug), '23505')
  FROM (SELECT * FROM pg_temp.scores s
         WHERE EXISTS (SELECT FROM pg_temp.scores d WHERE d.slug = s.slug AND d.element < s.element)
         ORDER BY element LIMIT 1) s;
SELECT pg_temp.fail('bls-ooh/scores.json', line,
                    format('slug "%s" is not in "bls-ooh/occupations.csv"', slug), '23503')
  FROM (SELECT * FROM pg_temp.scores s
         WHERE NOT EXISTS (SELECT FROM pg_temp."bls-ooh/occupations.csv" p WHERE p.slug = s.slug)
         ORDER BY element LIMIT 1) s;

CREATE TEMP TABLE new_source_value (
    onet_code text, source text, raw_value float8, PRIMARY KEY (onet_code, source)
) ON COMMIT DROP;
INSERT INTO new_source_value
SELECT p.onet_code, 'digital_exposure', (s.exposure::text)::float8
  FROM pg_temp.occupation_profile p JOIN pg_temp.scores s USING (slug);
SELECT pg_temp.progress('bls-ooh/scores.json',
    (SELECT count(*) FROM pg_temp.scores s WHERE EXISTS (SELECT FROM pg_temp.occupation_profile p WHERE p.slug = s.slug)),
    ARRAY[[(SELECT count(*) FROM pg_temp.scores s
             WHERE NOT EXISTS (SELECT FROM pg_temp.occupation_profile p WHERE p.slug = s.slug))::text,
           'profile of no O*NET occupation']],
    format('digital_exposure of %s occupations',
           (SELECT count(*) FROM pg_temp.new_source_value WHERE source = 'digital_exposure')));

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

------------------------------------------------------------------------------
-- Microsoft Working with AI: AI applicability per 6-digit SOC code
------------------------------------------------------------------------------

SELECT pg_temp.stage('working-with-ai/soc_ai_applicability_scores.csv',
    '{soc_code,title,score}', '{SOC Code,title,ai_applicability_score}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('working-with-ai/soc_ai_applicability_scores.csv');
    PERFORM pg_temp.require_soc_code('working-with-ai/soc_ai_applicability_scores.csv', 'soc_code');
    PERFORM pg_temp.require_number('working-with-ai/soc_ai_applicability_scores.csv', 'score', 0, 1);
    PERFORM pg_temp.require_unique('working-with-ai/soc_ai_applicability_scores.csv', 't.soc_code', 'SOC Code');
END $$;
-- Every O*NET occupation of the SOC code gets its score.  Twelve codes are
-- BLS aggregates (13-1020 Buyers and purchasing agents, ...): the NEM
-- crosswalk names their member O*NET occupations, which get the aggregate's
-- score when their own SOC code has none.
INSERT INTO new_source_value
SELECT o.onet_code, 'working_with_ai', m.score::float8
  FROM pg_temp.new_occupation o
  JOIN pg_temp."working-with-ai/soc_ai_applicability_scores.csv" m ON m.soc_code = left(o.onet_code, 7);
INSERT INTO new_source_value
SELECT o.onet_code, 'working_with_ai', m.score::float8
  FROM pg_temp.new_occupation o
  JOIN pg_temp.nem n USING (onet_code)
  JOIN pg_temp."working-with-ai/soc_ai_applicability_scores.csv" m ON m.soc_code = n.nem_code
 WHERE NOT EXISTS (SELECT FROM pg_temp."working-with-ai/soc_ai_applicability_scores.csv" d
                    WHERE d.soc_code = left(o.onet_code, 7));
CREATE TEMP TABLE working_with_ai_use ON COMMIT DROP AS
SELECT m.soc_code,
       EXISTS (SELECT FROM pg_temp.new_occupation o WHERE left(o.onet_code, 7) = m.soc_code) AS direct,
       EXISTS (SELECT FROM pg_temp.nem n
                WHERE n.nem_code = m.soc_code AND left(n.onet_code, 7) <> m.soc_code
                  AND NOT EXISTS (SELECT FROM pg_temp."working-with-ai/soc_ai_applicability_scores.csv" d
                                   WHERE d.soc_code = left(n.onet_code, 7))) AS aggregate
  FROM pg_temp."working-with-ai/soc_ai_applicability_scores.csv" m;
SELECT pg_temp.progress('working-with-ai/soc_ai_applicability_scores.csv',
    (SELECT count(*) FROM pg_temp.working_with_ai_use WHERE direct OR aggregate),
    ARRAY[[(SELECT count(*) FROM pg_temp.working_with_ai_use WHERE NOT (direct OR aggregate))::text,
           'SOC code of no O*NET occupation']],
    format('working_with_ai of %s occupations (%s of them through %s BLS aggregate codes of the NEM crosswalk)',
           (SELECT count(*) FROM pg_temp.new_source_value WHERE source = 'working_with_ai'),
           (SELECT count(*) FROM pg_temp.new_source_value v
             WHERE v.source = 'working_with_ai'
               AND NOT EXISTS (SELECT FROM pg_temp.working_with_ai_use u
                                WHERE u.soc_code = left(v.onet_code, 7))),
           (SELECT count(*) FROM pg_temp.working_with_ai_use WHERE aggregate)));

-- Coverage, the adoption evidence of the dataset working_with_ai_coverage:
-- coverage_user, the importance- and relevance-weighted share of the
-- occupation's work activities (IWAs) that users sought AI help with in
-- Bing Copilot conversations.  The user side, not the AI side, because
-- evidence of adoption is what people bring to AI from their work.  It
-- reaches the occupations as the applicability score does: the O*NET
-- occupations of the SOC code, else the BLS aggregate code of the NEM
-- crosswalk; each row's match_quality says which.
SELECT pg_temp.stage('working-with-ai/soc_metrics.csv',
    '{soc_code,title,coverage_user,coverage_ai,completion_user,completion_ai,feedback_positive_fraction_user,feedback_positive_fraction_ai,impact_scope_user,impact_scope_ai,ai_applicability_score_user,ai_applicability_score_ai}',
    '{SOC Code,title,coverage_user,coverage_ai,completion_user,completion_ai,feedback_positive_fraction_user,feedback_positive_fraction_ai,impact_scope_user,impact_scope_ai,ai_applicability_score_user,ai_applicability_score_ai}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('working-with-ai/soc_metrics.csv');
    PERFORM pg_temp.require_soc_code('working-with-ai/soc_metrics.csv', 'soc_code');
    PERFORM pg_temp.require_number('working-with-ai/soc_metrics.csv', 'coverage_user', 0, 1);
    PERFORM pg_temp.require_unique('working-with-ai/soc_metrics.csv', 't.soc_code', 'SOC Code');
END $$;
CREATE TEMP TABLE coverage_match ON COMMIT DROP AS
SELECT o.onet_code, m.soc_code, m.coverage_user::float8 * 100 AS coverage_pct, false AS aggregate
  FROM pg_temp.new_occupation o
  JOIN pg_temp."working-with-ai/soc_metrics.csv" m ON m.soc_code = left(o.onet_code, 7)
UNION ALL
SELECT o.onet_code, m.soc_code, m.coverage_user::float8 * 100, true
  FROM pg_temp.new_occupation o
  JOIN pg_temp.nem n USING (onet_code)
  JOIN pg_temp."working-with-ai/soc_metrics.csv" m ON m.soc_code = n.nem_code
 WHERE NOT EXISTS (SELECT FROM pg_temp."working-with-ai/soc_metrics.csv" d WHERE d.soc_code = left(o.onet_code, 7));
CREATE TEMP TABLE new_occupation_usage ON COMMIT DROP AS
SELECT c.onet_code, 'working_with_ai_coverage'::text AS dataset, c.coverage_pct,
       CASE WHEN c.aggregate
            THEN format('BLS aggregate code %s (NEM crosswalk): one value for its %s O*NET occupations',
                        c.soc_code, count(*) OVER (PARTITION BY c.soc_code))
            WHEN count(*) OVER (PARTITION BY c.soc_code) = 1
            THEN format('SOC 2018 code %s, of this occupation alone', c.soc_code)
            ELSE format('SOC 2018 code %s: one value for its %s O*NET occupations',
                        c.soc_code, count(*) OVER (PARTITION BY c.soc_code))
       END AS match_quality
  FROM pg_temp.coverage_match c;
ALTER TABLE new_occupation_usage ADD PRIMARY KEY (onet_code, dataset);
SELECT pg_temp.progress('working-with-ai/soc_metrics.csv',
    (SELECT count(DISTINCT soc_code) FROM pg_temp.coverage_match),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'working-with-ai/soc_metrics.csv')
            - (SELECT count(DISTINCT soc_code) FROM pg_temp.coverage_match))::text,
           'SOC code of no O*NET occupation']],
    format('occupation_usage working_with_ai_coverage (coverage_user x 100) of %s occupations (%s of them through BLS aggregate codes)',
           (SELECT count(*) FROM pg_temp.new_occupation_usage),
           (SELECT count(*) FROM pg_temp.coverage_match WHERE aggregate)));

------------------------------------------------------------------------------
-- Frey & Osborne: probability of computerisation per SOC 2010 code
------------------------------------------------------------------------------

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
    PERFORM pg_temp.require_unique('frey-osborne/crosswalk_soc2010_to_soc2018.csv', 't.soc2010, t.soc2018', '(2010 SOC Code, 2018 SOC Code)');
END $$;

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

-- A 2010 code that BLS split gives its probability to each 2018 successor;
-- a 2018 code formed from several 2010 codes gets the mean of their
-- probabilities (for example 15-1252 Software Developers: the mean of
-- 15-1132 applications, 0.042, and 15-1133 systems software, 0.13).
CREATE TEMP TABLE frey_osborne_2018 ON COMMIT DROP AS
SELECT x.soc2018 AS soc_code, avg(f.probability::float8) AS probability, count(*) AS predecessors
  FROM pg_temp."frey-osborne/frey_osborne_automation_risk_index_clean.csv" f
  JOIN pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv" x ON x.soc2010 = f.soc2010
 GROUP BY x.soc2018;
INSERT INTO new_source_value
SELECT o.onet_code, 'frey_osborne', f.probability
  FROM pg_temp.new_occupation o JOIN pg_temp.frey_osborne_2018 f ON f.soc_code = left(o.onet_code, 7);
CREATE TEMP TABLE frey_osborne_use ON COMMIT DROP AS
SELECT f.soc2010,
       EXISTS (SELECT FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv" x
                WHERE x.soc2010 = f.soc2010) AS in_crosswalk,
       EXISTS (SELECT FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv" x
                JOIN pg_temp.new_occupation o ON left(o.onet_code, 7) = x.soc2018
               WHERE x.soc2010 = f.soc2010) AS used
  FROM pg_temp."frey-osborne/frey_osborne_automation_risk_index_clean.csv" f;
SELECT pg_temp.progress('frey-osborne/crosswalk_soc2010_to_soc2018.csv',
    (SELECT count(*) FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv" x
      WHERE EXISTS (SELECT FROM pg_temp.frey_osborne_use u WHERE u.soc2010 = x.soc2010)),
    ARRAY[[(SELECT count(*) FROM pg_temp."frey-osborne/crosswalk_soc2010_to_soc2018.csv" x
             WHERE NOT EXISTS (SELECT FROM pg_temp.frey_osborne_use u WHERE u.soc2010 = x.soc2010))::text,
           'no Frey & Osborne probability for the 2010 code']],
    NULL);
SELECT pg_temp.progress('frey-osborne/frey_osborne_automation_risk_index_clean.csv',
    (SELECT count(*) FROM pg_temp.frey_osborne_use WHERE used),
    ARRAY[[(SELECT count(*) FROM pg_temp.frey_osborne_use WHERE NOT in_crosswalk)::text,
           'code not in the SOC 2010 crosswalk: a BLS aggregate or an older code'],
          [(SELECT count(*) FROM pg_temp.frey_osborne_use WHERE in_crosswalk AND NOT used)::text,
           'no O*NET occupation for its 2018 codes']],
    format('frey_osborne of %s occupations (%s SOC 2018 codes, %s of them the mean of several 2010 codes)',
           (SELECT count(*) FROM pg_temp.new_source_value WHERE source = 'frey_osborne'),
           (SELECT count(*) FROM pg_temp.frey_osborne_2018 f
             WHERE EXISTS (SELECT FROM pg_temp.new_occupation o WHERE left(o.onet_code, 7) = f.soc_code)),
           (SELECT count(*) FROM pg_temp.frey_osborne_2018 f
             WHERE predecessors > 1
               AND EXISTS (SELECT FROM pg_temp.new_occupation o WHERE left(o.onet_code, 7) = f.soc_code))));

------------------------------------------------------------------------------
-- GPTs are GPTs: GPT-4 and human exposure labels per task
------------------------------------------------------------------------------

SELECT pg_temp.stage('gpts-are-gpts/full_labelset.tsv',
    '{index,code,task_id,task,task_type,title,human_exposure_agg,gpt4_exposure,gpt4_exposure_alt_rubric,gpt_3_relevant,gpt4_automation,alpha,beta,gamma,automation,human_labels}',
    '{"",O*NET-SOC Code,Task ID,Task,Task Type,Title,human_exposure_agg,gpt4_exposure,gpt4_exposure_alt_rubric,gpt_3_relevant,gpt4_automation,alpha,beta,gamma,automation,human_labels}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('gpts-are-gpts/full_labelset.tsv');
    PERFORM pg_temp.require_onet_code('gpts-are-gpts/full_labelset.tsv', 'code');
    -- Task IDs are written as floats (8823.0).
    PERFORM pg_temp.require_text('gpts-are-gpts/full_labelset.tsv', 'task_id', '^[0-9]{1,9}(\.0*)?$', 'a task ID');
    PERFORM pg_temp.require_text('gpts-are-gpts/full_labelset.tsv', 'gpt4_exposure', '^E[012]$', 'E0, E1 or E2');
    PERFORM pg_temp.require_text('gpts-are-gpts/full_labelset.tsv', 'human_exposure_agg', '^E[012]$', 'E0, E1 or E2');
    PERFORM pg_temp.require_unique('gpts-are-gpts/full_labelset.tsv', 't.code, t.task_id::numeric', 'task (O*NET-SOC Code, Task ID)');
END $$;

-- E1 (direct exposure) = 100, E2 (exposure given LLM-powered software) = 50,
-- E0 = 0: the labels' beta measure on the 0-100 exposure scale.
CREATE TEMP TABLE new_task_rating ON COMMIT DROP AS
SELECT l.code AS onet_code, l.task_id::numeric::integer AS task_id, r.rater,
       CASE r.label WHEN 'E1' THEN 100 WHEN 'E2' THEN 50 ELSE 0 END::float8 AS exposure
  FROM pg_temp."gpts-are-gpts/full_labelset.tsv" l
 CROSS JOIN LATERAL (VALUES ('gpt4', l.gpt4_exposure), ('human', l.human_exposure_agg)) AS r(rater, label)
 WHERE EXISTS (SELECT FROM pg_temp.new_task n WHERE n.onet_code = l.code AND n.task_id = l.task_id::numeric::integer);
SELECT pg_temp.progress('gpts-are-gpts/full_labelset.tsv',
    (SELECT count(*) / 2 FROM pg_temp.new_task_rating),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'gpts-are-gpts/full_labelset.tsv')
            - (SELECT count(*) / 2 FROM pg_temp.new_task_rating))::text, 'task not in O*NET 29.3']],
    format('%s task ratings (raters gpt4 and human) in %s occupations',
           (SELECT count(*) FROM pg_temp.new_task_rating),
           (SELECT count(DISTINCT onet_code) FROM pg_temp.new_task_rating)));

------------------------------------------------------------------------------
-- Anthropic Economic Index 2025-02-10: share of conversations per task text
------------------------------------------------------------------------------

SELECT pg_temp.stage('anthropic-economic-index/onet_task_mappings.csv',
    '{task_name,pct}', '{task_name,pct}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('anthropic-economic-index/onet_task_mappings.csv');
    PERFORM pg_temp.require_text('anthropic-economic-index/onet_task_mappings.csv', 'task_name', '\S', 'a task statement');
    PERFORM pg_temp.require_number('anthropic-economic-index/onet_task_mappings.csv', 'pct', 0, 100);
    PERFORM pg_temp.require_unique('anthropic-economic-index/onet_task_mappings.csv', 'lower(btrim(t.task_name))', 'task_name');
END $$;
-- Matched by text, lower-cased and trimmed: a statement can be the text of
-- tasks in several occupations, and each of them gets the share.
CREATE TEMP TABLE new_task_usage ON COMMIT DROP AS
SELECT n.onet_code, n.task_id, 'anthropic_2025_02_10'::text AS dataset, a.pct::float8 AS share_pct, a.line
  FROM pg_temp."anthropic-economic-index/onet_task_mappings.csv" a
  JOIN pg_temp.new_task n ON lower(btrim(n.description)) = lower(btrim(a.task_name));
SELECT pg_temp.progress('anthropic-economic-index/onet_task_mappings.csv',
    (SELECT count(DISTINCT line) FROM pg_temp.new_task_usage),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'anthropic-economic-index/onet_task_mappings.csv')
            - (SELECT count(DISTINCT line) FROM pg_temp.new_task_usage))::text,
           'no O*NET 29.3 task has this text']],
    format('task_usage of %s tasks in %s occupations',
           (SELECT count(*) FROM pg_temp.new_task_usage),
           (SELECT count(DISTINCT onet_code) FROM pg_temp.new_task_usage)));

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

------------------------------------------------------------------------------
-- Apply: replace the loader's rows
------------------------------------------------------------------------------

INSERT INTO airesilience.category (category, title)
SELECT category, title FROM pg_temp.new_category
ON CONFLICT (category) DO UPDATE SET title = EXCLUDED.title
WHERE airesilience.category.title IS DISTINCT FROM EXCLUDED.title;

DELETE FROM airesilience.occupation o
 WHERE NOT EXISTS (SELECT FROM pg_temp.new_occupation n WHERE n.onet_code = o.onet_code);
INSERT INTO airesilience.occupation (onet_code, title, category, description, job_zone)
SELECT onet_code, title, category, description, job_zone FROM pg_temp.new_occupation
ON CONFLICT (onet_code) DO UPDATE
   SET title = EXCLUDED.title, category = EXCLUDED.category,
       description = EXCLUDED.description, job_zone = EXCLUDED.job_zone
 WHERE (airesilience.occupation.title, airesilience.occupation.category,
        airesilience.occupation.description, airesilience.occupation.job_zone)
       IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.category, EXCLUDED.description, EXCLUDED.job_zone);

DELETE FROM airesilience.task t
 WHERE NOT EXISTS (SELECT FROM pg_temp.new_task n WHERE n.onet_code = t.onet_code AND n.task_id = t.task_id);
INSERT INTO airesilience.task (onet_code, task_id, description, task_type, importance, relevance, frequency)
SELECT onet_code, task_id, description, task_type, importance, relevance, frequency FROM pg_temp.new_task
ON CONFLICT (onet_code, task_id) DO UPDATE
   SET description = EXCLUDED.description, task_type = EXCLUDED.task_type,
       importance = EXCLUDED.importance, relevance = EXCLUDED.relevance, frequency = EXCLUDED.frequency
 WHERE (airesilience.task.description, airesilience.task.task_type, airesilience.task.importance,
        airesilience.task.relevance, airesilience.task.frequency)
       IS DISTINCT FROM (EXCLUDED.description, EXCLUDED.task_type, EXCLUDED.importance,
                         EXCLUDED.relevance, EXCLUDED.frequency);

DELETE FROM airesilience.occupation_skill;
INSERT INTO airesilience.occupation_skill (onet_code, skill_id, skill_name, importance, level)
SELECT onet_code, skill_id, skill_name, importance, level FROM pg_temp.new_skill;

DELETE FROM airesilience.related_occupation;
INSERT INTO airesilience.related_occupation (onet_code, related_code, tier, rank)
SELECT code, related_code, lower(tier), index::smallint FROM pg_temp."onet/Related Occupations.txt";

DELETE FROM airesilience.task_activity;
DELETE FROM airesilience.work_activity;
INSERT INTO airesilience.work_activity (dwa_id, dwa_title, iwa_id, iwa_title, gwa_id, gwa_title)
SELECT dwa_id, dwa_title, iwa_id, iwa_title, gwa_id, gwa_title FROM pg_temp.new_work_activity;
INSERT INTO airesilience.task_activity (onet_code, task_id, dwa_id)
SELECT code, task_id::integer, dwa_id FROM pg_temp."onet/Tasks to DWAs.tsv";

INSERT INTO airesilience.rater (rater, kind, description) VALUES
    ('gpt4', 'model', 'GPT-4''s exposure label of the task, main rubric of "GPTs are GPTs" (Eloundou et al., 2023): E0 = 0, E2 = 50, E1 = 100'),
    ('human', 'human', 'The aggregated label of the human annotators of "GPTs are GPTs" (Eloundou et al., 2023): E0 = 0, E2 = 50, E1 = 100')
ON CONFLICT (rater) DO UPDATE SET kind = EXCLUDED.kind, description = EXCLUDED.description;
DELETE FROM airesilience.task_rating WHERE rater IN ('gpt4', 'human');
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure)
SELECT onet_code, task_id, rater, exposure FROM pg_temp.new_task_rating;

DELETE FROM airesilience.task_usage WHERE dataset = 'anthropic_2025_02_10';
INSERT INTO airesilience.task_usage (onet_code, task_id, dataset, share_pct)
SELECT onet_code, task_id, dataset, share_pct FROM pg_temp.new_task_usage;

-- The usage datasets, registered so that potential_adoption_report counts
-- them as adoption evidence.
INSERT INTO airesilience.usage_dataset (dataset, title, level, match_method, description, url) VALUES
    ('anthropic_2025_02_10', 'Anthropic Economic Index 2025-02-10: Claude.ai conversations per task', 'task',
     'exact task text (lower-cased, trimmed) to O*NET 29.3',
     'Share of Claude.ai conversations mapped to each O*NET task statement (Handa et al., 2025); a task with a share above 0 has observed usage',
     'https://huggingface.co/datasets/Anthropic/EconomicIndex'),
    ('working_with_ai_coverage', 'Microsoft Working with AI: coverage of user goals', 'occupation',
     'SOC 2018 code to its O*NET occupations (BLS aggregate codes through the NEM crosswalk)',
     'coverage_user x 100: the importance- and relevance-weighted share of the occupation''s work activities (IWAs) that users sought help with in more than 0.05 % of Bing Copilot conversations (Tomlinson et al., 2025)',
     'https://github.com/microsoft/working-with-ai')
ON CONFLICT (dataset) DO UPDATE
   SET title = EXCLUDED.title, level = EXCLUDED.level, match_method = EXCLUDED.match_method,
       description = EXCLUDED.description, url = EXCLUDED.url
 WHERE (airesilience.usage_dataset.title, airesilience.usage_dataset.level, airesilience.usage_dataset.match_method,
        airesilience.usage_dataset.description, airesilience.usage_dataset.url)
       IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.level, EXCLUDED.match_method, EXCLUDED.description, EXCLUDED.url);
DELETE FROM airesilience.occupation_usage WHERE dataset = 'working_with_ai_coverage';
INSERT INTO airesilience.occupation_usage (onet_code, dataset, coverage_pct, match_quality)
SELECT onet_code, dataset, coverage_pct, match_quality FROM pg_temp.new_occupation_usage;

-- Alternate titles: the loader's sources are replaced; a name someone added
-- by hand (another source) stays, and the loader does not add it again.
DELETE FROM airesilience.occupation_alias WHERE source IN ('bls_ooh', 'bls_projections', 'frey_osborne');
INSERT INTO airesilience.occupation_alias (onet_code, alias, source)
SELECT onet_code, alias, source FROM pg_temp.new_alias
ON CONFLICT DO NOTHING;
SELECT format('occupation_alias: %s alternate titles of %s occupations (bls_ooh %s, bls_projections %s, frey_osborne %s); %s names equal to the O*NET title or named by an earlier source not kept, %s already added by hand',
              (SELECT count(*) FROM airesilience.occupation_alias WHERE source IN ('bls_ooh', 'bls_projections', 'frey_osborne')),
              (SELECT count(DISTINCT onet_code) FROM airesilience.occupation_alias WHERE source IN ('bls_ooh', 'bls_projections', 'frey_osborne')),
              (SELECT count(*) FROM airesilience.occupation_alias WHERE source = 'bls_ooh'),
              (SELECT count(*) FROM airesilience.occupation_alias WHERE source = 'bls_projections'),
              (SELECT count(*) FROM airesilience.occupation_alias WHERE source = 'frey_osborne'),
              (SELECT count(*) FROM pg_temp.named) - (SELECT count(*) FROM pg_temp.new_alias),
              (SELECT count(*) FROM pg_temp.new_alias) - (SELECT count(*) FROM airesilience.occupation_alias
                                                          WHERE source IN ('bls_ooh', 'bls_projections', 'frey_osborne')));

INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, description, url) VALUES
    ('working_with_ai', 'Microsoft Working with AI: AI applicability', 'exposure', 0, 1,
     'How much of an occupation''s work activities AI already helps with or performs in Bing Copilot conversations (Tomlinson et al., 2025), per 6-digit SOC code',
     'https://github.com/microsoft/working-with-ai'),
    ('digital_exposure', 'Digital AI exposure (karpathy/jobs, BLS OOH)', 'exposure', 0, 10,
     'A language model''s 0-10 rating of how much current digital AI will reshape the occupation, per Occupational Outlook Handbook profile',
     'https://github.com/karpathy/jobs'),
    ('frey_osborne', 'Frey & Osborne: probability of computerisation', 'exposure', 0, 1,
     'Estimated probability that the occupation can be computerised (Frey and Osborne, 2013/2017), SOC 2010 codes carried to SOC 2018 through the BLS crosswalk',
     'https://doi.org/10.1016/j.techfore.2016.08.019')
ON CONFLICT (source) DO UPDATE
   SET title = EXCLUDED.title, orientation = EXCLUDED.orientation, scale_min = EXCLUDED.scale_min,
       scale_max = EXCLUDED.scale_max, normalization = EXCLUDED.normalization, derived = EXCLUDED.derived,
       description = EXCLUDED.description, url = EXCLUDED.url;
DELETE FROM airesilience.source_value WHERE source IN ('working_with_ai', 'digital_exposure', 'frey_osborne');
INSERT INTO airesilience.source_value (onet_code, source, raw_value)
SELECT onet_code, source, raw_value FROM pg_temp.new_source_value;

DELETE FROM airesilience.labor_stats;
INSERT INTO airesilience.labor_stats (soc_code, median_wage, median_wage_topcoded, employment, employment_projected,
                                      annual_openings, growth_pct, entry_education, work_experience)
SELECT soc_code, median_wage, median_wage_topcoded, employment, employment_projected,
       annual_openings, growth_pct, entry_education, work_experience
  FROM pg_temp.new_labor_stats;

SELECT format('loaded %s occupations (%s with tasks), %s tasks, %s task ratings, %s source values, %s labor_stats rows, %s categories',
              (SELECT count(*) FROM airesilience.occupation),
              (SELECT count(DISTINCT onet_code) FROM airesilience.task),
              (SELECT count(*) FROM airesilience.task),
              (SELECT count(*) FROM airesilience.task_rating),
              (SELECT count(*) FROM airesilience.source_value),
              (SELECT count(*) FROM airesilience.labor_stats),
              (SELECT count(*) FROM airesilience.category));

-- Every category gets a seniority curve, so that seniority_report has rows
-- for the public data; a curve that exists (written by hand, or a default
-- of an earlier load) is never replaced.
SELECT count(*) AS curves_before FROM airesilience.seniority_curve \gset
SELECT format('seniority_curve: %s default curves installed, %s curves there before kept (%s categories)',
              airesilience.install_default_seniority_curves(), :curves_before,
              (SELECT count(*) FROM airesilience.category));

COMMIT;

-- Planner statistics for the new rows, now rather than when autovacuum next
-- comes by: the report views are planned from them.  Without them the first
-- queries after a load misjudge the tables (a never-analyzed table counts
-- as at least ten pages, its groups as a guess) and sort and hash where the
-- primary keys would stream: on the public data, every report row of every
-- occupation (bench/reports.sql) takes 0.85 s instead of 0.55 s.  Every
-- table of the extension, as triggers refreshed the derived ones.
DO $$
BEGIN
    EXECUTE (SELECT 'ANALYZE ' || string_agg(c.oid::regclass::text, ', ' ORDER BY c.relname)
               FROM pg_catalog.pg_class c
              WHERE c.relnamespace = 'airesilience'::regnamespace
                AND c.relkind = 'r');
END
$$;
