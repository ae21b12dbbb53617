/*
 * airesilience.c
 *		Module entry point: the library's magic block and its settings.
 *
 * The kernels live in one file per concern (weighted_resilience.c,
 * source_median.c, seniority.c, labels.c, drop_guard.c, ...); this file only registers what the
 * whole module shares.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "airesilience.h"
#include "compat.h"

PG_MODULE_MAGIC;

/* Band scheme the report views label their headline scores with. */
static char *default_label_scheme = NULL;

/* Lets DROP EXTENSION delete user data (drop_guard.c). */
bool		airesilience_allow_drop = false;

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
	DefineCustomBoolVariable("airesilience.allow_drop",
							 "Lets DROP EXTENSION airesilience delete user data and snapshots.",
							 "Off: such a DROP is refused while user rows exist.",
							 &airesilience_allow_drop,
							 false,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
	ReserveGUCPrefix("airesilience");
}
