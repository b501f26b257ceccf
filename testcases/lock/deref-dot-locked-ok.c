// SPDX-License-Identifier: GPL-2.0
/*
 * (*mm).next read and written, every time with event_mutex held: the
 * spelling does not matter and the lock covers every access: silent.
 */
#include <uecheck-test.h>

void swap_links(struct user_event_mm *a, struct user_event_mm *b)
{
	struct user_event_mm *tmp;

	mutex_lock(&event_mutex);
	tmp = (*a).next;
	(*a).next = (*b).next;
	(*b).next = tmp;
	mutex_unlock(&event_mutex);
}
