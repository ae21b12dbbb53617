/*
 * compat.h
 *		The one place where PostgreSQL major versions (14-17) differ for us.
 */
#ifndef AIRESILIENCE_COMPAT_H
#define AIRESILIENCE_COMPAT_H

#include "postgres.h"
#include "utils/guc.h"

/* The install script's SQL-standard function bodies (BEGIN ATOMIC) need 14. */
#if PG_VERSION_NUM < 140000
#error "airesilience requires PostgreSQL 14 or later"
#endif

/* PostgreSQL 15 renamed the call that claims a GUC prefix for an extension. */
#if PG_VERSION_NUM >= 150000
#define ReserveGUCPrefix(prefix) MarkGUCPrefixReserved(prefix)
#else
#define ReserveGUCPrefix(prefix) EmitWarningsOnPlaceholders(prefix)
#endif

#endif							/* AIRESILIENCE_COMPAT_H */
