// SPDX-License-Identifier: GPL-2.0
/*
 * A reference is taken only when 'want' is true and put only when the
 * same 'want' is true.  The two tests are the same value, so on every
 * path the put mirrors the get: no leak on the want == false path (ref
 * is NULL and owns nothing), no put without a get.  Must stay silent.
 */
#include <uecheck-test.h>

void maybe_pin(struct user_event_mm *mm, bool want)
{
	struct user_event_mm *ref = NULL;

	if (want)
		ref = user_event_mm_get(mm);

	use_mm(mm);

	if (want)
		user_event_mm_put(ref);
}
