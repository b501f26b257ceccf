// SPDX-License-Identifier: GPL-2.0
/*
 * Two annotated locks in the same functions, taken and tried in turn, the
 * data of each touched while the other is held or not: each lock's
 * findings are its own, whatever the other does on the same paths (a try
 * of one splits the paths of both).  Today each lock is checked in a pass
 * of its own; one walk for every lock (issue 22) must find the same.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(a_lock);
static DEFINE_MUTEX(b_lock);
static int a_data __guarded_by(&a_lock);
static int b_data __guarded_by(&b_lock);

int mixed(int x)
{
	int r;

	if (!mutex_trylock(&a_lock))
		return b_data;		/* expect: unguarded-access */
	mutex_lock(&b_lock);
	if (x)
		mutex_unlock(&a_lock);
	r = a_data + b_data;		/* expect: unguarded-access */
	if (!x)
		mutex_unlock(&a_lock);
	mutex_unlock(&b_lock);
	return r;
}

int nested_try(void)
{
	int r;

	mutex_lock(&a_lock);
	if (mutex_trylock(&b_lock)) {
		r = a_data + b_data;
		mutex_unlock(&b_lock);
	} else {
		r = a_data;
	}
	mutex_unlock(&a_lock);
	return r;
}

int polls(int n)
{
	int sum = 0;

	for (int i = 0; i < n; i++) {
		if (mutex_trylock(&a_lock)) {
			sum += a_data;
			mutex_unlock(&a_lock);
		}
		if (mutex_trylock(&b_lock)) {
			sum += b_data;
			mutex_unlock(&b_lock);
		}
	}
	return sum + b_data;		/* expect: unguarded-access */
}
