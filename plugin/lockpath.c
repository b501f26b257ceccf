// SPDX-License-Identifier: GPL-2.0
/*
 * lockpath.c - the lock tracker's part of a path state (struct lock_path,
 * one per lock the walk tracks): how the path holds the lock itself (a
 * global's, or each object's the function took or released) and the
 * locks passed as parameters or stored at *parameter (a slot each); when
 * two paths hold them the same, how two paths' holds join, and how close
 * two paths are.  lock.c says what the program does to them, lock by lock
 * (lock_fact_*() are of the lock they are given).
 */
#include "engine.h"

static struct lock_fact *find_in(struct lock_path *lk, vkey base)
{
	/* Sorted by key, none 0: a global lock's (1) is first, if there. */
	if (base == GLOBAL_LOCK_KEY)
		return lk->nfacts && lk->facts[0].base == base ? &lk->facts[0] : NULL;
	for (unsigned int i = 0; base && i < lk->nfacts; i++)
		if (lk->facts[i].base == base)
			return &lk->facts[i];
	return NULL;
}

struct lock_fact *lock_fact_find(struct astate *st, struct lockid l, vkey base)
{
	return find_in(lock_path_of(st, l), base);
}

/* Out of room, the object stays as the caller left it: no finding, no claim. */
static void set_in(struct lock_path *lk, vkey base, unsigned char mask, location_t loc, int why)
{
	struct lock_fact *o = find_in(lk, base);
	unsigned int i;

	if (!base)
		return;
	if (!o) {
		if (lk->nfacts == MAX_LOCK_FACTS)
			return;
		for (i = 0; i < lk->nfacts && lk->facts[i].base < base; i++)
			;
		memmove(&lk->facts[i + 1], &lk->facts[i], (lk->nfacts - i) * sizeof(lk->facts[0]));
		o = &lk->facts[i];
		memset(o, 0, sizeof(*o));
		o->base = base;
		lk->nfacts++;
	}
	lock_cause_update(o->mask, mask, &o->free_loc, &o->free_why, loc, why);
	o->mask = mask;
	o->nest = 0;
}

void lock_fact_set(struct astate *st, struct lockid l, vkey base, unsigned char mask,
		 location_t loc, int why)
{
	set_in(lock_path_of(st, l), base, mask, loc, why);
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

/*
 * A reentrant lock taken (HELD: LK_HELD or LK_SHARED): held where it
 * was not, one hold deeper where it was.  Taken where the path is as the
 * caller left it, its release frees it for this function (which cannot
 * know its callers' holds, as in Clang) but leaves it to the callers as
 * they had it (NEST_OVER_ENTRY, exit_case_of()): a helper that takes and
 * drops RCU leaves its caller's hold alone.
 */
void lock_fact_reenter(struct astate *st, struct lockid l, vkey base, unsigned char held,
		       location_t loc, int why)
{
	struct lock_path *lk = lock_path_of(st, l);
	struct lock_fact *o = find_in(lk, base);
	unsigned char m = o ? o->mask : LK_ENTRY;
	bool over = m == LK_ENTRY || (o && (o->nest & NEST_OVER_ENTRY) && m == LK_FREE);

	if ((m & (LK_HELD | LK_SHARED)) && !(m & (LK_FREE | LK_ENTRY))) {
		if ((o->nest & NEST_COUNT) < NEST_COUNT)
			o->nest++;
		return;
	}
	set_in(lk, base, held, loc, why);
	o = find_in(lk, base);
	if (o && over)
		o->nest = NEST_OVER_ENTRY;
}

/* A reentrant lock released: the innermost hold ends. */
void lock_fact_leave(struct astate *st, struct lockid l, vkey base, location_t loc, int why)
{
	struct lock_path *lk = lock_path_of(st, l);
	struct lock_fact *o = find_in(lk, base);
	bool over = o && (o->nest & NEST_OVER_ENTRY);

	if (o && (o->nest & NEST_COUNT)) {
		o->nest--;
		return;
	}
	set_in(lk, base, LK_FREE, loc, why);
	o = find_in(lk, base);
	if (o && over)
		o->nest = NEST_OVER_ENTRY;
}

/*
 * Held by an assertion (__assumes_ctx_lock()): where the path had the
 * lock as the caller left it, it leaves it so for the callers (an
 * assertion is no take: the callers' lockahead.c must not read one).
 */
void lock_fact_assume(struct astate *st, struct lockid l, vkey base, unsigned char held,
		      location_t loc)
{
	struct lock_path *lk = lock_path_of(st, l);
	struct lock_fact *o = find_in(lk, base);
	bool from_entry = !o || o->mask == LK_ENTRY;

	set_in(lk, base, held, loc, SHARED_BY_ANNOTATION);
	o = find_in(lk, base);
	if (o && from_entry)
		o->nest = NEST_ASSUMED;
}

/*
 * What a way out of the function leaves F's lock as, for its callers:
 * free only because no caller holds it (callers.c), a reentrant lock's
 * holds all taken and released here, or held only by an assertion: as
 * they had it.
 */
unsigned char lock_fact_exit_mask(const struct lock_fact *f)
{
	if (f->mask == LK_FREE &&
	    (f->free_why == FREE_BY_NO_CALLER || (f->nest & NEST_OVER_ENTRY)))
		return LK_ENTRY;
	if (!(f->mask & (LK_FREE | LK_ENTRY)) && (f->nest & NEST_ASSUMED))
		return LK_ENTRY;
	return f->mask;
}

void lock_fact_drop(struct astate *st, struct lockid l, vkey base)
{
	struct lock_path *lk = lock_path_of(st, l);
	struct lock_fact *o = find_in(lk, base);

	if (!o)
		return;
	memmove(o, o + 1, (lk->facts + lk->nfacts - o - 1) * sizeof(*o));
	lk->nfacts--;
}

static bool facts_equal(const struct lock_path *a, const struct lock_path *b)
{
	if (a->nfacts != b->nfacts)
		return false;
	for (unsigned int i = 0; i < a->nfacts; i++)
		if (a->facts[i].base != b->facts[i].base || a->facts[i].mask != b->facts[i].mask ||
		    a->facts[i].nest != b->facts[i].nest)
			return false;
	return true;
}

/* An object known on one side only is, on the other, as the caller left it. */
static void facts_join(struct lock_path *into, const struct lock_path *from)
{
	for (unsigned int i = 0; i < into->nfacts; i++) {
		struct lock_fact *o = &into->facts[i];
		const struct lock_fact *f = find_in((struct lock_path *)from, o->base);

		o->mask |= f ? f->mask : LK_ENTRY;
		/* Holds that nest apart: the fewer, released the sooner. */
		if (!f || f->nest != o->nest)
			o->nest = f ? MIN(o->nest & NEST_COUNT, f->nest & NEST_COUNT) |
				      (o->nest & f->nest & (NEST_OVER_ENTRY | NEST_ASSUMED)) : 0;
		if (f && !o->free_loc) {
			o->free_loc = f->free_loc;
			o->free_why = f->free_why;
		}
	}
	for (unsigned int i = 0; i < from->nfacts; i++) {
		const struct lock_fact *f = &from->facts[i];

		if (!find_in(into, f->base))
			set_in(into, f->base, f->mask | LK_ENTRY, f->free_loc, f->free_why);
	}
}

static bool path_equal(const struct lock_path *a, const struct lock_path *b)
{
	return !memcmp(a->param_lock, b->param_lock, sizeof(a->param_lock)) && facts_equal(a, b);
}

/* Every lock's part (the walk's locks'). */
bool lock_path_equal(const struct astate *a, const struct astate *b)
{
	FOR_EACH_WALKED(r)
		if (!path_equal(&a->lk[r], &b->lk[r]))
			return false;
	return true;
}

/* May-sets grow; the first cause a note names is kept. */
void lock_path_join(struct astate *st_into, const struct astate *st_from)
{
	FOR_EACH_WALKED(r) {
		struct lock_path *into = &st_into->lk[r];
		const struct lock_path *from = &st_from->lk[r];

		for (int i = 0; i < NPARAM_SLOTS; i++)
			into->param_lock[i] |= from->param_lock[i];
		facts_join(into, from);
	}
}

/* Paths that hold the locks alike are the ones to join, before any other. */
int lock_path_closeness(const struct astate *a, const struct astate *b)
{
	return lock_path_equal(a, b) ? PATH_AGREE : 0;
}
