-- The install script's last steps: drop the install-time helpers, take
-- EXECUTE on every function from PUBLIC (src/access.sql says who gets it)
-- and give the planner statistics for the built-in tables.

DROP FUNCTION airesilience.create_maintenance_triggers(regclass, text, regproc, text);

-- Functions are EXECUTE for PUBLIC when created; none of the extension's is.
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA airesilience FROM PUBLIC;

-- Planner statistics for the tables CREATE EXTENSION fills with built-in
-- rows: sources, label schemes, seniority levels, signals, presets and their
-- weights, exposure vectors and the activity map.
--
-- A table that was never analyzed counts, for the planner, as at least ten
-- pages of rows: each of these tables, one page of a few rows, is taken for
-- hundreds.  The report views cross every occupation with them, so until
-- the data is analyzed (right after a load, before autovacuum comes by) the
-- estimates multiply: on the public data composite_report was costed at
-- 900,000, exposure_vector_report at 5.7 million and seniority_report at
-- 7.5 million, past jit_above_cost (100,000) and the thresholds for
-- inlining and optimization (500,000), and compiling each query took longer
-- than running it (some 0.5 s each).  Analyzed here, the tables count as the
-- rows they hold, and keep that density for as long as they keep their one
-- page: the same views are costed at 11,000 at most.
ANALYZE airesilience.source, airesilience.label_scheme, airesilience.seniority_level,
        airesilience.signal, airesilience.composite_preset, airesilience.composite_weight,
        airesilience.exposure_vector, airesilience.activity_vector;
