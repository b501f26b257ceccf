// SPDX-License-Identifier: GPL-2.0
/*
 * sessions.ruleset, across functions: peer_of() relies on its callers for
 * sess_lock.  The caller that holds it is fine; the one that does not is
 * lock-required at its call.
 */
/* uecheck-options: ruleset=sessions.ruleset */
#include "sessions.h"

static struct session *peer_of(struct session *s)
{
	return s->peer;
}

void locked_caller(struct session *s)
{
	spin_lock(&sess_lock);
	use_session(peer_of(s));
	spin_unlock(&sess_lock);
}

void unlocked_caller(struct session *s)
{
	use_session(peer_of(s));	/* expect: lock-required */
}
