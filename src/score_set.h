/*
 * score_set.h
 *		The transition state that source_median and source_consensus share,
 *		and the selection routine that finds order statistics in it.
 *
 * Both aggregates keep the scores of a group as an unordered multiset and
 * use the same transition, combine, serialization and deserialization
 * functions (source_median.c); only their final functions differ, so
 * PostgreSQL can share one state between them within a query.
 */
#ifndef AIRESILIENCE_SCORE_SET_H
#define AIRESILIENCE_SCORE_SET_H

#include "postgres.h"

/* Values a state holds in its own 128-byte chunk. */
#define INLINE_CAPACITY		12

/*
 * The scores of one group, in the order they arrived until the final
 * function permutes them.  Only the multiset matters, never the order.
 *
 * The first values live in the state itself; past INLINE_CAPACITY they move
 * to an array of their own, which doubles as needed while the state stays
 * where it is.  Hash aggregation over many large groups then touches the
 * small states, packed together, and one page of one array per row; were
 * the header at the start of each array, every row would touch two far
 * apart pages, and the TLB misses made grouping 1.5 times slower (measured
 * with 1,000 groups of 10,000 values).
 */
typedef struct MedianState
{
	int64		count;			/* values in use */
	int64		capacity;		/* room in values[] */
	int64		fill_limit;		/* where appending leaves the fast path: the
								 * capacity or the end of the prefaulted
								 * pages; count <= fill_limit <= capacity */
	double	   *values;			/* inline_values or a separate array */
	double		inline_values[INLINE_CAPACITY];
} MedianState;

/*
 * Rearranges values[lo..hi] (bounds included, no NaN) so that values[k]
 * holds the value that belongs there in sorted order, with no larger value
 * before it and no smaller one after it within the range.  Linear time on
 * average, O(n log n) at worst.
 */
extern void score_set_select(double *values, int64 lo, int64 hi, int64 k);

#endif							/* AIRESILIENCE_SCORE_SET_H */
