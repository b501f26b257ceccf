// SPDX-License-Identifier: GPL-2.0
/*
 * The only error label sits below the put, so the failure after the
 * reference was taken jumps past the put: on that path the
 * reference from current_user_event_mm() is never dropped.  The leak is
 * reported at the return the path leaves by (this goto does not leave a
 * list walk, so no engine moves it to the goto).  The first goto (mm is
 * NULL, nothing owned) is fine.
 */
#include <uecheck-test.h>

int attach_current(void)
{
	struct user_event_mm *mm;
	int ret;

	mm = current_user_event_mm();
	if (!mm) {
		ret = -ENOMEM;
		goto out;
	}

	ret = may_fail();
	if (ret)
		goto out;

	use_mm(mm);
	ret = 0;

	user_event_mm_put(mm);
out:
	return ret;			/* expect: ref-leak */
}
