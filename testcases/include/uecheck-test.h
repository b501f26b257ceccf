/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one header every testcase includes: the stub kernel headers plus the
 * user_events API that uecheck's rules are about.  Everything here is
 * declared only; the checker must judge each function by its name, as it
 * does for calls into other translation units.
 */
#ifndef _UECHECK_TEST_H
#define _UECHECK_TEST_H

#include <linux/types.h>
#include <linux/compiler_types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/lockdep.h>
#include <linux/cleanup.h>
#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/stddef.h>
#include <linux/list.h>
#include <linux/errno.h>
#include <linux/user_events.h>

extern struct mutex event_mutex;
extern struct mutex other_mutex;

/* A NULL-terminated list through ->next, one reference on every node. */
struct user_event_mm *user_event_mm_get_all(struct user_event *user);
/* One more reference on mm; returns mm. */
struct user_event_mm *user_event_mm_get(struct user_event_mm *mm);
void user_event_mm_put(struct user_event_mm *mm);
/* The current task's mm with a reference, or NULL. */
struct user_event_mm *current_user_event_mm(void);

/* Opaque helpers; none of them takes ownership of a reference. */
void use_mm(struct user_event_mm *mm);
int may_fail(void);
bool cond(void);
void stash_mm(struct user_event_mm *mm);

extern struct user_event_mm *global_mm;

#endif
