// SPDX-License-Identifier: GPL-2.0
/*
 * Under the built-in rule set (user_events), sessions' names mean nothing:
 * the peer read without sess_lock and the reference never released are
 * silent, in every engine.
 */
#include "sessions.h"

void visit_unlocked(struct session *s)
{
	struct session *t = session_hold(s);

	use_session(t->peer);
}
