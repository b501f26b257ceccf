// SPDX-License-Identifier: GPL-2.0
/*
 * helper-no-caller-holds.c for a per-object lock: a static helper that
 * touches its parameter's guarded data relies on its callers only if some
 * caller in the file holds that object's lock.  stats_add() is called
 * twice, each time after the caller dropped s->lock: the bug is the
 * helper's access, reported once, there (where Clang 23 reports it), not
 * once at each call.  stats_sub() has a caller that holds the lock, so
 * the one that does not is reported at its call.  A caller callable from
 * outside that passes its own parameter holds the lock by the inference's
 * contract (the default): stats_peak()'s callers are trusted.  (Plain
 * stores: GCC 11 places a compound assignment to a field at its operator,
 * later releases at the field.)
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin */
#include <uecheck-test.h>

struct stats {
	spinlock_t lock;
	int total __guarded_by(&lock);
};

static void stats_add(struct stats *s, int n)
{
	s->total = n;			/* expect: unguarded-access */
}

void stats_add_one(struct stats *s)
{
	spin_lock(&s->lock);
	spin_unlock(&s->lock);
	stats_add(s, 1);
}

void stats_add_two(struct stats *s)
{
	spin_lock(&s->lock);
	s->total = 0;
	spin_unlock(&s->lock);
	stats_add(s, 2);
}

static void stats_sub(struct stats *s, int n)
{
	s->total = -n;
}

void stats_sub_locked(struct stats *s, int n)
{
	spin_lock(&s->lock);
	stats_sub(s, n);
	spin_unlock(&s->lock);
}

void stats_sub_unlocked(struct stats *s, int n)
{
	spin_lock(&s->lock);
	spin_unlock(&s->lock);
	stats_sub(s, n);		/* expect: lock-required */
}

static int stats_read(struct stats *s)
{
	return s->total;
}

int stats_peak(struct stats *s)
{
	return stats_read(s);
}
