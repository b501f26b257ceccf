// SPDX-License-Identifier: GPL-2.0
/*
 * sessions.ruleset: session->peer is only valid under the spinlock
 * sess_lock.  The peer is read again after spin_unlock(): unguarded-access
 * there, not at the read under the lock.
 */
/* uecheck-options: ruleset=sessions.ruleset */
#include "sessions.h"

void visit_peer(struct session *s)
{
	struct session *p;

	spin_lock(&sess_lock);
	p = s->peer;
	spin_unlock(&sess_lock);
	use_session(p);
	use_session(s->peer);	/* expect: unguarded-access */
}
