// SPDX-License-Identifier: GPL-2.0
/*
 * Strict mode: a static helper whose access to ->next is safe only
 * because its one caller holds event_mutex, without saying so.  The call
 * is fine, but strict mode asks for lockdep_assert_held() in the helper:
 * missing-assertion at the line with the helper's name.
 *
 * uecheck-options: strict
 */
#include <uecheck-test.h>

static void chain(struct user_event_mm *mm, struct user_event_mm *succ)	/* expect: missing-assertion */
{
	mm->next = succ;
}

void chain_locked(struct user_event_mm *mm, struct user_event_mm *succ)
{
	mutex_lock(&event_mutex);
	chain(mm, succ);
	mutex_unlock(&event_mutex);
}
