// SPDX-License-Identifier: GPL-2.0
/*
 * diag.c - every finding leaves the plugin through here.
 *
 * Format (docs/interfaces.md):
 *   FILE:LINE:COL: warning: MESSAGE [uecheck:RULE-ID]
 *   FILE:LINE:COL: note: MESSAGE
 * With -fplugin-arg-uecheck-werror the first line is an error.  A finding
 * is reported once per rule and location, however many paths reach it.
 *
 * Every message and note uecheck prints is worded here, from a struct
 * finding the rule families fill in (uecheck.h), with the names of the
 * rule set (rules.c): lowercase, identifiers quoted, what and where.
 */
#include "uecheck.h"

struct emitted {
	enum ue_rule rule;
	location_t loc;
};

static bool diag_finding(enum ue_rule rule, location_t loc, const char *fixit_text,
			 location_t fixit_before, const char *fmt, ...) ATTRIBUTE_PRINTF(5, 6);
static void diag_note(location_t loc, const char *fmt, ...) ATTRIBUTE_PRINTF(2, 3);

static struct emitted *seen;
static unsigned int nseen, seen_cap;
static bool last_emitted;	/* notes follow only an emitted finding */
/*
 * A finding and its notes form one diagnostic group, so that GCC's
 * structured outputs (-fdiagnostics-format=json, sarif) nest the notes
 * as the finding's children.  Open from a finding to the next one.
 */
static auto_diagnostic_group *group;

/* Report where the user wrote the code, not inside a macro's definition. */
static location_t written_at(location_t loc)
{
	return linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);
}

static bool already_seen(enum ue_rule rule, location_t loc)
{
	for (unsigned int i = 0; i < nseen; i++)
		if (seen[i].rule == rule && seen[i].loc == loc)
			return true;
	if (nseen == seen_cap) {
		seen_cap = seen_cap ? 2 * seen_cap : 64;
		seen = XRESIZEVEC(struct emitted, seen, seen_cap);
	}
	seen[nseen].rule = rule;
	seen[nseen].loc = loc;
	nseen++;
	return false;
}

void diag_end_group(void)
{
	delete group;
	group = NULL;
}

void diag_reset_function(void)
{
	diag_end_group();
	last_emitted = false;
}

static bool diag_finding(enum ue_rule rule, location_t loc, const char *fixit_text,
			 location_t fixit_before, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	loc = written_at(loc);
	rich_location rich(line_table, loc);

	last_emitted = false;
	diag_end_group();
	if (!(ue_cfg.rules & (1u << rule)) || already_seen(rule, loc))
		return false;
	group = new auto_diagnostic_group;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (fixit_text && fixit_before != UNKNOWN_LOCATION)
		rich.add_fixit_insert_before(fixit_before, fixit_text);
	if (ue_cfg.werror)
		error_at(&rich, "%s [uecheck:%s]", msg, rule_id(rule));
	else {
		/*
		 * A kernel built with -Werror must not fail because of us:
		 * only -fplugin-arg-uecheck-werror makes findings errors.
		 */
		bool as_error = compat_werror_requested();

		compat_set_werror_requested(false);
		warning_at(&rich, 0, "%s [uecheck:%s]", msg, rule_id(rule));
		compat_set_werror_requested(as_error);
	}
	last_emitted = true;
	return true;
}

static void diag_note(location_t loc, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!last_emitted)
		return;
	loc = written_at(loc);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	inform(loc == UNKNOWN_LOCATION ? input_location : loc, "%s", msg);
}

/* ---- findings as data, worded --------------------------------------------- */

static const enum ue_rule rule_of_kind[FINDING_KIND_COUNT] = {
	[FINDING_UNGUARDED_ACCESS]	= RULE_UNGUARDED_ACCESS,
	[FINDING_LOCK_REQUIRED]		= RULE_LOCK_REQUIRED,
	[FINDING_LOCK_HELD]		= RULE_LOCK_HELD,
	[FINDING_WRITE_SHARED]		= RULE_UNGUARDED_ACCESS,
	[FINDING_LOCK_REQUIRED_EXCLUSIVE] = RULE_LOCK_REQUIRED,
	[FINDING_MISSING_ASSERTION]	= RULE_MISSING_ASSERTION,
	[FINDING_REF_LOST]		= RULE_REF_LEAK,
	[FINDING_REF_HELD_AT_EXIT]	= RULE_REF_LEAK,
	[FINDING_REF_DISCARDED]		= RULE_REF_LEAK,
	[FINDING_REF_EXTRA_LEAKED]	= RULE_REF_LEAK,
	[FINDING_DOUBLE_PUT]		= RULE_DOUBLE_PUT,
	[FINDING_USE_AFTER_PUT]		= RULE_USE_AFTER_PUT,
};

enum ue_rule finding_rule(enum finding_kind kind)
{
	return rule_of_kind[kind];
}

void finding_init(struct finding *f, enum finding_kind kind, location_t loc,
		  const char *name)
{
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->loc = loc;
	f->fn = fn_name(current_function_decl);
	f->name = name;
	f->fixit_before = UNKNOWN_LOCATION;
}

void finding_note2(struct finding *f, enum note_kind kind, location_t loc,
		   const char *name, const char *name2)
{
	struct finding_note *n;

	if (f->nnotes == MAX_FINDING_NOTES)
		return;
	n = &f->notes[f->nnotes++];
	n->kind = kind;
	n->loc = loc;
	n->name = name;
	n->name2 = name2;
	n->field = NULL_TREE;
	n->why = 0;
}

void finding_note_field(struct finding *f, enum note_kind kind, location_t loc,
			const char *name, tree field)
{
	finding_note2(f, kind, loc, name, NULL);
	if (f->notes[f->nnotes - 1].kind == kind)
		f->notes[f->nnotes - 1].field = field;
}

void finding_note(struct finding *f, enum note_kind kind, location_t loc,
		  const char *name, int why)
{
	finding_note2(f, kind, loc, name, NULL);
	if (f->notes[f->nnotes - 1].kind == kind)
		f->notes[f->nnotes - 1].why = why;
}

/*
 * "'next' of 'struct user_event_mm'", or a guarded global's "'pool_offset'";
 * for __pt_guarded_by() data "what 'stack_pools' points to".
 */
static const char *guarded_text(tree decl, char *buf, size_t size)
{
	bool pointee = rules_is_pointee_guarded(decl) &&
		       !rules_is_guarded_field(decl) && !rules_is_guarded_var(decl);

	if (decl && TREE_CODE(decl) == FIELD_DECL)
		snprintf(buf, size, "%s'%s' of 'struct %s'%s", pointee ? "what " : "",
			 rules_field_name(decl), rules_struct_name(decl),
			 pointee ? " points to" : "");
	else
		snprintf(buf, size, "%s'%s'%s", pointee ? "what " : "", rules_field_name(decl),
			 pointee ? " points to" : "");
	return buf;
}

static void word_note(const struct finding_note *n)
{
	static const char *const why_free[] = {
		[0]			= "'%s' is not held on this path",
		[FREE_BY_UNLOCK]	= "'%s' released here",
		[FREE_BY_FAILED_LOCK]	= "attempt to take '%s' fails on this path",
		[FREE_BY_ASSERTION]	= "'%s' asserted not held here",
		[FREE_BY_CALL]		= "'%s' released by this call",
		[SHARED_BY_LOCK]	= "'%s' taken for reading only here",
		[SHARED_BY_CALL]	= "'%s' held for reading only after this call",
		[SHARED_BY_ANNOTATION]	= "'%s' held for reading only, as annotated here",
	};
	const char *lock = rules_lock_name();
	const char *field = rules_field_name(n->field);
	char what[256];

	guarded_text(n->field, what, sizeof(what));
	switch (n->kind) {
	case NOTE_LOCK_FREE:
		if (n->why >= 0 && n->why < (int)ARRAY_SIZE(why_free))
			diag_note(n->loc, why_free[n->why], lock);
		break;
	case NOTE_EXPOSED_EXTERNAL:
	case NOTE_EXPOSED_ADDRESS:
		diag_note(n->loc,
			  "'%s' can be called from outside this file (%s) and neither takes nor asserts '%s'",
			  n->name, n->kind == NOTE_EXPOSED_EXTERNAL ? "external linkage" :
			  "its address is taken", lock);
		break;
	case NOTE_NEEDS_VIA:
		diag_note(n->loc, "'%s' needs '%s' because it calls '%s' here",
			  n->name, lock, n->name2);
		break;
	case NOTE_ANNOTATED:
		diag_note(n->loc, "'%s' is annotated '__must_hold(&%s)' here", n->name, lock);
		break;
	case NOTE_ASSERTS:
		diag_note(n->loc, "'%s' asserts '%s' here", n->name, lock);
		break;
	case NOTE_EXCL_ANNOTATED:
		diag_note(n->loc, "'%s' is annotated '__must_not_hold(&%s)' here", n->name, lock);
		break;
	case NOTE_ASSERTS_NOT_HELD:
		diag_note(n->loc, "'%s' asserts '%s' not held here", n->name, lock);
		break;
	case NOTE_EXCL_VIA:
		diag_note(n->loc, "'%s' must be called without '%s' because it calls '%s' here",
			  n->name, lock, n->name2);
		break;
	case NOTE_ACCESSES:
		diag_note(n->loc, "'%s' accesses %s here", n->name, what);
		break;
	case NOTE_WRITES:
		diag_note(n->loc, "'%s' writes %s here", n->name, what);
		break;
	case NOTE_ASSERTS_WRITE:
		diag_note(n->loc, "'%s' asserts '%s' held for writing here", n->name, lock);
		break;
	case NOTE_TAKE_FOR_WRITING:
		diag_note(n->loc, "to write '%s', take '%s' with '%s'", field, lock, n->name);
		break;
	case NOTE_ACCESSED_HERE:
		diag_note(n->loc, "%s is accessed here", what);
		break;
	case NOTE_REF_TAKEN:
		diag_note(n->loc, "reference taken here by '%s'", n->name);
		break;
	case NOTE_EVERY_NODE:
		diag_note(n->loc, "every node of a '%s' list holds a reference; put each one",
			  rules_ref_api_name(REF_OP_GET_ALL));
		break;
	case NOTE_PUT_EVERY_NODE:
	case NOTE_PUT_IT:
		diag_note(n->loc, "assign the result and call '%s' on %s",
			  rules_ref_api_name(REF_OP_PUT),
			  n->kind == NOTE_PUT_EVERY_NODE ? "every node of the list" : "it");
		break;
	case NOTE_FIRST_PUT:
		diag_note(n->loc, "first put here");
		break;
	case NOTE_PUT_HERE:
		diag_note(n->loc, "put here");
		break;
	case NOTE_LEAVES_HOLDING:
		diag_note(n->loc, "leaves here still holding it: call '%s' on '%s' once more",
			  rules_ref_api_name(REF_OP_PUT), n->name);
		break;
	}
}

static bool word_finding(const struct finding *f)
{
	enum ue_rule rule = finding_rule(f->kind);
	const char *lock = rules_lock_name(), *put = rules_ref_api_name(REF_OP_PUT);
	char fix[128], what[256];

	guarded_text(f->field, what, sizeof(what));

	switch (f->kind) {
	case FINDING_UNGUARDED_ACCESS:
		return diag_finding(rule, f->loc, NULL, UNKNOWN_LOCATION,
				    "access to %s without '%s' held in '%s'", what, lock, f->fn);
	case FINDING_LOCK_REQUIRED:
		return diag_finding(rule, f->loc, NULL, UNKNOWN_LOCATION,
				    "call to '%s' requires '%s' held, but it may not be held here in '%s'",
				    f->name, lock, f->fn);
	case FINDING_LOCK_HELD:
		return diag_finding(rule, f->loc, NULL, UNKNOWN_LOCATION,
				    "call to '%s' requires '%s' not held, but it may be held here in '%s'",
				    f->name, lock, f->fn);
	case FINDING_WRITE_SHARED:
		return diag_finding(rule, f->loc, NULL, UNKNOWN_LOCATION,
				    "write to %s with '%s' held only for reading in '%s'", what, lock,
				    f->fn);
	case FINDING_LOCK_REQUIRED_EXCLUSIVE:
		return diag_finding(rule, f->loc, NULL, UNKNOWN_LOCATION,
				    "call to '%s' requires '%s' held for writing, but it may be held only for reading here in '%s'",
				    f->name, lock, f->fn);
	case FINDING_MISSING_ASSERTION:
		snprintf(fix, sizeof(fix), "\tlockdep_assert_held(&%s);\n", lock);
		return diag_finding(rule, f->loc, fix, f->fixit_before,
				    "'%s' relies on its callers to hold '%s'; add 'lockdep_assert_held(&%s)'",
				    f->fn, lock, lock);
	case FINDING_REF_LOST:
	case FINDING_REF_HELD_AT_EXIT:
		return diag_finding(rule, f->loc, NULL, UNKNOWN_LOCATION,
				    "reference to 'struct %s' %s in '%s': it is never put with '%s'",
				    rules_ref_type_name(), f->kind == FINDING_REF_LOST ? "lost by this assignment" :
				    "still held when leaving", f->fn, put);
	case FINDING_REF_DISCARDED:
		return diag_finding(rule, f->loc, NULL, UNKNOWN_LOCATION,
				    "result of '%s' discarded in '%s': the reference it took is never put",
				    f->name, f->fn);
	case FINDING_REF_EXTRA_LEAKED:
		return diag_finding(rule, f->loc, NULL, UNKNOWN_LOCATION,
				    "reference taken on '%s' by '%s' in '%s' is not put on every path",
				    f->name, rules_ref_api_name(REF_OP_GET), f->fn);
	case FINDING_DOUBLE_PUT:
		return diag_finding(rule, f->loc, NULL, UNKNOWN_LOCATION,
				    "'%s' of 'struct %s' that was already put on some path in '%s'",
				    f->name, rules_ref_type_name(), f->fn);
	case FINDING_USE_AFTER_PUT:
		return diag_finding(rule, f->loc, NULL, UNKNOWN_LOCATION,
				    "'%s' dereferenced after '%s' on some path in '%s'",
				    f->name, put, f->fn);
	default:
		return false;
	}
}

bool diag_report(const struct finding *f)
{
	if (!word_finding(f))
		return false;
	for (unsigned int i = 0; i < f->nnotes; i++)
		word_note(&f->notes[i]);
	return true;
}

/*
 * A function the analysis gave up on is no finding, but must not read as
 * checked: one line, at the function, once per unit however many passes
 * analyse it (docs/interfaces.md, "not checked").  An error under
 * -fplugin-arg-uecheck-werror, as findings are.
 */
void diag_not_checked(tree fndecl, long visits)
{
	static vec<location_t> done;
	location_t loc = written_at(DECL_SOURCE_LOCATION(fndecl));
	const char *fmt = "uecheck: function '%s' not checked: over the time budget "
			  "(%ld block visits; -fplugin-arg-uecheck-budget=N, default 64, "
			  "raises it)";

	for (unsigned int i = 0; i < done.length(); i++)
		if (done[i] == loc)
			return;
	done.safe_push(loc);
	diag_end_group();
	if (ue_cfg.werror)
		error_at(loc, fmt, IDENTIFIER_POINTER(DECL_NAME(fndecl)), visits);
	else
		inform(loc, fmt, IDENTIFIER_POINTER(DECL_NAME(fndecl)), visits);
}
