// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture of suite-integration: a helper that relies on its callers for
 * event_mutex without asserting it.  Only --strict reports it
 * (strict.expect); the default mode stays silent.
 */
#include "ue.h"

static void link_mm(struct user_event_mm *mm, struct user_event_mm *found)
{
	mm->next = found;
}

void link_locked(struct user_event_mm *a, struct user_event_mm *b)
{
	mutex_lock(&event_mutex);
	link_mm(a, b);
	mutex_unlock(&event_mutex);
}
