// SPDX-License-Identifier: GPL-2.0
/*
 * A guarded member of a global object, accessed as var.field (not through
 * a pointer): the object is the global, whose own lock (&var.lock) guards
 * it, as this_cpu_ptr(&var)->field's is.  Not checked before: an access
 * with no pointer had no object.  A local object is not checked (it is
 * not published: its initialisation needs no lock).  Issue 23, item 1.
 * Clang 23, which reads a member's lock as any object's in C, reports
 * stats_add()'s line, not stats_other()'s, and stats_local()'s two
 * accesses of its own unpublished object.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

struct stats {
	spinlock_t lock;
	int count __guarded_by(&lock);
};

static struct stats stats, other;

void stats_add(void);
void stats_add(void)
{
	spin_lock(&stats.lock);
	stats.count++;
	spin_unlock(&stats.lock);
	stats.count++;			/* expect: unguarded-access */
}

/* One object's lock is not another's. */
void stats_other(void);
void stats_other(void)
{
	spin_lock(&stats.lock);
	other.count++;			/* expect: unguarded-access */
	spin_unlock(&stats.lock);
}

int stats_local(void);
int stats_local(void)
{
	struct stats s = { 0 };

	s.count = 1;
	return s.count;
}
