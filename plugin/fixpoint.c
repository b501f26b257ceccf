// SPDX-License-Identifier: GPL-2.0
/*
 * fixpoint.c - interprocedural analysis within one translation unit.
 *
 * The summaries (summary.c) are iterated to a fixpoint, callees first.
 * Each analysis walks a function once, for every lock the walk tracks
 * (tracked.c), and hands its findings to the reporter, which keeps each
 * function's last (report.c).  Once settled, the helpers no caller holds
 * a needed lock for (callers.c) are analysed again, and what that changes.
 */
#include "engine.h"

static void analyse(struct summary *s)
{
	push_cfun(DECL_STRUCT_FUNCTION(s->decl));
	analyse_function(s);
	pop_cfun();
}

static int by_source_position(const void *pa, const void *pb)
{
	const struct summary *a = *(const struct summary *const *)pa;
	const struct summary *b = *(const struct summary *const *)pb;

	return decl_position_cmp(a->decl, b->decl);
}

/*
 * Every finding needs the field, a get/put call, or an assertion of
 * event_mutex in a function with a body here.  Most units have none (all
 * of kernel/trace/ but three files; trace.h's assertion is in an inline
 * function few of them use), and analysing them would cost ~2% of cc1.
 */
static bool unit_may_have_findings(void)
{
	struct lockid own = tracked_lock(0);	/* the rule set's */
	const struct assertion *a;
	location_t where;
	cgraph_node *node;

	if (rules_unit_names_symbols(own))
		return true;
	if (!tracked_any_assertion(own))
		return false;
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		bool asserts;

		if (!summary_analysable(node))
			continue;
		push_cfun(DECL_STRUCT_FUNCTION(node->decl));
		asserts = tracked_body_assertions(own, &a, 1) ||
			  tracked_must_hold(own, node->decl, &where, NULL, NULL);
		pop_cfun();
		if (asserts)
			return true;
	}
	return false;
}

/* The worklist: a circular queue of summary indices, each queued once. */
struct worklist {
	unsigned int n, head, tail;
	unsigned int *queue;
	bool *queued;
};

static void enqueue(struct worklist *w, unsigned int i)
{
	if (w->queued[i])
		return;
	w->queued[i] = true;
	w->queue[w->tail++ % (w->n + 1)] = i;
}

/*
 * Analyse until nothing queued changes (true), or BUDGET analyses are
 * spent (false).  A function whose summary changed queues its callers.
 */
static bool run_worklist(struct worklist *w, long *budget)
{
	struct lock_summary locks_copy[MAX_LOCKS];

	while (w->head != w->tail && (*budget)-- > 0) {
		unsigned int i = w->queue[w->head++ % (w->n + 1)];
		struct summary before;
		cgraph_node *cn;

		summary_copy(&before, summary_at(i), locks_copy);
		w->queued[i] = false;
		analyse(summary_at(i));
		if (summary_equal(&before, summary_at(i)))
			continue;
		cn = cgraph_node::get(summary_at(i)->decl);
		for (cgraph_edge *e = cn ? cn->callers : NULL; e; e = e->next_caller) {
			struct summary *caller = summary_of(e->caller->decl);

			if (caller)
				enqueue(w, summary_index(caller));
		}
	}
	return w->head == w->tail;
}

void summaries_run(unsigned int locks)
{
	unsigned int nsums, nhelpers, *helpers;
	struct worklist w;
	long budget;
	bool settled;
	struct summary **order;
	struct lock_summary locks_copy[MAX_LOCKS];

	if (!summaries_analysable())
		return;
	/* The rule set's lock only where the unit may have its findings. */
	if ((locks & 1) && !unit_may_have_findings())
		locks &= ~1u;
	if (!locks)
		return;
	tracked_enable(locks);
	nsums = summaries_create();
	callers_begin(nsums);

	/*
	 * Worklist to a fixpoint.  The symbol table lists callees after their
	 * callers, so walking it backwards visits callees first.
	 */
	w.n = nsums;
	w.head = w.tail = 0;
	w.queue = XNEWVEC(unsigned int, nsums + 1);
	w.queued = XCNEWVEC(bool, nsums);
	for (unsigned int i = nsums; i-- > 0;)
		enqueue(&w, i);
	/* As many rounds as a fixpoint per lock would have had. */
	budget = (8L * nsums + 64) * tracked_walked();
	settled = run_worklist(&w, &budget);
	/*
	 * Helpers that no caller holds a lock for, now that every call is
	 * known: analysed again with the lock free at entry, then whatever
	 * that changes (their callers lose the requirement).  Marking only
	 * removes requirements, so once is enough.
	 */
	helpers = XNEWVEC(unsigned int, nsums);
	nhelpers = settled ? callers_settle(helpers) : 0;
	for (unsigned int k = 0; k < nhelpers; k++)
		enqueue(&w, helpers[k]);
	if (nhelpers)
		settled = run_worklist(&w, &budget);
	XDELETEVEC(helpers);

	if (getenv("UECHECK_DEBUG"))
		FOR_EACH_LOCK(l)
			for (unsigned int i = 0; i < nsums; i++)
				summary_dump(summary_at(i), l);

	/*
	 * Once the summaries are settled, each function's last analysis saw
	 * its callees' final summaries: what it handed to the reporter stands.
	 * Past the budget, every function is analysed once more, in source
	 * order, with the summaries as they are.
	 */
	if (!settled) {
		order = XNEWVEC(struct summary *, nsums);
		for (unsigned int i = 0; i < nsums; i++)
			order[i] = summary_at(i);
		qsort(order, nsums, sizeof(order[0]), by_source_position);
		for (unsigned int i = 0; i < nsums; i++) {
			struct summary copy;

			/* Not disturbing what callers were analysed with. */
			summary_copy(&copy, order[i], locks_copy);
			analyse(&copy);
		}
		XDELETEVEC(order);
	}
	XDELETEVEC(w.queue);
	XDELETEVEC(w.queued);
	callers_end();
	summaries_free();
	tracked_enable(1);
}
