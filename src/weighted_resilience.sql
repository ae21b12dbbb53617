
-- weighted_resilience(score, weight): sum(score * weight) / sum(weight), an
-- occupation's task resilience.  Both sums are kept in double-double
-- precision, so the result is the correctly rounded mean whatever the row
-- order or the parallel plan (see src/weighted_resilience.c).

-- Not strict: a strict transition function never sees the first row of a
-- group, which would then escape validation.
CREATE FUNCTION airesilience.weighted_resilience_transfn(internal, float8, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_resilience_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.weighted_resilience_transfn(internal, float8, float8) IS
    'Transition function of weighted_resilience: validates a row and adds it to the double-double sums';

CREATE FUNCTION airesilience.weighted_resilience_combinefn(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_resilience_combinefn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.weighted_resilience_combinefn(internal, internal) IS
    'Combine function of weighted_resilience: merges two partial states';

CREATE FUNCTION airesilience.weighted_resilience_serialfn(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'weighted_resilience_serialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.weighted_resilience_serialfn(internal) IS
    'Serialization function of weighted_resilience: state to a versioned 52-byte bytea';

CREATE FUNCTION airesilience.weighted_resilience_deserialfn(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_resilience_deserialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.weighted_resilience_deserialfn(bytea, internal) IS
    'Deserialization function of weighted_resilience: validates and rebuilds a state';

CREATE FUNCTION airesilience.weighted_resilience_finalfn(internal)
RETURNS float8
AS 'MODULE_PATHNAME', 'weighted_resilience_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.weighted_resilience_finalfn(internal) IS
    'Final function of weighted_resilience: the correctly rounded weighted mean, NULL for zero total weight';

CREATE AGGREGATE airesilience.weighted_resilience(score float8, weight float8) (
    SFUNC = airesilience.weighted_resilience_transfn,
    STYPE = internal,
    SSPACE = 48,
    FINALFUNC = airesilience.weighted_resilience_finalfn,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = airesilience.weighted_resilience_combinefn,
    SERIALFUNC = airesilience.weighted_resilience_serialfn,
    DESERIALFUNC = airesilience.weighted_resilience_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE airesilience.weighted_resilience(float8, float8) IS
    'Weighted mean of scores 0-100: sum(score * weight) / sum(weight), correctly rounded; skips rows with a NULL, NULL when the weights sum to 0';
