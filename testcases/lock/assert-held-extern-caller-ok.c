// SPDX-License-Identifier: GPL-2.0
/*
 * An exported function neither takes nor asserts event_mutex and calls a
 * helper that asserts it (the shape of user_event_reg(), a callback the
 * tracing core invokes with event_mutex held, reaching
 * user_event_enabler_update()).  The lock state there is "as the caller
 * left it", and an asserted requirement reaching a function callable from
 * outside the file is trusted: lockdep checks it at run time
 * (docs/rules.md, "Interprocedural").  Silent.
 */
#include <uecheck-test.h>

static void unlink_next(struct user_event_mm *mm)
{
	lockdep_assert_held(&event_mutex);
	mm->next = NULL;
}

void mm_reg_callback(struct user_event_mm *mm)
{
	use_mm(mm);
	unlink_next(mm);
}
