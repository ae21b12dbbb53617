/*
 * weighted_resilience.c
 *		The aggregate weighted_resilience(score, weight) = sum(score * weight) /
 *		sum(weight): an occupation's task resilience from its tasks' scores.
 *
 * A plain float8 sum depends on the order rows arrive in and on how parallel
 * workers split them, so the same data could give different last digits from
 * one plan to the next.  Here both sums are double-double values (hi + lo,
 * about 106 significant bits): every product enters exactly (fma() yields its
 * rounding error), every addition is error-free TwoSum followed by
 * renormalization, and the final function divides the two sums with one
 * fma-based correction step.  All terms are non-negative, so nothing cancels:
 * each addition loses at most about 2^-105 of the total, n rows about
 * n * 2^-105.  The float8 result is therefore the correctly rounded weighted
 * mean, the same for every order and every parallel split, unless the exact
 * mean lies within that relative distance of a midpoint between two doubles
 * (2^-75 for a billion rows: astronomically rare).  This relies on IEEE double
 * arithmetic rounding to nearest, as on every platform PostgreSQL supports,
 * and on the compiler not fusing a * b + c on its own: harmless with x86-64's
 * default flags, but where FMA is in the base instruction set (aarch64,
 * ppc64le) the module must be built with -ffp-contract=off.
 *
 * Products below 2^-900 would lose their low bits to underflow (fma's error
 * term would be subnormal), so those rare rows are summed apart, scaled up by
 * 2^1600.  Sums of weights need no such care: additions never lose bits to
 * underflow.  The one accuracy exception left is a mean below 2^-1022, which
 * rounds twice.
 *
 * The state is a fixed-size struct in the aggregate memory context, so hash
 * aggregation over many groups costs 48 bytes a group.  It serializes to a
 * versioned, fixed-size bytea for parallel aggregation.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "common/shortest_dec.h"
#include "fmgr.h"
#include "port/pg_bswap.h"

#include "compat.h"

/* Products below this go to the scaled sum; see the file header. */
#define TINY_PRODUCT		0x1p-900
/* Scores and weights of those rows are scaled by these powers of two. */
#define TINY_SCORE_SCALE	0x1p1000
#define TINY_WEIGHT_SCALE	0x1p600
#define TINY_SCALE_LOG2		1600

/* Serialized state: a version word, then the six float8 fields. */
#define STATE_FORMAT_VERSION	1
#define SERIALIZED_STATE_SIZE	(sizeof(uint32) + 6 * sizeof(uint64))

/* An unevaluated sum hi + lo with |lo| <= ulp(hi) / 2. */
typedef struct DoubleDouble
{
	double		hi;
	double		lo;
} DoubleDouble;

typedef struct WeightedMeanState
{
	DoubleDouble weighted_sum;	/* sum of score * weight >= TINY_PRODUCT */
	DoubleDouble tiny_weighted_sum; /* sum of the smaller products, scaled
									 * by 2^TINY_SCALE_LOG2 */
	DoubleDouble weight_sum;	/* sum of weight */
} WeightedMeanState;

PG_FUNCTION_INFO_V1(weighted_resilience_transfn);
PG_FUNCTION_INFO_V1(weighted_resilience_combinefn);
PG_FUNCTION_INFO_V1(weighted_resilience_serialfn);
PG_FUNCTION_INFO_V1(weighted_resilience_deserialfn);
PG_FUNCTION_INFO_V1(weighted_resilience_finalfn);

/*
 * acc += hi + lo, for a non-negative double-double hi + lo.  TwoSum gives the
 * exact error of acc->hi + hi; the low parts join it in plain arithmetic,
 * which with nothing to cancel loses at most about 2^-105 of the total; and
 * FastTwoSum renormalizes.
 */
static inline void
dd_add(DoubleDouble *acc, double hi, double lo)
{
	double		sum = acc->hi + hi;
	double		hi_part = sum - acc->hi;
	double		err = (acc->hi - (sum - hi_part)) + (hi - hi_part);

	err += acc->lo + lo;
	acc->hi = sum + err;
	acc->lo = err - (acc->hi - sum);
}

/* acc += x for a non-negative double x */
static inline void
dd_add_double(DoubleDouble *acc, double x)
{
	double		sum = acc->hi + x;
	double		x_part = sum - acc->hi;
	double		err = (acc->hi - (sum - x_part)) + (x - x_part);

	err += acc->lo;
	acc->hi = sum + err;
	acc->lo = err - (acc->hi - sum);
}

/*
 * num / den correctly rounded (see the file header for the fine print),
 * times 2^num_scale_log2.  num and den must be finite, den > 0, num >= 0.
 */
static double
dd_divide(DoubleDouble num, int num_scale_log2, DoubleDouble den)
{
	int			num_exp;
	int			den_exp;
	double		num_hi,
				num_lo,
				den_hi,
				den_lo;
	double		quotient;
	double		remainder;

	if (num.hi == 0.0)
		return 0.0;

	/*
	 * Scale both to [1, 2) so that the remainder below neither underflows nor
	 * overflows; multiplying by powers of two is exact here.
	 */
	num_exp = ilogb(num.hi);
	den_exp = ilogb(den.hi);
	num_hi = ldexp(num.hi, -num_exp);
	num_lo = ldexp(num.lo, -num_exp);
	den_hi = ldexp(den.hi, -den_exp);
	den_lo = ldexp(den.lo, -den_exp);

	quotient = num_hi / den_hi;

	/*
	 * The remainder of a correctly rounded division is representable, so the
	 * first fma is exact; the low parts then contribute terms about 2^-53
	 * times smaller, whose rounding no longer matters.
	 */
	remainder = fma(-quotient, den_hi, num_hi);
	remainder = fma(-quotient, den_lo, remainder + num_lo);
	quotient += remainder / den_hi;

	return ldexp(quotient, num_exp - den_exp + num_scale_log2);
}

/*
 * Reports why a row failed validation.  Kept out of line: it never returns.
 * Values are printed in shortest round-trip form, so 100.00000000000001 does
 * not show up as 100.
 */
static pg_noinline void
reject_row(double score, double weight)
{
	if (isnan(score))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("score NaN is not a valid resilience score"),
				 errdetail("Scores must be numbers from 0 to 100.")));
	if (!(score >= 0.0 && score <= 100.0))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("score %s is outside the range 0 to 100",
						double_to_shortest_decimal(score)),
				 errdetail("Scores must be numbers from 0 to 100.")));
	if (isnan(weight) || isinf(weight))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weight %s is not a finite number",
						double_to_shortest_decimal(weight)),
				 errdetail("Weights must be finite and zero or positive.")));
	if (weight < 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("weight %s is negative", double_to_shortest_decimal(weight)),
				 errdetail("Weights must be finite and zero or positive.")));
	elog(ERROR, "weighted_resilience rejected a valid row");
}

/*
 * The sums turn infinite (or NaN, once TwoSum meets infinity) when they
 * exceed float8, and stay so: checking when a state is passed on or finished,
 * rather than per row, suffices.  The scaled sum of tiny products grows by
 * less than 2^700 a row and cannot overflow.
 */
static void
check_sums_finite(const WeightedMeanState *state)
{
	if (!isfinite(state->weighted_sum.hi) || !isfinite(state->weight_sum.hi))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("weighted sum is out of range"),
				 errdetail("The sum of the weights, or of score times weight, exceeds the range of double precision."),
				 errhint("Scale the weights down: only their ratios matter.")));
}

static MemoryContext
aggregate_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "weighted_resilience support function called in non-aggregate context");
	return aggcontext;
}

/*
 * Transition function.  Not strict: a strict one would have the executor
 * take the first row's score as the state, unvalidated.
 */
Datum
weighted_resilience_transfn(PG_FUNCTION_ARGS)
{
	WeightedMeanState *state;
	double		score;
	double		weight;
	double		product;

	state = PG_ARGISNULL(0) ? NULL : (WeightedMeanState *) PG_GETARG_POINTER(0);

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}

	score = PG_GETARG_FLOAT8(1);
	weight = PG_GETARG_FLOAT8(2);

	/* One test on the hot path; NaN fails every comparison. */
	if (unlikely(!(score >= 0.0 && score <= 100.0 &&
				   weight >= 0.0 && weight <= DBL_MAX)))
		reject_row(score, weight);

	if (state == NULL)
		state = (WeightedMeanState *)
			MemoryContextAllocZero(aggregate_context(fcinfo),
								   sizeof(WeightedMeanState));

	product = score * weight;
	if (likely(product >= TINY_PRODUCT))
		dd_add(&state->weighted_sum, product, fma(score, weight, -product));
	else if (score != 0.0 && weight != 0.0)
	{
		double		scaled_score = score * TINY_SCORE_SCALE;
		double		scaled_weight = weight * TINY_WEIGHT_SCALE;

		product = scaled_score * scaled_weight;
		dd_add(&state->tiny_weighted_sum, product,
			   fma(scaled_score, scaled_weight, -product));
	}
	dd_add_double(&state->weight_sum, weight);

	PG_RETURN_POINTER(state);
}

/* Merges two partial states, for parallel and partitionwise aggregation. */
Datum
weighted_resilience_combinefn(PG_FUNCTION_ARGS)
{
	WeightedMeanState *state1;
	WeightedMeanState *state2;
	MemoryContext aggcontext = aggregate_context(fcinfo);

	state1 = PG_ARGISNULL(0) ? NULL : (WeightedMeanState *) PG_GETARG_POINTER(0);
	state2 = PG_ARGISNULL(1) ? NULL : (WeightedMeanState *) PG_GETARG_POINTER(1);

	if (state2 == NULL)
	{
		if (state1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state1);
	}

	/* The result must live in the aggregate context, not in state2's. */
	if (state1 == NULL)
	{
		state1 = (WeightedMeanState *)
			MemoryContextAlloc(aggcontext, sizeof(WeightedMeanState));
		*state1 = *state2;
		PG_RETURN_POINTER(state1);
	}

	dd_add(&state1->weighted_sum, state2->weighted_sum.hi,
		   state2->weighted_sum.lo);
	dd_add(&state1->tiny_weighted_sum, state2->tiny_weighted_sum.hi,
		   state2->tiny_weighted_sum.lo);
	dd_add(&state1->weight_sum, state2->weight_sum.hi, state2->weight_sum.lo);
	check_sums_finite(state1);

	PG_RETURN_POINTER(state1);
}

static char *
put_float8(char *dest, double value)
{
	uint64		bits;

	memcpy(&bits, &value, sizeof(bits));
	bits = pg_hton64(bits);
	memcpy(dest, &bits, sizeof(bits));
	return dest + sizeof(bits);
}

static const char *
get_float8(const char *src, double *value)
{
	uint64		bits;

	memcpy(&bits, src, sizeof(bits));
	bits = pg_ntoh64(bits);
	memcpy(value, &bits, sizeof(bits));
	return src + sizeof(bits);
}

/*
 * Serialized form, in network byte order: uint32 format version, then the
 * hi and lo parts of weighted_sum, tiny_weighted_sum and weight_sum.
 */
Datum
weighted_resilience_serialfn(PG_FUNCTION_ARGS)
{
	WeightedMeanState *state = (WeightedMeanState *) PG_GETARG_POINTER(0);
	bytea	   *result;
	char	   *p;
	uint32		version = pg_hton32(STATE_FORMAT_VERSION);

	(void) aggregate_context(fcinfo);

	/* Overflow is the user's error, not a corrupt state for the leader. */
	check_sums_finite(state);

	result = (bytea *) palloc(VARHDRSZ + SERIALIZED_STATE_SIZE);
	SET_VARSIZE(result, VARHDRSZ + SERIALIZED_STATE_SIZE);
	p = VARDATA(result);
	memcpy(p, &version, sizeof(version));
	p += sizeof(version);
	p = put_float8(p, state->weighted_sum.hi);
	p = put_float8(p, state->weighted_sum.lo);
	p = put_float8(p, state->tiny_weighted_sum.hi);
	p = put_float8(p, state->tiny_weighted_sum.lo);
	p = put_float8(p, state->weight_sum.hi);
	(void) put_float8(p, state->weight_sum.lo);

	PG_RETURN_BYTEA_P(result);
}

static void
reject_state(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid weighted_resilience aggregate state"),
			 errdetail("%s", detail)));
}

/* A sum as the transition function leaves it: finite, >= 0, normalized. */
static bool
valid_sum(DoubleDouble sum)
{
	return isfinite(sum.hi) && sum.hi >= 0.0 && isfinite(sum.lo) &&
		sum.hi + sum.lo == sum.hi;
}

/*
 * Rebuilds a state from serialfn's output, trusting nothing: the bytes are
 * checked before the aggregate context is even looked at.
 */
Datum
weighted_resilience_deserialfn(PG_FUNCTION_ARGS)
{
	bytea	   *serialized = PG_GETARG_BYTEA_PP(0);
	WeightedMeanState decoded;
	WeightedMeanState *state;
	const char *p;
	uint32		version;

	if (VARSIZE_ANY_EXHDR(serialized) != SERIALIZED_STATE_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid weighted_resilience aggregate state"),
				 errdetail("The state is %d bytes long, expected %d.",
						   (int) VARSIZE_ANY_EXHDR(serialized),
						   (int) SERIALIZED_STATE_SIZE)));

	p = VARDATA_ANY(serialized);
	memcpy(&version, p, sizeof(version));
	version = pg_ntoh32(version);
	p += sizeof(version);
	if (version != STATE_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid weighted_resilience aggregate state"),
				 errdetail("The state has format version %u, expected %d.",
						   version, STATE_FORMAT_VERSION)));

	p = get_float8(p, &decoded.weighted_sum.hi);
	p = get_float8(p, &decoded.weighted_sum.lo);
	p = get_float8(p, &decoded.tiny_weighted_sum.hi);
	p = get_float8(p, &decoded.tiny_weighted_sum.lo);
	p = get_float8(p, &decoded.weight_sum.hi);
	(void) get_float8(p, &decoded.weight_sum.lo);

	if (!valid_sum(decoded.weighted_sum) ||
		!valid_sum(decoded.tiny_weighted_sum) ||
		!valid_sum(decoded.weight_sum))
		reject_state("A sum is negative, not finite or not normalized.");
	if (decoded.weight_sum.hi == 0.0 &&
		(decoded.weighted_sum.hi != 0.0 || decoded.tiny_weighted_sum.hi != 0.0))
		reject_state("The weights sum to zero but the weighted sum does not.");

	state = (WeightedMeanState *)
		MemoryContextAlloc(aggregate_context(fcinfo), sizeof(WeightedMeanState));
	*state = decoded;

	PG_RETURN_POINTER(state);
}

/* The weighted mean, or NULL when no row had a positive weight. */
Datum
weighted_resilience_finalfn(PG_FUNCTION_ARGS)
{
	WeightedMeanState *state;
	DoubleDouble numerator;
	int			numerator_scale_log2 = 0;

	(void) aggregate_context(fcinfo);

	state = PG_ARGISNULL(0) ? NULL : (WeightedMeanState *) PG_GETARG_POINTER(0);
	if (state == NULL)
		PG_RETURN_NULL();
	check_sums_finite(state);
	if (state->weight_sum.hi == 0.0)
		PG_RETURN_NULL();

	numerator = state->weighted_sum;
	if (state->tiny_weighted_sum.hi != 0.0)
	{
		if (numerator.hi == 0.0)
		{
			numerator = state->tiny_weighted_sum;
			numerator_scale_log2 = -TINY_SCALE_LOG2;
		}
		else
		{
			/*
			 * The tiny products add less than 2^-900 each to a sum of at
			 * least 2^-900; bits lost to underflow here are below 2^-170 of
			 * the total.
			 */
			dd_add(&numerator,
				   ldexp(state->tiny_weighted_sum.hi, -TINY_SCALE_LOG2),
				   ldexp(state->tiny_weighted_sum.lo, -TINY_SCALE_LOG2));
		}
	}

	/*
	 * No clamp to [0, 100]: the exact mean lies between the smallest and the
	 * largest score, both doubles, and our quotient is within a tiny fraction
	 * of an ulp of it, so rounding to nearest cannot step past either bound.
	 */
	PG_RETURN_FLOAT8(dd_divide(numerator, numerator_scale_log2,
							   state->weight_sum));
}
