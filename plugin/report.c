// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - the one reporter: every finding and every "not checked" line
 * of a unit passes here.
 *
 * Format (docs/interfaces.md):
 *   FILE:LINE:COL: warning: MESSAGE [uecheck:RULE-ID]
 *   FILE:LINE:COL: note: MESSAGE
 * With -fplugin-arg-uecheck-werror the first line is an error.
 *
 * The checkers hand their findings over as the final sweep of each
 * analysis of a function meets them (engine.c: report()); a function
 * analysed again replaces what its last analysis handed over, so what is
 * kept when the fixpoint settles is what the final summaries give.  Each
 * is kept once per lock, rule and place, however many paths reach it, and
 * worded then (diag.c: the words are the lock's).  When the unit's
 * analysis ends they are printed sorted by place (file, line, column), as
 * Clang's context analysis prints its warnings, then by lock (tracked.c's
 * order), then as the analysis met them; of the same rule, place and
 * data, only the first lock's.  The order is the reporter's, not the
 * walk's nor the locks'.
 */
#include "uecheck.h"

/* A finding or a "not checked" line, worded, until it is printed. */
struct kept {
	tree fn;			/* current_function_decl where it was met */
	unsigned int lock;		/* the lock's index (tracked.c) */
	unsigned int seq;		/* the order the analysis met it in */
	bool not_checked;		/* an inform (error with -werror), no rule */
	enum ue_rule rule;
	location_t loc;			/* where the user wrote it */
	struct srcpos pos;		/* ... as printed (has_pos) */
	bool has_pos;
	tree field;			/* the guarded data accessed, if any */
	char *text, *fixit;		/* fixit: NULL, or a line to insert */
	location_t fixit_before;
	unsigned int nnotes;
	struct {
		location_t loc;
		char *text;
	} notes[MAX_FINDING_NOTES];
};

static vec<struct kept> kept;
static unsigned int arrivals;

/*
 * (place, rule and lock) already kept; a "not checked" line has rule
 * NO_RULE.  The place is the location + 2: 0 and 1 mark free and deleted
 * slots (a location_t is 64 bits from GCC 15, so nothing is shifted in).
 */
typedef pair_hash<int_hash<location_t, 0, 1>, int_hash<unsigned int, 0, 1> > place_hash;
static hash_set<place_hash::value_type, false, place_hash> *places;
#define NO_RULE 63
#define LOCK_BITS 5	/* a lock index (tracked.c: up to 17) */

/* Report where the user wrote the code, not inside a macro's definition. */
static location_t written_at(location_t loc)
{
	return linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);
}

static place_hash::value_type place_key(location_t loc, unsigned int rule, unsigned int lock)
{
	return place_hash::value_type(loc + 2, rule << LOCK_BITS | lock);
}

/* True the first time RULE is reported at LOC for lock LOCK. */
static bool first_at(location_t loc, unsigned int rule, unsigned int lock)
{
	if (!places)
		places = new hash_set<place_hash::value_type, false, place_hash>;
	return !places->add(place_key(loc, rule, lock));
}

/* K's lock is set. */
static void keep(struct kept *k)
{
	k->fn = current_function_decl;
	k->has_pos = srcpos_of(k->loc, &k->pos);
	k->seq = arrivals++;
	kept.safe_push(*k);
}

void report_finding(const struct finding *f)
{
	enum ue_rule rule = finding_rule(f->kind);
	location_t loc = written_at(f->loc);
	struct lockid l = tracked_lock(f->lock_index);
	struct worded w;
	struct kept k;

	/* (Of a lock the walk does not track: ownership, when the rule set's is not.) */
	if (!tracked_enabled(l) || !(tracked_rules(l) & (1u << rule)) ||
	    !first_at(loc, rule, l.index))
		return;
	diag_word(f, &w);
	if (!w.text[0])
		return;
	memset(&k, 0, sizeof(k));
	k.rule = rule;
	k.loc = loc;
	k.lock = l.index;
	k.field = f->field;
	k.text = xstrdup(w.text);
	if (w.fixit[0] && w.fixit_before != UNKNOWN_LOCATION) {
		k.fixit = xstrdup(w.fixit);
		k.fixit_before = w.fixit_before;
	}
	for (unsigned int i = 0; i < w.nnotes; i++) {
		location_t at = written_at(w.notes[i].loc);

		k.notes[i].loc = at == UNKNOWN_LOCATION ? input_location : at;
		k.notes[i].text = xstrdup(w.notes[i].text);
	}
	k.nnotes = w.nnotes;
	keep(&k);
}

static void forget(struct kept *k)
{
	free(k->text);
	free(k->fixit);
	for (unsigned int j = 0; j < k->nnotes; j++)
		free(k->notes[j].text);
}

/*
 * FNDECL is analysed again: what its last analysis handed over goes, and
 * so do its places (a place is in one function's body, or is its
 * declaration).
 */
void report_function_again(tree fndecl)
{
	unsigned int i, to = 0;

	for (i = 0; i < kept.length(); i++) {
		struct kept *k = &kept[i];

		if (k->fn != fndecl) {
			kept[to++] = *k;
			continue;
		}
		places->remove(place_key(k->loc, k->rule, k->lock));
		forget(k);
	}
	kept.truncate(to);
}

/* Once per unit and lock; printed once, however many locks' walks give up. */
void report_not_checked(struct lockid l, tree fndecl, long visits)
{
	location_t loc = written_at(DECL_SOURCE_LOCATION(fndecl));
	char text[512];
	struct kept k;

	if (!first_at(loc, NO_RULE, l.index))
		return;
	diag_word_not_checked(fndecl, visits, text, sizeof(text));
	memset(&k, 0, sizeof(k));
	k.not_checked = true;
	k.rule = (enum ue_rule)NO_RULE;
	k.loc = loc;
	k.lock = l.index;
	k.text = xstrdup(text);
	keep(&k);
}

static void print_finding(const struct kept *k)
{
	rich_location rich(line_table, k->loc);
	/*
	 * A finding and its notes form one diagnostic group, so that GCC's
	 * structured outputs (-fdiagnostics-format=json, sarif) nest the
	 * notes as the finding's children.
	 */
	auto_diagnostic_group group;

	if (k->fixit)
		rich.add_fixit_insert_before(k->fixit_before, k->fixit);
	if (ue_cfg.werror)
		error_at(&rich, "%s [uecheck:%s]", k->text, rule_id(k->rule));
	else {
		/*
		 * A kernel built with -Werror must not fail because of us:
		 * only -fplugin-arg-uecheck-werror makes findings errors.
		 */
		bool as_error = compat_werror_requested();

		compat_set_werror_requested(false);
		warning_at(&rich, 0, "%s [uecheck:%s]", k->text, rule_id(k->rule));
		compat_set_werror_requested(as_error);
	}
	for (unsigned int i = 0; i < k->nnotes; i++)
		inform(k->notes[i].loc, "%s", k->notes[i].text);
}

/* An error under -fplugin-arg-uecheck-werror, as findings are. */
static void print_not_checked(const struct kept *k)
{
	if (ue_cfg.werror)
		error_at(k->loc, "%s", k->text);
	else
		inform(k->loc, "%s", k->text);
}

/*
 * By place, then by lock, then as the analysis met them (a total order,
 * as qsort needs: those without a place last, by arrival).
 */
static int in_print_order(const void *pa, const void *pb)
{
	const struct kept *a = (const struct kept *)pa, *b = (const struct kept *)pb;
	int c;

	if (a->has_pos != b->has_pos)
		return a->has_pos ? -1 : 1;
	if (a->has_pos) {
		c = srcpos_cmp(&a->pos, &b->pos);
		if (c)
			return c;
		if (a->lock != b->lock)
			return a->lock < b->lock ? -1 : 1;
	}
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * Another lock's finding of the same rule, at the same place, about the
 * same data came first (in print order, before I): one access that misses
 * two locks is one bug.  Accesses of two locks' data at one place are two
 * (`return a_data + b_data;`: GIMPLE gives both loads the statement's
 * location).
 */
static bool said_before(unsigned int i)
{
	const struct kept *k = &kept[i];

	for (unsigned int j = 0; j < i; j++)
		if (kept[j].loc == k->loc && kept[j].rule == k->rule && kept[j].field == k->field)
			return true;
	return false;
}

/*
 * The same words of the same rule on the same line of the same function
 * came just before: one expression read at one column and written at
 * another (this_cpu_ptr(&v)->n++, whose load GIMPLE places at the `->`),
 * one bug to fix at that line.
 */
static bool same_line_before(unsigned int i)
{
	const struct kept *k = &kept[i], *p;

	if (!i || !k->has_pos || k->not_checked)
		return false;
	for (unsigned int j = i; j-- > 0;) {
		p = &kept[j];
		if (!p->has_pos || p->pos.line != k->pos.line || strcmp(p->pos.file, k->pos.file))
			return false;
		if (p->fn == k->fn && p->rule == k->rule && !p->not_checked &&
		    p->field == k->field && !strcmp(p->text, k->text))
			return true;
	}
	return false;
}

void report_flush(void)
{
	tree outside = current_function_decl;
	hash_set<place_hash::value_type, false, place_hash> printed;

	kept.qsort(in_print_order);
	for (unsigned int i = 0; i < kept.length(); i++) {
		struct kept *k = &kept[i];

		if ((printed.add(place_key(k->loc, k->rule, 0)) && said_before(i)) ||
		    same_line_before(i))
			continue;
		/* GCC's "In function 'f':" line names the function it is in. */
		current_function_decl = k->fn;
		if (k->not_checked)
			print_not_checked(k);
		else
			print_finding(k);
	}
	current_function_decl = outside;
	for (unsigned int i = 0; i < kept.length(); i++)
		forget(&kept[i]);
	kept.release();
	arrivals = 0;
	delete places;
	places = NULL;
}
