// SPDX-License-Identifier: GPL-2.0
/*
 * state.c - the abstract state of one path through a function, and bounded
 * sets of them.
 *
 * Keeping up to MAX_STATES distinct states per program point (instead of
 * joining at every merge) is what makes the analysis path-sensitive: a lock
 * taken under "if (c)" and released under a later "if (c)" stays correlated
 * through the fact recorded for c.  Past the bound, states are joined, so
 * the cost stays linear in the size of the function.
 *
 * Arrays are kept sorted by key so that equal states compare equal.
 * Locations are notes only: they never make two states different.
 */
#include "uecheck.h"

void state_init(struct astate *st)
{
	memset(st, 0, sizeof(*st));
}

/*
 * A state is mostly empty tables: copy the fixed part and the entries in
 * use, not the whole 1.2 KB (copies are most of the analysis' cost).
 * Nothing reads an entry past nfacts, nptrs or nfresh.
 */
void state_copy(struct astate *dst, const struct astate *src)
{
	memcpy(dst, src, offsetof(struct astate, facts));
	memcpy(dst->facts, src->facts, src->nfacts * sizeof(src->facts[0]));
	memcpy(dst->ptrs, src->ptrs, src->nptrs * sizeof(src->ptrs[0]));
	memcpy(dst->fresh, src->fresh, src->nfresh * sizeof(src->fresh[0]));
}

struct sset *sset_new(unsigned int cap)
{
	struct sset *set = XNEW(struct sset);

	set->n = 0;
	set->cap = cap;
	set->s = cap ? XNEWVEC(struct astate, cap) : NULL;
	return set;
}

void sset_free(struct sset *set)
{
	if (!set)
		return;
	XDELETEVEC(set->s);
	XDELETE(set);
}

int fact_get(const struct astate *st, vkey key)
{
	for (unsigned int i = 0; i < st->nfacts; i++)
		if (st->facts[i].key == key)
			return st->facts[i].nonzero;
	return -1;
}

/* Make room by forgetting a fact of lower priority; false when there is none. */
static bool fact_evict_below(struct astate *st, int prio)
{
	unsigned int victim = st->nfacts;

	for (unsigned int i = 0; i < st->nfacts; i++)
		if (st->facts[i].prio < prio &&
		    (victim == st->nfacts || st->facts[i].prio < st->facts[victim].prio))
			victim = i;
	if (victim == st->nfacts)
		return false;
	memmove(&st->facts[victim], &st->facts[victim + 1],
		(st->nfacts - victim - 1) * sizeof(st->facts[0]));
	st->nfacts--;
	return true;
}

bool fact_add_prio(struct astate *st, vkey key, bool nonzero, int prio)
{
	unsigned int i;

	if (!key)
		return true;
	for (i = 0; i < st->nfacts; i++)
		if (st->facts[i].key == key)
			return st->facts[i].nonzero == nonzero;
	/*
	 * Forgetting a fact is sound but costs precision: a lock attempt's
	 * result forgotten sends its failure path into the locked branch.
	 * Constants (x = NULL at the top of a big function) go first, then
	 * branch conditions.
	 */
	if (st->nfacts == MAX_FACTS && !fact_evict_below(st, prio))
		return true;
	for (i = 0; i < st->nfacts && st->facts[i].key < key; i++)
		;
	memmove(&st->facts[i + 1], &st->facts[i], (st->nfacts - i) * sizeof(st->facts[0]));
	st->facts[i].key = key;
	st->facts[i].nonzero = nonzero;
	st->facts[i].prio = prio;
	st->nfacts++;
	return true;
}

void fact_drop(struct astate *st, vkey key)
{
	for (unsigned int i = 0; i < st->nfacts; i++)
		if (st->facts[i].key == key) {
			memmove(&st->facts[i], &st->facts[i + 1],
				(st->nfacts - i - 1) * sizeof(st->facts[0]));
			st->nfacts--;
			return;
		}
}

struct ptr *ptr_find_exact(struct astate *st, vkey key)
{
	if (!key)
		return NULL;
	for (unsigned int i = 0; i < st->nptrs; i++)
		if (st->ptrs[i].key == key)
			return &st->ptrs[i];
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

	for (i = 0; i < st->nptrs; i++) {
		if (st->ptrs[i].key == key)
			return &st->ptrs[i];
		if (st->ptrs[i].key > key)
			break;
	}
	if (st->nptrs == MAX_PTRS)
		return NULL;
	memmove(&st->ptrs[i + 1], &st->ptrs[i], (st->nptrs - i) * sizeof(st->ptrs[0]));
	memset(&st->ptrs[i], 0, sizeof(st->ptrs[i]));
	st->ptrs[i].key = key;
	st->nptrs++;
	return &st->ptrs[i];
}

struct objlock *objlock_find(struct astate *st, vkey base)
{
	for (unsigned int i = 0; base && i < st->lk.nobjs; i++)
		if (st->lk.objs[i].base == base)
			return &st->lk.objs[i];
	return NULL;
}

/* Out of room, the object stays as the caller left it: no finding, no claim. */
void objlock_set(struct astate *st, vkey base, unsigned char mask, location_t loc, int why)
{
	struct objlock *o = objlock_find(st, base);
	unsigned int i;

	if (!base)
		return;
	if (!o) {
		if (st->lk.nobjs == MAX_OBJLOCKS)
			return;
		for (i = 0; i < st->lk.nobjs && st->lk.objs[i].base < base; i++)
			;
		memmove(&st->lk.objs[i + 1], &st->lk.objs[i], (st->lk.nobjs - i) * sizeof(st->lk.objs[0]));
		o = &st->lk.objs[i];
		memset(o, 0, sizeof(*o));
		o->base = base;
		st->lk.nobjs++;
	}
	lock_cause_update(o->mask, mask, &o->free_loc, &o->free_why, loc, why);
	o->mask = mask;
}

/*
 * A lock's mask goes from OLD to MASK at LOC: the cause a note names is
 * where it first may be free (WHY), else where it came to be held for
 * reading only (a lock taken shared, or a callee that left it so).
 */
void lock_cause_update(unsigned char old, unsigned char mask, location_t *cause_loc,
		       unsigned char *cause_why, location_t loc, int why)
{
	if ((mask & LK_FREE) && !(old & LK_FREE)) {
		*cause_loc = loc;
		*cause_why = why;
	} else if (!(mask & LK_FREE) && (mask & LK_SHARED) &&
		   ((old & LK_FREE) || !(old & LK_SHARED))) {
		*cause_loc = loc;
		/* A SHARED_BY_* cause as given; a callee's as its own; else a lock call. */
		*cause_why = why >= SHARED_BY_LOCK ? why :
			     why == FREE_BY_CALL ? SHARED_BY_CALL : SHARED_BY_LOCK;
	}
}

void objlock_drop(struct astate *st, vkey base)
{
	struct objlock *o = objlock_find(st, base);

	if (!o)
		return;
	memmove(o, o + 1, (st->lk.objs + st->lk.nobjs - o - 1) * sizeof(*o));
	st->lk.nobjs--;
}

static bool objs_equal(const struct astate *a, const struct astate *b)
{
	if (a->lk.nobjs != b->lk.nobjs)
		return false;
	for (unsigned int i = 0; i < a->lk.nobjs; i++)
		if (a->lk.objs[i].base != b->lk.objs[i].base || a->lk.objs[i].mask != b->lk.objs[i].mask)
			return false;
	return true;
}

/* An object known on one side only is, on the other, as the caller left it. */
static void objs_join(struct astate *into, const struct astate *from)
{
	for (unsigned int i = 0; i < into->lk.nobjs; i++) {
		struct objlock *o = &into->lk.objs[i];
		const struct objlock *f = objlock_find((struct astate *)from, o->base);

		o->mask |= f ? f->mask : LK_ENTRY;
		if (f && !o->free_loc) {
			o->free_loc = f->free_loc;
			o->free_why = f->free_why;
		}
	}
	for (unsigned int i = 0; i < from->lk.nobjs; i++) {
		const struct objlock *f = &from->lk.objs[i];

		if (!objlock_find(into, f->base))
			objlock_set(into, f->base, f->mask | LK_ENTRY, f->free_loc, f->free_why);
	}
}

bool fresh_has(const struct astate *st, vkey key)
{
	for (unsigned int i = 0; i < st->nfresh; i++)
		if (st->fresh[i] == key)
			return true;
	return false;
}

void fresh_add(struct astate *st, vkey key)
{
	unsigned int i;

	if (!key || fresh_has(st, key) || st->nfresh == MAX_FRESH)
		return;
	for (i = 0; i < st->nfresh && st->fresh[i] < key; i++)
		;
	memmove(&st->fresh[i + 1], &st->fresh[i], (st->nfresh - i) * sizeof(vkey));
	st->fresh[i] = key;
	st->nfresh++;
}

void fresh_drop(struct astate *st, vkey key)
{
	for (unsigned int i = 0; i < st->nfresh; i++)
		if (st->fresh[i] == key) {
			memmove(&st->fresh[i], &st->fresh[i + 1],
				(st->nfresh - i - 1) * sizeof(vkey));
			st->nfresh--;
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

bool state_equal(const struct astate *a, const struct astate *b)
{
	if (memcmp(a->lk.lock, b->lk.lock, sizeof(a->lk.lock)) || !objs_equal(a, b) ||
	    a->nfacts != b->nfacts || a->nptrs != b->nptrs || a->nfresh != b->nfresh)
		return false;
	for (unsigned int i = 0; i < a->nfacts; i++)
		if (a->facts[i].key != b->facts[i].key ||
		    a->facts[i].nonzero != b->facts[i].nonzero)
			return false;
	for (unsigned int i = 0; i < a->nptrs; i++)
		if (!ptr_equal(&a->ptrs[i], &b->ptrs[i]))
			return false;
	return !memcmp(a->fresh, b->fresh, a->nfresh * sizeof(vkey));
}

/* The least state that covers both: may-sets grow, must-facts shrink. */
void state_join(struct astate *into, const struct astate *from)
{
	struct astate old;

	state_copy(&old, into);

	for (int i = 0; i < NSLOTS; i++)
		into->lk.lock[i] |= from->lk.lock[i];
	if (!into->lk.free_loc) {
		into->lk.free_loc = from->lk.free_loc;
		into->lk.free_why = from->lk.free_why;
	}
	objs_join(into, from);

	into->nfacts = 0;
	for (unsigned int i = 0; i < old.nfacts; i++)
		if (fact_get(from, old.facts[i].key) == old.facts[i].nonzero)
			into->facts[into->nfacts++] = old.facts[i];

	for (unsigned int i = 0; i < from->nptrs; i++) {
		const struct ptr *f = &from->ptrs[i];
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

	into->nfresh = 0;
	for (unsigned int i = 0; i < old.nfresh; i++)
		if (fresh_has(from, old.fresh[i]))
			into->fresh[into->nfresh++] = old.fresh[i];
}

/* How many (key, value) facts two states share; both tables are sorted. */
static int facts_shared(const struct astate *a, const struct astate *b)
{
	unsigned int i = 0, k = 0;
	int n = 0;

	while (i < a->nfacts && k < b->nfacts) {
		if (a->facts[i].key < b->facts[k].key) {
			i++;
		} else if (a->facts[i].key > b->facts[k].key) {
			k++;
		} else {
			n += a->facts[i].nonzero == b->facts[k].nonzero;
			i++, k++;
		}
	}
	return n;
}

/*
 * The state a new one is joined into when the set is full: the one that
 * loses least.  Lock states weigh most (a held lock joined with a free one
 * becomes "maybe held", a finding at every access), then equal facts and
 * reference entries.
 */
static unsigned int state_closest(const struct sset *set, const struct astate *st)
{
	unsigned int best = 0;
	int best_score = -1;

	for (unsigned int i = 0; i < set->n; i++) {
		const struct astate *a = &set->s[i];
		int score = memcmp(a->lk.lock, st->lk.lock, sizeof(a->lk.lock)) || !objs_equal(a, st) ?
			    0 : 1000;

		score += facts_shared(a, st);
		for (unsigned int k = 0; k < a->nptrs && k < st->nptrs; k++)
			score += ptr_equal(&a->ptrs[k], &st->ptrs[k]);
		if (score > best_score) {
			best_score = score;
			best = i;
		}
	}
	return best;
}

bool sset_add(struct sset *set, const struct astate *st)
{
	struct astate joined;

	for (unsigned int i = 0; i < set->n; i++)
		if (state_equal(&set->s[i], st))
			return false;
	if (set->n < MAX_STATES) {
		if (set->n == set->cap) {
			set->cap = set->cap ? MIN(2 * set->cap, MAX_STATES) : 1;
			set->s = XRESIZEVEC(struct astate, set->s, set->cap);
		}
		state_copy(&set->s[set->n++], st);
		return true;
	}
	unsigned int best = state_closest(set, st);

	state_copy(&joined, &set->s[best]);
	state_join(&joined, st);
	if (state_equal(&joined, &set->s[best]))
		return false;
	state_copy(&set->s[best], &joined);
	return true;
}
