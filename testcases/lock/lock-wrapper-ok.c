// SPDX-License-Identifier: GPL-2.0
/*
 * Local wrappers that lock and unlock on behalf of their caller: their
 * effect applies at each call site, so the caller holds event_mutex
 * between lock_events() and unlock_events(): silent.
 */
#include <uecheck-test.h>

static void lock_events(void)
{
	mutex_lock(&event_mutex);
}

static void unlock_events(void)
{
	mutex_unlock(&event_mutex);
}

void clear_wrapped(struct user_event_mm *mm)
{
	lock_events();
	mm->next = NULL;
	unlock_events();
}
