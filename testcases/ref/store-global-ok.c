// SPDX-License-Identifier: GPL-2.0
/*
 * A fresh reference replaces the one held by the global 'global_mm': the
 * new one is stored into the global (ownership handed on), and the old
 * one, which the global owned, is put after being taken out of it.  No
 * local reference is left unput and nothing is put twice: silent.
 */
#include <uecheck-test.h>

void replace_global(void)
{
	struct user_event_mm *old = global_mm;

	global_mm = current_user_event_mm();
	user_event_mm_put(old);
}

void pin_into_global(struct user_event_mm *mm)
{
	struct user_event_mm *old = global_mm;

	global_mm = user_event_mm_get(mm);
	user_event_mm_put(old);
}
