// SPDX-License-Identifier: GPL-2.0
/*
 * The bundled example of `make demo`: a small kernel-like user_events
 * consumer with one real violation of each rule.  Each offending line
 * carries its expectation, so the test suite holds the demo to it.
 *
 * uecheck-options: strict
 */
#include <uecheck-test.h>

/* Builds part of the one-shot list, relying on its caller for the lock. */
static void link_mm(struct user_event_mm *mm, struct user_event_mm *found)	/* expect: missing-assertion */
{
	mm->next = found;
}

/* Correct: the walk every caller should copy. */
static void update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	lockdep_assert_held(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
}

/* The list is walked after the lock protecting ->next was dropped. */
void walk_unlocked(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	mutex_unlock(&event_mutex);
	while (mm) {
		next = mm->next;	/* expect: unguarded-access */
		user_event_mm_put(mm);
		mm = next;
	}
}

/* update_all() asserts the lock; this caller does not hold it. */
void enable_unlocked(struct user_event *user, struct user_event_mm *a,
		     struct user_event_mm *b)
{
	mutex_lock(&event_mutex);
	link_mm(a, b);
	mutex_unlock(&event_mutex);
	update_all(user);	/* expect: lock-required */
}

/* Takes event_mutex itself: its callers must not hold it. */
static void refresh_all(struct user_event *user)
{
	lockdep_assert_not_held(&event_mutex);
	mutex_lock(&event_mutex);
	update_all(user);
	mutex_unlock(&event_mutex);
}

/* ... and this one does: it would wait for itself. */
void refresh_locked(struct user_event *user)
{
	mutex_lock(&event_mutex);
	refresh_all(user);	/* expect: lock-held */
	mutex_unlock(&event_mutex);
}

/* Stops early and forgets the nodes it did not reach. */
int find_first(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		if (cond())
			break;		/* expect[cocci]: ref-leak */
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
	return 0;		/* expect[gcc]: ref-leak */
}

/* Puts on the error path, then again on the way out. */
int touch_current(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return -ENOMEM;
	if (may_fail())
		user_event_mm_put(mm);
	user_event_mm_put(mm);	/* expect: double-put */
	return 0;
}

/* Reads the next pointer from a node it already gave back. */
void walk_put_first(struct user_event *user)
{
	struct user_event_mm *mm;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		user_event_mm_put(mm);
		mm = mm->next;	/* expect: use-after-put */
	}
	mutex_unlock(&event_mutex);
}
