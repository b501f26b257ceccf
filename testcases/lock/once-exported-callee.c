// SPDX-License-Identifier: GPL-2.0
/*
 * One cause, one finding.  mm_link() can be called from outside the file
 * and touches ->next with no lock: that access is reported.  The exported
 * link_all() calls it without the lock too, but that is the same missing
 * lock, already reported at the access: taking the lock in mm_link() or
 * asserting it there (which then makes link_all() a finding of its own)
 * is the fix, so the call is not reported a second time.
 */
#include <uecheck-test.h>

void mm_link(struct user_event_mm *a, struct user_event_mm *b)
{
	a->next = b;	/* expect: unguarded-access */
}

void link_all(struct user_event_mm *a, struct user_event_mm *b)
{
	use_mm(a);
	mm_link(a, b);
}
