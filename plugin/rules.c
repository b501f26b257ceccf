// SPDX-License-Identifier: GPL-2.0
/*
 * rules.c - the program matched against the rule set (ruleset.c): which
 * call is the lock or reference API, which field is guarded by which of
 * the unit's locks; and the rule ids of rules.def.
 *
 * Functions are recognised by the names developers write (the rule set
 * lists every spelling), so lockdep and non-lockdep builds
 * (mutex_lock vs mutex_lock_nested) both match.
 */
#include "uecheck.h"

static const char *const rule_ids[RULE_COUNT] = {
#define UE_RULE(name, id, family, mode, text) [RULE_##name] = id,
#include "rules.def"
#undef UE_RULE
};

const char *rule_id(enum ue_rule rule)
{
	return rule_ids[rule];
}

const char *rule_id_list(void)
{
	static char list[256];

	if (!list[0])
		for (int i = 0; i < RULE_COUNT; i++)
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
				 i ? ", " : "", rule_ids[i]);
	return list;
}

int rule_by_id(const char *id, size_t len)
{
	for (int i = 0; i < RULE_COUNT; i++)
		if (strlen(rule_ids[i]) == len && !strncmp(rule_ids[i], id, len))
			return i;
	return -1;
}

const char *fn_name(tree fndecl)
{
	if (!fndecl || !DECL_NAME(fndecl))
		return "";
	return IDENTIFIER_POINTER(DECL_NAME(fndecl));
}

/*
 * Names are compared as identifiers: GCC keeps one IDENTIFIER_NODE per
 * spelling (never collected), so after one lookup per name a callee is
 * matched by pointer, not by strcmp() on every call of every function.
 */
static tree ident(tree *slot, const char *name)
{
	if (!*slot)
		*slot = get_identifier(name);
	return *slot;
}

/*
 * cleanup.h names the lock_ptr of guard class NAME class_NAME_lock_ptr
 * (__guard_ptr(NAME)): non-NULL exactly when the guard holds its lock.
 * That is the contract scoped_guard() and scoped_cond_guard() test, in
 * every release, whatever the class stores (6.x the lock or NULL, 7.x a
 * struct whose lock is an ERR_PTR() after a failed attempt).
 */
static const struct lock_api guard_lock_ptr = { "class_*_lock_ptr", "guard", LOCK_OP_GUARD_HELD, 0 };

static bool first_param_is_pointer(tree fndecl)
{
	tree args = TYPE_ARG_TYPES(TREE_TYPE(fndecl));

	return args && TREE_VALUE(args) && POINTER_TYPE_P(TREE_VALUE(args));
}

static bool is_guard_lock_ptr(tree name)
{
	static const char prefix[] = "class_", suffix[] = "_lock_ptr";
	const size_t np = sizeof(prefix) - 1, ns = sizeof(suffix) - 1;
	size_t len = IDENTIFIER_LENGTH(name);
	const char *s = IDENTIFIER_POINTER(name);

	return len > np + ns && !memcmp(s, prefix, np) && !memcmp(s + len - ns, suffix, ns);
}

/* The lock API of the rule set (kernel-locks.ruleset: every name a release uses). */
const struct lock_api *rules_lock_api(struct lockid l, tree fndecl)
{
	static tree *ids;
	/*
	 * A bit per hash value of the API's hundred names: most callees are
	 * none of them and are turned away before the list is walked (it
	 * was 0.14% of cc1's instructions on 7.3's trace_events_user.c).
	 * (Every lock of tracked_begin() keeps the rule set's lock API.)
	 */
	static struct name_filter api_names;
	tree name = fndecl ? DECL_NAME(fndecl) : NULL_TREE;

	if (!name)
		return NULL;
	if (!ids) {
		ids = XCNEWVEC(tree, ue_rs.nlock_apis + 1);
		for (unsigned int i = 0; i < ue_rs.nlock_apis; i++)
			name_filter_add(&api_names,
					IDENTIFIER_HASH_VALUE(ident(&ids[i], ue_rs.lock_apis[i].name)));
	}
	if (name_filter_may_have(&api_names, IDENTIFIER_HASH_VALUE(name)))
		for (unsigned int i = 0; i < ue_rs.nlock_apis; i++)
			if (name == ids[i])
				return &ue_rs.lock_apis[i];
	if (is_guard_lock_ptr(name) && first_param_is_pointer(fndecl))
		return &guard_lock_ptr;
	return tracked_annotated_lock_api(l, fndecl);
}

/*
 * The rule set's own parts (guard lines, the reference API) are of its
 * lock: another lock (tracked.c) has its lock API only.
 */
static bool ruleset_parts(struct lockid l)
{
	return tracked_is_ruleset_lock(l);
}

/* The reference API of the rule set, indexed by enum ref_op. */
enum ref_op rules_ref_api(struct lockid l, tree fndecl)
{
	static tree ids[REF_OP_PUT + 1];
	tree name = fndecl ? DECL_NAME(fndecl) : NULL_TREE;

	if (!name || !ruleset_parts(l))
		return REF_OP_NONE;
	for (int i = REF_OP_GET_ALL; i <= REF_OP_PUT; i++)
		if (ue_rs.ref_api[i] && name == ident(&ids[i], ue_rs.ref_api[i]))
			return (enum ref_op)i;
	return REF_OP_NONE;
}

/*
 * Whether the unit defines the guarded or the counted struct (a pointer to
 * the incomplete type, as every task_struct has to user_event_mm, allows
 * no access) or names one of the reference functions.  Asked before any
 * analysis: maybe_get_identifier() creates nothing, ident() above would.
 */
static bool ruleset_type_defined;

void rules_saw_type(tree type)
{
	if (!TYPE_P(type) || !COMPLETE_TYPE_P(type) || ruleset_type_defined)
		return;
	ruleset_type_defined = type_is_named(type, ue_rs.ref_type);
	for (unsigned int i = 0; i < ue_rs.nguards && !ruleset_type_defined; i++)
		ruleset_type_defined = type_is_named(type, ue_rs.guards[i].type);
}

bool rules_unit_names_symbols(struct lockid l)
{
	if (ruleset_type_defined || tracked_any_guarded_field(l))
		return true;
	for (int i = REF_OP_GET_ALL; ruleset_parts(l) && i <= REF_OP_PUT; i++)
		if (ue_rs.ref_api[i] && maybe_get_identifier(ue_rs.ref_api[i]))
			return true;
	return false;
}

/* Allocators: an object they return is private until its pointer escapes. */
/*
 * An allocator is what GCC knows as one: a function with the malloc
 * attribute, whose result aliases nothing that exists when it returns.
 * The kernel's allocators all carry it (__malloc, which __alloc_size()
 * implies), whatever their names in a release (kzalloc(), 6.10's
 * kzalloc_noprof() under alloc_hooks()).  alloc_size alone is not enough:
 * krealloc()'s __realloc_size() may hand back the object it was given.
 * Wrappers defined in the unit count through their summaries
 * (summary.returns_fresh).
 */
bool rules_is_allocator(tree fndecl)
{
	return fndecl && TREE_CODE(fndecl) == FUNCTION_DECL && DECL_IS_MALLOC(fndecl);
}

/*
 * The unit's locks (tracked.c: a bit per index) whose data DECL is: a
 * field of a guard line (the rule set's lock, index 0) or
 * __guarded_by(); a global __guarded_by(); with POINTEE, a field or
 * global __pt_guarded_by().
 */
unsigned int rules_guarding_locks(tree decl, bool pointee)
{
	const char *name;
	unsigned int mask;

	if (!decl)
		return 0;
	if (pointee)
		return TREE_CODE(decl) == FIELD_DECL ||
		       (TREE_CODE(decl) == VAR_DECL && is_global_var(decl)) ?
		       tracked_guarding(decl, true) : 0;
	if (TREE_CODE(decl) == VAR_DECL)
		return is_global_var(decl) ? tracked_guarding(decl, false) : 0;
	if (TREE_CODE(decl) != FIELD_DECL || !DECL_NAME(decl))
		return 0;
	mask = tracked_guarding(decl, false);
	name = IDENTIFIER_POINTER(DECL_NAME(decl));
	for (unsigned int i = 0; !(mask & 1) && i < ue_rs.nguards; i++)
		if (!strcmp(name, ue_rs.guards[i].field) &&
		    type_is_named(DECL_CONTEXT(decl), ue_rs.guards[i].type))
			mask |= 1;
	return mask;
}

tree rules_guarded_decl(tree ref)
{
	return TREE_CODE(ref) == COMPONENT_REF ? TREE_OPERAND(ref, 1) : ref;
}

bool rules_is_link_field(struct lockid l, tree field)
{
	return ue_rs.link_field && ruleset_parts(l) && field && TREE_CODE(field) == FIELD_DECL &&
	       DECL_NAME(field) &&
	       !strcmp(IDENTIFIER_POINTER(DECL_NAME(field)), ue_rs.link_field) &&
	       type_is_named(DECL_CONTEXT(field), ue_rs.ref_type);
}

bool rules_is_counted_pointer_type(struct lockid l, tree type)
{
	return type && POINTER_TYPE_P(type) && ruleset_parts(l) &&
	       type_is_named(TREE_TYPE(type), ue_rs.ref_type);
}

const char *rules_ref_api_name(struct lockid l, enum ref_op op)
{
	const char *name = op > REF_OP_NONE && op <= REF_OP_PUT && ruleset_parts(l) ?
			   ue_rs.ref_api[op] : NULL;

	return name ? name : "";
}

const char *rules_field_name(tree field)
{
	return field && DECL_NAME(field) ? IDENTIFIER_POINTER(DECL_NAME(field)) : "";
}

const char *rules_struct_name(tree field)
{
	tree name = field && TREE_CODE(field) == FIELD_DECL ?
		    TYPE_NAME(TYPE_MAIN_VARIANT(DECL_CONTEXT(field))) : NULL_TREE;

	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE ? IDENTIFIER_POINTER(name) : "";
}

const char *rules_ref_type_name(struct lockid l)
{
	return ue_rs.ref_type && ruleset_parts(l) ? ue_rs.ref_type : "";
}

/* The first exclusive acquire of the lock's kind, for a fix: 'down_write'. */
const char *rules_lock_write_api_name(struct lockid l)
{
	const char *kind = tracked_lock_kind(l);

	for (unsigned int i = 0; i < ue_rs.nlock_apis; i++)
		if (ue_rs.lock_apis[i].op == LOCK_OP_ACQUIRE && kind &&
		    !strcmp(ue_rs.lock_apis[i].kind, kind))
			return ue_rs.lock_apis[i].name;
	return NULL;
}

bool rules_kind_known(const char *kind)
{
	for (unsigned int i = 0; kind && i < ue_rs.nlock_apis; i++)
		if (!strcmp(ue_rs.lock_apis[i].kind, kind))
			return true;
	return false;
}
