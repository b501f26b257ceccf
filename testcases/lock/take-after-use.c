// SPDX-License-Identifier: GPL-2.0
/*
 * A static function that goes on to take a lock on every path was not
 * called with it held: the kernel's mutexes do not nest, so a caller
 * holding q_lock would deadlock at the function's own mutex_lock().  What
 * it does before, it does without the lock, and that is reported where it
 * does it, not passed up to its callers as a need: q_push()'s access, the
 * same after a branch that takes the lock on both sides, in a loop before
 * the take, before a helper that takes it, and before a guard().
 * q_api_locked() calls q_push() with the lock held (a deadlock uecheck
 * has no rule for), so without this rule the need would pass up to
 * q_api() and be reported at its call.  A call of a helper that needs the
 * lock, before the take: q_pop_counted()'s call of q_count(), whose other
 * caller holds the lock, is the finding; q_bump(), whose one caller calls
 * it so, is reported at its own access, as a helper no caller holds the
 * lock for (where Clang 23 reports it too).
 *
 * Silent: a function called with the lock that drops and takes it again
 * (q_wait()); one that takes it where its caller's flag says it is not
 * held (q_maybe()), or uses the data unlocked where it says it is and
 * returns before its take (q_early()): locked-flag.c; a trylock (q_try(),
 * which does not deadlock); an endless loop that never takes (q_worker()).
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

extern void q_sleep(void);
extern int q_more(void);

static DEFINE_MUTEX(q_lock);
static int q_len __guarded_by(&q_lock);
static int q_hits __guarded_by(&q_lock);

static void q_bump(void)
{
	q_hits++;			/* expect: unguarded-access */
}

static void q_count(void)
{
	q_hits++;
}

static void q_push(int n)
{
	q_len += n;			/* expect: unguarded-access */
	mutex_lock(&q_lock);
	q_hits++;
	mutex_unlock(&q_lock);
}

static void q_pop(void)
{
	q_bump();
	mutex_lock(&q_lock);
	q_len--;
	mutex_unlock(&q_lock);
}

static void q_pop_counted(void)
{
	q_count();			/* expect: lock-required */
	mutex_lock(&q_lock);
	q_len--;
	mutex_unlock(&q_lock);
}

static void q_both(int x)
{
	q_len = 0;			/* expect: unguarded-access */
	if (x) {
		mutex_lock(&q_lock);
		q_hits = x;
		mutex_unlock(&q_lock);
	} else {
		mutex_lock(&q_lock);
		q_hits = 0;
		mutex_unlock(&q_lock);
	}
}

static void q_loop(int n)
{
	for (int i = 0; i < n; i++)
		q_hits += i;		/* expect: unguarded-access */
	mutex_lock(&q_lock);
	q_len = n;
	mutex_unlock(&q_lock);
}

static void q_take(void)
{
	mutex_lock(&q_lock);
}

static void q_via_helper(void)
{
	q_len = 1;			/* expect: unguarded-access */
	q_take();
	q_hits = 1;
	mutex_unlock(&q_lock);
}

static void q_scoped(void)
{
	q_len = 2;			/* expect: unguarded-access */
	guard(mutex)(&q_lock);
	q_hits = 2;
}

/* Called with q_lock held: drops it to sleep, takes it again. */
static void q_wait(void)
{
	q_len++;
	mutex_unlock(&q_lock);
	q_sleep();
	mutex_lock(&q_lock);
	q_hits++;
}

static void q_maybe(bool locked)
{
	if (!locked)
		mutex_lock(&q_lock);
	q_len++;
	if (!locked)
		mutex_unlock(&q_lock);
}

static void q_early(int held)
{
	if (held) {
		q_len++;
		return;
	}
	mutex_lock(&q_lock);
	q_hits++;
	mutex_unlock(&q_lock);
}

static void q_try(void)
{
	q_len++;
	if (mutex_trylock(&q_lock)) {
		q_hits++;
		mutex_unlock(&q_lock);
	}
}

static void q_worker(void)
{
	for (;;) {
		q_len++;
		q_sleep();
		if (q_more())
			continue;
		q_sleep();
	}
}

void q_api(int n)
{
	q_push(n);
	q_pop();
	q_pop_counted();
	q_both(n);
	q_loop(n);
	q_via_helper();
	q_scoped();
}

/* A deadlock, which only moves where the access is reported. */
void q_api_deadlock(int n)
{
	mutex_lock(&q_lock);
	q_push(n);
	mutex_unlock(&q_lock);
}

void q_api_count(void)
{
	mutex_lock(&q_lock);
	q_count();
	mutex_unlock(&q_lock);
}

void q_api_wait(void)
{
	mutex_lock(&q_lock);
	q_wait();
	mutex_unlock(&q_lock);
}

void q_api_maybe(void)
{
	mutex_lock(&q_lock);
	q_maybe(true);
	mutex_unlock(&q_lock);
}

void q_api_early(void)
{
	mutex_lock(&q_lock);
	q_early(1);
	mutex_unlock(&q_lock);
}

/* The flags say the lock is not held: the functions take it themselves. */
void q_api_flags_unlocked(void)
{
	q_maybe(false);
	q_early(0);
}

void q_api_try(void)
{
	mutex_lock(&q_lock);
	q_try();
	mutex_unlock(&q_lock);
}

void q_start(void)
{
	mutex_lock(&q_lock);
	q_worker();
}
