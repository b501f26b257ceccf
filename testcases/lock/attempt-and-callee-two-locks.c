// SPDX-License-Identifier: GPL-2.0
/*
 * A helper defined in the file that tries two locks and returns with both
 * or neither: for a_lock, its callers see the ways out of its body (true
 * with a_lock held, false without); for b_lock, its annotation makes it a
 * lock attempt as well.  One walk follows both locks through one call, and
 * the call's result must mean the same for both: on the path where it
 * returned true, a_lock is held (no finding in both_ok()); where it
 * returned false, neither is (both_failed()).  A walk that let the
 * attempt's outcome forget what the exit cases tied to the result made a
 * path where take_both() succeeded without a_lock (fixed in 0752a5e).
 * The two findings of both_failed() share a place (GIMPLE gives the loads
 * of a global the statement's location): each lock's is its own bug.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(a_lock);
static DEFINE_MUTEX(b_lock);
static int a_data __guarded_by(&a_lock);
static int b_data __guarded_by(&b_lock);

static bool take_both(void) __cond_acquires(true, &b_lock)
{
	if (!mutex_trylock(&a_lock))
		return false;
	if (!mutex_trylock(&b_lock)) {
		mutex_unlock(&a_lock);
		return false;
	}
	return true;
}

int both_ok(void)
{
	int r;

	if (!take_both())
		return 0;
	r = a_data + b_data;
	mutex_unlock(&b_lock);
	mutex_unlock(&a_lock);
	return r;
}

int both_failed(void)
{
	if (take_both()) {
		mutex_unlock(&b_lock);
		mutex_unlock(&a_lock);
		return 1;
	}
	return a_data + b_data;		/* expect: unguarded-access, unguarded-access */
}
