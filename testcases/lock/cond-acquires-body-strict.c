// SPDX-License-Identifier: GPL-2.0
/*
 * cond-acquires-body.c with strict: the body of a lock attempt is checked
 * as any other, beyond what Clang checks.
 */
/* uecheck-options: strict */
/* uecheck-engines: gcc -- annotations are read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(stats_lock);
static int nr_stats __guarded_by(&stats_lock);

bool stats_try(int *hint)
	__cond_acquires(true, &stats_lock)
{
	*hint = nr_stats;		/* expect: unguarded-access */
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
