// SPDX-License-Identifier: GPL-2.0
/*
 * user_event_mm_put() accepts NULL, so putting the result of
 * current_user_event_mm() unconditionally is correct whether or not it
 * returned a node.  No leak, no double put: silent.
 */
#include <uecheck-test.h>

bool current_has_work(void)
{
	struct user_event_mm *mm = current_user_event_mm();
	bool found = false;

	if (mm) {
		use_mm(mm);
		found = cond();
	}

	user_event_mm_put(mm);
	return found;
}
