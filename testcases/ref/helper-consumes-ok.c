// SPDX-License-Identifier: GPL-2.0
/*
 * Ownership crossing static functions of the same file: grab() returns a
 * reference it took (its caller owns it), release() puts its argument on
 * every path (it consumes it).  The caller takes one reference through
 * grab() and hands it to release() on both its paths: silent.
 *
 * uecheck-engines: gcc -- interprocedural (get and put are in callees)
 */
#include <uecheck-test.h>

static struct user_event_mm *grab(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (mm)
		use_mm(mm);
	return mm;
}

static void release(struct user_event_mm *mm)
{
	if (cond())
		use_mm(mm);
	user_event_mm_put(mm);
}

int work_on_current(void)
{
	struct user_event_mm *mm = grab();

	if (!mm)
		return -ENOMEM;

	if (may_fail()) {
		release(mm);
		return -EAGAIN;
	}

	use_mm(mm);
	release(mm);
	return 0;
}
