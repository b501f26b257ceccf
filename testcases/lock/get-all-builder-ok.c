// SPDX-License-Identifier: GPL-2.0
/*
 * A get_all()-style builder: a static function that asserts event_mutex
 * and threads a one-shot list through ->next, taking a reference on each
 * node it links.  Its caller takes the lock, walks the list reading each
 * link before putting the node, and drops the lock after the walk.
 * Silent in strict mode (the builder asserts) and for both rules.
 *
 * uecheck-options: strict
 */
#include <uecheck-test.h>

static struct user_event_mm *collect_mms(struct user_event_mm **table, int n)
{
	struct user_event_mm *found = NULL;
	int i;

	lockdep_assert_held(&event_mutex);

	for (i = 0; i < n; i++) {
		struct user_event_mm *mm = table[i];

		if (!mm)
			continue;
		mm->next = found;
		found = user_event_mm_get(mm);
	}
	return found;
}

void visit_table(struct user_event_mm **table, int n)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = collect_mms(table, n);
	while (mm) {
		next = mm->next;
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
