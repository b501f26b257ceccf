// SPDX-License-Identifier: GPL-2.0
/*
 * summary.c - interprocedural analysis within one translation unit.
 *
 * Every function with a body here gets a summary, one part per checker
 * (uecheck.h): its effect on locks (per exit, possibly tied to its return
 * value), whether it needs a lock from its callers (and whether an
 * assertion backs that), which reference parameters it consumes, and
 * whether it returns a reference.  The checkers' hooks clear, compare and
 * print their parts.
 * Summaries are iterated to a fixpoint, callees first; then the functions
 * whose last analysis met a finding are analysed once more to report, in
 * source order.
 */
#include "engine.h"

static struct summary *sums;
static unsigned int nsums;
static hash_map<int_hash<unsigned int, 0, UINT_MAX>, unsigned int> *by_uid;

struct summary *summary_of(tree fndecl)
{
	unsigned int *idx;

	if (!fndecl || !by_uid || TREE_CODE(fndecl) != FUNCTION_DECL)
		return NULL;
	idx = by_uid->get(DECL_UID(fndecl) + 1);
	return idx ? &sums[*idx] : NULL;
}

/* Only what the callers' analysis reads (the checkers say which parts). */
static bool summary_equal(const struct summary *a, const struct summary *b)
{
	if (a->ready != b->ready)
		return false;
	for (unsigned int k = 0; k < ncheckers; k++)
		if (checkers[k]->summary_equal && !checkers[k]->summary_equal(a, b))
			return false;
	return true;
}

static bool analysable(cgraph_node *node)
{
	struct function *fn = DECL_STRUCT_FUNCTION(node->decl);

	return fn && fn->cfg && gimple_has_body_p(node->decl) && !node->alias &&
	       !node->thunk;
}

static void analyse(struct summary *s, bool report)
{
	push_cfun(DECL_STRUCT_FUNCTION(s->decl));
	analyse_function(s, report);
	pop_cfun();
}

/* UECHECK_DEBUG=1: what each function was found to do, on stderr. */
static void dump_summary(const struct summary *s)
{
	fprintf(stderr, "uecheck-debug: %s: exposed=%d", fn_name(s->decl), s->exposed);
	for (unsigned int k = 0; k < ncheckers; k++) {
		if (!checkers[k]->summary_dump)
			continue;
		fprintf(stderr, " %s:", checkers[k]->name);
		checkers[k]->summary_dump(s, stderr);
	}
	fputc('\n', stderr);
}

static int by_source_position(const void *pa, const void *pb)
{
	const struct summary *a = *(const struct summary *const *)pa;
	const struct summary *b = *(const struct summary *const *)pb;
	struct srcpos x, y;

	if (!srcpos_of(DECL_SOURCE_LOCATION(a->decl), &x) ||
	    !srcpos_of(DECL_SOURCE_LOCATION(b->decl), &y))
		return DECL_UID(a->decl) < DECL_UID(b->decl) ? -1 : 1;
	return srcpos_cmp(&x, &y);
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
	if (!macros_any_assertion())
		return false;
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		bool asserts;

		if (!analysable(node))
			continue;
		push_cfun(DECL_STRUCT_FUNCTION(node->decl));
		asserts = macros_body_assertions(&a, 1) || macros_must_hold(node->decl, &where, NULL, NULL);
		pop_cfun();
		if (asserts)
			return true;
	}
	return false;
}

void summaries_run(bool always)
{
	cgraph_node *node;
	unsigned int *queue, head = 0, tail = 0;
	bool *queued;
	long budget;
	bool settled;
	struct summary **order;

	nsums = 0;
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
		if (analysable(node))
			nsums++;
	if (!nsums || (!always && !unit_may_have_findings()))
		return;
	sums = XCNEWVEC(struct summary, nsums);
	by_uid = new hash_map<int_hash<unsigned int, 0, UINT_MAX>, unsigned int>;
	nsums = 0;
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		struct summary *s;

		if (!analysable(node))
			continue;
		s = &sums[nsums];
		s->decl = node->decl;
		s->exposed = TREE_PUBLIC(node->decl) || node->address_taken;
		for (unsigned int k = 0; k < ncheckers; k++)
			if (checkers[k]->reset_summary)
				checkers[k]->reset_summary(s);
		by_uid->put(DECL_UID(node->decl) + 1, nsums);
		nsums++;
	}

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
	budget = 8L * nsums + 64;
	while (head != tail && budget-- > 0) {
		unsigned int i = queue[head++ % (nsums + 1)];
		struct summary before = sums[i];
		cgraph_node *cn;

		queued[i] = false;
		analyse(&sums[i], false);
		if (summary_equal(&before, &sums[i]))
			continue;
		cn = cgraph_node::get(sums[i].decl);
		for (cgraph_edge *e = cn ? cn->callers : NULL; e; e = e->next_caller) {
			struct summary *caller = summary_of(e->caller->decl);
			unsigned int ci;

			if (!caller)
				continue;
			ci = caller - sums;
			if (!queued[ci]) {
				queued[ci] = true;
				queue[tail++ % (nsums + 1)] = ci;
			}
		}
	}

	if (getenv("UECHECK_DEBUG"))
		for (unsigned int i = 0; i < nsums; i++)
			dump_summary(&sums[i]);

	/*
	 * Report, in source order, with the final summaries.  Once they are
	 * settled, each function's last analysis saw its callees' final
	 * summaries, so only those that met a finding need the report sweep
	 * (on a correct file, none), and those the analysis gave up on, to say
	 * so; past the budget, every function does.
	 */
	settled = head == tail;
	order = XNEWVEC(struct summary *, nsums);
	for (unsigned int i = 0; i < nsums; i++)
		order[i] = &sums[i];
	qsort(order, nsums, sizeof(order[0]), by_source_position);
	for (unsigned int i = 0; i < nsums; i++) {
		struct summary copy = *order[i];

		/* The report sweep must not disturb what callers were analysed with. */
		if (!settled || copy.findings || copy.gave_up)
			analyse(&copy, true);
	}
	diag_end_group();

	XDELETEVEC(order);
	XDELETEVEC(queue);
	XDELETEVEC(queued);
	delete by_uid;
	by_uid = NULL;
	XDELETEVEC(sums);
	sums = NULL;
}
