// SPDX-License-Identifier: GPL-2.0
/*
 * The usual shape of a current_user_event_mm() user: return at once when
 * it gives NULL (nothing owned), and send every later error path through
 * one label that puts the reference, including a retry loop.  Every path
 * that took the reference puts it once: silent.
 */
#include <uecheck-test.h>

int register_one(void)
{
	struct user_event_mm *mm;
	int ret;

	mm = current_user_event_mm();
	if (!mm)
		return -ENOMEM;

	ret = may_fail();
	if (ret)
		goto out;

retry:
	mutex_lock(&event_mutex);
	use_mm(mm);
	ret = may_fail();
	mutex_unlock(&event_mutex);

	if (ret == -EAGAIN)
		goto retry;
out:
	user_event_mm_put(mm);
	return ret;
}

bool exists_for_current(void)
{
	struct user_event_mm *mm = current_user_event_mm();
	bool exists;

	if (!mm)
		return false;

	exists = cond();

	user_event_mm_put(mm);

	return exists;
}
