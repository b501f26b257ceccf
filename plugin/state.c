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
 * Locations are notes only: they never make two states different.  This
 * file keeps the engine's part of a state, the branch facts; each checker
 * says when its own part is equal, how two join and how close two are
 * (engine.h: struct checker).
 */
#include "engine.h"

/* The parts of the locks the walk does not track are never read. */
void state_init(struct astate *st)
{
	memset(st, 0, offsetof(struct astate, lk) + tracked_walked() * sizeof(st->lk[0]));
}

/*
 * A state is mostly empty tables: copy the fixed part and the entries in
 * use, not the whole state (copies are most of the analysis' cost, so
 * this one knows every part's tables rather than asking each checker).
 * Nothing reads an entry past nfacts, nptrs or nfresh, nor a lock past
 * the unit's.
 */
void state_copy(struct astate *dst, const struct astate *src)
{
	memcpy(dst, src, offsetof(struct astate, facts));
	memcpy(dst->facts, src->facts, src->nfacts * sizeof(src->facts[0]));
	dst->own.nptrs = src->own.nptrs;
	dst->own.nfresh = src->own.nfresh;
	memcpy(dst->own.ptrs, src->own.ptrs, src->own.nptrs * sizeof(src->own.ptrs[0]));
	memcpy(dst->own.fresh, src->own.fresh, src->own.nfresh * sizeof(src->own.fresh[0]));
	memcpy(dst->lk, src->lk, tracked_walked() * sizeof(src->lk[0]));
}

/*
 * As many paths per point as MAX_STATES for each lock the walk tracks: the
 * locks' holds multiply the paths a point sees, and a set that kept only
 * MAX_STATES would join what a walk of one lock keeps apart.
 */
unsigned int states_kept(void)
{
	return MAX_STATES * tracked_walked();
}

/* A state's bytes up to the lock parts the walk tracks, kept aligned. */
static size_t state_stride(void)
{
	size_t n = offsetof(struct astate, lk) + tracked_walked() * sizeof(struct lock_path);
	size_t a = alignof(struct astate);

	return (n + a - 1) / a * a;
}

struct sset *sset_new(unsigned int cap)
{
	struct sset *set = XNEW(struct sset);

	set->n = 0;
	set->cap = cap;
	set->stride = state_stride();
	set->s = cap ? XNEWVEC(char, cap * set->stride) : NULL;
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

/* The engine's part: the same facts. */
static bool facts_equal(const struct astate *a, const struct astate *b)
{
	if (a->nfacts != b->nfacts)
		return false;
	for (unsigned int i = 0; i < a->nfacts; i++)
		if (a->facts[i].key != b->facts[i].key ||
		    a->facts[i].nonzero != b->facts[i].nonzero)
			return false;
	return true;
}

bool state_equal(const struct astate *a, const struct astate *b)
{
	if (!facts_equal(a, b))
		return false;
	for (unsigned int k = 0; k < CHECKER_COUNT; k++)
		if (checkers[k]->path_equal && !checkers[k]->path_equal(a, b))
			return false;
	return true;
}

/* The least state that covers both: may-sets grow, must-facts shrink. */
void state_join(struct astate *into, const struct astate *from)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < into->nfacts; i++)
		if (fact_get(from, into->facts[i].key) == into->facts[i].nonzero)
			into->facts[n++] = into->facts[i];
	into->nfacts = n;
	for (unsigned int k = 0; k < CHECKER_COUNT; k++)
		if (checkers[k]->path_join)
			checkers[k]->path_join(into, from);
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

/* How much two states have alike: the facts they share, and each part's say. */
static int closeness(const struct astate *a, const struct astate *b)
{
	int score = facts_shared(a, b);

	for (unsigned int k = 0; k < CHECKER_COUNT; k++)
		if (checkers[k]->path_closeness)
			score += checkers[k]->path_closeness(a, b);
	return score;
}

bool sset_add(struct sset *set, const struct astate *st)
{
	struct astate joined;

	for (unsigned int i = 0; i < set->n; i++)
		if (state_equal(sset_at(set, i), st))
			return false;
	if (set->n < states_kept()) {
		if (set->n == set->cap) {
			/* Grown by copying the states in use, not every byte of them. */
			struct sset old = *set;

			set->cap = set->cap ? MIN(2 * set->cap, states_kept()) : 1;
			set->s = XNEWVEC(char, set->cap * set->stride);
			for (unsigned int i = 0; i < set->n; i++)
				state_copy(sset_at(set, i), sset_at(&old, i));
			XDELETEVEC(old.s);
		}
		state_copy(sset_at(set, set->n++), st);
		return true;
	}
	/*
	 * Full: the new state is joined into the kept one most like it.  But
	 * when none agrees with it on what findings depend on (PATH_AGREE:
	 * the lock tracker's part, whether the lock is held), the two kept
	 * states most like each other are joined instead, if they are more
	 * alike, and the new one takes the freed place.  Else, once the set
	 * is full of paths without the lock, every path that takes it would
	 * be joined into one of them, and "if (u) lock(); ...; if (u) {
	 * write; unlock(); }" read as a write with the lock maybe free.
	 */
	unsigned int best = 0, pi = 0, pj = 0;
	int best_score = -1, pair_score = -1;

	for (unsigned int i = 0; i < set->n; i++) {
		int score = closeness(sset_at(set, i), st);

		if (score > best_score) {
			best_score = score;
			best = i;
		}
	}
	for (unsigned int i = 0; best_score < PATH_AGREE && i < set->n; i++)
		for (unsigned int j = i + 1; j < set->n; j++) {
			int score = closeness(sset_at(set, i), sset_at(set, j));

			if (score > pair_score) {
				pair_score = score;
				pi = i;
				pj = j;
			}
		}
	if (pair_score > best_score) {
		state_join(sset_at(set, pi), sset_at(set, pj));
		state_copy(sset_at(set, pj), st);
		return true;
	}
	state_copy(&joined, sset_at(set, best));
	state_join(&joined, st);
	if (state_equal(&joined, sset_at(set, best)))
		return false;
	state_copy(sset_at(set, best), &joined);
	return true;
}
