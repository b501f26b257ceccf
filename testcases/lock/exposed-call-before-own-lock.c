// SPDX-License-Identifier: GPL-2.0
/*
 * An exported function that calls a helper needing the lock before it
 * takes the lock itself: the finding is at the call (Clang 23 reports
 * both calls below too, checked on this code written with Clang's
 * attributes).  Its note must not say the function
 * "neither takes nor asserts" the lock: it names where the function takes
 * it, after the call, or at a guard() (suite-integration's part uecheck
 * checks the words).  The same helper called after the lock is silent.
 */
/* uecheck-engines: gcc -- __guarded_by() and __must_hold() are read through the preprocessor by the plugin */
#include <uecheck-test.h>

static DEFINE_MUTEX(stats_lock);
static int stats_hits __guarded_by(&stats_lock);

static void stats_bump(void) __must_hold(&stats_lock)
{
	stats_hits++;
}

void stats_record_early(void)
{
	stats_bump();				/* expect: lock-required */
	mutex_lock(&stats_lock);
	stats_hits++;
	mutex_unlock(&stats_lock);
}

void stats_record(void)
{
	mutex_lock(&stats_lock);
	stats_bump();
	mutex_unlock(&stats_lock);
}

void stats_never_locks(void)
{
	stats_bump();				/* expect: lock-required */
}

/* The same with a guard(): the note names the guard, where it takes the lock. */
void stats_record_scoped(void)
{
	stats_bump();				/* expect: lock-required */
	guard(mutex)(&stats_lock);
	stats_hits++;
}
