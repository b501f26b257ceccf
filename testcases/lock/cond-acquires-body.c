// SPDX-License-Identifier: GPL-2.0
/*
 * The body of a lock attempt, a function annotated __cond_acquires(), is
 * not checked for the locks the annotations name, as Clang does not check
 * it (7.3's kernel/locking/mutex.c: __mutex_lock_common() reads
 * first_waiter as a hint after dropping wait_lock).  Its callers are: the
 * attempt's effect is the annotation's.  With strict the body is checked
 * too (cond-acquires-body-strict.c).
 */
/* uecheck-engines: gcc -- annotations are read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(stats_lock);
static int nr_stats __guarded_by(&stats_lock);

bool stats_try(int *hint)
	__cond_acquires(true, &stats_lock)
{
	*hint = nr_stats;		/* a hint read before the attempt */
	return mutex_trylock(&stats_lock);
}

int stats_bump(void)
{
	int hint;

	if (!stats_try(&hint))
		return nr_stats;	/* expect: unguarded-access */
	nr_stats++;
	mutex_unlock(&stats_lock);
	return hint;
}
