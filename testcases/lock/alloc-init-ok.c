// SPDX-License-Identifier: GPL-2.0
/*
 * A node fresh from kzalloc() or kmem_cache_zalloc() is not published
 * yet: no other thread can reach it, so initialising its ->next needs no
 * lock.  Every access comes before the pointer is passed anywhere or
 * returned: silent.
 *
 * uecheck-xfail[cocci]: no allocation exemption, every ->next in an exported function without the lock is reported
 */
#include <uecheck-test.h>

extern struct kmem_cache *mm_cache;

struct user_event_mm *mm_create(struct user_event_mm *succ)
{
	struct user_event_mm *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->next = succ;
	refcount_set(&mm->refcnt, 1);
	return mm;
}

struct user_event_mm *mm_create_cached(void)
{
	struct user_event_mm *mm = kmem_cache_zalloc(mm_cache, GFP_KERNEL);

	if (mm)
		mm->next = NULL;
	return mm;
}
