// SPDX-License-Identifier: GPL-2.0
/*
 * The same macros as in macro-walk-unlocked.c, every use of them inside
 * the locked region: the expansions read and write ->next with
 * event_mutex held: silent.
 */
#include <uecheck-test.h>

#define mm_next_of(m)	((m)->next)
#define mm_link(m, n)	((m)->next = (n))
#define for_each_listed_mm(pos, head) \
	for ((pos) = (head); (pos); (pos) = mm_next_of(pos))

int count_and_cut(struct user_event_mm *head)
{
	struct user_event_mm *mm;
	int n = 0;

	mutex_lock(&event_mutex);
	for_each_listed_mm(mm, head)
		n++;
	mm_link(head, NULL);
	mutex_unlock(&event_mutex);
	return n;
}
