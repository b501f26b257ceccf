// SPDX-License-Identifier: GPL-2.0
/*
 * Where the developer turned the analysis off (7.x context analysis):
 * nothing is checked inside context_unsafe(...), nor in a function that
 * is __no_context_analysis or __context_unsafe(why), and nothing is
 * passed from there to callers; the code around it still is.  data_race()
 * turns it off as well (it does in 7.x: a read meant to race, as
 * rt_mutex_owner() reads rt_mutex_base.owner).
 */
/* uecheck-engines: gcc -- the Coccinelle scripts do not read context_unsafe() or __no_context_analysis */
#include <uecheck-test.h>

int peek_unsafe(struct user_event_mm *mm)
{
	return context_unsafe(/* racy :) */ mm->next != NULL);
}

int peek_unsafe_then_checked(struct user_event_mm *mm)
{
	int racy = context_unsafe(
		/* a heuristic: a stale answer is fine ")" */
		mm->next != NULL);

	return racy + (mm->next != NULL);	/* expect: unguarded-access */
}

/* GCC folds "n = context_unsafe(x)" into one assignment, at its '='. */
struct user_event_mm *next_unsafe(struct user_event_mm *mm)
{
	struct user_event_mm *n;

	n = context_unsafe(mm->next);
	return n;
}

int peek_racy(struct user_event_mm *mm)
{
	return data_race(READ_ONCE(mm->next) != NULL) +
	       (mm->next != NULL);		/* expect: unguarded-access */
}

static int peek_helper(struct user_event_mm *mm)
{
	return mm->next != NULL;
}

int call_unsafe(struct user_event_mm *mm)
{
	return context_unsafe(/* a heuristic ( */ peek_helper(mm)) +
	       context_unsafe(peek_helper(mm) // a heuristic )
			      );
}

int call_checked(struct user_event_mm *mm)
{
	return peek_helper(mm);			/* expect: lock-required */
}

static int peek_no_analysis(struct user_event_mm *mm) __no_context_analysis
{
	return mm->next != NULL;
}

int conditional_locking(struct user_event_mm *mm, bool locked)
	__context_unsafe(/* the caller says whether it holds event_mutex */)
{
	if (!locked)
		mutex_lock(&event_mutex);
	mm->next = NULL;
	if (!locked)
		mutex_unlock(&event_mutex);
	return peek_no_analysis(mm);
}

int after_unlock_checked(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	mutex_unlock(&event_mutex);
	return peek_no_analysis(mm) + (mm->next != NULL);	/* expect: unguarded-access */
}
