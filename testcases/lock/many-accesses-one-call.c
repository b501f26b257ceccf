// SPDX-License-Identifier: GPL-2.0
/*
 * One call taking the addresses of more guarded data than a fixed table
 * of a statement's accesses would hold: the last one, the only access of
 * another lock's data, is checked as much as the first.  stats_lock is
 * held, totals_lock is not: unguarded-access, once, on the line that
 * names totals (an address handed to a function has only the call's
 * place in GIMPLE; Clang 23's -Wthread-safety-pointer reports it there).
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(stats_lock);
static DEFINE_MUTEX(totals_lock);

struct stats {
	long hits __guarded_by(&stats_lock);
	long misses __guarded_by(&stats_lock);
};

static struct stats st;
static long totals __guarded_by(&totals_lock);

void sample(long *a, long *b, long *c, long *d, long *e, long *f, long *g,
	    long *h, long *i, long *j, long *k);

void sample_all(void)
{
	mutex_lock(&stats_lock);
	sample(&st.hits, &st.misses, &st.hits, &st.misses, &st.hits,
	       &st.misses, &st.hits, &st.misses, &st.hits, &st.misses, &totals); /* expect: unguarded-access */
	mutex_unlock(&stats_lock);
}

void sample_all_locked(void)
{
	mutex_lock(&stats_lock);
	mutex_lock(&totals_lock);
	sample(&st.hits, &st.misses, &st.hits, &st.misses, &st.hits, &st.misses,
	       &st.hits, &st.misses, &st.hits, &st.misses, &totals);
	mutex_unlock(&totals_lock);
	mutex_unlock(&stats_lock);
}
