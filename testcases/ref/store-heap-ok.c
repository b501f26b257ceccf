// SPDX-License-Identifier: GPL-2.0
/*
 * The reference from user_event_mm_get() is stored straight into a heap
 * object (fault->mm = user_event_mm_get(mm)), which is then published
 * through a global.  Storing into a heap object hands ownership on, so
 * this function owes no put: silent.  The allocation failure returns
 * before any reference is taken.
 */
#include <uecheck-test.h>

struct pending_fixup {
	struct user_event_mm *mm;
	int attempt;
};

struct pending_fixup *pending;

bool queue_fixup(struct user_event_mm *mm, int attempt)
{
	struct pending_fixup *fault;

	fault = kzalloc(sizeof(*fault), GFP_KERNEL);
	if (!fault)
		return false;

	fault->mm = user_event_mm_get(mm);
	fault->attempt = attempt;
	pending = fault;

	return true;
}
