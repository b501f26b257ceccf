// SPDX-License-Identifier: GPL-2.0
/*
 * A helper told by its caller whether the lock is held, which takes the
 * lock itself only where it is not (if (!locked) mutex_lock(...)), or
 * uses the data unlocked only where its caller says it holds the lock:
 * its need for the lock holds only for those values of its parameter.
 * A caller passing false (or 0) without the lock is correct and silent;
 * one passing true without the lock is the finding, at its call.  A
 * function passing its own flag on needs the lock on the same condition,
 * so its callers are judged the same way.  A caller passing a value the
 * path knows from a branch is read as passing that value.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(f_lock);
static int f_count __guarded_by(&f_lock);

static void f_bump(bool locked)
{
	if (!locked)
		mutex_lock(&f_lock);
	f_count++;
	if (!locked)
		mutex_unlock(&f_lock);
}

static void f_reset(int held)
{
	if (held) {
		f_count = 0;
		return;
	}
	mutex_lock(&f_lock);
	f_count = 0;
	mutex_unlock(&f_lock);
}

static void f_bump_twice(bool locked)
{
	f_bump(locked);
	f_bump(locked);
}

void f_api_unlocked(void)
{
	f_bump(false);
	f_reset(0);
	f_bump_twice(false);
}

void f_api_locked(void)
{
	mutex_lock(&f_lock);
	f_bump(true);
	f_reset(1);
	f_bump_twice(true);
	mutex_unlock(&f_lock);
}

void f_api_branch(int held)
{
	if (held)
		return;
	f_reset(held);
}

void f_api_wrong(void)
{
	f_bump(true);			/* expect: lock-required */
}

void f_api_wrong_twice(void)
{
	f_bump_twice(true);		/* expect: lock-required */
}
