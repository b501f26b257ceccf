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
 * The checkers hand their findings over as the report sweep meets them
 * (engine.c: report()).  Each is kept once per rule and place, however
 * many paths and passes reach it, worded then (diag.c: the words depend
 * on the pass), and printed with the others when the unit's analysis
 * ends, in the order they came: by lock, then by function in source
 * order, as the passes met them.
 */
#include "uecheck.h"

/* A finding or a "not checked" line, worded, until it is printed. */
struct kept {
	tree fn;			/* current_function_decl where it was met */
	bool not_checked;		/* an inform (error with -werror), no rule */
	enum ue_rule rule;
	location_t loc;			/* where the user wrote it */
	char *text, *fixit;		/* fixit: NULL, or a line to insert */
	location_t fixit_before;
	unsigned int nnotes;
	struct {
		location_t loc;
		char *text;
	} notes[MAX_FINDING_NOTES];
};

static vec<struct kept> kept;

/* (place, rule) pairs already kept; a "not checked" line has rule NO_RULE. */
typedef int_hash<unsigned HOST_WIDE_INT, 0, HOST_WIDE_INT_M1U> place_hash;
static hash_set<place_hash> *places;
#define NO_RULE 63

/* Report where the user wrote the code, not inside a macro's definition. */
static location_t written_at(location_t loc)
{
	return linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);
}

/* True the first time RULE is reported at LOC. */
static bool first_at(location_t loc, unsigned int rule)
{
	if (!places)
		places = new hash_set<place_hash>;
	return !places->add(((unsigned HOST_WIDE_INT)loc << 6 | rule) + 1);
}

void report_finding(const struct finding *f)
{
	enum ue_rule rule = finding_rule(f->kind);
	location_t loc = written_at(f->loc);
	struct worded w;
	struct kept k;

	if (!(tracked_rules() & (1u << rule)) || !first_at(loc, rule))
		return;
	diag_word(f, &w);
	if (!w.text[0])
		return;
	memset(&k, 0, sizeof(k));
	k.fn = current_function_decl;
	k.rule = rule;
	k.loc = loc;
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
	kept.safe_push(k);
}

/* Once per unit, however many passes analyse the function. */
void report_not_checked(tree fndecl, long visits)
{
	location_t loc = written_at(DECL_SOURCE_LOCATION(fndecl));
	char text[512];
	struct kept k;

	if (!first_at(loc, NO_RULE))
		return;
	diag_word_not_checked(fndecl, visits, text, sizeof(text));
	memset(&k, 0, sizeof(k));
	k.fn = current_function_decl;
	k.not_checked = true;
	k.loc = loc;
	k.text = xstrdup(text);
	kept.safe_push(k);
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

void report_flush(void)
{
	tree outside = current_function_decl;

	for (unsigned int i = 0; i < kept.length(); i++) {
		struct kept *k = &kept[i];

		/* GCC's "In function 'f':" line names the function it is in. */
		current_function_decl = k->fn;
		if (k->not_checked)
			print_not_checked(k);
		else
			print_finding(k);
		free(k->text);
		free(k->fixit);
		for (unsigned int j = 0; j < k->nnotes; j++)
			free(k->notes[j].text);
	}
	current_function_decl = outside;
	kept.release();
	delete places;
	places = NULL;
}
