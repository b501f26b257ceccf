// SPDX-License-Identifier: GPL-2.0
/*
 * The faulty variants of extra-get-paths-ok.c: user_event_mm_get(mm), its
 * result dropped, gives mm one more reference, and some path puts mm more
 * (double-put at the put too many, use-after-put at a read after the last
 * reference went) or less (ref-leak at the get, or at the assignment that
 * overwrites mm) than it holds.
 */
#include <uecheck-test.h>

/* Two references, two puts, then a read. */
bool read_after_both_puts(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return false;

	user_event_mm_get(mm);
	user_event_mm_put(mm);
	user_event_mm_put(mm);
	return mm->mm != NULL;		/* expect: use-after-put */
}

/* Pinned on one path only, put twice on both. */
void pin_sometimes(struct user_event_mm *mm, bool busy)
{
	if (busy)
		user_event_mm_get(mm);
	use_mm(mm);
	user_event_mm_put(mm);
	user_event_mm_put(mm);		/* expect: double-put */
}

/* Pinned once, put once per iteration: none puts it, or a second does. */
void unpin_in_loop(struct user_event_mm *mm, int n)
{
	user_event_mm_get(mm);		/* expect: ref-leak */
	while (n--)
		user_event_mm_put(mm);	/* expect: double-put */
}

/* Two references, one handed on by the return. */
struct user_event_mm *pin_void_return(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return NULL;

	(void)user_event_mm_get(mm);	/* expect: ref-leak */
	return mm;
}

/* The error path puts once. */
int pin_error_path_once(void)
{
	struct user_event_mm *mm = current_user_event_mm();
	int ret;

	if (!mm)
		return -ENOMEM;

	user_event_mm_get(mm);		/* expect: ref-leak */
	ret = may_fail();
	if (ret)
		goto out;
	use_mm(mm);
	user_event_mm_put(mm);
out:
	user_event_mm_put(mm);
	return ret;
}

/* The pinned pointer overwritten before its put: the reference is lost. */
void pin_overwritten(struct user_event_mm *mm, struct user_event_mm *other)
{
	user_event_mm_get(mm);
	mm = other;			/* expect: ref-leak */
	user_event_mm_put(mm);
}
