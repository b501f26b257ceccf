// SPDX-License-Identifier: GPL-2.0
/*
 * A static helper returns the reference it took from
 * current_user_event_mm(), so its caller owns it.  The caller uses the
 * node and returns without putting it: ref-leak at the caller's return.
 * The helper itself hands the reference on and stays silent.
 *
 * uecheck-engines: gcc -- interprocedural (the get is in the callee)
 */
#include <uecheck-test.h>

static struct user_event_mm *grab_current(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (mm)
		use_mm(mm);
	return mm;
}

int peek_current(void)
{
	struct user_event_mm *mm = grab_current();

	if (!mm)
		return -ENOENT;

	use_mm(mm);
	return 0;			/* expect: ref-leak */
}
