// SPDX-License-Identifier: GPL-2.0
/*
 * The canonical walk under scope-based locking: guard(mutex) for the
 * whole function in one case, scoped_guard(mutex) around the walk in the
 * other.  Every node is put after its ->next was read, and the list is
 * only touched inside the locked scope: silent for both rules.
 */
#include <uecheck-test.h>

void update_guarded(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	guard(mutex)(&event_mutex);

	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
}

void update_scoped(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	scoped_guard(mutex, &event_mutex) {
		for (mm = user_event_mm_get_all(user); mm; mm = next) {
			next = mm->next;
			use_mm(mm);
			user_event_mm_put(mm);
		}
	}
}
