// SPDX-License-Identifier: GPL-2.0
/*
 * A field annotated __guarded_by(&event_mutex) (7.x context analysis; it
 * expands to nothing under GCC) is guarded as user_event_mm.next is,
 * without a line in the rule set: reading or writing it needs event_mutex.
 * One written after the annotated declarator does not; a field guarded by
 * another lock needs that lock (annotated-locks.c), not event_mutex.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

extern struct mutex stats_mutex;

struct enabler_stats {
	int hits __guarded_by(&event_mutex), misses;
	long last_seen __guarded_by(&stats_mutex);
	unsigned long
		faults
		__guarded_by(&event_mutex);
};

void count_hit(struct enabler_stats *s)
{
	mutex_lock(&event_mutex);
	s->hits++;
	s->faults = 0;
	mutex_unlock(&event_mutex);
}

int hits_after_unlock(struct enabler_stats *s)
{
	int h;

	mutex_lock(&event_mutex);
	h = s->hits;
	mutex_unlock(&event_mutex);
	return h + s->hits;		/* expect: unguarded-access */
}

void fault_unlocked(struct enabler_stats *s)
{
	s->faults++;			/* expect: unguarded-access */
}

int others_unlocked(struct enabler_stats *s)
{
	return s->misses + (int)s->last_seen;	/* expect: unguarded-access */
}

static int hits_of(struct enabler_stats *s)
{
	return s->hits;
}

int hits_locked(struct enabler_stats *s)
{
	int h;

	mutex_lock(&event_mutex);
	h = hits_of(s);
	mutex_unlock(&event_mutex);
	return h;
}

int hits_unlocked(struct enabler_stats *s)
{
	return hits_of(s);		/* expect: lock-required */
}
