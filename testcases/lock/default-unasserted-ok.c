// SPDX-License-Identifier: GPL-2.0
/*
 * The code of strict-missing-assertion.c in the default mode: the helper
 * relies on its caller, the caller holds the lock, and missing-assertion
 * is a strict-only finding: silent.
 */
#include <uecheck-test.h>

static void chain(struct user_event_mm *mm, struct user_event_mm *succ)
{
	mm->next = succ;
}

void chain_locked(struct user_event_mm *mm, struct user_event_mm *succ)
{
	mutex_lock(&event_mutex);
	chain(mm, succ);
	mutex_unlock(&event_mutex);
}
