// SPDX-License-Identifier: GPL-2.0
/*
 * lockahead.c - does the function go on to take the lock?
 *
 * The kernel's locks do not nest: a function that goes on to take a lock
 * exclusively was not called with it held (it would deadlock there).  So
 * what it does before, on every way to that take, it does without the
 * lock whatever its callers hold: the lock rules read the lock as free
 * there (lockrules.c), so an access that needs it is the finding, and so
 * is a call of a helper that needs it (or that helper's own access, when
 * no caller holds the lock for it: callers.c); nothing is passed up to
 * callers that could not have met it (one cause, one finding, at the line
 * to fix).
 *
 * Backwards over the CFG, for an annotated global lock: a block is "taken
 * ahead" when its first operation on the lock is an exclusive take, or it
 * has none and every successor is.  The greatest such set, loops read as
 * ending: a block that cannot reach the function's end (an endless loop)
 * is not, a path that dies (a call that does not return) agrees with any.
 * Only annotated locks: the rule set's lock keeps the contract the
 * Coccinelle scripts share.  A per-object lock is asked of one object (its
 * value): a take of another object's lock is no take of this one's.
 * Attempts do not count (a trylock may run under the lock), nor takes for
 * reading (read locks may nest).  Computed for a lock (and object) when
 * first asked in a walk of the function, since callees' summaries move
 * between rounds.
 */
#include "uecheck.h"
#include "engine.h"
#include "lock.h"

enum ahead { AHEAD_NO, AHEAD_YES, AHEAD_ANY /* not known yet, or a dead end */ };

struct ahead_of_block {
	enum ahead a;
	location_t take;	/* AHEAD_YES: one take every path reaches */
};

static struct ahead_of_block *ahead[MAX_LOCKS];	/* per lock, per block index */
static int ahead_len[MAX_LOCKS];
static unsigned int ahead_known;	/* a bit per lock: computed in this walk */
static vkey ahead_base[MAX_LOCKS];	/* ... for this object (0: the global lock) */

static struct ahead_of_block ahead_of(enum ahead a, location_t take)
{
	struct ahead_of_block b = { a, take };

	return b;
}

void lock_ahead_forget(void)
{
	ahead_known = 0;
}

/* The first operation on lock L (BASE's) in BB from GSI on. */
static enum lock_effect first_effect(struct lockid l, vkey base, gimple_stmt_iterator gsi,
				     location_t *where)
{
	for (; !gsi_end_p(gsi); gsi_next(&gsi)) {
		gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
		enum lock_effect e = call ? lock_call_effect(l, call, base) : LOCK_UNTOUCHED;

		if (e != LOCK_UNTOUCHED) {
			*where = gimple_location(call);
			return e;
		}
	}
	return LOCK_UNTOUCHED;
}

/* What every successor of BB agrees on. */
static struct ahead_of_block meet_succs(const struct ahead_of_block *blk, basic_block bb)
{
	struct ahead_of_block m = ahead_of(AHEAD_ANY, UNKNOWN_LOCATION);
	edge e;
	edge_iterator ei;

	FOR_EACH_EDGE(e, ei, bb->succs) {
		const struct ahead_of_block *s;

		if (e->dest == EXIT_BLOCK_PTR_FOR_FN(cfun))
			return ahead_of(AHEAD_NO, UNKNOWN_LOCATION);
		s = &blk[e->dest->index];
		if (s->a == AHEAD_NO)
			return *s;
		if (s->a == AHEAD_YES && m.a == AHEAD_ANY)
			m = *s;
	}
	return m;
}

/* Blocks from which the function's end or a dead end is reachable. */
static void mark_ending(bool *ends, int n)
{
	auto_vec<basic_block> work;
	basic_block bb;
	edge e;
	edge_iterator ei;

	memset(ends, 0, n * sizeof(*ends));
	FOR_EACH_BB_FN(bb, cfun)
		if (!EDGE_COUNT(bb->succs)) {
			ends[bb->index] = true;
			work.safe_push(bb);
		}
	FOR_EACH_EDGE(e, ei, EXIT_BLOCK_PTR_FOR_FN(cfun)->preds)
		if (e->src->index < n && !ends[e->src->index]) {
			ends[e->src->index] = true;
			work.safe_push(e->src);
		}
	while (!work.is_empty()) {
		bb = work.pop();
		FOR_EACH_EDGE(e, ei, bb->preds)
			if (e->src != ENTRY_BLOCK_PTR_FOR_FN(cfun) && !ends[e->src->index]) {
				ends[e->src->index] = true;
				work.safe_push(e->src);
			}
	}
}

static void compute(struct lockid lock, vkey base)
{
	unsigned int l = lock.index;
	int n = last_basic_block_for_fn(cfun);
	struct ahead_of_block *blk;
	bool *fixed = XNEWVEC(bool, n), *ends = XNEWVEC(bool, n);
	bool changed = true;
	basic_block bb;

	if (ahead_len[l] < n) {
		ahead[l] = XRESIZEVEC(struct ahead_of_block, ahead[l], n);
		ahead_len[l] = n;
	}
	blk = ahead[l];
	mark_ending(ends, n);
	for (int i = 0; i < n; i++) {
		blk[i] = ahead_of(AHEAD_NO, UNKNOWN_LOCATION);
		fixed[i] = true;
	}
	FOR_EACH_BB_FN(bb, cfun) {
		location_t where = UNKNOWN_LOCATION;
		enum lock_effect e = first_effect(lock, base, gsi_start_bb(bb), &where);

		if (e == LOCK_TAKES)
			blk[bb->index] = ahead_of(AHEAD_YES, where);
		else if (e == LOCK_UNTOUCHED && ends[bb->index]) {
			blk[bb->index].a = AHEAD_ANY;
			fixed[bb->index] = false;
		}
	}
	/* Down from "any" to the greatest agreement; each block moves twice at most. */
	while (changed) {
		changed = false;
		FOR_EACH_BB_FN(bb, cfun) {
			struct ahead_of_block m;

			if (fixed[bb->index])
				continue;
			m = meet_succs(blk, bb);
			if (m.a != blk[bb->index].a) {
				blk[bb->index] = m;
				changed = true;
			}
		}
	}
	XDELETEVEC(fixed);
	XDELETEVEC(ends);
	ahead_known |= 1u << l;
	ahead_base[l] = base;
}

location_t lock_taken_ahead(struct lockid lock, gimple *stmt, vkey base)
{
	unsigned int l = lock.index;
	basic_block bb = stmt ? gimple_bb(stmt) : NULL;
	gimple_stmt_iterator gsi;
	location_t where = UNKNOWN_LOCATION;
	struct ahead_of_block m;

	/* A reentrant lock (RCU) taken later may be held already: its holds nest. */
	if (!bb || tracked_is_ruleset_lock(lock) || l >= MAX_LOCKS ||
	    tracked_per_object(lock) != (base != 0) || tracked_lock_reentrant(lock))
		return UNKNOWN_LOCATION;
	if (!(ahead_known & (1u << l)) || ahead_base[l] != base)
		compute(lock, base);
	gsi = gsi_for_stmt(stmt);
	gsi_next(&gsi);
	switch (first_effect(lock, base, gsi, &where)) {
	case LOCK_TAKES:
		return where;
	case LOCK_TOUCHES:
		return UNKNOWN_LOCATION;
	default:
		break;
	}
	m = meet_succs(ahead[l], bb);
	return m.a == AHEAD_YES ? m.take : UNKNOWN_LOCATION;
}
