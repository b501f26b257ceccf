// SPDX-License-Identifier: GPL-2.0
/*
 * A static function whose address is stored in an exported ops table can
 * be called from anywhere through it, so it cannot rely on callers in
 * this file.  It neither takes nor asserts event_mutex:
 * unguarded-access at its access.
 */
#include <uecheck-test.h>

struct mm_visit_ops {
	void (*visit)(struct user_event_mm *mm);
};

static void visit_cut(struct user_event_mm *mm)
{
	mm->next = NULL;	/* expect: unguarded-access */
}

const struct mm_visit_ops cut_ops = {
	.visit = visit_cut,
};
