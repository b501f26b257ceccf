// SPDX-License-Identifier: GPL-2.0
/*
 * More balanced uses of user_event_mm_get(mm) with its result dropped (the
 * reference is mm's, extra-get-ok.c): a read of mm between its two puts,
 * a pinned argument read after the put of its extra reference, the
 * (void) form, a put through a copy, a reference of its own stored and
 * the extra one put, an error path that puts twice too, a pin inside a
 * block or a loop body.
 * Nothing may be reported.
 */
#include <uecheck-test.h>

/* Two references: the node outlives the first put. */
bool read_between_puts(void)
{
	struct user_event_mm *mm = current_user_event_mm();
	bool has_mm;

	if (!mm)
		return false;

	user_event_mm_get(mm);
	user_event_mm_put(mm);
	has_mm = mm->mm != NULL;	/* one reference left */
	user_event_mm_put(mm);
	return has_mm;
}

/* The caller's reference keeps the node alive after the pin is put. */
bool read_after_unpin(struct user_event_mm *mm)
{
	user_event_mm_get(mm);
	use_mm(mm);
	user_event_mm_put(mm);
	return mm->mm != NULL;
}

/* The cast changes nothing: the reference is mm's. */
void pin_void(struct user_event_mm *mm)
{
	(void)user_event_mm_get(mm);
	use_mm(mm);
	user_event_mm_put(mm);
}

/* Put through a copy of the pointer. */
void pin_copy(struct user_event_mm *mm)
{
	struct user_event_mm *pinned;

	user_event_mm_get(mm);
	pinned = mm;
	use_mm(pinned);
	user_event_mm_put(pinned);
}

/* One reference handed on, the other put. */
void stash_and_put(struct user_event_mm **slot)
{
	struct user_event_mm *mm;

	mm = current_user_event_mm();
	if (!mm)
		return;

	user_event_mm_get(mm);
	*slot = mm;
	user_event_mm_put(mm);
}

/* The error path puts both references as well. */
int pin_error_path(void)
{
	struct user_event_mm *mm = current_user_event_mm();
	int ret;

	if (!mm)
		return -ENOMEM;

	user_event_mm_get(mm);
	ret = may_fail();
	if (ret)
		goto out;
	use_mm(mm);
	user_event_mm_put(mm);
	user_event_mm_put(mm);
	return 0;
out:
	user_event_mm_put(mm);
	user_event_mm_put(mm);
	return ret;
}

/* Pinned and unpinned inside a block, and once per loop iteration. */
void pin_in_block(struct user_event_mm *mm, bool busy, int n)
{
	if (busy) {
		user_event_mm_get(mm);
		use_mm(mm);
		user_event_mm_put(mm);
	}
	while (n--) {
		user_event_mm_get(mm);
		use_mm(mm);
		user_event_mm_put(mm);
	}
}
