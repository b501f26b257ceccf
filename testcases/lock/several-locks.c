// SPDX-License-Identifier: GPL-2.0
/*
 * Data guarded by several locks (__guarded_by(&a, &b), as 7.3's
 * test_mutex_data.anyread and hci_dev.l2cap_data): any one of them
 * suffices to read it, all of them are needed to write it, as in Clang
 * (issue 23, item 4).  A read with none held is one finding, named by the
 * first lock, with a note for the other; a write with one held is a
 * finding for the other.  A static helper that reads it as its callers
 * left one lock, the other dropped, passes that lock's need up; with
 * both as they left them it passes nothing (no requirement says "either").
 * Clang 23, on the same code with its attributes, reports the same two
 * lines, and, not following the helper, its read and its unlock rather
 * than the call.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin */
#include <uecheck-test.h>

struct pair {
	struct mutex a, b;
	int shared_count __guarded_by(&a, &b);
	int only_a __guarded_by(&a);
};

int read_under_a(struct pair *p)
{
	int v;

	mutex_lock(&p->a);
	v = p->shared_count;
	mutex_unlock(&p->a);
	return v;
}

int read_under_b(struct pair *p)
{
	int v;

	mutex_lock(&p->b);
	v = p->shared_count;
	mutex_unlock(&p->b);
	return v;
}

int read_after_both(struct pair *p)
{
	mutex_lock(&p->a);
	p->only_a = 0;
	mutex_unlock(&p->a);
	mutex_lock(&p->b);
	mutex_unlock(&p->b);
	return p->shared_count;		/* expect: unguarded-access */
}

void write_under_both(struct pair *p)
{
	mutex_lock(&p->a);
	mutex_lock(&p->b);
	p->shared_count++;
	mutex_unlock(&p->b);
	mutex_unlock(&p->a);
}

void write_under_a(struct pair *p)
{
	mutex_lock(&p->b);
	mutex_unlock(&p->b);
	mutex_lock(&p->a);
	p->shared_count = 1;		/* expect: unguarded-access */
	mutex_unlock(&p->a);
}

static int peek_after_drop(struct pair *p)
{
	mutex_unlock(&p->a);
	return p->shared_count;
}

int peek_locked(struct pair *p)
{
	int v;

	mutex_lock(&p->a);
	mutex_lock(&p->b);
	v = peek_after_drop(p);
	mutex_unlock(&p->b);
	return v;
}

int peek_unlocked(struct pair *p)
{
	mutex_lock(&p->b);
	mutex_unlock(&p->b);
	mutex_lock(&p->a);
	return peek_after_drop(p);	/* expect: lock-required */
}
