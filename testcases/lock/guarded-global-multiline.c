// SPDX-License-Identifier: GPL-2.0
/*
 * Guarded globals read in one expression written over two lines.  GIMPLE
 * gives a global's load no location of its own, only its statement's, the
 * line of the expression's operator; each finding must still be on the
 * line that names the data (Clang 23 reports each at its name too), and
 * one lock's finding must not hide the other's.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(a_lock);
static DEFINE_MUTEX(b_lock);
static int a_data __guarded_by(&a_lock);
static int b_data __guarded_by(&b_lock);

int sum_unlocked(void)
{
	return a_data			/* expect: unguarded-access */
		+ b_data;		/* expect: unguarded-access */
}

int sum_half_locked(void)
{
	int r;

	mutex_lock(&a_lock);
	r = a_data +
	    b_data;			/* expect: unguarded-access */
	mutex_unlock(&a_lock);
	return r;
}

int sum_locked(void)
{
	int r;

	mutex_lock(&a_lock);
	mutex_lock(&b_lock);
	r = a_data
	    + b_data;
	mutex_unlock(&b_lock);
	mutex_unlock(&a_lock);
	return r;
}
