/*
 * consensus.c
 *		The aggregate source_consensus(score), which summarizes how an
 *		occupation's source scores agree (median, count, quartiles,
 *		interquartile range, minimum, maximum), and consensus_confidence(n,
 *		iqr), the confidence level that count and dispersion support.
 *
 * source_consensus shares source_median's transition state and its
 * transition, combine, serialization and deserialization functions (see
 * score_set.h), so it runs in parallel as source_median does, and a query
 * that computes both over the same scores keeps one state per group.  Only
 * the final function is its own.
 *
 * The quartiles are percentile_cont's, bit for bit: the value at position
 * p * (n - 1) of the sorted scores, interpolated between the two rows around
 * it as lo + frac * (hi - lo).  They are found by selection, not by sorting:
 * the lower row of the median is selected first, which splits the values
 * into those before it and those after it; the lower row of the first
 * quartile is then selected among the values before, that of the third
 * quartile among those after.  Once a row is in place, the row after it is
 * the smallest value between it and the next row in place, the minimum is
 * the smallest value up to the first quartile and the maximum the largest
 * from the third quartile on, so each of those is one scan of a quarter of
 * the values.  About three passes' worth of comparisons in all, against
 * percentile_cont's sort of n log n.  As with source_median, when -0 and 0
 * meet at a quartile the sign of the zero may differ from percentile_cont's.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "compat.h"
#include "score_set.h"

PG_FUNCTION_INFO_V1(source_consensus_finalfn);
PG_FUNCTION_INFO_V1(consensus_confidence);
PG_FUNCTION_INFO_V1(consensus_confidence_banded);

/* Attributes of airesilience.consensus, in order. */
enum
{
	CONSENSUS_MEDIAN,
	CONSENSUS_N,
	CONSENSUS_Q1,
	CONSENSUS_Q3,
	CONSENSUS_IQR,
	CONSENSUS_MIN,
	CONSENSUS_MAX,
	CONSENSUS_NATTS
};

/*
 * Where percentile_cont finds a fraction of n sorted values: the row before
 * (from 0), whether the row after it is needed, and how far towards it.
 * Computed with the very expressions percentile_cont uses, so that the
 * results agree bit for bit.
 */
typedef struct QuantilePosition
{
	int64		row;			/* floor(fraction * (n - 1)) */
	bool		interpolate;	/* the position lies strictly between rows */
	double		proportion;		/* position - row */
} QuantilePosition;

static QuantilePosition
quantile_position(double fraction, int64 n)
{
	QuantilePosition result;
	double		position = fraction * (double) (n - 1);

	result.row = (int64) floor(position);
	result.interpolate = (int64) ceil(position) > result.row;
	result.proportion = position - (double) result.row;
	return result;
}

/* The smallest of values[from..to], bounds included. */
static double
smallest_in(const double *values, int64 from, int64 to)
{
	double		smallest = values[from];

	for (int64 i = from + 1; i <= to; i++)
	{
		if (values[i] < smallest)
			smallest = values[i];
	}
	return smallest;
}

/* The largest of values[from..to], bounds included. */
static double
largest_in(const double *values, int64 from, int64 to)
{
	double		largest = values[from];

	for (int64 i = from + 1; i <= to; i++)
	{
		if (values[i] > largest)
			largest = values[i];
	}
	return largest;
}

/*
 * The quantile at a position whose row is in place, the row after it being
 * the smallest value up to next_in_place (the next row in place, or the last
 * row).  The interpolation is percentile_cont's (float8_lerp).
 */
static double
quantile_value(const double *values, QuantilePosition position, int64 next_in_place)
{
	double		lo = values[position.row];
	double		hi;

	if (!position.interpolate)
		return lo;
	hi = smallest_in(values, position.row + 1, next_in_place);
	return lo + position.proportion * (hi - lo);
}

/*
 * The descriptor of the result type, looked up once per query and kept with
 * the function's call information.  It is checked against the attributes
 * the function fills, in case the type was altered.
 */
static TupleDesc
consensus_descriptor(FunctionCallInfo fcinfo)
{
	TupleDesc	descriptor = (TupleDesc) fcinfo->flinfo->fn_extra;
	MemoryContext old_context;
	bool		matches;

	if (descriptor != NULL)
		return descriptor;

	old_context = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (get_call_result_type(fcinfo, NULL, &descriptor) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "source_consensus_finalfn must return a composite type");
	descriptor = BlessTupleDesc(descriptor);
	MemoryContextSwitchTo(old_context);

	matches = descriptor->natts == CONSENSUS_NATTS;
	for (int i = 0; matches && i < CONSENSUS_NATTS; i++)
	{
		Form_pg_attribute attribute = TupleDescAttr(descriptor, i);

		matches = !attribute->attisdropped &&
			attribute->atttypid == (i == CONSENSUS_N ? INT8OID : FLOAT8OID);
	}
	if (!matches)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("type airesilience.consensus has been altered"),
				 errdetail("source_consensus returns (median float8, n bigint, q1 float8, q3 float8, iqr float8, min float8, max float8)."),
				 errhint("Reinstall the extension: DROP EXTENSION airesilience; CREATE EXTENSION airesilience.")));

	fcinfo->flinfo->fn_extra = descriptor;
	return descriptor;
}

/*
 * Final function of source_consensus: the summary, or NULL (not a row of
 * NULLs) for a group without scores.
 *
 * FINALFUNC_MODIFY = READ_ONLY, as for source_median: the selections permute
 * the array, but the state stands for the multiset of scores, which stays
 * the same, so the transition may go on after a final call (window use) and
 * the state may be shared with source_median's final function.
 */
Datum
source_consensus_finalfn(PG_FUNCTION_ARGS)
{
	MedianState *state;
	double	   *values;
	int64		n;
	QuantilePosition q1;
	QuantilePosition median;
	QuantilePosition q3;
	double		q1_value;
	double		q3_value;
	Datum		fields[CONSENSUS_NATTS];
	bool		nulls[CONSENSUS_NATTS] = {0};

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "source_consensus_finalfn called in non-aggregate context");

	state = PG_ARGISNULL(0) ? NULL : (MedianState *) PG_GETARG_POINTER(0);
	if (state == NULL || state->count == 0)
		PG_RETURN_NULL();

	values = state->values;
	n = state->count;
	q1 = quantile_position(0.25, n);
	median = quantile_position(0.5, n);
	q3 = quantile_position(0.75, n);

	/*
	 * Put the three lower rows in place: q1.row <= median.row <= q3.row, so
	 * each later selection works within one side of the median's row.
	 */
	score_set_select(values, 0, n - 1, median.row);
	if (q1.row < median.row)
		score_set_select(values, 0, median.row - 1, q1.row);
	if (q3.row > median.row)
		score_set_select(values, median.row + 1, n - 1, q3.row);

	/*
	 * Every value before a row in place is no larger than it and every value
	 * after it no smaller, so the row after one in place is the smallest
	 * value up to the next row in place.
	 */
	q1_value = quantile_value(values, q1,
							  q1.row < median.row ? median.row :
							  q1.row < q3.row ? q3.row : n - 1);
	q3_value = quantile_value(values, q3, n - 1);

	fields[CONSENSUS_MEDIAN] =
		Float8GetDatum(quantile_value(values, median,
									  median.row < q3.row ? q3.row : n - 1));
	fields[CONSENSUS_N] = Int64GetDatum(n);
	fields[CONSENSUS_Q1] = Float8GetDatum(q1_value);
	fields[CONSENSUS_Q3] = Float8GetDatum(q3_value);
	fields[CONSENSUS_IQR] = Float8GetDatum(q3_value - q1_value);
	fields[CONSENSUS_MIN] = Float8GetDatum(smallest_in(values, 0, q1.row));
	fields[CONSENSUS_MAX] = Float8GetDatum(largest_in(values, q3.row, n - 1));

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(consensus_descriptor(fcinfo),
													  fields, nulls)));
}

/*
 * Confidence levels, from the most to the least confident.  Which one a
 * consensus gets is documented, with the figures behind the thresholds, in
 * consensus.sql.
 */
static const char *const confidence_levels[] = {
	"High", "Medium-high", "Medium", "Low-medium", "Low"
};

#define CONFIDENCE_LOW	(lengthof(confidence_levels) - 1)

/*
 * Agreement grades: an interquartile range (0-100 scale) below bands[i] is
 * agreement of grade i, 0 being the closest; one at or above the last band
 * is the last grade.
 *
 * agreement_bands are release 0.1.0's: the quintiles of the interquartile
 * range over the occupations with all four sources, each normalized
 * linearly, rounded to whole points.  The SQL function consensus_confidence
 * of 0.1.0 is bound to consensus_confidence() below, which keeps them, so a
 * database still on 0.1.0 grades as it did; from 0.2.0 on, the SQL function
 * passes its own bands to consensus_confidence_banded() (consensus.sql says
 * where they come from).
 */
static const double agreement_bands[] = {19.0, 27.0, 33.0, 39.0};

#define AGREEMENT_BAND_COUNT (lengthof(confidence_levels) - 1)

StaticAssertDecl(lengthof(agreement_bands) == AGREEMENT_BAND_COUNT,
				 "one agreement band between each two confidence levels");

/* Sources needed for a consensus to reach the top level (0.1.0). */
#define FULL_SOURCE_COUNT	4

/*
 * The confidence level: the agreement grade of the interquartile range,
 * lowered by one level for each source fewer than full_count; one source or
 * none is always Low.  No sources (n NULL or 0) is Low, and an unknown iqr
 * counts as the widest disagreement.
 */
static text *
confidence_level(FunctionCallInfo fcinfo, const double *bands, int64 full_count)
{
	int64		n = PG_ARGISNULL(0) ? 0 : PG_GETARG_INT64(0);
	bool		iqr_known = !PG_ARGISNULL(1);
	double		iqr = iqr_known ? PG_GETARG_FLOAT8(1) : 0.0;
	size_t		level;

	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of sources must not be negative"),
				 errdetail("The number of sources given is " INT64_FORMAT ".", n)));
	if (iqr_known && isnan(iqr))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("interquartile range must not be NaN"),
				 errdetail("NaN says nothing about how closely the sources agree.")));
	if (iqr_known && iqr < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("interquartile range must not be negative"),
				 errdetail("The interquartile range given is %g; the third quartile is never below the first.",
						   iqr)));

	if (n <= 1)
		level = CONFIDENCE_LOW;
	else
	{
		level = AGREEMENT_BAND_COUNT;
		for (size_t i = 0; iqr_known && i < AGREEMENT_BAND_COUNT; i++)
		{
			if (iqr < bands[i])
			{
				level = i;
				break;
			}
		}
		if (n < full_count)
			level = (size_t) Min((int64) level + (full_count - n), (int64) CONFIDENCE_LOW);
	}

	return cstring_to_text(confidence_levels[level]);
}

/*
 * consensus_confidence(n, iqr): release 0.1.0's grading (agreement_bands,
 * FULL_SOURCE_COUNT).  Not strict.
 */
Datum
consensus_confidence(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(confidence_level(fcinfo, agreement_bands, FULL_SOURCE_COUNT));
}

/*
 * consensus_confidence_banded(n, iqr, bands, full_count): the same grading
 * with the four agreement bands (finite, strictly increasing) and the number
 * of sources that can reach High given by the caller.  Not strict in n and
 * iqr; bands and full_count must not be NULL.
 */
Datum
consensus_confidence_banded(PG_FUNCTION_ARGS)
{
	ArrayType  *bands_array;
	const float8 *bands;
	int64		full_count;
	int			nbands;

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("bands and full_count must not be NULL")));
	bands_array = PG_GETARG_ARRAYTYPE_P(2);
	full_count = PG_GETARG_INT32(3);

	if (ARR_NDIM(bands_array) > 1 || array_contains_nulls(bands_array))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("bands must be a one-dimensional array without NULLs")));
	if (ARR_ELEMTYPE(bands_array) != FLOAT8OID)
		elog(ERROR, "bands has element type %u, expected float8", ARR_ELEMTYPE(bands_array));
	nbands = ArrayGetNItems(ARR_NDIM(bands_array), ARR_DIMS(bands_array));
	if (nbands != (int) AGREEMENT_BAND_COUNT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("bands must have %d elements", (int) AGREEMENT_BAND_COUNT),
				 errdetail("It has %d.", nbands)));
	/* no NULLs: the elements follow the header (ARR_DATA_PTR, written out) */
	bands = (const float8 *) ((const char *) bands_array + ARR_OVERHEAD_NONULLS(ARR_NDIM(bands_array)));
	for (int i = 0; i < nbands; i++)
	{
		if (!isfinite(bands[i]) || (i > 0 && !(bands[i] > bands[i - 1])))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("bands must be finite and strictly increasing"),
					 errdetail("Band %d is %g.", i + 1, bands[i])));
	}
	if (full_count < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("full_count must be at least 1"),
				 errdetail("full_count is " INT64_FORMAT ".", full_count)));

	PG_RETURN_TEXT_P(confidence_level(fcinfo, bands, full_count));
}
