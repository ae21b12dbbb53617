/*
 * seniority.c
 *		Seniority curves: how an occupation's score changes with years of
 *		experience.
 *
 * A curve belongs to an occupation category and is a list of points
 * (years, multiplier) with years strictly increasing.  The multiplier at any
 * number of years is read off the curve piecewise-linearly and held flat
 * beyond the first and last points; the score at that seniority is
 * clamp(score * multiplier, 0, 100).
 *
 * seniority_curve_check() is the CHECK constraint of
 * airesilience.seniority_curve, so a bad curve is rejected when it is stored,
 * with an error that says what is wrong instead of a bare check violation.
 * seniority_interpolate() runs the same validation, because it can be called
 * on curves that never went through the table.  Curves are a handful of
 * points, so validating on every call costs little next to the call itself.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/float.h"

#include "compat.h"

/* A validated curve; the arrays point into the detoasted arguments. */
typedef struct SeniorityCurve
{
	int			npoints;
	const float8 *years;
	const float8 *multipliers;
} SeniorityCurve;

PG_FUNCTION_INFO_V1(seniority_curve_check);
PG_FUNCTION_INFO_V1(seniority_interpolate);
PG_FUNCTION_INFO_V1(seniority_adjust);

/*
 * ARR_DATA_PTR, written out because the macro mixes the signed dataoffset
 * and an unsigned size in one conditional, which -Wsign-compare rejects.
 */
static inline const char *
array_data(ArrayType *array)
{
	if (ARR_HASNULL(array))
		return (const char *) array + array->dataoffset;
	return (const char *) array + ARR_OVERHEAD_NONULLS(ARR_NDIM(array));
}

/*
 * The elements of a float8[] argument as a C array.  With no NULLs the
 * elements are stored back to back, and the data area is MAXALIGNed, so it
 * can be read in place.
 */
static const float8 *
curve_array_values(ArrayType *array, const char *name, int *count)
{
	if (ARR_NDIM(array) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a one-dimensional array", name),
				 errdetail("The array has %d dimensions.", ARR_NDIM(array))));
	if (array_contains_nulls(array))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not contain nulls", name)));
	if (ARR_ELEMTYPE(array) != FLOAT8OID)
		elog(ERROR, "%s is not a float8 array", name);

	*count = ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array));
	return (const float8 *) array_data(array);
}

/*
 * Validate a curve and describe it in *curve; raise an error naming the
 * first problem otherwise.  Problems are looked for in a fixed order: array
 * shape and NULLs, lengths, emptiness, non-finite values, negative years and
 * non-positive multipliers, and last the order of the years.
 */
static void
validate_curve(ArrayType *years_array, ArrayType *multipliers_array,
			   SeniorityCurve *curve)
{
	const float8 *years;
	const float8 *multipliers;
	int			nyears;
	int			nmultipliers;
	int			lb;
	int			mlb;
	int			i;

	years = curve_array_values(years_array, "years", &nyears);
	multipliers = curve_array_values(multipliers_array, "multipliers",
									 &nmultipliers);

	if (nyears != nmultipliers)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("mismatched points in seniority curve"),
				 errdetail("years has %d elements and multipliers has %d.",
						   nyears, nmultipliers),
				 errhint("Give one multiplier for each number of years.")));
	if (nyears == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("seniority curve must have at least one point")));

	/* Report subscripts as the user wrote them, whatever the lower bounds. */
	lb = ARR_LBOUND(years_array)[0];
	mlb = ARR_LBOUND(multipliers_array)[0];

	for (i = 0; i < nyears; i++)
	{
		if (isnan(years[i]) || isinf(years[i]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("years must be finite"),
					 errdetail("years[%d] is %s.",
							   lb + i, float8out_internal(years[i]))));
		if (isnan(multipliers[i]) || isinf(multipliers[i]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("multipliers must be finite"),
					 errdetail("multipliers[%d] is %s.",
							   mlb + i,
							   float8out_internal(multipliers[i]))));
	}

	for (i = 0; i < nyears; i++)
	{
		if (years[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("years must not be negative"),
					 errdetail("years[%d] is %s.",
							   lb + i, float8out_internal(years[i]))));
		if (multipliers[i] <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("multipliers must be positive"),
					 errdetail("multipliers[%d] is %s.",
							   mlb + i,
							   float8out_internal(multipliers[i]))));
	}

	for (i = 1; i < nyears; i++)
	{
		if (years[i] <= years[i - 1])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("years must be strictly increasing"),
					 errdetail("years[%d] = %s does not exceed years[%d] = %s.",
							   lb + i, float8out_internal(years[i]),
							   lb + i - 1, float8out_internal(years[i - 1]))));
	}

	curve->npoints = nyears;
	curve->years = years;
	curve->multipliers = multipliers;
}

/*
 * seniority_curve_check(years float8[], multipliers float8[]) -> boolean
 *
 * true for a valid curve; never false, since an error says more.
 */
Datum
seniority_curve_check(PG_FUNCTION_ARGS)
{
	SeniorityCurve curve;

	validate_curve(PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1), &curve);
	PG_RETURN_BOOL(true);
}

/*
 * seniority_interpolate(years float8[], multipliers float8[], at float8)
 *		-> float8
 *
 * The curve's multiplier at `at` years.  +Infinity years lies beyond the
 * last point and gets its multiplier, like any other large value.
 */
Datum
seniority_interpolate(PG_FUNCTION_ARGS)
{
	float8		at = PG_GETARG_FLOAT8(2);
	SeniorityCurve curve;
	const float8 *years;
	const float8 *multipliers;
	int			low;
	int			high;
	float8		y0,
				y1,
				m0,
				m1;
	float8		result;

	validate_curve(PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1), &curve);
	years = curve.years;
	multipliers = curve.multipliers;

	if (isnan(at))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("years of experience must not be NaN")));
	if (at < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("years of experience must not be negative"),
				 errdetail("The value given is %s.", float8out_internal(at))));

	/* Flat beyond both ends. */
	if (at <= years[0])
		PG_RETURN_FLOAT8(multipliers[0]);
	if (at >= years[curve.npoints - 1])
		PG_RETURN_FLOAT8(multipliers[curve.npoints - 1]);

	/*
	 * Now years[0] < at < years[n - 1].  Binary search for the segment
	 * years[low] <= at < years[high], high = low + 1.
	 */
	low = 0;
	high = curve.npoints - 1;
	while (high - low > 1)
	{
		int			mid = low + (high - low) / 2;

		if (years[mid] <= at)
			low = mid;
		else
			high = mid;
	}

	/* A point of the curve gives its own multiplier, not a rounded one. */
	if (at == years[low])
		PG_RETURN_FLOAT8(multipliers[low]);

	y0 = years[low];
	y1 = years[high];
	m0 = multipliers[low];
	m1 = multipliers[high];

	result = m0 + (m1 - m0) * (at - y0) / (y1 - y0);

	/*
	 * With huge multipliers and years the product above can overflow; the
	 * fraction of the segment covered is in [0, 1], so this form cannot.
	 */
	if (isinf(result))
		result = m0 + (m1 - m0) * ((at - y0) / (y1 - y0));

	/* Rounding must not carry the result outside the segment's range. */
	if (result < Min(m0, m1))
		result = Min(m0, m1);
	else if (result > Max(m0, m1))
		result = Max(m0, m1);

	PG_RETURN_FLOAT8(result);
}

/*
 * seniority_adjust(score float8, multiplier float8) -> float8
 *
 * clamp(score * multiplier, 0, 100).  A score of -0 comes back as 0.
 */
Datum
seniority_adjust(PG_FUNCTION_ARGS)
{
	float8		score = PG_GETARG_FLOAT8(0);
	float8		multiplier = PG_GETARG_FLOAT8(1);
	float8		result;

	if (isnan(score))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("score must not be NaN")));
	if (score < 0 || score > 100)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("score %s is out of range", float8out_internal(score)),
				 errdetail("Scores range from 0 to 100.")));
	if (isnan(multiplier) || isinf(multiplier))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("multiplier must be finite"),
				 errdetail("The multiplier given is %s.",
						   float8out_internal(multiplier))));
	if (multiplier <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("multiplier must be positive"),
				 errdetail("The multiplier given is %s.",
						   float8out_internal(multiplier))));

	/* The product may overflow to +Infinity, which clamps to 100 too. */
	result = score * multiplier;
	if (result > 100)
		result = 100;
	else if (result <= 0)
		result = 0;

	PG_RETURN_FLOAT8(result);
}
