// SPDX-License-Identifier: GPL-2.0
/*
 * A callback that receives the node as void * and casts it back to reach
 * ->next.  The cast does not hide the member access.  The function is
 * exported, takes no lock and asserts none: unguarded-access at the
 * store through the cast.
 */
#include <uecheck-test.h>

void mm_cut_opaque(void *data)
{
	((struct user_event_mm *)data)->next = NULL;	/* expect: unguarded-access */
}
