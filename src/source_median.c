/*
 * source_median.c
 *		The aggregate source_median(score): the exact median of the scores,
 *		equal bit for bit to percentile_cont(0.5) WITHIN GROUP (ORDER BY score).
 *
 * An occupation's headline score is the median of its source scores, and a
 * task's exposure the median of its raters.  percentile_cont computes the
 * same number, but it sorts every group (O(n log n)) and, having no combine
 * function, never runs in parallel.  This aggregate keeps the scores of a
 * group in a growable array and finds the middle one by selection in O(n):
 * Floyd-Rivest selection on large ranges (the pivot is itself selected
 * within a sample), median-of-3 quickselect on small ones, and past a depth
 * limit a heapsort of the range left, so that no input makes it quadratic.
 * For an even count the upper middle value is then the minimum of the upper
 * partition.  The two middle values are interpolated with the expression
 * percentile_cont uses, lo + 0.5 * (hi - lo), so the results agree bit for
 * bit, also where infinities meet (-Infinity and Infinity give NaN).  The
 * one visible difference: when -0 and 0 both sit in the middle of an
 * odd-sized group, the sign of the zero returned may differ (they compare
 * equal).
 *
 * NaN has no place in an order of scores, so it is rejected with an error
 * rather than sorted last as percentile_cont would.
 *
 * The state lives in the aggregate memory context: a 128-byte chunk (144
 * with the allocator's header) with room for 12 values, so that hash
 * aggregation over many small groups stays cheap and needs no memory context
 * per group; larger groups move their values to an array that doubles as
 * needed, with huge allocations, so groups beyond 128M values work.  Partial
 * states serialize to a versioned bytea for parallel aggregation; a bytea
 * holds at most 1 GB, so one parallel worker can pass at most 134M values to
 * the leader.
 */
#include "postgres.h"

#include <math.h>
#ifndef WIN32
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "fmgr.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "port/pg_bswap.h"
#include "utils/memutils.h"

#include "compat.h"
#include "score_set.h"

StaticAssertDecl(sizeof(MedianState) == 128,
				 "MedianState should fill a 128-byte chunk exactly");

/* The first separate array: 512 bytes, and powers of two from there. */
#define FIRST_ARRAY_CAPACITY	64
/* The most values an array can hold. */
#define MAX_CAPACITY	((int64) (MaxAllocHugeSize / sizeof(double)))

/* Large states map this many values' pages ahead of appending (2 MB). */
#define PREFAULT_WINDOW		((int64) 262144)
/* Ranges shorter than this are left to ordinary page faults. */
#define PREFAULT_MIN_BYTES	((Size) 65536)

/*
 * Serialized state, in network byte order: uint32 format version, int64
 * count, then count float8 values.
 */
#define STATE_FORMAT_VERSION	1
#define SERIAL_HEADER_SIZE	(sizeof(uint32) + sizeof(int64))
#define MAX_SERIAL_COUNT \
	((int64) ((MaxAllocSize - VARHDRSZ - SERIAL_HEADER_SIZE) / sizeof(double)))

/* Ranges this small are finished by insertion sort. */
#define INSERTION_SORT_THRESHOLD	16
/* Ranges larger than this choose their pivot by sampling (Floyd-Rivest). */
#define FLOYD_RIVEST_THRESHOLD	600

/* Loops over many values check for interrupts once per this many. */
#define INTERRUPT_CHECK_MASK	((int64) 0xFFFFF)

PG_FUNCTION_INFO_V1(source_median_transfn);
PG_FUNCTION_INFO_V1(source_median_combinefn);
PG_FUNCTION_INFO_V1(source_median_serialfn);
PG_FUNCTION_INFO_V1(source_median_deserialfn);
PG_FUNCTION_INFO_V1(source_median_finalfn);

static MemoryContext
aggregate_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "source_median support function called in non-aggregate context");
	return aggcontext;
}

/*
 * Asks the kernel to map the pages of the given memory now, in one call.
 * A large array comes straight from mmap, and filling it would
 * otherwise take one page fault per 4 kB page; in a virtual machine those
 * faults cost more than the rest of the transition work (measured over 10M
 * rows: the whole aggregate takes a quarter less time with prefaulting).
 * The pages are allocated memory of ours either way: this maps them earlier,
 * a window at a time, and changes no byte.  Where MADV_POPULATE_WRITE is
 * missing (it is Linux 5.14+) or fails, the pages fault in as usual.
 */
static void
prefault(void *start_address, Size length)
{
#ifdef MADV_POPULATE_WRITE
	static uintptr_t page_size = 0;
	uintptr_t	start;
	uintptr_t	end;
	int			save_errno;

	if (length < PREFAULT_MIN_BYTES)
		return;
	if (page_size == 0)
	{
		long		size = sysconf(_SC_PAGESIZE);

		page_size = size > 0 ? (uintptr_t) size : 4096;
	}
	/* Only whole pages inside the range, which are all ours. */
	start = TYPEALIGN(page_size, (uintptr_t) start_address);
	end = TYPEALIGN_DOWN(page_size, (uintptr_t) start_address + length);
	if (end <= start)
		return;
	save_errno = errno;
	(void) madvise((void *) start, end - start, MADV_POPULATE_WRITE);
	errno = save_errno;
#endif
}

/*
 * Makes room for at least min_capacity values, doubling the capacity, in
 * the memory context the state lives in.  Out of line: the transition
 * function needs it once per doubling.
 */
static pg_noinline void
grow_state(MedianState *state, int64 min_capacity)
{
	int64		capacity = Max(state->capacity, FIRST_ARRAY_CAPACITY / 2);

	if (min_capacity > MAX_CAPACITY)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("source_median cannot hold more than " INT64_FORMAT " values in one group",
						MAX_CAPACITY)));

	while (capacity < min_capacity)
		capacity = Min(capacity * 2, MAX_CAPACITY);

	if (state->values == state->inline_values)
	{
		double	   *values;

		values = (double *) MemoryContextAllocHuge(GetMemoryChunkContext(state),
												   (Size) capacity * sizeof(double));
		memcpy(values, state->inline_values, (Size) state->count * sizeof(double));
		state->values = values;
	}
	else
		state->values = (double *) repalloc_huge(state->values,
												 (Size) capacity * sizeof(double));
	state->capacity = capacity;
}

/* A new, empty state with room for min_capacity values. */
static MedianState *
make_state(MemoryContext context, int64 min_capacity)
{
	MedianState *state;

	state = (MedianState *) MemoryContextAlloc(context, sizeof(MedianState));
	state->count = 0;
	state->capacity = INLINE_CAPACITY;
	state->fill_limit = 0;
	state->values = state->inline_values;
	if (min_capacity > INLINE_CAPACITY)
		grow_state(state, min_capacity);
	return state;
}

/*
 * Called when appending reaches fill_limit: grows the state if it is full,
 * prefaults the next window of a large one, and moves fill_limit on.
 */
static pg_noinline void
make_room(MedianState *state)
{
	if (state->count == state->capacity)
		grow_state(state, state->count + 1);
	state->fill_limit = Min(state->capacity, state->count + PREFAULT_WINDOW);
	prefault(state->values + state->count,
			 (Size) (state->fill_limit - state->count) * sizeof(double));
}

/* The first value of a group: the state is created in the aggregate context. */
static pg_noinline MedianState *
first_value_state(FunctionCallInfo fcinfo)
{
	MedianState *state = make_state(aggregate_context(fcinfo), 0);

	state->fill_limit = state->capacity;
	return state;
}

static pg_noinline void
reject_nan(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("source_median does not accept NaN"),
			 errdetail("NaN has no place in the order of the scores, so they have no median."),
			 errhint("Leave NaN scores out, for example with WHERE score <> 'NaN'.")));
}

/*
 * Transition function.  Not strict: a strict one would have the executor
 * take the first row's score as the state, unvalidated.  The hot path is an
 * append; the aggregate context is only looked up for a new group.
 */
Datum
source_median_transfn(PG_FUNCTION_ARGS)
{
	MedianState *state;
	double		score;

	state = PG_ARGISNULL(0) ? NULL : (MedianState *) PG_GETARG_POINTER(0);

	if (PG_ARGISNULL(1))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}

	score = PG_GETARG_FLOAT8(1);
	if (unlikely(isnan(score)))
		reject_nan();

	if (unlikely(state == NULL))
		state = first_value_state(fcinfo);
	else if (unlikely(state->count >= state->fill_limit))
		make_room(state);

	state->values[state->count++] = score;

	PG_RETURN_POINTER(state);
}

/*
 * Merges two partial states, for parallel and partitionwise aggregation.
 * The result must live in the aggregate context: when the first state is
 * NULL the second one (which may live in a short-lived context) is copied.
 */
Datum
source_median_combinefn(PG_FUNCTION_ARGS)
{
	MedianState *state1;
	MedianState *state2;
	MemoryContext aggcontext = aggregate_context(fcinfo);

	state1 = PG_ARGISNULL(0) ? NULL : (MedianState *) PG_GETARG_POINTER(0);
	state2 = PG_ARGISNULL(1) ? NULL : (MedianState *) PG_GETARG_POINTER(1);

	if (state2 == NULL || state2->count == 0)
	{
		if (state1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state1);
	}

	if (state1 == NULL)
		state1 = make_state(aggcontext, state2->count);
	else if (state2->count > state1->capacity - state1->count)
		grow_state(state1, state1->count + state2->count);

	prefault(state1->values + state1->count,
			 (Size) state2->count * sizeof(double));
	memcpy(state1->values + state1->count, state2->values,
		   (Size) state2->count * sizeof(double));
	state1->count += state2->count;
	state1->fill_limit = state1->count;

	PG_RETURN_POINTER(state1);
}

/* Serializes a state for the leader of a parallel aggregation. */
Datum
source_median_serialfn(PG_FUNCTION_ARGS)
{
	MedianState *state = (MedianState *) PG_GETARG_POINTER(0);
	bytea	   *result;
	char	   *p;
	uint32		version = pg_hton32(STATE_FORMAT_VERSION);
	uint64		count;
	Size		size;

	(void) aggregate_context(fcinfo);

	/* A bytea holds at most 1 GB. */
	if (state->count > MAX_SERIAL_COUNT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("source_median partial state of " INT64_FORMAT " values is too large to pass between parallel workers",
						state->count),
				 errdetail("A parallel worker can pass at most " INT64_FORMAT " values to the leader.",
						   MAX_SERIAL_COUNT),
				 errhint("Disable parallel aggregation for this query with SET max_parallel_workers_per_gather = 0.")));

	size = VARHDRSZ + SERIAL_HEADER_SIZE + (Size) state->count * sizeof(double);
	result = (bytea *) palloc(size);
	prefault(result, size);
	SET_VARSIZE(result, size);
	p = VARDATA(result);

	memcpy(p, &version, sizeof(version));
	p += sizeof(version);
	count = pg_hton64((uint64) state->count);
	memcpy(p, &count, sizeof(count));
	p += sizeof(count);

	for (int64 i = 0; i < state->count; i++)
	{
		uint64		bits;

		memcpy(&bits, &state->values[i], sizeof(bits));
		bits = pg_hton64(bits);
		memcpy(p, &bits, sizeof(bits));
		p += sizeof(bits);
		if ((i & INTERRUPT_CHECK_MASK) == INTERRUPT_CHECK_MASK)
			CHECK_FOR_INTERRUPTS();
	}

	PG_RETURN_BYTEA_P(result);
}

/*
 * Rebuilds a state from serialfn's output, trusting nothing: sizes, version
 * and every value are checked before the aggregate context is looked at, so
 * corrupt input gets a clear error however the function is reached.
 *
 * The state is built in the current (per-input-tuple) memory context, as
 * PostgreSQL's own deserialization functions do: the combine function copies
 * what it keeps into the aggregate context.
 */
Datum
source_median_deserialfn(PG_FUNCTION_ARGS)
{
	bytea	   *serialized;
	const char *p;
	Size		length;
	uint32		version;
	uint64		count_bits;
	int64		count;
	MedianState *state;

	/* Strict in SQL; the tests also bind this symbol to a non-strict probe. */
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	serialized = PG_GETARG_BYTEA_PP(0);
	length = VARSIZE_ANY_EXHDR(serialized);
	p = VARDATA_ANY(serialized);

	if (length < SERIAL_HEADER_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid source_median aggregate state"),
				 errdetail("The state is %zu bytes long, shorter than its %zu-byte header.",
						   length, SERIAL_HEADER_SIZE)));

	memcpy(&version, p, sizeof(version));
	version = pg_ntoh32(version);
	p += sizeof(version);
	if (version != STATE_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid source_median aggregate state"),
				 errdetail("The state has format version %u, expected %d.",
						   version, STATE_FORMAT_VERSION)));

	memcpy(&count_bits, p, sizeof(count_bits));
	count = (int64) pg_ntoh64(count_bits);
	p += sizeof(count_bits);
	if (count < 0 ||
		count != (int64) ((length - SERIAL_HEADER_SIZE) / sizeof(double)) ||
		(length - SERIAL_HEADER_SIZE) % sizeof(double) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid source_median aggregate state"),
				 errdetail("The state says it holds " INT64_FORMAT " values but carries %zu bytes of values.",
						   count, length - SERIAL_HEADER_SIZE)));

	/*
	 * Decode into a state before the context check, so that every value is
	 * validated however the function is called.
	 */
	state = make_state(CurrentMemoryContext, count);
	prefault(state->values, (Size) count * sizeof(double));
	for (int64 i = 0; i < count; i++)
	{
		uint64		bits;
		double		value;

		memcpy(&bits, p, sizeof(bits));
		bits = pg_ntoh64(bits);
		memcpy(&value, &bits, sizeof(value));
		p += sizeof(bits);
		if (isnan(value))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid source_median aggregate state"),
					 errdetail("Value " INT64_FORMAT " of the state is NaN.", i + 1)));
		state->values[i] = value;
		if ((i & INTERRUPT_CHECK_MASK) == INTERRUPT_CHECK_MASK)
			CHECK_FOR_INTERRUPTS();
	}
	state->count = count;
	state->fill_limit = count;

	(void) aggregate_context(fcinfo);

	PG_RETURN_POINTER(state);
}

static inline void
swap_values(double *a, double *b)
{
	double		t = *a;

	*a = *b;
	*b = t;
}

/* Sorts values[lo..hi] (bounds included); for short ranges only. */
static void
insertion_sort(double *values, int64 lo, int64 hi)
{
	for (int64 i = lo + 1; i <= hi; i++)
	{
		double		v = values[i];
		int64		j = i - 1;

		while (j >= lo && values[j] > v)
		{
			values[j + 1] = values[j];
			j--;
		}
		values[j + 1] = v;
	}
}

/* Restores the max-heap property below root in the heap values[0..n). */
static void
sift_down(double *values, int64 root, int64 n)
{
	double		v = values[root];

	for (;;)
	{
		int64		child = 2 * root + 1;

		if (child >= n)
			break;
		if (child + 1 < n && values[child + 1] > values[child])
			child++;
		if (values[child] <= v)
			break;
		values[root] = values[child];
		root = child;
	}
	values[root] = v;
}

/*
 * Sorts values[0..n) by heapsort: O(n log n) whatever the input, the
 * fallback that keeps introselect from going quadratic.
 */
static void
heap_sort(double *values, int64 n)
{
	for (int64 root = n / 2 - 1; root >= 0; root--)
		sift_down(values, root, n);
	for (int64 end = n - 1; end > 0; end--)
	{
		swap_values(&values[0], &values[end]);
		sift_down(values, 0, end);
		if ((end & INTERRUPT_CHECK_MASK) == 0)
			CHECK_FOR_INTERRUPTS();
	}
}

/*
 * Moves the pivot values[pivot_pos] to its place in values[lo..hi] and
 * returns that place j: afterwards values[lo..j-1] <= values[j] <=
 * values[j+1..hi].  The pivot and the value at hi serve as sentinels, so the
 * scans need no bounds checks; they stop on values equal to the pivot, so
 * many duplicates still split the range evenly.
 */
static int64
partition(double *values, int64 lo, int64 hi, int64 pivot_pos)
{
	double		pivot = values[pivot_pos];
	int64		i = lo;
	int64		j = hi;

	swap_values(&values[lo], &values[pivot_pos]);
	if (values[hi] > pivot)
		swap_values(&values[lo], &values[hi]);
	/* Now the range starts at the pivot or ends at it. */
	while (i < j)
	{
		swap_values(&values[i], &values[j]);
		i++;
		j--;
		while (values[i] < pivot)
			i++;
		while (values[j] > pivot)
			j--;
	}
	if (values[lo] == pivot)
		swap_values(&values[lo], &values[j]);
	else
	{
		j++;
		swap_values(&values[j], &values[hi]);
	}
	return j;
}

/*
 * Rearranges values[lo..hi] so that values[k] holds the value that belongs
 * there in sorted order, no value before it is larger and no value after it
 * is smaller.
 *
 * Large ranges take the Floyd-Rivest step: the k-th value is first selected
 * within a sample range around k, recursively, and serves as pivot; it lands
 * so close to k that the range shrinks to a small fraction at each step, for
 * about n + min(k, n - k) comparisons in all.  Smaller ranges partition
 * around the median of the first, middle and last values.  Each partition
 * spends one unit of depth_limit: when it runs out the input defeats the
 * pivot choices, and the range left is heapsorted, so no input takes more
 * than O(n log n).
 */
static void
select_in_range(double *values, int64 lo, int64 hi, int64 k, int depth_limit)
{
	while (hi - lo + 1 > INSERTION_SORT_THRESHOLD)
	{
		int64		pivot_pos;
		int64		j;

		if (depth_limit-- == 0)
		{
			heap_sort(values + lo, hi - lo + 1);
			return;
		}
		CHECK_FOR_INTERRUPTS();

		if (hi - lo + 1 > FLOYD_RIVEST_THRESHOLD)
		{
			/* The sample range from Floyd and Rivest's Algorithm 489 */
			double		n = (double) (hi - lo + 1);
			double		rank = (double) (k - lo + 1);
			double		log_n = log(n);
			double		sample = 0.5 * exp(2.0 * log_n / 3.0);
			double		spread = 0.5 * sqrt(log_n * sample * (n - sample) / n);
			int64		sample_lo;
			int64		sample_hi;

			if (rank < n / 2.0)
				spread = -spread;
			sample_lo = (int64) floor((double) k - rank * sample / n + spread);
			sample_hi = (int64) floor((double) k + (n - rank) * sample / n + spread);
			sample_lo = Max(lo, Min(sample_lo, k));
			sample_hi = Min(hi, Max(sample_hi, k));
			select_in_range(values, sample_lo, sample_hi, k, depth_limit);
			pivot_pos = k;
		}
		else
		{
			int64		mid = lo + (hi - lo) / 2;

			/* values[lo] <= values[mid] <= values[hi] */
			if (values[mid] < values[lo])
				swap_values(&values[mid], &values[lo]);
			if (values[hi] < values[mid])
			{
				swap_values(&values[hi], &values[mid]);
				if (values[mid] < values[lo])
					swap_values(&values[mid], &values[lo]);
			}
			pivot_pos = mid;
		}

		j = partition(values, lo, hi, pivot_pos);
		if (k < j)
			hi = j - 1;
		else if (k > j)
			lo = j + 1;
		else
			return;
	}
	insertion_sort(values, lo, hi);
}

/*
 * Selection of the k-th value (from 0) of values[lo..hi]; see
 * select_in_range().  Shared with source_consensus through score_set.h.
 */
void
score_set_select(double *values, int64 lo, int64 hi, int64 k)
{
	select_in_range(values, lo, hi, k,
					2 * (pg_leftmost_one_pos64((uint64) (hi - lo + 1)) + 1));
}

/*
 * The median, or NULL for a group without values.
 *
 * FINALFUNC_MODIFY = READ_ONLY although the selection permutes the array:
 * the state means the multiset of values, whose order is never used, and
 * the multiset is unchanged.  So the transition function may go on adding
 * values after a final call, and the final function may run again on the
 * same state; both hold for window aggregation (source_median(x) OVER (...)),
 * which READ_ONLY allows and SHAREABLE would forbid.
 */
Datum
source_median_finalfn(PG_FUNCTION_ARGS)
{
	MedianState *state;
	double	   *values;
	int64		n;
	int64		k;
	double		lo;
	double		hi;

	(void) aggregate_context(fcinfo);

	state = PG_ARGISNULL(0) ? NULL : (MedianState *) PG_GETARG_POINTER(0);
	if (state == NULL || state->count == 0)
		PG_RETURN_NULL();

	values = state->values;
	n = state->count;
	k = (n - 1) / 2;
	score_set_select(values, 0, n - 1, k);
	lo = values[k];
	if (n % 2 == 1)
		PG_RETURN_FLOAT8(lo);

	/* The upper middle value is the smallest of those after the k-th. */
	hi = values[k + 1];
	for (int64 i = k + 2; i < n; i++)
	{
		if (values[i] < hi)
			hi = values[i];
	}

	/* percentile_cont's interpolation (float8_lerp), to agree bit for bit */
	PG_RETURN_FLOAT8(lo + 0.5 * (hi - lo));
}
