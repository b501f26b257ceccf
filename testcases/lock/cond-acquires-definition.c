// SPDX-License-Identifier: GPL-2.0
/*
 * The annotation on a definition with no prototype, written between its
 * parameters and its body, as 7.x defines its inline lock attempts
 * (spinlock_api_smp.h: _raw_spin_trylock_irqsave() __cond_acquires(true,
 * lock) { ... }): the function is a lock attempt for its callers, whatever
 * its body lets the analysis see (here: a call it knows nothing of).
 */
/* uecheck-engines: gcc -- the Coccinelle scripts take the lock API from the rule set only */
#include <uecheck-test.h>

extern bool arch_try_fast(void);

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
