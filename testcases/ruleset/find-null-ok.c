// SPDX-License-Identifier: GPL-2.0
/*
 * sessions.ruleset: session_find() may return NULL, which owns nothing;
 * every other path releases what it found: silent.
 */
/* uecheck-options: ruleset=sessions.ruleset */
#include "sessions.h"

int session_id(int id)
{
	struct session *s = session_find(id);
	int ret;

	if (!s)
		return -1;
	ret = s->id;
	session_release(s);
	return ret;
}
