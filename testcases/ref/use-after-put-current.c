// SPDX-License-Identifier: GPL-2.0
/*
 * The reference from current_user_event_mm() is put and the node is then
 * read (mm->mm): the put may have freed it.  use-after-put at the read.
 * No ->next is involved, so the lock rule has nothing to say.
 */
#include <uecheck-test.h>

bool current_has_mm(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return false;

	use_mm(mm);
	user_event_mm_put(mm);

	return mm->mm != NULL;		/* expect: use-after-put */
}
