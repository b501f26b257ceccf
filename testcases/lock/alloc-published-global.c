// SPDX-License-Identifier: GPL-2.0
/*
 * A fresh node is initialised (fine: still private), then published by
 * storing it into global_mm.  From then on other threads can reach it,
 * and the next store to its ->next needs event_mutex:
 * unguarded-access there.
 *
 * uecheck-xfail[cocci]: no allocation exemption, the store before publication is reported too
 */
#include <uecheck-test.h>

int mm_install(struct user_event_mm *succ)
{
	struct user_event_mm *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return -ENOMEM;
	mm->next = NULL;
	global_mm = mm;
	mm->next = succ;	/* expect: unguarded-access */
	return 0;
}
