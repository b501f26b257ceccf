// SPDX-License-Identifier: GPL-2.0
/*
 * A function that ends without a 'return' leaks at its closing brace: the
 * reference is reported there by both engines (the Coccinelle engine
 * used to follow only the paths to a 'return').  The silent variants are
 * in leak-at-closing-brace-ok.c.
 */
#include <uecheck-test.h>

/* current_user_event_mm()'s reference is used, never put. */
void use_current(void)
{
	struct user_event_mm *mm;

	mm = current_user_event_mm();
	if (mm)
		use_mm(mm);
}					/* expect: ref-leak */

/* user_event_mm_get()'s result kept, never put. */
void use_got(struct user_event_mm *m)
{
	struct user_event_mm *mm;

	mm = user_event_mm_get(m);
	use_mm(mm);
}					/* expect: ref-leak */

/*
 * Put on one branch only; the other falls off the end.  The plugin reports
 * at the last statement of the leaking branch, Coccinelle at the brace
 * (its rule for returns: the function has one).
 */
void put_on_one_branch(bool fast)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return;
	if (fast)
		user_event_mm_put(mm);
	else
		use_mm(mm);		/* expect[gcc]: ref-leak */
}					/* expect[cocci]: ref-leak */
