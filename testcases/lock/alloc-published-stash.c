// SPDX-License-Identifier: GPL-2.0
/*
 * A fresh node is handed to stash_mm() before its ->next is set: once
 * passed to another function the pointer may be visible elsewhere, so the
 * allocation exemption ends there: unguarded-access at the store.
 */
#include <uecheck-test.h>

int mm_stash_new(void)
{
	struct user_event_mm *mm = kmalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return -ENOMEM;
	stash_mm(mm);
	mm->next = NULL;	/* expect: unguarded-access */
	return 0;
}
