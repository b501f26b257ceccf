// SPDX-License-Identifier: GPL-2.0
/*
 * summary.c - the table of per-function summaries of one translation unit.
 *
 * Every function with a body here gets a summary, one part per checker
 * (uecheck.h): its effect on locks (per exit, possibly tied to its return
 * value), whether it needs a lock from its callers (and whether an
 * assertion backs that), which reference parameters it consumes, and
 * whether it returns a reference.  The checkers' hooks clear, compare and
 * print their parts; fixpoint.c computes them.
 */
#include "engine.h"

static struct summary *sums;
static struct lock_summary *lock_parts;	/* tracked_walked() per summary */
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

bool summary_analysable(cgraph_node *node)
{
	struct function *fn = DECL_STRUCT_FUNCTION(node->decl);

	return fn && fn->cfg && gimple_has_body_p(node->decl) && !node->alias &&
	       !node->thunk;
}

unsigned int summaries_analysable(void)
{
	cgraph_node *node;
	unsigned int n = 0;

	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
		if (summary_analysable(node))
			n++;
	return n;
}

unsigned int summaries_create(void)
{
	cgraph_node *node;

	nsums = summaries_analysable();
	sums = XCNEWVEC(struct summary, nsums);
	lock_parts = XCNEWVEC(struct lock_summary, (size_t)nsums * tracked_walked());
	by_uid = new hash_map<int_hash<unsigned int, 0, UINT_MAX>, unsigned int>;
	nsums = 0;
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		struct summary *s;

		if (!summary_analysable(node))
			continue;
		s = &sums[nsums];
		s->decl = node->decl;
		s->lock = &lock_parts[(size_t)nsums * tracked_walked()];
		/*
		 * Under Clang's contract, a __used function too: kept for a
		 * caller the compiler cannot see (asm, a section, a test).
		 */
		s->exposed = TREE_PUBLIC(node->decl) || node->address_taken ||
			     (ue_cfg.clang_contract && DECL_PRESERVE_P(node->decl));
		for (unsigned int k = 0; k < CHECKER_COUNT; k++)
			if (checkers[k]->reset_summary)
				checkers[k]->reset_summary(s);
		by_uid->put(DECL_UID(node->decl) + 1, nsums);
		nsums++;
	}
	return nsums;
}

struct summary *summary_at(unsigned int i)
{
	return &sums[i];
}

unsigned int summary_index(const struct summary *s)
{
	return s - sums;
}

void summaries_free(void)
{
	delete by_uid;
	by_uid = NULL;
	XDELETEVEC(sums);
	sums = NULL;
	XDELETEVEC(lock_parts);
	lock_parts = NULL;
	nsums = 0;
}

/*
 * DST becomes a copy of SRC with parts of its own: its per-lock parts in
 * LOCKS (room for MAX_LOCKS), so that analysing into DST leaves SRC as the
 * callers read it.
 */
void summary_copy(struct summary *dst, const struct summary *src, struct lock_summary *locks)
{
	*dst = *src;
	dst->lock = locks;
	memcpy(locks, src->lock, tracked_walked() * sizeof(*locks));
}

/* SRC's parts into DST, a copy of summary_copy() (DST keeps its own parts). */
void summary_copy_back(struct summary *dst, const struct summary *src)
{
	struct lock_summary *locks = dst->lock;

	memcpy(locks, src->lock, tracked_walked() * sizeof(*locks));
	*dst = *src;
	dst->lock = locks;
}

/* Only what the callers' analysis reads (the checkers say which parts). */
bool summary_equal(const struct summary *a, const struct summary *b)
{
	if (a->ready != b->ready)
		return false;
	for (unsigned int k = 0; k < CHECKER_COUNT; k++)
		if (checkers[k]->summary_equal && !checkers[k]->summary_equal(a, b))
			return false;
	return true;
}

/* UECHECK_DEBUG=1: what the function was found to do, on stderr. */
void summary_dump(const struct summary *s, struct lockid l)
{
	fprintf(stderr, "uecheck-debug: %s: exposed=%d", fn_name(s->decl), s->exposed);
	for (unsigned int k = 0; k < CHECKER_COUNT; k++) {
		if (!checkers[k]->summary_dump)
			continue;
		fprintf(stderr, " %s:", checkers[k]->name);
		checkers[k]->summary_dump(s, l, stderr);
	}
	fputc('\n', stderr);
}
