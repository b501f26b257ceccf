// SPDX-License-Identifier: GPL-2.0
/*
 * The result of a function that takes references is thrown away, so
 * nothing can ever put them: the whole list from user_event_mm_get_all(),
 * the node from user_event_mm_get(), the node (if any) from
 * current_user_event_mm().  ref-leak at each discarding call.
 */
#include <uecheck-test.h>

void touch_all(struct user_event *user)
{
	mutex_lock(&event_mutex);
	user_event_mm_get_all(user);		/* expect: ref-leak */
	mutex_unlock(&event_mutex);
}

void touch_one(struct user_event_mm *mm)
{
	user_event_mm_get(mm);			/* expect: ref-leak */
	use_mm(mm);
}

void touch_current(void)
{
	(void)current_user_event_mm();		/* expect: ref-leak */
}
