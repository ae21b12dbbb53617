/*
 * airesilience.h
 *		The module's settings, which airesilience.c registers.
 */
#ifndef AIRESILIENCE_H
#define AIRESILIENCE_H

/* airesilience.allow_drop: DROP EXTENSION may delete user data. */
extern bool airesilience_allow_drop;

#endif							/* AIRESILIENCE_H */
