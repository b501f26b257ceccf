/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Just enough of the kernel for the integration fixtures: the names the
 * user_event_mm rules are about, declared the way 6.12 declares them
 * (non-lockdep build: lockdep_assert_held() only evaluates its argument).
 */
#ifndef UE_FIXTURE_H
#define UE_FIXTURE_H

struct mutex {
	int owner;
};

extern struct mutex event_mutex;
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
#define lockdep_assert_held(l)	do { (void)(l); } while (0)

struct user_event;
struct user_event_mm {
	struct user_event_mm *next;
	int refcnt;
};

struct user_event_mm *user_event_mm_get_all(struct user_event *user);
void user_event_mm_put(struct user_event_mm *mm);
void use_mm(struct user_event_mm *mm);

#endif
