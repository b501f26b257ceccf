// SPDX-License-Identifier: GPL-2.0
/*
 * Accesses hidden in the file's own macros still count: the expression
 * the macro expands to reads ->next.  The first use is under the lock;
 * the list walk through for_each_listed_mm() runs after mutex_unlock():
 * unguarded-access at the line that uses the macro.
 *
 * Coccinelle matches the code as written and does not expand macros, so
 * it cannot see the ->next inside for_each_listed_mm(): gcc only.
 */
#include <uecheck-test.h>

#define mm_next_of(m)	((m)->next)
#define for_each_listed_mm(pos, head) \
	for ((pos) = (head); (pos); (pos) = mm_next_of(pos))

int count_after_unlock(struct user_event_mm *head)
{
	struct user_event_mm *mm;
	int n = 0;

	mutex_lock(&event_mutex);
	use_mm(mm_next_of(head));
	mutex_unlock(&event_mutex);

	for_each_listed_mm(mm, head)	/* expect[gcc]: unguarded-access */
		n++;
	return n;
}
