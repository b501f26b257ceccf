// SPDX-License-Identifier: GPL-2.0
/*
 * sessions.ruleset: lock helpers defined in another file, known only by
 * their prototypes' __acquires()/__releases() annotations (the tracked
 * lock itself, or the lock their parameter names): the peer is valid
 * between them, not after the release.
 */
/* uecheck-options: ruleset=sessions.ruleset */
/* uecheck-engines: gcc -- the Coccinelle scripts know the rule set's lock API by name, not by annotation */
#include "sessions.h"

void sess_lock_all(void) __acquires(&sess_lock);
void sess_unlock_all(void) __releases(&sess_lock);
void sess_lock_ptr(spinlock_t *lock) __acquires(lock);
void sess_unlock_ptr(int why,
		     spinlock_t *lock)
	__releases(lock);

void visit_annotated(struct session *s)
{
	sess_lock_all();
	use_session(s->peer);
	sess_unlock_all();
	use_session(s->peer);	/* expect: unguarded-access */
}

void visit_by_pointer(struct session *s)
{
	sess_lock_ptr(&sess_lock);
	use_session(s->peer);
	sess_unlock_ptr(0, &sess_lock);
	use_session(s->peer);	/* expect: unguarded-access */
}
