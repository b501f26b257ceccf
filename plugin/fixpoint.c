// SPDX-License-Identifier: GPL-2.0
/*
 * fixpoint.c - interprocedural analysis within one translation unit.
 *
 * The summaries (summary.c) are iterated to a fixpoint, callees first.
 * Each analysis walks a function once, for every lock the walk tracks
 * (tracked.c), and hands its findings to the reporter, which keeps each
 * function's last (report.c).
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
	const struct assertion *a;
	location_t where;
	cgraph_node *node;

	if (rules_unit_names_symbols())
		return true;
	if (!tracked_any_assertion())
		return false;
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		bool asserts;

		if (!summary_analysable(node))
			continue;
		push_cfun(DECL_STRUCT_FUNCTION(node->decl));
		asserts = tracked_body_assertions(&a, 1) || tracked_must_hold(node->decl, &where, NULL, NULL);
		pop_cfun();
		if (asserts)
			return true;
	}
	return false;
}

void summaries_run(unsigned int locks)
{
	unsigned int nsums, *queue, head = 0, tail = 0;
	bool *queued;
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

	/*
	 * Worklist to a fixpoint.  The symbol table lists callees after their
	 * callers, so walking it backwards visits callees first.
	 */
	queue = XNEWVEC(unsigned int, nsums + 1);
	queued = XCNEWVEC(bool, nsums);
	for (unsigned int i = nsums; i-- > 0;) {
		queue[tail++ % (nsums + 1)] = i;
		queued[i] = true;
	}
	/* As many rounds as a fixpoint per lock would have had. */
	budget = (8L * nsums + 64) * tracked_walked();
	while (head != tail && budget-- > 0) {
		unsigned int i = queue[head++ % (nsums + 1)];
		struct summary before;
		cgraph_node *cn;

		summary_copy(&before, summary_at(i), locks_copy);
		queued[i] = false;
		analyse(summary_at(i));
		if (summary_equal(&before, summary_at(i)))
			continue;
		cn = cgraph_node::get(summary_at(i)->decl);
		for (cgraph_edge *e = cn ? cn->callers : NULL; e; e = e->next_caller) {
			struct summary *caller = summary_of(e->caller->decl);
			unsigned int ci;

			if (!caller)
				continue;
			ci = summary_index(caller);
			if (!queued[ci]) {
				queued[ci] = true;
				queue[tail++ % (nsums + 1)] = ci;
			}
		}
	}

	if (getenv("UECHECK_DEBUG"))
		FOR_EACH_LOCK(l)
			for (unsigned int i = 0; i < nsums; i++)
				summary_dump(summary_at(i));

	/*
	 * Once the summaries are settled, each function's last analysis saw
	 * its callees' final summaries: what it handed to the reporter stands.
	 * Past the budget, every function is analysed once more, in source
	 * order, with the summaries as they are.
	 */
	settled = head == tail;
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
	XDELETEVEC(queue);
	XDELETEVEC(queued);
	summaries_free();
	tracked_enable(1);
}
