// SPDX-License-Identifier: GPL-2.0
/*
 * A lock the code annotates (context analysis): a static helper that
 * touches guarded data relies on its callers only if some caller in the
 * file holds the lock.  stats_add() is called by two exported functions
 * and neither takes stats_lock: the bug is the helper's access, reported
 * once, there (where Clang 23 reports it), not once at each caller.  The
 * same through two static levels: stats_zero()'s access.  stats_sub() has
 * a caller that holds the lock, so callers are held to it: the one that
 * does not is reported at its call, as before (Clang, which reads no
 * caller, reports stats_sub()'s access).  Callers holding the lock for
 * every call stay silent.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(stats_lock);
static int stats_total __guarded_by(&stats_lock);
static int stats_peak __guarded_by(&stats_lock);

static void stats_add(int n)
{
	stats_total += n;		/* expect: unguarded-access */
}

void stats_add_one(void)
{
	stats_add(1);
}

void stats_add_two(void)
{
	stats_add(2);
}

static void stats_sub(int n)
{
	stats_total -= n;
}

void stats_sub_locked(int n)
{
	mutex_lock(&stats_lock);
	stats_sub(n);
	mutex_unlock(&stats_lock);
}

void stats_sub_unlocked(int n)
{
	stats_sub(n);			/* expect: lock-required */
}

static void stats_zero(void)
{
	stats_total = 0;		/* expect: unguarded-access */
}

static void stats_clear(void)
{
	stats_zero();
}

void stats_reset(void)
{
	stats_clear();
}

static void stats_note_peak(void)
{
	if (stats_total > stats_peak)
		stats_peak = stats_total;
}

void stats_add_locked(int n)
{
	mutex_lock(&stats_lock);
	stats_total += n;
	stats_note_peak();
	mutex_unlock(&stats_lock);
}

void stats_sub_all_locked(int n)
{
	mutex_lock(&stats_lock);
	stats_total -= n;
	stats_note_peak();
	mutex_unlock(&stats_lock);
}

/*
 * After a call of a helper no caller holds the lock for, the lock is as
 * this function had it, not released by the call: its own access is
 * reported as an exported function's that never takes the lock.
 */
int stats_add_and_read(void)
{
	stats_add(3);
	return stats_total;		/* expect: unguarded-access */
}
