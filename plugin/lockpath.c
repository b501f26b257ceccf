// SPDX-License-Identifier: GPL-2.0
/*
 * lockpath.c - the lock tracker's part of a path state (struct lock_path):
 * how the path holds the lock of each slot (the tracked global, locks
 * passed as parameters or stored at *parameter) and the per-object locks
 * of the objects the function took or released; when two paths hold them
 * the same, how two paths' holds join, and how close two paths are.
 * lock.c says what the program does to them.
 */
#include "engine.h"

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

bool lock_path_equal(const struct astate *a, const struct astate *b)
{
	return !memcmp(a->lk.lock, b->lk.lock, sizeof(a->lk.lock)) && objs_equal(a, b);
}

/* May-sets grow; the first cause a note names is kept. */
void lock_path_join(struct astate *into, const struct astate *from)
{
	for (int i = 0; i < NSLOTS; i++)
		into->lk.lock[i] |= from->lk.lock[i];
	if (!into->lk.free_loc) {
		into->lk.free_loc = from->lk.free_loc;
		into->lk.free_why = from->lk.free_why;
	}
	objs_join(into, from);
}

/* Paths that hold the locks alike are the ones to join, before any other. */
int lock_path_closeness(const struct astate *a, const struct astate *b)
{
	return lock_path_equal(a, b) ? PATH_AGREE : 0;
}
