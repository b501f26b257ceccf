// SPDX-License-Identifier: GPL-2.0
/*
 * A unit that never names struct user_event_mm or its get/put functions,
 * like most of kernel/trace/: it only asserts event_mutex.  The contracts
 * still bind its callers (the plugin skips units where nothing can be
 * found, and must not skip this one).
 */
#include <linux/compiler_types.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>

extern struct mutex event_mutex;
extern int nr_events;

static void count_event(void)
{
	lockdep_assert_held(&event_mutex);
	nr_events++;
}

static void drop_event(void)
	__must_hold(&event_mutex)
{
	nr_events--;
}

void add_event(void)
{
	mutex_lock(&event_mutex);
	count_event();
	mutex_unlock(&event_mutex);
	count_event();	/* expect: lock-required */
}

void remove_event(void)
{
	mutex_lock(&event_mutex);
	drop_event();
	mutex_unlock(&event_mutex);
	drop_event();	/* expect: lock-required */
}
