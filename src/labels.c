/*
 * labels.c
 *		Band schemes: the label of a score, from descending cuts.
 *
 * A scheme is n cuts in strictly decreasing order and n + 1 labels.  A score
 * gets labels[i] for the first cut i it lies above (or at, for an inclusive
 * scheme), and the last label when it lies below every cut.  With no cuts
 * every score gets the one label.
 *
 * label_scheme_check() is the CHECK constraint of airesilience.label_scheme,
 * so a bad scheme is rejected with an error that says what is wrong.
 * band_label() runs on every report row and validates its scheme as it goes:
 * a scheme is a few cuts and labels, so one pass over them, reading both
 * arrays in place and copying only the chosen label, is all it costs.
 */
#include "postgres.h"

#include <math.h>

#include "access/tupmacs.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "compat.h"

PG_FUNCTION_INFO_V1(label_scheme_check);
PG_FUNCTION_INFO_V1(band_label);

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

/* Reject arrays of more than one dimension and arrays with NULLs. */
static int
scheme_array_length(ArrayType *array, const char *name, Oid element_type)
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
	if (ARR_ELEMTYPE(array) != element_type)
		elog(ERROR, "%s has element type %u, expected %u",
			 name, ARR_ELEMTYPE(array), element_type);

	return ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array));
}

/*
 * The cuts as a C array, after checking that they are finite and strictly
 * decreasing.  Without NULLs the float8 elements lie back to back in the
 * MAXALIGNed data area, so they are read in place.
 */
static const float8 *
validate_cuts(ArrayType *cuts_array, int *ncuts)
{
	const float8 *cuts;
	int			n;
	int			lb;
	int			i;

	n = scheme_array_length(cuts_array, "cuts", FLOAT8OID);
	cuts = (const float8 *) array_data(cuts_array);
	lb = n > 0 ? ARR_LBOUND(cuts_array)[0] : 1;

	for (i = 0; i < n; i++)
	{
		if (isnan(cuts[i]) || isinf(cuts[i]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cuts must be finite"),
					 errdetail("cuts[%d] is %s.",
							   lb + i, float8out_internal(cuts[i]))));
		if (i > 0 && cuts[i] >= cuts[i - 1])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cuts must be strictly decreasing"),
					 errdetail("cuts[%d] = %s is not below cuts[%d] = %s.",
							   lb + i, float8out_internal(cuts[i]),
							   lb + i - 1, float8out_internal(cuts[i - 1]))));
	}

	*ncuts = n;
	return cuts;
}

/*
 * Check that there is one label more than there are cuts and that none is
 * empty.  Returns the label at zero-based index wanted (as stored in the
 * array: possibly with a short varlena header), or NULL when wanted < 0.
 */
static const struct varlena *
validate_labels(ArrayType *labels_array, int ncuts, int wanted)
{
	const struct varlena *found = NULL;
	const char *ptr;
	int			nlabels;
	int			lb;
	int			i;

	nlabels = scheme_array_length(labels_array, "labels", TEXTOID);
	if (nlabels != ncuts + 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("mismatched cuts and labels"),
				 errdetail("%d cuts make %d bands, but %d labels were given.",
						   ncuts, ncuts + 1, nlabels),
				 errhint("Give one label more than there are cuts.")));

	/* nlabels >= 1, so the array has a lower bound. */
	lb = ARR_LBOUND(labels_array)[0];
	ptr = array_data(labels_array);
	for (i = 0; i < nlabels; i++)
	{
		if (VARSIZE_ANY_EXHDR(ptr) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("labels must not be empty"),
					 errdetail("labels[%d] is the empty string.", lb + i)));
		if (i == wanted)
			found = (const struct varlena *) ptr;
		ptr = att_addlength_pointer(ptr, -1, ptr);
		ptr = (const char *) att_align_nominal(ptr, TYPALIGN_INT);
	}

	return found;
}

/*
 * label_scheme_check(cuts float8[], labels text[]) -> boolean
 *
 * true for a valid scheme; never false, since an error says more.
 */
Datum
label_scheme_check(PG_FUNCTION_ARGS)
{
	int			ncuts;

	(void) validate_cuts(PG_GETARG_ARRAYTYPE_P(0), &ncuts);
	(void) validate_labels(PG_GETARG_ARRAYTYPE_P(1), ncuts, -1);
	PG_RETURN_BOOL(true);
}

/*
 * band_label(score float8, cuts float8[], labels text[], inclusive boolean)
 *		-> text
 *
 * Infinite scores are allowed: +Infinity lies above every cut, -Infinity
 * below every cut.
 */
Datum
band_label(PG_FUNCTION_ARGS)
{
	float8		score = PG_GETARG_FLOAT8(0);
	bool		inclusive = PG_GETARG_BOOL(3);
	const float8 *cuts;
	const struct varlena *label;
	int			ncuts;
	int			band;

	if (isnan(score))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot label a NaN score")));

	cuts = validate_cuts(PG_GETARG_ARRAYTYPE_P(1), &ncuts);

	for (band = 0; band < ncuts; band++)
	{
		if (inclusive ? score >= cuts[band] : score > cuts[band])
			break;
	}

	label = validate_labels(PG_GETARG_ARRAYTYPE_P(2), ncuts, band);
	Assert(label != NULL);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(VARDATA_ANY(label),
											  VARSIZE_ANY_EXHDR(label)));
}
