// SPDX-License-Identifier: GPL-2.0
/*
 * sessions.ruleset: spin_trylock() returns non-zero when it took the lock.
 * The failure branch reads the peer anyway: unguarded-access there; the
 * success path is fine.
 */
/* uecheck-options: ruleset=sessions.ruleset */
#include "sessions.h"

int try_visit(struct session *s)
{
	if (!spin_trylock(&sess_lock)) {
		use_session(s->peer);	/* expect: unguarded-access */
		return -1;
	}
	use_session(s->peer);
	spin_unlock(&sess_lock);
	return 0;
}
