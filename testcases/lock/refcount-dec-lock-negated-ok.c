// SPDX-License-Identifier: GPL-2.0
/*
 * refcount_dec_and_mutex_lock() tested through '!': the function returns
 * early while other tasks remain (lock not taken), so ->next is only
 * touched after it returned true, with event_mutex held: silent.  The
 * result is a bool, so '!' is a bool negation rather than a comparison
 * with zero; the same holds for a bool local tested later and for "== 0".
 */
#include <uecheck-test.h>

void mm_task_exit_last(struct user_event_mm *mm)
{
	if (!refcount_dec_and_mutex_lock(&mm->tasks, &event_mutex))
		return;
	mm->next = NULL;
	mutex_unlock(&event_mutex);
}

void mm_task_exit_local(struct user_event_mm *mm)
{
	bool last = refcount_dec_and_mutex_lock(&mm->tasks, &event_mutex);

	use_mm(mm);
	if (!last)
		return;
	mm->next = NULL;
	mutex_unlock(&event_mutex);
}

void mm_task_exit_eq(struct user_event_mm *mm)
{
	if (refcount_dec_and_mutex_lock(&mm->tasks, &event_mutex) == 0)
		return;
	mm->next = NULL;
	mutex_unlock(&event_mutex);
}
