/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixture of suite-integration (unparsable.c): the body runs under
 * event_mutex, or the statement _fail runs when the wait for it is
 * interrupted.  scoped_cond_guard()'s shape under a name that
 * cocci/uecheck-macros.h does not know: Coccinelle 1.1.1 cannot parse a
 * statement as a macro argument and skips the whole function.
 */
#ifndef UE_UNPARSABLE_H
#define UE_UNPARSABLE_H

int mutex_lock_interruptible(struct mutex *lock);

#define event_mutex_scope_or(_fail)					\
	for (int _done = mutex_lock_interruptible(&event_mutex) ?	\
			 ({ _fail; 1; }) : 0;				\
	     !_done; _done = 1, mutex_unlock(&event_mutex))

#endif
