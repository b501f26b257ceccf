// SPDX-License-Identifier: GPL-2.0
/*
 * An error inside the walk jumps to an error label that only unlocks and
 * returns: the current node and the rest of the list are never put.  gcc
 * reports the return at the label, the Coccinelle engine the goto.
 */
#include <uecheck-test.h>

int update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;
	int ret;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		ret = may_fail();
		if (ret)
			goto fail;		/* expect[cocci]: ref-leak */
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
	return 0;

fail:
	mutex_unlock(&event_mutex);
	return ret;			/* expect[gcc]: ref-leak */
}
