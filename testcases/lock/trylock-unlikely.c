// SPDX-License-Identifier: GPL-2.0
/*
 * A lock attempt tested through unlikely()/likely(): __builtin_expect(x, c)
 * is x, so the branch says whether the lock is held (mm/kfence/core.c:
 * "if (unlikely(!raw_spin_trylock_irqsave(&meta->lock, flags))) return").
 */
#include <uecheck-test.h>

int peek_unlikely(struct user_event_mm *mm)
{
	int r;

	if (unlikely(!mutex_trylock(&event_mutex)))
		return -EBUSY;
	r = mm->next != NULL;
	mutex_unlock(&event_mutex);
	return r;
}

int peek_likely(struct user_event_mm *mm)
{
	int r = -EBUSY;

	if (likely(mutex_trylock(&event_mutex))) {
		r = mm->next != NULL;
		mutex_unlock(&event_mutex);
	}
	return r;
}

int peek_unlikely_failed(struct user_event_mm *mm)
{
	int r;

	if (unlikely(!mutex_trylock(&event_mutex)))
		return mm->next != NULL;	/* expect: unguarded-access */
	r = mm->next != NULL;
	mutex_unlock(&event_mutex);
	return r;
}

static int next_set(struct user_event_mm *mm)
{
	lockdep_assert_held(&event_mutex);
	return mm->next != NULL;
}

int peek_unlikely_helper(struct user_event_mm *mm)
{
	int r;

	if (unlikely(!mutex_trylock(&event_mutex)))
		return next_set(mm);		/* expect: lock-required */
	r = next_set(mm);
	mutex_unlock(&event_mutex);
	return r;
}
