-- source_consensus(score): how an occupation's source scores agree, and
-- consensus_confidence(n, iqr): the confidence level that supports
-- (see src/consensus.c).

CREATE TYPE airesilience.consensus AS (
    median  float8,
    n       bigint,
    q1      float8,
    q3      float8,
    iqr     float8,
    min     float8,
    max     float8
);
COMMENT ON TYPE airesilience.consensus IS
    'Summary of a set of scores, as source_consensus returns it';
COMMENT ON COLUMN airesilience.consensus.median IS 'Median, = percentile_cont(0.5) WITHIN GROUP (ORDER BY score)';
COMMENT ON COLUMN airesilience.consensus.n IS 'Number of scores (NULLs are skipped)';
COMMENT ON COLUMN airesilience.consensus.q1 IS 'First quartile, = percentile_cont(0.25) WITHIN GROUP (ORDER BY score)';
COMMENT ON COLUMN airesilience.consensus.q3 IS 'Third quartile, = percentile_cont(0.75) WITHIN GROUP (ORDER BY score)';
COMMENT ON COLUMN airesilience.consensus.iqr IS 'Interquartile range, q3 - q1: 0 when the scores agree';
COMMENT ON COLUMN airesilience.consensus.min IS 'Smallest score';
COMMENT ON COLUMN airesilience.consensus.max IS 'Largest score';

CREATE FUNCTION airesilience.source_consensus_finalfn(internal)
RETURNS airesilience.consensus
AS 'MODULE_PATHNAME', 'source_consensus_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_consensus_finalfn(internal) IS
    'Final function of source_consensus: selects the quartile rows in linear time; NULL for no scores';

-- The state, and every support function but the final one, are
-- source_median's: a query computing both aggregates over the same scores
-- keeps one state per group.  FINALFUNC_MODIFY = READ_ONLY as there: the
-- final function permutes the array, but the multiset of scores it stands
-- for is unchanged.
CREATE AGGREGATE airesilience.source_consensus(score float8) (
    SFUNC = airesilience.source_median_transfn,
    STYPE = internal,
    SSPACE = 144,
    FINALFUNC = airesilience.source_consensus_finalfn,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = airesilience.source_median_combinefn,
    SERIALFUNC = airesilience.source_median_serialfn,
    DESERIALFUNC = airesilience.source_median_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE airesilience.source_consensus(float8) IS
    'Median, count, quartiles, interquartile range, min and max of the scores (quartiles as percentile_cont); skips NULLs, NULL for no rows, rejects NaN; linear time, parallel';

-- consensus_confidence(n, iqr): the confidence level of a consensus of n
-- source scores whose interquartile range is iqr (0-100 scale).
--
--   1. Agreement grade from the iqr:  below 13 -> High, below 18 ->
--      Medium-high, below 22 -> Medium, below 28 -> Low-medium, else Low.
--   2. Fewer than 4 sources lower the level one step per missing source
--      (3 sources: at best Medium-high; 2 sources: at best Medium).
--   3. One source, or none (n = 0 or NULL: the NULL consensus of no rows),
--      is Low whatever the iqr: there is nothing to agree with.  A NULL iqr
--      with n >= 2 counts as the widest disagreement.
--   Negative n, negative iqr and NaN are errors (22023); +Infinity is an
--   iqr like any other (the widest).
--
-- Where the thresholds come from (the method of release 0.1.0, applied to
-- the scores of release 0.2.0): the public data (scripts/load-public.sh on
-- ../shared/data: O*NET 29.3 with the sources task_model, working_with_ai,
-- digital_exposure and frey_osborne, each scored by its mid-rank percentile
-- among occupations), consensus of airesilience.source_report per
-- occupation, the quintiles of the iqr among the occupations with all four
-- sources, rounded to whole points:
--
--   occupations 1016: 579 with 4 sources, 332 with 3, 37 with 2, 22 with 1,
--   46 with none.
--   iqr quintiles (P20 / P40 / P60 / P80), by number of sources:
--     4 sources  12.78 / 18.35 / 22.12 / 28.39
--     3 sources   9.74 / 16.15 / 23.37 / 31.33
--     2 sources   5.57 / 10.59 / 17.76 / 21.75
--
-- So each level holds about a fifth of the occupations with every source.
-- An absolute cut such as "iqr below 10 is High" would call almost nothing
-- High: the sources measure different things, so even occupations on which
-- they agree best lie some 10 percentile points apart, and a grade relative
-- to all occupations is what tells an occupation whose sources agree from
-- one whose sources do not.  Fewer sources are less evidence, and their iqr
-- a weaker measure of agreement: with 2 or 3 scores it is half their range,
-- so a single source moves it by half its own distance from the others (a
-- quarter or less with 4).  Hence one step down per missing source, and Low
-- for a single source.
--
-- Release 0.1.0 scored the sources linearly on their native scales, which
-- spread the scores wider, and cut at 19 / 27 / 33 / 39; that grading stays
-- in the library for databases on 0.1.0 (src/consensus.c).  Recompute the
-- bands after a change of sources or normalization with
--   SELECT (c).n, percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY (c).iqr)
--   FROM (SELECT airesilience.source_consensus(score) AS c
--         FROM airesilience.source_report GROUP BY onet_code) s
--   GROUP BY (c).n;
-- and give them to consensus_confidence_banded() below.
CREATE FUNCTION airesilience.consensus_confidence_banded(n bigint, iqr float8, bands float8[], full_count integer)
RETURNS text
AS 'MODULE_PATHNAME', 'consensus_confidence_banded'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.consensus_confidence_banded(bigint, float8, float8[], integer) IS
    'Confidence in a consensus of n source scores with interquartile range iqr: High below bands[1], Medium-high below bands[2], Medium below bands[3], Low-medium below bands[4], else Low; one level lower per source fewer than full_count; Low for one source or none; bad n, iqr, bands or full_count -> 22023';

CREATE FUNCTION airesilience.consensus_confidence(n bigint, iqr float8)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT airesilience.consensus_confidence_banded(n, iqr, '{13,18,22,28}'::float8[], 4);
END;
COMMENT ON FUNCTION airesilience.consensus_confidence(bigint, float8) IS
    'Confidence in a consensus of n source scores with interquartile range iqr (0-100 scale): High, Medium-high, Medium, Low-medium or Low (bands 13 / 18 / 22 / 28, 4 sources for High)';

-- For ordering and filtering by confidence: 5 for High down to 1 for Low.
CREATE FUNCTION airesilience.confidence_rank(confidence text)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE confidence
               WHEN 'High' THEN 5
               WHEN 'Medium-high' THEN 4
               WHEN 'Medium' THEN 3
               WHEN 'Low-medium' THEN 2
               WHEN 'Low' THEN 1
           END;
END;
COMMENT ON FUNCTION airesilience.confidence_rank(text) IS
    'Order of a confidence level: High 5, Medium-high 4, Medium 3, Low-medium 2, Low 1; anything else NULL (ORDER BY confidence_rank(confidence) DESC, source_median DESC)';
