// SPDX-License-Identifier: GPL-2.0
/*
 * sessions.ruleset: spin_lock_irqsave() is a macro that hands the raw lock
 * inside sess_lock (spinlock_check()) to _raw_spin_lock_irqsave(): the
 * peer is valid until spin_unlock_irqrestore(), not after it.
 */
/* uecheck-options: ruleset=sessions.ruleset */
#include "sessions.h"

void visit_peer_irqsave(struct session *s)
{
	unsigned long flags;

	spin_lock_irqsave(&sess_lock, flags);
	use_session(s->peer);
	spin_unlock_irqrestore(&sess_lock, flags);
	use_session(s->peer);	/* expect: unguarded-access */
}
