// SPDX-License-Identifier: GPL-2.0
/*
 * A static helper counts the list by walking it through ->next and puts
 * nothing: it borrows the whole list.  The caller then puts every node
 * (silent: no use after put, the helper put nothing), but the second
 * caller forgets the puts after counting: the list leaks at its return.
 *
 * uecheck-engines: gcc -- interprocedural (whether the callee puts)
 */
#include <uecheck-test.h>

static int count_mms(struct user_event_mm *mm)
{
	int n = 0;

	lockdep_assert_held(&event_mutex);
	for (; mm; mm = mm->next)
		n++;
	return n;
}

int count_then_put(struct user_event *user)
{
	struct user_event_mm *mm, *next;
	int n;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	n = count_mms(mm);
	while (mm) {
		next = mm->next;
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
	return n;
}

int count_and_forget(struct user_event *user)
{
	struct user_event_mm *mm;
	int n;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	n = count_mms(mm);
	mutex_unlock(&event_mutex);
	return n;		/* expect: ref-leak */
}
