// SPDX-License-Identifier: GPL-2.0
/*
 * Annotations as developers write them: a comment inside the argument, the
 * argument on lines of its own.  Read as written, they say what they say:
 * every function here is correct and nothing is reported.  (Forms the
 * plugin does not use: suite-robustness.sh, "odd annotations".)
 */
#include <uecheck-test.h>

int peek_asserted(struct user_event_mm *mm)
{
	lockdep_assert_held(/* the callers' (they walk the list) */ &event_mutex);
	return mm->next != NULL;
}

int peek_annotated(struct user_event_mm *mm)
	__must_hold(
		&event_mutex
	)
{
	return mm->next != NULL;
}

int peek_both(struct user_event_mm *mm)
{
	int r;

	mutex_lock(&event_mutex);
	r = peek_asserted(mm) + peek_annotated(mm);
	mutex_unlock(&event_mutex);
	return r;
}
