// SPDX-License-Identifier: GPL-2.0
/*
 * sessions.ruleset: session_hold() takes a reference that
 * session_release() drops.  The early return keeps it: ref-leak there.
 */
/* uecheck-options: ruleset=sessions.ruleset */
#include "sessions.h"

int borrow(struct session *s, int busy)
{
	struct session *t = session_hold(s);

	if (busy)
		return -1;	/* expect: ref-leak */
	use_session(t);
	session_release(t);
	return 0;
}
