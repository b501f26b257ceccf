// SPDX-License-Identifier: GPL-2.0
/*
 * callers.c - whether any caller in the unit holds the lock a static
 * helper needs.
 *
 * A static function that touches guarded data without taking the lock
 * passes the need up to its callers, who are checked at their calls.
 * When no caller in the unit holds the lock for it (each call is made
 * with the lock free, or as its own callers left it and they hold it
 * nowhere either, or from a function callable from outside), the need
 * has no one to pass to: the helper's own access is the bug, reported
 * there once, not once at each caller (issue 23: one cause, one finding,
 * at the line to fix; Clang 23 reports that access too).  Such a helper
 * is then analysed with the lock free at its entry (lock.c), which also
 * drops its requirement, so its callers are silent.
 *
 * Only for the locks the code annotates (the rule set's own lock keeps
 * its contract, which the Coccinelle scripts share: helpers need what
 * they touch, docs/rules.md), and only where every call of the helper was
 * seen with the state it was made in: a caller the analysis gave up on, a
 * call in a block it never reached or one it was told to ignore
 * (context_unsafe(), uecheck: ignore) keeps the old reading.  For a
 * per-object lock the facts are of the objects the helper needs the lock
 * of (its parameters'), and those objects' locks are what is free at its
 * entry; a caller callable from outside holds them by the inference's
 * contract, not by Clang's (it owes them: its own finding).
 *
 * The facts are each caller's: what the lock may be at each call of a
 * helper that needs it, from the final sweep of its last analysis (lock
 * rules: callers_record()).  fixpoint.c asks, once the summaries have
 * settled, which helpers no caller holds the lock for
 * (callers_settle()), and runs the fixpoint again from them.
 */
#include "uecheck.h"

/* What the lock may be at the calls of CALLEE from one place. */
struct call_fact {
	unsigned int callee;		/* summary index */
	location_t loc;			/* the call */
	unsigned char mask;		/* LK_* may-set over the paths there */
};

static unsigned int nfuncs, nranks;
static vec<struct call_fact> *facts;	/* [caller * nranks + rank] */
static location_t *unheld;		/* [callee * nranks + rank]: one call, or none */
static unsigned int *unheld_objs;	/* ... per-object: the parameters' objects */
static bool any_unheld;

void callers_begin(unsigned int nsums)
{
	nfuncs = nsums;
	nranks = tracked_walked();
	facts = XCNEWVEC(vec<struct call_fact>, (size_t)nfuncs * nranks);
	unheld = XCNEWVEC(location_t, (size_t)nfuncs * nranks);
	unheld_objs = XCNEWVEC(unsigned int, (size_t)nfuncs * nranks);
	any_unheld = false;
}

void callers_end(void)
{
	for (size_t i = 0; facts && i < (size_t)nfuncs * nranks; i++)
		facts[i].release();
	XDELETEVEC(facts);
	XDELETEVEC(unheld);
	XDELETEVEC(unheld_objs);
	facts = NULL;
	unheld = NULL;
	unheld_objs = NULL;
	nfuncs = nranks = 0;
	any_unheld = false;
}

static vec<struct call_fact> *facts_of(struct lockid l, tree caller)
{
	struct summary *s = facts ? summary_of(caller) : NULL;

	return s ? &facts[(size_t)summary_index(s) * nranks + l.rank] : NULL;
}

/* CALLER's analysis starts: what its last one saw of L no longer stands. */
void callers_forget(struct lockid l, tree caller)
{
	vec<struct call_fact> *v = facts_of(l, caller);

	if (v)
		v->truncate(0);
}

/* The final sweep of CALLER: CALLEE, which needs lock L, called at LOC. */
void callers_record(struct lockid l, tree caller, const struct summary *callee,
		    unsigned char mask, location_t loc)
{
	vec<struct call_fact> *v = facts_of(l, caller);
	struct call_fact f;

	if (!v)
		return;
	f.callee = summary_index(callee);
	f.loc = loc;
	f.mask = mask;
	for (unsigned int i = 0; i < v->length(); i++) {
		struct call_fact *g = &(*v)[i];

		if (g->callee == f.callee && g->loc == loc) {
			g->mask |= mask;
			return;
		}
	}
	v->safe_push(f);
}

static const struct call_fact *fact_at(struct lockid l, unsigned int caller, unsigned int callee,
				      location_t loc)
{
	const vec<struct call_fact> &v = facts[(size_t)caller * nranks + l.rank];

	for (unsigned int i = 0; i < v.length(); i++)
		if (v[i].callee == callee && v[i].loc == loc)
			return &v[i];
	return NULL;
}

static bool earlier(location_t a, location_t b)
{
	struct srcpos pa, pb;

	return srcpos_of(a, &pa) && (!srcpos_of(b, &pb) || srcpos_cmp(&pa, &pb) < 0);
}

/*
 * S may be a helper no caller holds the lock for: static, needing the
 * lock with nothing but its callers behind it, and every call of it seen.
 */
static bool candidate(struct lockid l, unsigned int i)
{
	struct summary *s = summary_at(i);
	const struct lock_summary *ls = lock_summary_of(s, l);
	cgraph_node *cn;
	bool called = false;

	if (s->exposed || s->gave_up || ls->req != REQ_UNASSERTED || ls->req_by_annotation ||
	    ls->contract || unheld[(size_t)i * nranks + l.rank] != UNKNOWN_LOCATION)
		return false;
	cn = cgraph_node::get(s->decl);
	for (cgraph_edge *e = cn ? cn->callers : NULL; e; e = e->next_caller) {
		struct summary *caller = summary_of(e->caller->decl);

		if (!caller || caller->gave_up || !e->call_stmt ||
		    !fact_at(l, summary_index(caller), i, gimple_location(e->call_stmt)))
			return false;
		called = true;
	}
	return called;
}

/*
 * Mark the helpers no caller holds lock L for; their indices go to OUT.
 * A helper is held for when a call of it may be made with the lock held,
 * or as a caller left it that is itself held for (not marked) and cannot
 * be called from outside.
 */
static unsigned int settle_one(struct lockid l, unsigned int *out)
{
	bool *none = XCNEWVEC(bool, nfuncs);
	unsigned int n = 0;
	bool changed = true;
	/* A function callable from outside holds its parameters' object locks. */
	bool trusts_callers = tracked_per_object(l) && !ue_cfg.clang_contract;

	for (unsigned int i = 0; i < nfuncs; i++)
		none[i] = candidate(l, i);
	while (changed) {
		changed = false;
		for (unsigned int c = 0; c < nfuncs; c++) {
			const vec<struct call_fact> &v = facts[(size_t)c * nranks + l.rank];

			for (unsigned int k = 0; k < v.length(); k++) {
				unsigned char m = v[k].mask;

				if (!none[v[k].callee])
					continue;
				if ((m & (LK_HELD | LK_SHARED)) ||
				    ((m & LK_ENTRY) && !none[c] &&
				     (!summary_at(c)->exposed || trusts_callers))) {
					none[v[k].callee] = false;
					changed = true;
				}
			}
		}
	}
	/* For the note: each one's first call in the source. */
	for (unsigned int c = 0; c < nfuncs; c++) {
		const vec<struct call_fact> &v = facts[(size_t)c * nranks + l.rank];

		for (unsigned int k = 0; k < v.length(); k++) {
			location_t *at = &unheld[(size_t)v[k].callee * nranks + l.rank];

			if (!none[v[k].callee])
				continue;
			if (*at == UNKNOWN_LOCATION) {
				out[n++] = v[k].callee;
				unheld_objs[(size_t)v[k].callee * nranks + l.rank] =
					lock_summary_of(summary_at(v[k].callee), l)->req_objs;
			}
			if (*at == UNKNOWN_LOCATION || earlier(v[k].loc, *at))
				*at = v[k].loc;
			any_unheld = true;
		}
	}
	XDELETEVEC(none);
	return n;
}

/*
 * Once the summaries settled: the helpers newly found to have no caller
 * holding a lock they need, for each lock this applies to; their indices
 * in OUT (room for every function, each listed once).
 */
unsigned int callers_settle(unsigned int *out)
{
	bool *listed = XCNEWVEC(bool, nfuncs);
	unsigned int *mine = XNEWVEC(unsigned int, nfuncs);
	unsigned int n = 0;

	FOR_EACH_LOCK(l) {
		unsigned int k;

		if (tracked_is_ruleset_lock(l))
			continue;
		k = settle_one(l, mine);
		for (unsigned int j = 0; j < k; j++)
			if (!listed[mine[j]]) {
				listed[mine[j]] = true;
				out[n++] = mine[j];
			}
	}
	XDELETEVEC(listed);
	XDELETEVEC(mine);
	return n;
}

/*
 * No caller holds lock L for FNDECL: one of its calls in *CALL; for a
 * per-object lock, of the objects of the parameters in *OBJS.
 */
bool callers_none_hold(struct lockid l, tree fndecl, location_t *call, unsigned int *objs)
{
	struct summary *s;

	if (!any_unheld || !(s = summary_of(fndecl)))
		return false;
	*call = unheld[(size_t)summary_index(s) * nranks + l.rank];
	*objs = unheld_objs[(size_t)summary_index(s) * nranks + l.rank];
	return *call != UNKNOWN_LOCATION;
}
