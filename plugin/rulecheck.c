// SPDX-License-Identifier: GPL-2.0
/*
 * rulecheck.c - what the rule set names that the unit contradicts.
 *
 * ruleset.c checks a rule set's form; only a unit can show that a line
 * names nothing: a 'guard S.F' whose struct S has no field F, a per-object
 * 'lock S.L' whose struct has no field L, a 'refs S ... link=F' without
 * F, or a global 'lock L' that no declaration of the unit names although
 * the unit's own file defines a guarded struct.  Each would check
 * nothing, silently.
 * Said once per unit, as a note (an error under werror), in the form
 * scripts/uecheck passes on: "uecheck: rule set 'R': ...".
 *
 * A unit that defines none of the rule set's structs says nothing: the
 * rule set is not about it (the built-in one under every kernel file).
 * Asked (ruleset-coverage), a unit that names none of them says so in one
 * line of its own; scripts/uecheck says it for a run none of whose files
 * named one (a typo in a struct's name checks nothing anywhere).
 */
#include "uecheck.h"

static bool lock_declared;	/* a global named as the rule set's lock */
static bool said_lock_field, said_link;	/* once per unit each */
static vec<const struct guard_rule *> said_guards;
static location_t guarded_at;	/* where a guarded struct is defined */
static const char *guarded_name;
static bool named_any;		/* a struct the rule set names, in the unit */

static bool named(tree type, const char *want)
{
	tree name = TYPE_NAME(TYPE_MAIN_VARIANT(type));

	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return want && name && TREE_CODE(name) == IDENTIFIER_NODE &&
	       !strcmp(IDENTIFIER_POINTER(name), want);
}

static bool has_field(tree type, const char *field)
{
	for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f)) {
		if (TREE_CODE(f) != FIELD_DECL)
			continue;
		if (DECL_NAME(f) && !strcmp(IDENTIFIER_POINTER(DECL_NAME(f)), field))
			return true;
		/* A field of an anonymous struct or union member. */
		if (!DECL_NAME(f) && RECORD_OR_UNION_TYPE_P(TREE_TYPE(f)) &&
		    has_field(TREE_TYPE(f), field))
			return true;
	}
	return false;
}

static void say(location_t loc, const char *fmt, const char *a, const char *b,
		const char *c)
{
	char msg[512];

	snprintf(msg, sizeof(msg), fmt, a, b, c);
	if (ue_cfg.werror)
		error_at(loc, "uecheck: rule set '%s': %s", ue_rs.source, msg);
	else
		inform(loc, "uecheck: rule set '%s': %s", ue_rs.source, msg);
}

/* Does the rule set name TYPE, a struct (complete or not)? */
static bool ruleset_names(tree type)
{
	for (unsigned int i = 0; i < ue_rs.nguards; i++)
		if (named(type, ue_rs.guards[i].type))
			return true;
	return named(type, ue_rs.lock_type) || named(type, ue_rs.ref_type);
}

void rulecheck_saw_type(tree type)
{
	location_t loc;

	if (!named_any && TYPE_P(type) && TREE_CODE(type) == RECORD_TYPE &&
	    ruleset_names(type))
		named_any = true;
	/* (The C parser calls back at each use of a struct, not only at its
	 * definition: each line is said once.) */
	if (!TYPE_P(type) || TREE_CODE(type) != RECORD_TYPE ||
	    !COMPLETE_TYPE_P(type) || !TYPE_NAME(type))
		return;
	loc = TYPE_STUB_DECL(type) ? DECL_SOURCE_LOCATION(TYPE_STUB_DECL(type))
				   : input_location;
	for (unsigned int i = 0; i < ue_rs.nguards; i++) {
		const struct guard_rule *g = &ue_rs.guards[i];

		if (!named(type, g->type))
			continue;
		if (!guarded_name) {
			guarded_name = g->type;
			guarded_at = loc;
		}
		if (said_guards.contains(g))
			continue;
		said_guards.safe_push(g);
		if (!has_field(type, g->field))
			say(loc, "'guard %s.%s': 'struct %s' has no such field (the rule "
			    "checks nothing)", g->type, g->field, g->type);
	}
	if (ue_rs.lock_type && named(type, ue_rs.lock_type) && !said_lock_field &&
	    (said_lock_field = true) && !has_field(type, ue_rs.lock))
		say(loc, "'lock %s.%s': 'struct %s' has no such field (the rule checks "
		    "nothing)", ue_rs.lock_type, ue_rs.lock, ue_rs.lock_type);
	if (ue_rs.link_field && named(type, ue_rs.ref_type) && !said_link &&
	    (said_link = true) && !has_field(type, ue_rs.link_field))
		say(loc, "'refs %s link=%s': 'struct %s' has no such field (the rule "
		    "checks nothing)", ue_rs.ref_type, ue_rs.link_field, ue_rs.ref_type);
}

void rulecheck_saw_decl(tree decl)
{
	if (!lock_declared && ue_rs.lock && !ue_rs.lock_type &&
	    TREE_CODE(decl) == VAR_DECL && DECL_NAME(decl) &&
	    !strcmp(IDENTIFIER_POINTER(DECL_NAME(decl)), ue_rs.lock))
		lock_declared = true;
}

/* After the unit is parsed (uecheck.c's pass, before the analysis). */
void rulecheck_unit(void)
{
	/*
	 * Only where the unit's own file defines the struct: a header's
	 * struct reaches units that have nothing to do with the lock (6.12's
	 * user_events.h puts struct user_event_mm in kernel/fork.c).
	 */
	if (guarded_name && ue_rs.lock && !ue_rs.lock_type && !lock_declared &&
	    main_input_filename && LOCATION_FILE(guarded_at) &&
	    !strcmp(LOCATION_FILE(guarded_at), main_input_filename))
		say(guarded_at, "'lock %s': nothing in this unit, which defines 'struct %s', "
		    "declares it (every access would be unguarded)",
		    ue_rs.lock, guarded_name, NULL);
	/* A note of its own words, which scripts/uecheck reads (lib/engines.sh). */
	if (ue_cfg.ruleset_coverage && !named_any)
		inform(UNKNOWN_LOCATION, "uecheck: rule set '%s' names no struct of this "
		       "unit", ue_rs.source);
}
