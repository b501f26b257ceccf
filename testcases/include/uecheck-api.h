/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the testcases call, for both preludes: testcases/include/
 * uecheck-test.h (stub headers) and testcases/include-kernel/
 * uecheck-test.h (a real kernel's headers).  Declared only: the checker
 * must judge each function by its name, as for calls into other
 * translation units.
 */
#ifndef _UECHECK_API_H
#define _UECHECK_API_H

struct user_event;
struct user_event_mm;
struct mutex;

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
