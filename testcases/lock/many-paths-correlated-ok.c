// SPDX-License-Identifier: GPL-2.0
/*
 * The lock taken where a condition holds and the field written only
 * where the same condition holds, with four independent branches in
 * between: 32 paths, more than the analysis keeps at one point (8), so
 * it joins some.  Correct code: it must join the paths that hold the
 * lock with each other, not with the paths without it (that would read
 * "maybe free" at the write).  The condition as a parameter, as the
 * inverse (unlocked where it holds), and as a helper's result.  The
 * branches are written out in each function: in a helper they would be
 * the callee's paths, not these.
 */
/* uecheck-xfail[cocci]: the scripts do not relate two tests of the same condition: unguarded-access at each write */
#include <uecheck-test.h>

void step(int i);

void late_lock_correlated(struct user_event_mm *mm, int u, int a, int b, int c, int d)
{
	if (a)
		step(1);
	if (b)
		step(2);
	if (c)
		step(3);
	if (d)
		step(4);
	if (u)
		mutex_lock(&event_mutex);
	if (u) {
		mm->next = NULL;
		mutex_unlock(&event_mutex);
	}
}

void late_unlock_correlated(struct user_event_mm *mm, int u, int a, int b, int c, int d)
{
	mutex_lock(&event_mutex);
	if (a)
		step(1);
	if (b)
		step(2);
	if (c)
		step(3);
	if (d)
		step(4);
	if (u)
		mutex_unlock(&event_mutex);
	if (!u) {
		mm->next = NULL;
		mutex_unlock(&event_mutex);
	}
}

static int lock_if(int x)
{
	if (x) {
		mutex_lock(&event_mutex);
		return 1;
	}
	return 0;
}

void late_helper_correlated(struct user_event_mm *mm, int x, int a, int b, int c, int d)
{
	int locked;

	if (a)
		step(1);
	if (b)
		step(2);
	if (c)
		step(3);
	if (d)
		step(4);
	locked = lock_if(x);
	if (locked) {
		mm->next = NULL;
		mutex_unlock(&event_mutex);
	}
}
