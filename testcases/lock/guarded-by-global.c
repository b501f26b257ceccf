// SPDX-License-Identifier: GPL-2.0
/*
 * A global declared __guarded_by(&event_mutex) (7.x; nothing under GCC)
 * is guarded as a field would be: reading, writing or taking its address
 * needs event_mutex.  The annotation may follow the name or, as in
 * lib/stackdepot.c's "static __guarded_by(&pool_lock) LIST_HEAD(...)",
 * precede it on its line.  A global guarded by another lock needs that
 * lock, not event_mutex.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

extern struct mutex stats_mutex;

static int nr_mms __guarded_by(&event_mutex);
static __guarded_by(&event_mutex) long mm_generation;
static int nr_stats __guarded_by(&stats_mutex);

void count_mm(void)
{
	mutex_lock(&event_mutex);
	nr_mms++;
	mm_generation++;
	mutex_unlock(&event_mutex);
}

int mms_after_unlock(void)
{
	int n;

	mutex_lock(&event_mutex);
	n = nr_mms;
	mutex_unlock(&event_mutex);
	return n + nr_mms;		/* expect: unguarded-access */
}

void bump_generation(void)
{
	mm_generation = 0;		/* expect: unguarded-access */
}

int stats_unlocked(void)
{
	return nr_stats;		/* expect: unguarded-access */
}

static long generation_of(void)
{
	return mm_generation;
}

long generation_locked(void)
{
	long g;

	mutex_lock(&event_mutex);
	g = generation_of();
	mutex_unlock(&event_mutex);
	return g;
}

long generation_unlocked(void)
{
	return generation_of();		/* expect: lock-required */
}
