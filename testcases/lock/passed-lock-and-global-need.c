// SPDX-License-Identifier: GPL-2.0
/*
 * A function that needs the lock it is given (__must_hold(lock) of its
 * parameter) and, besides, a global lock of the same kind for data it
 * touches: a caller that passes another lock still owes the global one.
 * The summary keeps the two needs apart (issue 23, item 4).  Clang 23
 * warns in stats_note() itself, at the access, which it checks alone;
 * uecheck, which reads both callers, passes the need up to them, since
 * stats_add_locked() holds stats_lock, and reports stats_add()'s call.
 */
/* uecheck-engines: gcc -- __must_hold() is read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

static DEFINE_SPINLOCK(stats_lock);
static DEFINE_SPINLOCK(queue_lock);
static int nr_stats __guarded_by(&stats_lock);

static void stats_note(spinlock_t *lock) __must_hold(lock)
{
	nr_stats++;
}

void stats_add_locked(void);
void stats_add_locked(void)
{
	spin_lock(&stats_lock);
	spin_lock(&queue_lock);
	stats_note(&queue_lock);
	spin_unlock(&queue_lock);
	spin_unlock(&stats_lock);
}

void stats_add(void);
void stats_add(void)
{
	spin_lock(&queue_lock);
	stats_note(&queue_lock);	/* expect: lock-required */
	spin_unlock(&queue_lock);
}
