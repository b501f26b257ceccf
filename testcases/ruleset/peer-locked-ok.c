// SPDX-License-Identifier: GPL-2.0
/*
 * sessions.ruleset: every access of session->peer under sess_lock, taken
 * with spin_lock() or spin_lock_bh(): silent.
 */
/* uecheck-options: ruleset=sessions.ruleset */
#include "sessions.h"

void link_peers(struct session *a, struct session *b)
{
	spin_lock(&sess_lock);
	a->peer = b;
	b->peer = a;
	spin_unlock(&sess_lock);
}

void unlink_peer(struct session *a)
{
	spin_lock_bh(&sess_lock);
	if (a->peer)
		a->peer->peer = NULL;
	a->peer = NULL;
	spin_unlock_bh(&sess_lock);
}
