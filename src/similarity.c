/*
 * similarity.c
 *		Cosine similarity of two occupations' skill-importance vectors.
 *
 * skill_similarity(a, b) = sum(a[i] * b[i]) / (sqrt(sum(a[i]^2)) * sqrt(sum(b[i]^2)))
 *
 * It ranks related occupations, so an all-pairs report calls it close to a
 * million times: the arrays are read in place (no deconstruct_array), and the
 * work is two short passes over each.
 *
 * Squaring overflows a double from about 1.3e154 on, so each vector is first
 * scaled by a power of two that brings its largest magnitude into [0.5, 1).
 * Cosine does not change when a vector is scaled by a positive factor, and
 * scaling by a power of two is exact, so the result is bit for bit the one
 * the unscaled formula gives wherever that formula does not overflow or
 * underflow.  The scaled squared norms lie between 1/4 and the number of
 * elements (see scale_for() for subnormal vectors), so neither they nor
 * their product can overflow or underflow.  The sums are compensated
 * (Neumaier), so adding up the products costs next to no accuracy even when
 * positive and negative terms cancel.
 *
 * The denominator is taken as sqrt(|a|^2 * |b|^2), one square root: for b = a
 * that is sqrt(s * s), which IEEE arithmetic returns as exactly s, so a
 * vector's similarity with itself is exactly 1.  The result is clamped to
 * [-1, 1] all the same, so that rounding can never push it outside.
 *
 * A zero vector has no direction: its similarity to anything is undefined,
 * and the function returns NULL.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/float.h"

#include "compat.h"

PG_FUNCTION_INFO_V1(skill_similarity);

/* A skill vector read in place, with the largest magnitude of its elements. */
typedef struct SkillVector
{
	int			length;
	const float8 *values;
	float8		max_magnitude;
} SkillVector;

/* Neumaier's compensated sum: sum + compensation is the running total. */
typedef struct CompensatedSum
{
	float8		sum;
	float8		compensation;
} CompensatedSum;

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

static inline void
compensated_add(CompensatedSum *total, float8 term)
{
	float8		sum = total->sum + term;

	if (fabs(total->sum) >= fabs(term))
		total->compensation += (total->sum - sum) + term;
	else
		total->compensation += (term - sum) + total->sum;
	total->sum = sum;
}

/*
 * Read a float8[] argument in place and check it: one dimension, no NULLs,
 * finite elements.  An empty array ('{}' has no dimensions at all) is
 * reported as empty rather than as having the wrong number of dimensions.
 * Without NULLs the elements lie back to back in the MAXALIGNed data area.
 */
static void
read_skill_vector(ArrayType *array, const char *name, SkillVector *vector)
{
	const float8 *values;
	float8		max_magnitude = 0.0;
	int			n;
	int			i;

	if (ARR_NDIM(array) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("skill vector %s must be a one-dimensional array", name),
				 errdetail("The array has %d dimensions.", ARR_NDIM(array))));
	if (ARR_ELEMTYPE(array) != FLOAT8OID)
		elog(ERROR, "skill vector %s has element type %u, expected float8",
			 name, ARR_ELEMTYPE(array));
	if (array_contains_nulls(array))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("skill vector %s must not contain nulls", name)));

	n = ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array));
	values = (const float8 *) array_data(array);

	for (i = 0; i < n; i++)
	{
		float8		magnitude = fabs(values[i]);

		if (isnan(magnitude) || isinf(magnitude))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("skill vector %s must contain only finite values", name),
					 errdetail("Element %d of %d is %s.",
							   i + 1, n, float8out_internal(values[i]))));
		if (magnitude > max_magnitude)
			max_magnitude = magnitude;
	}

	vector->length = n;
	vector->values = values;
	vector->max_magnitude = max_magnitude;
}

/*
 * The power of two that brings max_magnitude (> 0) into [0.5, 1).  For a
 * subnormal maximum that power is not a double; 2^1022, the largest that is,
 * still lifts the maximum to 2^-52 or more, far from any underflow of the
 * squared norms.
 */
static float8
scale_for(float8 max_magnitude)
{
	int			exponent;

	(void) frexp(max_magnitude, &exponent);
	return ldexp(1.0, Min(-exponent, DBL_MAX_EXP - 2));
}

Datum
skill_similarity(PG_FUNCTION_ARGS)
{
	ArrayType  *a_array = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *b_array = PG_GETARG_ARRAYTYPE_P(1);
	SkillVector a;
	SkillVector b;
	CompensatedSum dot = {0.0, 0.0};
	CompensatedSum a_norm2 = {0.0, 0.0};
	CompensatedSum b_norm2 = {0.0, 0.0};
	float8		a_scale;
	float8		b_scale;
	float8		similarity;
	int			i;

	read_skill_vector(a_array, "a", &a);
	read_skill_vector(b_array, "b", &b);

	if (a.length != b.length)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("skill vectors must have the same length"),
				 errdetail("The first vector has %d elements and the second has %d.",
						   a.length, b.length),
				 errhint("Compare vectors built over the same skills, in the same order.")));
	if (a.length == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("skill vectors must not be empty")));

	/* A zero vector has no direction: the similarity is undefined. */
	if (a.max_magnitude == 0.0 || b.max_magnitude == 0.0)
		PG_RETURN_NULL();

	a_scale = scale_for(a.max_magnitude);
	b_scale = scale_for(b.max_magnitude);

	for (i = 0; i < a.length; i++)
	{
		float8		x = a.values[i] * a_scale;
		float8		y = b.values[i] * b_scale;

		compensated_add(&dot, x * y);
		compensated_add(&a_norm2, x * x);
		compensated_add(&b_norm2, y * y);
	}

	similarity = (dot.sum + dot.compensation)
		/ sqrt((a_norm2.sum + a_norm2.compensation)
			   * (b_norm2.sum + b_norm2.compensation));

	PG_FREE_IF_COPY(a_array, 0);
	PG_FREE_IF_COPY(b_array, 1);

	PG_RETURN_FLOAT8(Max(-1.0, Min(1.0, similarity)));
}
