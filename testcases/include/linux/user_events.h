/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck test stubs: struct user_event_mm as in Linux 6.12.  'next'
 * threads the one-shot list of user_event_mm_get_all() and is only valid
 * while event_mutex is held.
 */
#ifndef _UECHECK_STUB_LINUX_USER_EVENTS_H
#define _UECHECK_STUB_LINUX_USER_EVENTS_H

#include <linux/refcount.h>
#include <linux/types.h>

struct mm_struct;
struct user_event;

struct user_event_mm {
	struct list_head mms_link;
	struct list_head enablers;
	struct mm_struct *mm;
	/* Used for one-shot lists, protected by event_mutex */
	struct user_event_mm *next;
	refcount_t refcnt;
	refcount_t tasks;
};

#endif
