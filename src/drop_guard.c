/*
 * drop_guard.c
 *		Refuses a DROP that would delete the extension while its tables hold
 *		user rows, unless airesilience.allow_drop is on.
 *
 * DROP EXTENSION drops the extension's tables with every row users loaded
 * and every snapshot, without a word.  The extension's event trigger
 * (src/drop_guard.sql) runs this function at the start of DROP EXTENSION
 * and DROP SCHEMA.  Only C sees the statement itself, so only C can tell a
 * DROP that reaches airesilience from one that does not: DROP EXTENSION
 * naming it, or naming pg_trgm with CASCADE, and DROP SCHEMA airesilience
 * CASCADE.  Which rows count is airesilience.user_rows()'s business: the
 * rows pg_dump would keep.
 */
#include "postgres.h"

#include "commands/event_trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "nodes/parsenodes.h"
#include "utils/builtins.h"

#include "airesilience.h"

PG_FUNCTION_INFO_V1(drop_guard);


/* Does the DROP name one of names (a NULL-terminated list)? */
static bool
drop_names(DropStmt *stmt, const char *const *names)
{
	ListCell   *cell;

	foreach(cell, stmt->objects)
	{
		Node	   *object = (Node *) lfirst(cell);

		if (!IsA(object, String))
			continue;
		for (const char *const *name = names; *name != NULL; name++)
			if (strcmp(strVal(object), *name) == 0)
				return true;
	}
	return false;
}

/* Would this statement drop the extension airesilience? */
static bool
drops_airesilience(Node *parsetree)
{
	static const char *const self[] = {"airesilience", NULL};
	static const char *const self_or_required[] = {"airesilience", "pg_trgm", NULL};
	DropStmt   *stmt;

	if (parsetree == NULL || !IsA(parsetree, DropStmt))
		return false;
	stmt = (DropStmt *) parsetree;
	switch (stmt->removeType)
	{
		case OBJECT_EXTENSION:
			return drop_names(stmt, stmt->behavior == DROP_CASCADE ? self_or_required : self);
		case OBJECT_SCHEMA:
			return stmt->behavior == DROP_CASCADE && drop_names(stmt, self);
		default:
			return false;
	}
}

/*
 * drop_guard() -> event_trigger
 */
Datum
drop_guard(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	char	   *user_rows = NULL;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("drop_guard() must be called as an event trigger")));
	trigdata = (EventTriggerData *) fcinfo->context;

	if (airesilience_allow_drop || !drops_airesilience(trigdata->parsetree))
		PG_RETURN_VOID();

	/* Parsed with the caller's search_path: the name is qualified. */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute("SELECT airesilience.user_rows()", true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "user row count failed");
	user_rows = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	if (user_rows != NULL)
		user_rows = pstrdup(user_rows);	/* outlives SPI's memory */
	SPI_finish();

	if (user_rows != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				 errmsg("cannot drop extension airesilience while its tables hold user data"),
				 errdetail("Dropping it would delete %s.", user_rows),
				 errhint("Back the data up with pg_dump first, then SET airesilience.allow_drop = on to drop it. "
						 "To upgrade, use ALTER EXTENSION airesilience UPDATE; to move a database, pg_dump and pg_restore.")));
	PG_RETURN_VOID();
}
