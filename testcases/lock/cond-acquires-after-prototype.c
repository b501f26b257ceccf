// SPDX-License-Identifier: GPL-2.0
/*
 * A prototype, then its definition with the annotation between the
 * parameters and the body.  The C front end merges the definition's
 * declaration into the prototype's and frees the new node: what the
 * annotation database keeps of the function must not be that node (the
 * plugin once read its name back from freed memory and crashed GCC on
 * 7.3's kernel/locking/mutex.o).
 */
/* uecheck-engines: gcc -- the Coccinelle scripts take the lock API from the rule set only */
#include <uecheck-test.h>

extern bool arch_try_fast(void);

static inline bool event_try_fast(void);

static inline bool event_try_fast(void)
	__cond_acquires(true, &event_mutex)
{
	return arch_try_fast();
}

int peek_fast(struct user_event_mm *mm)
{
	int r;

	if (!event_try_fast())
		return mm->next != NULL;	/* expect: unguarded-access */
	r = mm->next != NULL;
	mutex_unlock(&event_mutex);
	return r;
}
