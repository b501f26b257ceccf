// SPDX-License-Identifier: GPL-2.0
/*
 * ownpath.c - the ownership checker's part of a path state (struct
 * own_path): the references the path holds, each keyed by the value that
 * holds it, and the allocations it has not published; when two paths own
 * the same, how two join, and how close two are.  ownership.c says what
 * the program does to them.
 */
#include "engine.h"

struct ptr *ptr_find_exact(struct astate *st, vkey key)
{
	if (!key)
		return NULL;
	for (unsigned int i = 0; i < st->own.nptrs; i++)
		if (st->own.ptrs[i].key == key)
			return &st->own.ptrs[i];
	return NULL;
}

struct ptr *ptr_find(struct astate *st, vkey key)
{
	struct ptr *p = ptr_find_exact(st, key);

	for (int hops = 0; p && p->alias && hops < MAX_PTRS; hops++)
		p = ptr_find_exact(st, p->alias);
	return p && !p->alias ? p : NULL;
}

struct ptr *ptr_add(struct astate *st, vkey key)
{
	unsigned int i;

	for (i = 0; i < st->own.nptrs; i++) {
		if (st->own.ptrs[i].key == key)
			return &st->own.ptrs[i];
		if (st->own.ptrs[i].key > key)
			break;
	}
	if (st->own.nptrs == MAX_PTRS)
		return NULL;
	memmove(&st->own.ptrs[i + 1], &st->own.ptrs[i], (st->own.nptrs - i) * sizeof(st->own.ptrs[0]));
	memset(&st->own.ptrs[i], 0, sizeof(st->own.ptrs[i]));
	st->own.ptrs[i].key = key;
	st->own.nptrs++;
	return &st->own.ptrs[i];
}

bool fresh_has(const struct astate *st, vkey key)
{
	for (unsigned int i = 0; i < st->own.nfresh; i++)
		if (st->own.fresh[i] == key)
			return true;
	return false;
}

void fresh_add(struct astate *st, vkey key)
{
	unsigned int i;

	if (!key || fresh_has(st, key) || st->own.nfresh == MAX_FRESH)
		return;
	for (i = 0; i < st->own.nfresh && st->own.fresh[i] < key; i++)
		;
	memmove(&st->own.fresh[i + 1], &st->own.fresh[i], (st->own.nfresh - i) * sizeof(vkey));
	st->own.fresh[i] = key;
	st->own.nfresh++;
}

void fresh_drop(struct astate *st, vkey key)
{
	for (unsigned int i = 0; i < st->own.nfresh; i++)
		if (st->own.fresh[i] == key) {
			memmove(&st->own.fresh[i], &st->own.fresh[i + 1],
				(st->own.nfresh - i - 1) * sizeof(vkey));
			st->own.nfresh--;
			return;
		}
}

static bool ptr_equal(const struct ptr *a, const struct ptr *b)
{
	return a->key == b->key && a->alias == b->alias && a->rest == b->rest &&
	       a->got_from == b->got_from &&
	       a->var == b->var && a->var2 == b->var2 && a->origin == b->origin &&
	       a->mask == b->mask && a->kind == b->kind && a->is_param == b->is_param;
}

bool own_path_equal(const struct astate *a, const struct astate *b)
{
	if (a->own.nptrs != b->own.nptrs || a->own.nfresh != b->own.nfresh)
		return false;
	for (unsigned int i = 0; i < a->own.nptrs; i++)
		if (!ptr_equal(&a->own.ptrs[i], &b->own.ptrs[i]))
			return false;
	return !memcmp(a->own.fresh, b->own.fresh, a->own.nfresh * sizeof(vkey));
}

/*
 * May-sets grow; a reference known on one path only is kept as that path
 * has it; an allocation stays unpublished only where both paths say so.
 */
void own_path_join(struct astate *into, const struct astate *from)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < from->own.nptrs; i++) {
		const struct ptr *f = &from->own.ptrs[i];
		struct ptr *p = ptr_find_exact(into, f->key);

		if (!p) {
			p = ptr_add(into, f->key);
			if (!p)
				continue;
			*p = *f;
			continue;
		}
		p->mask |= f->mask;
		p->kind |= f->kind;
		if (!p->put_loc)
			p->put_loc = f->put_loc;
		if (p->alias != f->alias) {
			/* Moved on one path only: the entry keeps its own obligations. */
			p->alias = 0;
			p->mask |= PT_MOVED;
		}
		if (!p->rest)
			p->rest = f->rest;
		if (!p->got_from)
			p->got_from = f->got_from;
		if (p->var2 != f->var2 || p->var != f->var)
			p->var = p->var2 = NULL;	/* holders differ: no overwrite reports */
	}

	for (unsigned int i = 0; i < into->own.nfresh; i++)
		if (fresh_has(from, into->own.fresh[i]))
			into->own.fresh[n++] = into->own.fresh[i];
	into->own.nfresh = n;
}

/* How many reference entries two paths have alike, place by place. */
int own_path_closeness(const struct astate *a, const struct astate *b)
{
	int n = 0;

	for (unsigned int k = 0; k < a->own.nptrs && k < b->own.nptrs; k++)
		n += ptr_equal(&a->own.ptrs[k], &b->own.ptrs[k]);
	return n;
}
