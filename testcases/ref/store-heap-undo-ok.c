// SPDX-License-Identifier: GPL-2.0
/*
 * The reference from user_event_mm_get(mm) is stored into a heap object;
 * when queueing that object fails, the function undoes its work: it puts
 * the reference through 'mm' (user_event_mm_get() returns its argument,
 * so this is the same node) and frees the object.  The reference is put
 * once on the failure path and handed on with the object on the success
 * path: silent.
 */
#include <uecheck-test.h>

struct deferred {
	struct user_event_mm *mm;
	int attempt;
};

struct deferred *queued;

bool defer(struct user_event_mm *mm)
{
	struct deferred *work;

	work = kzalloc(sizeof(*work), GFP_NOWAIT);
	if (!work)
		return false;

	work->mm = user_event_mm_get(mm);
	work->attempt = 0;

	if (may_fail()) {
		user_event_mm_put(mm);
		kfree(work);
		return false;
	}

	queued = work;
	return true;
}
