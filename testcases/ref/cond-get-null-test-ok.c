// SPDX-License-Identifier: GPL-2.0
/*
 * current_user_event_mm() is called only on some paths; the pointer
 * starts as NULL and is put only when it is non-NULL.  On the paths
 * without the call (or where it returned NULL) nothing is owned, so
 * nothing may be reported.
 */
#include <uecheck-test.h>

int maybe_current(void)
{
	struct user_event_mm *mm = NULL;
	int ret = 0;

	if (cond())
		mm = current_user_event_mm();

	if (mm) {
		use_mm(mm);
		ret = 1;
	}

	if (mm)
		user_event_mm_put(mm);

	return ret;
}
