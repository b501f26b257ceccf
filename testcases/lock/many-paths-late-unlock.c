// SPDX-License-Identifier: GPL-2.0
/*
 * Four independent branches, then the lock dropped (or taken) on some
 * paths only, then the write: 32 paths, more than the analysis keeps at
 * one point, so paths are joined.  A path without the lock joined into
 * one with it must leave "maybe free": unguarded-access at each write.
 * The branches are written out in each function: in a helper they would
 * be the callee's paths, not these.
 */
#include <uecheck-test.h>

void step(int i);

void late_unlock(struct user_event_mm *mm, int u, int a, int b, int c, int d)
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
	mm->next = NULL;		/* expect: unguarded-access */
	if (!u)
		mutex_unlock(&event_mutex);
}

void late_lock(struct user_event_mm *mm, int u, int a, int b, int c, int d)
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
	mm->next = NULL;		/* expect: unguarded-access */
	if (u)
		mutex_unlock(&event_mutex);
}
