// SPDX-License-Identifier: GPL-2.0
/*
 * The shape of a current_user_event_mm() user with a broken error path:
 * the NULL return is fine (nothing owned), but the allocation failure
 * returns without putting the reference the function holds.  ref-leak
 * at that return; the normal path puts and stays silent.
 */
#include <uecheck-test.h>

struct tracker {
	int bit;
};

struct tracker *tracker_create(int bit)
{
	struct user_event_mm *mm;
	struct tracker *t;

	mm = current_user_event_mm();
	if (!mm)
		return NULL;

	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return NULL;		/* expect: ref-leak */

	t->bit = bit;
	mutex_lock(&event_mutex);
	use_mm(mm);
	mutex_unlock(&event_mutex);

	user_event_mm_put(mm);
	return t;
}
