// SPDX-License-Identifier: GPL-2.0
/*
 * Two assertions written in one macro are two assertions, though GCC
 * places both at the macro's invocation.  7.x's lockdep_assert_held(l)
 * expands to __assume_ctx_lock(l), which the plugin also reads (for
 * lockdep_assert_in_rcu_read_lock()): the two at one place, of one lock,
 * are one assertion; two different locks there are not.  In strict mode
 * a helper that asserts both locks it relies on, through one macro, has
 * no missing-assertion; one that asserts only one of them has it.
 *
 * uecheck-options: strict
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin */
#include <uecheck-test.h>

static DEFINE_MUTEX(stats_lock);
static DEFINE_MUTEX(hist_lock);
static int nr_stats __guarded_by(&stats_lock);
static int nr_hist __guarded_by(&hist_lock);

#define ASSERT_BOTH()							\
	do {								\
		lockdep_assert_held(&stats_lock);			\
		lockdep_assert_held(&hist_lock);			\
	} while (0)

static void count_both(void)
{
	ASSERT_BOTH();
	nr_stats++;
	nr_hist++;
}

static void count_both_unasserted(void)	/* expect: missing-assertion */
{
	lockdep_assert_held(&stats_lock);
	nr_stats++;
	nr_hist++;
}

void count(void)
{
	mutex_lock(&stats_lock);
	mutex_lock(&hist_lock);
	count_both();
	count_both_unasserted();
	mutex_unlock(&hist_lock);
	mutex_unlock(&stats_lock);
}
