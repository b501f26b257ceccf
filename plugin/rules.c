// SPDX-License-Identifier: GPL-2.0
/*
 * rules.c - the rule set, as tables of the names kernel developers write.
 *
 * Every engine of uecheck uses the same rule ids, from rules.def.  The rest
 * is the built-in rule set (docs/rules.md).  Functions are recognised by name, so lockdep and
 * non-lockdep builds (mutex_lock vs mutex_lock_nested) both match.
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

/* The lock API: every name a kernel release uses for these operations. */
static const struct lock_api lock_apis[] = {
	{ "mutex_lock",				LOCK_OP_ACQUIRE, 0 },
	{ "mutex_lock_nested",			LOCK_OP_ACQUIRE, 0 },
	{ "mutex_lock_io",			LOCK_OP_ACQUIRE, 0 },
	{ "mutex_lock_io_nested",		LOCK_OP_ACQUIRE, 0 },
	{ "_mutex_lock_nest_lock",		LOCK_OP_ACQUIRE, 0 },
	{ "mutex_lock_interruptible",		LOCK_OP_TRY_ZERO, 0 },
	{ "mutex_lock_interruptible_nested",	LOCK_OP_TRY_ZERO, 0 },
	{ "mutex_lock_killable",		LOCK_OP_TRY_ZERO, 0 },
	{ "mutex_lock_killable_nested",		LOCK_OP_TRY_ZERO, 0 },
	{ "_mutex_lock_killable",		LOCK_OP_TRY_ZERO, 0 },
	{ "mutex_trylock",			LOCK_OP_TRY_NONZERO, 0 },
	{ "_mutex_trylock_nest_lock",		LOCK_OP_TRY_NONZERO, 0 },
	{ "refcount_dec_and_mutex_lock",	LOCK_OP_TRY_NONZERO, 1 },
	{ "atomic_dec_and_mutex_lock",		LOCK_OP_TRY_NONZERO, 1 },
	{ "mutex_unlock",			LOCK_OP_RELEASE, 0 },
};

const char *fn_name(tree fndecl)
{
	if (!fndecl || !DECL_NAME(fndecl))
		return "";
	return IDENTIFIER_POINTER(DECL_NAME(fndecl));
}

static bool type_is_user_event_mm(tree type);

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
static const struct lock_api guard_lock_ptr = { "class_*_lock_ptr", LOCK_OP_GUARD_HELD, 0 };

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

const struct lock_api *rules_lock_api(tree fndecl)
{
	static tree ids[ARRAY_SIZE(lock_apis)];
	tree name = fndecl ? DECL_NAME(fndecl) : NULL_TREE;

	if (!name)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(lock_apis); i++)
		if (name == ident(&ids[i], lock_apis[i].name))
			return &lock_apis[i];
	if (is_guard_lock_ptr(name) && first_param_is_pointer(fndecl))
		return &guard_lock_ptr;
	return NULL;
}

/* Indexed by enum ref_op. */
static const char *const ref_apis[] = {
	NULL,
	"user_event_mm_get_all",
	"user_event_mm_get",
	"current_user_event_mm",
	"user_event_mm_put",
};

enum ref_op rules_ref_api(tree fndecl)
{
	static tree ids[ARRAY_SIZE(ref_apis)];
	tree name = fndecl ? DECL_NAME(fndecl) : NULL_TREE;

	if (!name)
		return REF_OP_NONE;
	for (size_t i = REF_OP_GET_ALL; i < ARRAY_SIZE(ref_apis); i++)
		if (name == ident(&ids[i], ref_apis[i]))
			return (enum ref_op)i;
	return REF_OP_NONE;
}

/*
 * Whether the unit defines struct user_event_mm (a pointer to the
 * incomplete type, as every task_struct has, allows no access) or names
 * one of its reference functions.  Asked before any analysis:
 * maybe_get_identifier() creates nothing, ident() above would.
 */
static bool mm_defined;

static void on_finish_type(void *gcc_data, void *user_data)
{
	tree type = (tree)gcc_data;

	if (type && TYPE_P(type) && COMPLETE_TYPE_P(type) && type_is_user_event_mm(type))
		mm_defined = true;
}

void rules_register(const char *plugin_name)
{
	register_callback(plugin_name, PLUGIN_FINISH_TYPE, on_finish_type, NULL);
}

bool rules_unit_names_symbols(void)
{
	if (mm_defined)
		return true;
	for (size_t i = REF_OP_GET_ALL; i < ARRAY_SIZE(ref_apis); i++)
		if (maybe_get_identifier(ref_apis[i]))
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

static bool type_is_user_event_mm(tree type)
{
	tree name;

	if (!type || TREE_CODE(type) != RECORD_TYPE)
		return false;
	name = TYPE_NAME(TYPE_MAIN_VARIANT(type));
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE &&
	       !strcmp(IDENTIFIER_POINTER(name), rules_struct_name());
}

bool rules_is_guarded_field(tree field)
{
	return field && TREE_CODE(field) == FIELD_DECL && DECL_NAME(field) &&
	       !strcmp(IDENTIFIER_POINTER(DECL_NAME(field)), rules_field_name()) &&
	       type_is_user_event_mm(DECL_CONTEXT(field));
}

bool rules_is_mm_pointer_type(tree type)
{
	return type && POINTER_TYPE_P(type) && type_is_user_event_mm(TREE_TYPE(type));
}

const char *rules_ref_api_name(enum ref_op op)
{
	return op > REF_OP_NONE && op < (int)ARRAY_SIZE(ref_apis) ? ref_apis[op] : "";
}

const char *rules_field_name(void)
{
	return "next";
}

const char *rules_struct_name(void)
{
	return "user_event_mm";
}

const char *rules_lock_name(void)
{
	return "event_mutex";
}

bool rules_is_tracked_lock(tree decl)
{
	return decl && TREE_CODE(decl) == VAR_DECL && DECL_NAME(decl) &&
	       !strcmp(IDENTIFIER_POINTER(DECL_NAME(decl)), rules_lock_name());
}

bool rules_is_tracked_lock_text(const char *text, size_t len)
{
	const char *lock = rules_lock_name();

	return strlen(lock) == len && !strncmp(text, lock, len);
}
