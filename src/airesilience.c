/*
 * airesilience.c
 *		Module entry point: the library's magic block and its settings.
 *
 * The kernels live in one file per concern (weighted_resilience.c,
 * source_median.c, seniority.c, labels.c); this file only registers what the
 * whole module shares.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "compat.h"

PG_MODULE_MAGIC;

/* Band scheme the report views label their headline scores with. */
static char *default_label_scheme = NULL;

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomStringVariable("airesilience.label_scheme",
							   "Label scheme used by the report views.",
							   "Names a row of airesilience.label_scheme.",
							   &default_label_scheme,
							   "resilience6",
							   PGC_USERSET,
							   0,
							   NULL, NULL, NULL);
	ReserveGUCPrefix("airesilience");
}
