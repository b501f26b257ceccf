/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The corpus's one header, on a real kernel's headers instead of the
 * stubs (testcases/suite-real-headers.sh builds the corpus as an external
 * module of a prepared 6.12 or 7.3 tree): the kernel's own mutexes,
 * guards, lockdep, allocators and struct user_event_mm, plus the
 * declarations the testcases use.  As in testcases/include/uecheck-test.h,
 * everything here is declared only.
 */
#ifndef _UECHECK_TEST_H
#define _UECHECK_TEST_H

#include <linux/types.h>
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

struct user_event;

extern struct mutex event_mutex;
extern struct mutex other_mutex;

struct user_event_mm *user_event_mm_get_all(struct user_event *user);
struct user_event_mm *user_event_mm_get(struct user_event_mm *mm);
void user_event_mm_put(struct user_event_mm *mm);
struct user_event_mm *current_user_event_mm(void);

void use_mm(struct user_event_mm *mm);
int may_fail(void);
bool cond(void);
void stash_mm(struct user_event_mm *mm);

extern struct user_event_mm *global_mm;

#endif
