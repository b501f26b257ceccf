// SPDX-License-Identifier: GPL-2.0
/*
 * diag.c - the words of every finding.
 *
 * Every message and note uecheck prints is worded here, from a struct
 * finding a checker fills in (uecheck.h: what, where, which lock), with
 * the names of the rule set (rules.c): lowercase, identifiers quoted, what
 * and where.  report.c keeps the words and prints them.
 */
#include "uecheck.h"

/* Each message into W (the reporter prints it): printf-style. */
static void say(struct worded *w, const char *fmt, ...) ATTRIBUTE_PRINTF(2, 3);
static void note(struct worded *w, location_t loc, const char *fmt, ...) ATTRIBUTE_PRINTF(3, 4);

static void say(struct worded *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(w->text, sizeof(w->text), fmt, ap);
	va_end(ap);
}

static void note(struct worded *w, location_t loc, const char *fmt, ...)
{
	va_list ap;

	if (w->nnotes == MAX_FINDING_NOTES)
		return;
	w->notes[w->nnotes].loc = loc;
	va_start(ap, fmt);
	vsnprintf(w->notes[w->nnotes].text, sizeof(w->notes[0].text), fmt, ap);
	va_end(ap);
	w->nnotes++;
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
	f->lock_index = tracked_lead().index;	/* ownership's: the walk's first */
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
 * for __pt_guarded_by() data "what 'stack_pools' points to": as lock LOCK
 * (tracked.c's index) guards it.
 */
static const char *guarded_text(tree decl, unsigned int lock, char *buf, size_t size)
{
	unsigned int bit = 1u << lock;
	bool pointee = (rules_guarding_locks(decl, true) & bit) &&
		       !(rules_guarding_locks(decl, false) & bit);

	if (decl && TREE_CODE(decl) == FIELD_DECL)
		snprintf(buf, size, "%s'%s' of 'struct %s'%s", pointee ? "what " : "",
			 rules_field_name(decl), rules_struct_name(decl),
			 pointee ? " points to" : "");
	else
		snprintf(buf, size, "%s'%s'%s", pointee ? "what " : "", rules_field_name(decl),
			 pointee ? " points to" : "");
	return buf;
}

static void word_note(const struct finding *f, const struct finding_note *n, struct worded *w)
{
	static const char *const why_free[] = {
		[0]			= "'%s' is not held on this path",
		[FREE_BY_UNLOCK]	= "'%s' released here",
		[FREE_BY_FAILED_LOCK]	= "attempt to take '%s' fails on this path",
		[FREE_BY_ASSERTION]	= "'%s' asserted not held here",
		[FREE_BY_CALL]		= "'%s' released by this call",
		[FREE_BY_NO_CALLER]	= "'%s' is not held at this call, nor at any other "
					  "call of the function in this file",
		[FREE_BY_TAKEN_AHEAD]	= "'%s' taken here, later on every path: the function "
					  "is not called with it held (it would deadlock here)",
		[SHARED_BY_LOCK]	= "'%s' taken for reading only here",
		[SHARED_BY_CALL]	= "'%s' held for reading only after this call",
		[SHARED_BY_ANNOTATION]	= "'%s' held for reading only, as annotated here",
	};
	struct lockid l = tracked_lock(f->lock_index);
	const char *lock = f->lock;
	const char *field = rules_field_name(n->field);
	char what[256];

	guarded_text(n->field, f->lock_index, what, sizeof(what));
	switch (n->kind) {
	case NOTE_LOCK_FREE:
		if (n->why >= 0 && n->why < (int)ARRAY_SIZE(why_free))
			note(w, n->loc, why_free[n->why], lock);
		break;
	case NOTE_EXPOSED_EXTERNAL:
	case NOTE_EXPOSED_ADDRESS:
	case NOTE_EXPOSED_USED:
		note(w, n->loc, n->why ?
			  "'%s' can be called from outside this file (%s) and takes '%s' here, "
			  "but not on this path" :
			  "'%s' can be called from outside this file (%s) and neither takes nor asserts '%s'",
			  n->name, n->kind == NOTE_EXPOSED_EXTERNAL ? "external linkage" :
			  n->kind == NOTE_EXPOSED_USED ? "it is __used" : "its address is taken",
			  lock);
		break;
	case NOTE_NEEDS_VIA:
		note(w, n->loc, "'%s' needs '%s' because it calls '%s' here",
			  n->name, lock, n->name2);
		break;
	case NOTE_ANNOTATED:
		note(w, n->loc, "'%s' is annotated '__must_hold(&%s)' here", n->name, lock);
		break;
	case NOTE_ANNOTATED_PASSED:
		note(w, n->loc, "'%s' is annotated to need the lock it is given held, here '%s'",
		     n->name, lock);
		break;
	case NOTE_ASSERTS:
		note(w, n->loc, "'%s' asserts '%s' here", n->name, lock);
		break;
	case NOTE_EXCL_ANNOTATED:
		note(w, n->loc, "'%s' is annotated '__must_not_hold(&%s)' here", n->name, lock);
		break;
	case NOTE_ASSERTS_NOT_HELD:
		note(w, n->loc, "'%s' asserts '%s' not held here", n->name, lock);
		break;
	case NOTE_EXCL_VIA:
		note(w, n->loc, "'%s' must be called without '%s' because it calls '%s' here",
			  n->name, lock, n->name2);
		break;
	case NOTE_ACCESSES:
		note(w, n->loc, "'%s' accesses %s here", n->name, what);
		break;
	case NOTE_WRITES:
		note(w, n->loc, "'%s' writes %s here", n->name, what);
		break;
	case NOTE_OR_LOCK:
		note(w, n->loc, "or hold '%s': it guards %s too, and any one of its locks "
		     "suffices to read it", n->name, what);
		break;
	case NOTE_WRITES_THROUGH:
		note(w, n->loc, "'%s', given its address, writes %s through it here", n->name,
		     what);
		break;
	case NOTE_ASSERTS_WRITE:
		note(w, n->loc, "'%s' asserts '%s' held for writing here", n->name, lock);
		break;
	case NOTE_TAKE_FOR_WRITING:
		note(w, n->loc, "to write '%s', take '%s' with '%s'", field, lock, n->name);
		break;
	case NOTE_ACCESSED_HERE:
		note(w, n->loc, "%s is accessed here", what);
		break;
	case NOTE_REF_TAKEN:
		note(w, n->loc, "reference taken here by '%s'", n->name);
		break;
	case NOTE_EVERY_NODE:
		note(w, n->loc, "every node of a '%s' list holds a reference; put each one",
			  rules_ref_api_name(l, REF_OP_GET_ALL));
		break;
	case NOTE_PUT_EVERY_NODE:
	case NOTE_PUT_IT:
		note(w, n->loc, "assign the result and call '%s' on %s",
			  rules_ref_api_name(l, REF_OP_PUT),
			  n->kind == NOTE_PUT_EVERY_NODE ? "every node of the list" : "it");
		break;
	case NOTE_FIRST_PUT:
		note(w, n->loc, "first put here");
		break;
	case NOTE_PUT_HERE:
		note(w, n->loc, "put here");
		break;
	case NOTE_LEAVES_HOLDING:
		note(w, n->loc, "leaves here still holding it: call '%s' on '%s' once more",
			  rules_ref_api_name(l, REF_OP_PUT), n->name);
		break;
	}
}

static void word_finding(const struct finding *f, struct worded *w)
{
	struct lockid l = tracked_lock(f->lock_index);
	const char *lock = f->lock, *put = rules_ref_api_name(l, REF_OP_PUT);
	char what[256];

	guarded_text(f->field, f->lock_index, what, sizeof(what));

	switch (f->kind) {
	case FINDING_UNGUARDED_ACCESS:
		say(w, "access to %s without '%s' held in '%s'", what, lock, f->fn);
		break;
	case FINDING_LOCK_REQUIRED:
		say(w, "call to '%s' requires '%s' held, but it may not be held here in '%s'",
		    f->name, lock, f->fn);
		break;
	case FINDING_LOCK_HELD:
		say(w, "call to '%s' requires '%s' not held, but it may be held here in '%s'",
		    f->name, lock, f->fn);
		break;
	case FINDING_WRITE_SHARED:
		say(w, "write to %s with '%s' held only for reading in '%s'", what, lock, f->fn);
		break;
	case FINDING_LOCK_REQUIRED_EXCLUSIVE:
		say(w, "call to '%s' requires '%s' held for writing, but it may be held only for reading here in '%s'",
		    f->name, lock, f->fn);
		break;
	case FINDING_MISSING_ASSERTION:
		snprintf(w->fixit, sizeof(w->fixit), "\tlockdep_assert_held(&%s);\n", lock);
		w->fixit_before = f->fixit_before;
		say(w, "'%s' relies on its callers to hold '%s'; add 'lockdep_assert_held(&%s)'",
		    f->fn, lock, lock);
		break;
	case FINDING_REF_LOST:
	case FINDING_REF_HELD_AT_EXIT:
		say(w, "reference to 'struct %s' %s in '%s': it is never put with '%s'",
		    rules_ref_type_name(l), f->kind == FINDING_REF_LOST ? "lost by this assignment" :
		    "still held when leaving", f->fn, put);
		break;
	case FINDING_REF_DISCARDED:
		say(w, "result of '%s' discarded in '%s': the reference it took is never put",
		    f->name, f->fn);
		break;
	case FINDING_REF_EXTRA_LEAKED:
		say(w, "reference taken on '%s' by '%s' in '%s' is not put on every path",
		    f->name, rules_ref_api_name(l, REF_OP_GET), f->fn);
		break;
	case FINDING_DOUBLE_PUT:
		say(w, "'%s' of 'struct %s' that was already put on some path in '%s'",
		    f->name, rules_ref_type_name(l), f->fn);
		break;
	case FINDING_USE_AFTER_PUT:
		say(w, "'%s' dereferenced after '%s' on some path in '%s'", f->name, put, f->fn);
		break;
	default:
		break;		/* no words: the reporter drops it */
	}
}

void diag_word(const struct finding *f, struct worded *w)
{
	w->text[0] = w->fixit[0] = 0;
	w->fixit_before = UNKNOWN_LOCATION;
	w->nnotes = 0;
	word_finding(f, w);
	for (unsigned int i = 0; i < f->nnotes; i++)
		word_note(f, &f->notes[i], w);
}

/*
 * A function the analysis gave up on is no finding, but must not read as
 * checked (docs/interfaces.md, "not checked").
 */
void diag_word_not_checked(tree fndecl, long visits, char *buf, size_t size)
{
	snprintf(buf, size, "uecheck: function '%s' not checked: over the time budget "
		 "(%ld block visits; -fplugin-arg-uecheck-budget=N, default 64, raises it)",
		 IDENTIFIER_POINTER(DECL_NAME(fndecl)), visits);
}
