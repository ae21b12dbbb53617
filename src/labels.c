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
 *
 * score_label() labels by a scheme's name.  It reads the scheme's row once
 * per call site and query, not once per row: the row is kept in fn_extra,
 * which lives as long as the executor state, and within one query a stable
 * function sees the table as of one snapshot anyway.
 */
#include "postgres.h"

#include <math.h>

#include "access/tupmacs.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/guc.h"

#include "compat.h"

PG_FUNCTION_INFO_V1(label_scheme_check);
PG_FUNCTION_INFO_V1(band_label);
PG_FUNCTION_INFO_V1(score_label);

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

/* The label of score under a scheme, validating the scheme as it goes. */
static text *
label_of(float8 score, ArrayType *cuts_array, ArrayType *labels_array,
		 bool inclusive)
{
	const float8 *cuts;
	const struct varlena *label;
	int			ncuts;
	int			band;

	if (isnan(score))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot label a NaN score")));

	cuts = validate_cuts(cuts_array, &ncuts);

	for (band = 0; band < ncuts; band++)
	{
		if (inclusive ? score >= cuts[band] : score > cuts[band])
			break;
	}

	label = validate_labels(labels_array, ncuts, band);
	Assert(label != NULL);

	return cstring_to_text_with_len(VARDATA_ANY(label), VARSIZE_ANY_EXHDR(label));
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
	PG_RETURN_TEXT_P(label_of(PG_GETARG_FLOAT8(0),
							  PG_GETARG_ARRAYTYPE_P(1),
							  PG_GETARG_ARRAYTYPE_P(2),
							  PG_GETARG_BOOL(3)));
}

/* A label_scheme row, copied into the call site's memory. */
typedef struct SchemeRow
{
	char	   *scheme;
	ArrayType  *cuts;
	ArrayType  *labels;
	bool		inclusive;
} SchemeRow;

/*
 * The row of the named scheme, from the call site's cache or the table.  An
 * unknown name is an error even before any score needs it, so that a
 * misspelt scheme fails on the first row, NULL score or not.
 */
static SchemeRow *
scheme_row(FmgrInfo *flinfo, const char *name, bool named_by_setting)
{
	SchemeRow  *row = (SchemeRow *) flinfo->fn_extra;
	Oid			argtype = TEXTOID;
	Datum		arg;
	bool		isnull;
	MemoryContext oldcontext;

	if (row != NULL && strcmp(row->scheme, name) == 0)
		return row;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	arg = CStringGetTextDatum(name);
	/* Parsed with the caller's search_path: every name is qualified. */
	if (SPI_execute_with_args("SELECT cuts, labels, inclusive"
							  "  FROM airesilience.label_scheme"
							  " WHERE scheme OPERATOR(pg_catalog.=) $1",
							  1, &argtype, &arg, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "label scheme lookup failed");
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("label scheme \"%s\" does not exist", name),
				 named_by_setting ?
				 errdetail("The scheme is named by the setting airesilience.label_scheme.") : 0,
				 errhint("The schemes are the rows of airesilience.label_scheme.")));

	oldcontext = MemoryContextSwitchTo(flinfo->fn_mcxt);
	if (row == NULL)
		row = palloc0(sizeof(SchemeRow));
	else
	{
		pfree(row->scheme);
		pfree(row->cuts);
		pfree(row->labels);
	}
	row->scheme = pstrdup(name);
	row->cuts = DatumGetArrayTypePCopy(SPI_getbinval(SPI_tuptable->vals[0],
													 SPI_tuptable->tupdesc, 1, &isnull));
	row->labels = DatumGetArrayTypePCopy(SPI_getbinval(SPI_tuptable->vals[0],
													   SPI_tuptable->tupdesc, 2, &isnull));
	row->inclusive = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0],
												SPI_tuptable->tupdesc, 3, &isnull));
	MemoryContextSwitchTo(oldcontext);
	flinfo->fn_extra = row;

	SPI_finish();
	return row;
}

/*
 * score_label(score float8, scheme text) -> text
 *
 * scheme NULL: the one the setting airesilience.label_scheme names, or
 * resilience6 when it is unset or empty.  NULL score: NULL.
 */
Datum
score_label(PG_FUNCTION_ARGS)
{
	const char *name;
	bool		named_by_setting = PG_ARGISNULL(1);
	SchemeRow  *row;

	if (named_by_setting)
	{
		name = GetConfigOption("airesilience.label_scheme", true, false);
		if (name == NULL || name[0] == '\0')
			name = "resilience6";
	}
	else
		name = text_to_cstring(PG_GETARG_TEXT_PP(1));

	row = scheme_row(fcinfo->flinfo, name, named_by_setting);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(label_of(PG_GETARG_FLOAT8(0), row->cuts, row->labels, row->inclusive));
}
