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
-- One file per dataset (loader/<dataset>.sql), read in this order: each
-- stages its files, checks them and computes its rows into temporary
-- tables; apply.sql then replaces the loader's rows.  \ir names them
-- relative to this file, whatever the working directory.
------------------------------------------------------------------------------

\ir helpers.sql
\ir onet.sql
\ir onet_task_ratings.sql
\ir soc_crosswalk.sql
\ir onet_predecessor.sql
\ir bls_nem_crosswalk.sql
\ir bls_ooh.sql
\ir bls_projections.sql
\ir working_with_ai.sql
\ir frey_osborne.sql
\ir gpts_are_gpts.sql
\ir anthropic_economic_index.sql
\ir aliases.sql
\ir apply.sql

COMMIT;

-- Planner statistics for the new rows, now rather than when autovacuum next
-- comes by: the report views are planned from them.  Without them the first
-- queries after a load misjudge the tables (a never-analyzed table counts
-- as at least ten pages, its groups as a guess) and sort and hash where the
-- primary keys would stream: on the public data, every report row of every
-- occupation (bench/reports.sql) takes 0.85 s instead of 0.55 s.  Every
-- table of the extension, as triggers refreshed the derived ones; but only
-- a table's owner may ANALYZE it (before PostgreSQL 17), so a steward who
-- does not own them leaves them to autovacuum, and is told so.
DO $$
DECLARE
    owned text := (SELECT pg_catalog.string_agg(c.oid::regclass::text, ', ' ORDER BY c.relname)
                     FROM pg_catalog.pg_class c
                    WHERE c.relnamespace = 'airesilience'::regnamespace
                      AND c.relkind = 'r'
                      AND pg_catalog.pg_has_role(c.relowner, 'USAGE'));
BEGIN
    IF owned IS NOT NULL THEN
        EXECUTE 'ANALYZE ' || owned;
    END IF;
END
$$;
SELECT format('analyze: %s tables left to autovacuum, as only their owner may ANALYZE them', count(*))
  FROM pg_catalog.pg_class c
 WHERE c.relnamespace = 'airesilience'::regnamespace
   AND c.relkind = 'r'
   AND NOT pg_catalog.pg_has_role(c.relowner, 'USAGE')
HAVING count(*) > 0;
