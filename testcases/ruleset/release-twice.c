// SPDX-License-Identifier: GPL-2.0
/*
 * sessions.ruleset: the error path releases the reference and falls
 * through to the common release: double-put at the second, and the
 * session is used after its release on that path: use-after-put.
 */
/* uecheck-options: ruleset=sessions.ruleset */
#include "sessions.h"

int finish(int id, int err)
{
	struct session *s = session_find(id);

	if (!s)
		return -1;
	if (err)
		session_release(s);
	use_session(s);
	session_release(s);	/* expect: double-put */
	return s->id;		/* expect: use-after-put */
}
