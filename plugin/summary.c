// SPDX-License-Identifier: GPL-2.0
/*
 * summary.c - interprocedural analysis within one translation unit.
 *
 * Every function with a body here gets a summary: its effect on locks
 * (per exit, possibly tied to its return value), whether it needs
 * event_mutex from its callers (and whether an assertion backs that), which
 * user_event_mm parameters it consumes, and whether it returns a reference.
 * Summaries are iterated to a fixpoint, callees first; then the functions
 * whose last analysis met a finding are analysed once more to report, in
 * source order.
 */
#include "uecheck.h"

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

static bool summary_equal(const struct summary *a, const struct summary *b)
{
	if (a->ready != b->ready || a->contract != b->contract ||
	    a->direct_entry_access != b->direct_entry_access ||
	    a->ncases != b->ncases || a->ret_slot != b->ret_slot ||
	    a->ret_deref_param != b->ret_deref_param || a->req != b->req ||
	    a->ret_rest_param != b->ret_rest_param ||
	    a->req_by_annotation != b->req_by_annotation || a->req_objs != b->req_objs ||
	    a->req_write_loc != b->req_write_loc || a->req_write_via != b->req_write_via ||
	    a->excl_loc != b->excl_loc || a->excl_via != b->excl_via ||
	    a->excl_objs != b->excl_objs || a->excl_objs_loc != b->excl_objs_loc ||
	    a->consumes != b->consumes || a->hands_on != b->hands_on ||
	    a->returns_owned != b->returns_owned || a->returns_fresh != b->returns_fresh)
		return false;
	return !memcmp(a->cases, b->cases, a->ncases * sizeof(a->cases[0]));
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
	fprintf(stderr, "uecheck-debug: %s: req=%d%s contract=%d exposed=%d direct=%d "
		"ret_slot=%d ret_deref=%d ret_rest=%d consumes=%#x hands_on=%#x "
		"returns_owned=%d fresh=%d write_req=%d excl=%d cases=%u",
		fn_name(s->decl), s->req, s->req_via ? "(via)" : "", s->contract,
		s->exposed, s->direct_entry_access, s->ret_slot, s->ret_deref_param,
		s->ret_rest_param,
		s->consumes, s->hands_on, s->returns_owned, s->returns_fresh,
		s->req_write_loc != UNKNOWN_LOCATION, s->excl_loc != UNKNOWN_LOCATION, s->ncases);
	for (unsigned int k = 0; k < s->ncases; k++) {
		fprintf(stderr, " [");
		for (int j = 0; j < NSLOTS; j++)
			if (s->cases[k].lock[j] != LK_ENTRY)
				fprintf(stderr, " s%d=%d", j, s->cases[k].lock[j]);
		fprintf(stderr, " ret=%d]", s->cases[k].ret_nonzero);
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
		s->ret_slot = SLOT_NONE;
		s->ret_deref_param = -1;
		s->ret_rest_param = -1;
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
