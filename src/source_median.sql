
-- source_median(score): the exact median, equal to percentile_cont(0.5)
-- WITHIN GROUP (ORDER BY score) bit for bit, found by selection rather than
-- sorting and able to run in parallel (see src/source_median.c).

-- Not strict: a strict transition function never sees the first row of a
-- group, which would then escape validation.
CREATE FUNCTION airesilience.source_median_transfn(internal, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'source_median_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_median_transfn(internal, float8) IS
    'Transition function of source_median: rejects NaN, skips NULL and appends the score to the group''s array';

CREATE FUNCTION airesilience.source_median_combinefn(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'source_median_combinefn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_median_combinefn(internal, internal) IS
    'Combine function of source_median: appends one partial state''s scores to the other''s';

CREATE FUNCTION airesilience.source_median_serialfn(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'source_median_serialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_median_serialfn(internal) IS
    'Serialization function of source_median: state to a bytea of format version, count and scores';

CREATE FUNCTION airesilience.source_median_deserialfn(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'source_median_deserialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_median_deserialfn(bytea, internal) IS
    'Deserialization function of source_median: validates a serialized state (length, version, count, no NaN) and rebuilds it';

CREATE FUNCTION airesilience.source_median_finalfn(internal)
RETURNS float8
AS 'MODULE_PATHNAME', 'source_median_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_median_finalfn(internal) IS
    'Final function of source_median: selects the middle value(s) in linear time, NULL for no scores';

-- SSPACE: a new group's state is one 128-byte chunk (14 values) plus the
-- allocator's chunk header; source and rater groups rarely outgrow it.
-- FINALFUNC_MODIFY = READ_ONLY: the final function permutes the array, but
-- the state stands for the multiset of scores, which it leaves unchanged, so
-- the aggregate may go on after a final call and works as a window function.
CREATE AGGREGATE airesilience.source_median(score float8) (
    SFUNC = airesilience.source_median_transfn,
    STYPE = internal,
    SSPACE = 144,
    FINALFUNC = airesilience.source_median_finalfn,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = airesilience.source_median_combinefn,
    SERIALFUNC = airesilience.source_median_serialfn,
    DESERIALFUNC = airesilience.source_median_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE airesilience.source_median(float8) IS
    'Exact median of the scores, equal to percentile_cont(0.5) WITHIN GROUP (ORDER BY score); skips NULLs, NULL for no rows, rejects NaN; linear time, parallel';
