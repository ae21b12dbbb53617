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
--   1. Agreement grade from the iqr:  below 19 -> High, below 27 ->
--      Medium-high, below 33 -> Medium, below 39 -> Low-medium, else Low.
--   2. Fewer than 4 sources lower the level one step per missing source
--      (3 sources: at best Medium-high; 2 sources: at best Medium).
--   3. One source, or none (n = 0 or NULL: the NULL consensus of no rows),
--      is Low whatever the iqr: there is nothing to agree with.  A NULL iqr
--      with n >= 2 counts as the widest disagreement.
--   Negative n, negative iqr and NaN are errors (22023); +Infinity is an
--   iqr like any other (the widest).
--
-- Where the thresholds come from: the public data (scripts/load-public.sh on
-- ../shared/data: O*NET 29.3 with the sources task_model, working_with_ai,
-- digital_exposure and frey_osborne, each normalized linearly), consensus of
-- airesilience.source_report per occupation:
--
--   occupations 1016: 573 with 4 sources, 334 with 3, 38 with 2, 23 with 1,
--   48 with none.
--   iqr quintiles (P20 / P40 / P60 / P80), by number of sources:
--     4 sources  18.99 / 26.65 / 32.91 / 39.34   (median 29.19, mean 29.49)
--     3 sources  16.15 / 20.15 / 27.14 / 38.64
--     2 sources   2.31 /  6.87 / 10.42 / 17.31
--   The 4-source distribution is unimodal (mode 25-30 points) with no
--   natural break; only 27 of the 573 have an iqr below 10.
--
-- So the bands are the quintiles among the occupations with every source,
-- rounded to whole points: each level then holds a fifth of those
-- occupations (115 / 119 / 113 / 105 / 121).  An absolute cut such as "iqr
-- below 10 is High" would call almost nothing High: the sources measure
-- different things on different native scales, so even occupations on which
-- they agree best lie some 15-20 points apart, and a grade relative to all
-- occupations (as page 000 ranks its sources by percentile) is what tells
-- an occupation whose sources agree from one whose sources do not.  Fewer
-- sources are less evidence, and their iqr a weaker measure of agreement:
-- with 2 or 3 scores it is half their range, so a single source moves it by
-- half its own distance from the others (a quarter or less with 4).  Hence
-- one step down per missing source, and Low for a single source.  Over all
-- 1016 occupations: High 115 (11.3 %), Medium-high 238 (23.4 %), Medium 223
-- (21.9 %), Low-medium 148 (14.6 %), Low 292 (28.7 %).
--
-- The figures depend on how sources are normalized: with every source as a
-- percentile rank among occupations the 4-source quintiles would be 12.70 /
-- 18.01 / 22.66 / 29.27.  Recompute them after such a change with
--   SELECT (c).n, percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY (c).iqr)
--   FROM (SELECT airesilience.source_consensus(score) AS c
--         FROM airesilience.source_report GROUP BY onet_code) s
--   GROUP BY (c).n;
CREATE FUNCTION airesilience.consensus_confidence(n bigint, iqr float8)
RETURNS text
AS 'MODULE_PATHNAME', 'consensus_confidence'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.consensus_confidence(bigint, float8) IS
    'Confidence in a consensus of n source scores with interquartile range iqr (0-100 scale): High, Medium-high, Medium, Low-medium or Low';
