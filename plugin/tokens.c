// SPDX-License-Identifier: GPL-2.0
/*
 * tokens.c - locks that are no object: 7.x's token locks (RCU), and the
 * holds a macro makes around its own expansion (srcu_dereference()).
 *
 * rcupdate.h declares RCU with token_context_lock(RCU, __reentrant_ctx_lock)
 * and RCU_BH, RCU_SCHED with token_context_lock_instance(RCU, ...): each
 * an extern pointer that nothing defines, held shared by rcu_read_lock()
 * and its kin (their __acquires_shared(RCU)), guarding what
 * __guarded_by(RCU) (__rcu_guarded) marks.  The kernel's own words name
 * them: the invocations are read here, whatever the token is called.
 *
 * A macro may take a lock for its own expansion only: srcu.h's
 * srcu_dereference_check() is __acquire_shared_ctx_lock(RCU), the read,
 * __release_shared_ctx_lock(RCU), none of which leaves GIMPLE under GCC.
 * Both written at one invocation in the file being compiled: what that
 * invocation reads, it reads with the lock held, and the path's hold is as
 * before it (a reentrant token's holds nest).
 *
 * Or it takes or drops a lock for the code after it with one of them
 * alone: 7.x's local_lock(l) is preempt_disable(), an unannotated call and
 * __acquire(l); local_trylock(l) is __try_acquire_ctx_lock(l, attempt).  Such an invocation of the file is kept by its position
 * and operation; which lock, the walk reads from its GIMPLE (lockmacro.c).
 */
#include "uecheck.h"

struct token {
	char *name;
	char *cls;		/* the token_context_lock() it is an instance of */
	bool reentrant;
};
static vec<struct token> tokens;

/* An __acquire*_ctx_lock() or __release*_ctx_lock() inside a macro of the file. */
struct macro_hold {
	struct srcpos at;	/* the invocation written in the file */
	char *lock;
	bool acquire;
};
static vec<struct macro_hold> holds;

/* The invocations of the file that make one such call alone, in order. */
static vec<struct macro_lock_op> lone_ops;

static const struct {
	const char *name;
	bool scoped;		/* may be half of a hold around the expansion */
	bool acquire;
	enum lock_op op;
} hold_macros[] = {
	{ "__acquire_ctx_lock",			true,	true,	LOCK_OP_ACQUIRE },
	{ "__acquire_shared_ctx_lock",		true,	true,	LOCK_OP_ACQUIRE_SHARED },
	{ "__release_ctx_lock",			true,	false,	LOCK_OP_RELEASE },
	{ "__release_shared_ctx_lock",		true,	false,	LOCK_OP_RELEASE },
	{ "__try_acquire_ctx_lock",		false,	true,	LOCK_OP_TRY_NONZERO },
	{ "__try_acquire_shared_ctx_lock",	false,	true,	LOCK_OP_TRY_SHARED },
};
static cpp_hashnode *hold_nodes[ARRAY_SIZE(hold_macros)];
static cpp_hashnode *token_node, *instance_node;
static struct name_filter watched;
static void (*chained_used)(cpp_reader *, location_t, cpp_hashnode *);

static const struct token *token_named(const char *name)
{
	for (unsigned int i = 0; i < tokens.length(); i++)
		if (!strcmp(tokens[i].name, name))
			return &tokens[i];
	return NULL;
}

/* token_context_lock(NAME[, attrs]), token_context_lock_instance(CLASS, NAME). */
static void record_token(bool instance, location_t loc)
{
	const char *macro = instance ? "token_context_lock_instance" : "token_context_lock";
	char arg[MAX_ANNOTATION_ARGUMENT], *comma, *name = arg;
	const struct token *cls;
	struct srcpos at;
	struct token t;

	if (!annotations_macro_argument(loc, macro, arg, sizeof(arg), &at))
		return;
	comma = strchr(arg, ',');
	if (instance) {
		if (!comma)
			return;
		*comma = 0;
		name = comma + 1;
		cls = token_named(arg);
		if (!cls)
			return;
		t.cls = cls->cls;
		t.reentrant = cls->reentrant;
	} else {
		t.reentrant = comma && strstr(comma, "reentrant");
		if (comma)
			*comma = 0;
		t.cls = NULL;
	}
	for (size_t i = 0; name[i]; i++)
		if (!ISIDNUM(name[i]))
			return;		/* a macro's parameter, not a name */
	if (!*name || token_named(name))
		return;
	t.name = xstrdup(name);
	if (!t.cls)
		t.cls = t.name;
	tokens.safe_push(t);
}

static void record_hold(bool acquire, const char *macro, location_t loc)
{
	char arg[MAX_ANNOTATION_ARGUMENT];
	struct macro_hold h;

	/* Only in the file's own code (the lock headers' bodies are not read here). */
	if (!annotations_macro_argument(loc, macro, arg, sizeof(arg), &h.at) ||
	    strcmp(h.at.file, main_input_filename) || !annotations_spelled_in_macro(loc))
		return;
	h.lock = annotations_lock_text(arg);
	h.acquire = acquire;
	holds.safe_push(h);
}

/*
 * OP made inside a macro invoked in the file (not written there itself:
 * sparse's own __acquire(x) in code names no value GIMPLE keeps).  A
 * second one at the same invocation makes it one that is not read: a
 * scoped hold (above) or spin_lock_irqsave()'s __release() and
 * __acquire(), whose lock API call the walk sees.
 */
static void record_lone_op(enum lock_op op, location_t loc)
{
	struct macro_lock_op o;

	if (!srcpos_of(loc, &o.at) || strcmp(o.at.file, main_input_filename) ||
	    !annotations_spelled_in_macro(loc))
		return;
	if (!lone_ops.is_empty() && !srcpos_cmp(&lone_ops.last().at, &o.at)) {
		lone_ops.last().op = LOCK_OP_NONE;
		return;
	}
	o.op = op;
	lone_ops.safe_push(o);
}

/* Every macro the unit expands comes here after annotations.c's: a few are ours. */
static void on_macro_used(cpp_reader *reader, location_t loc, cpp_hashnode *node)
{
	if (chained_used)
		chained_used(reader, loc, node);
	if (!name_filter_may_have(&watched, node->ident.hash_value))
		return;
	if (node == token_node || node == instance_node) {
		record_token(node == instance_node, loc);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(hold_macros); i++)
		if (node == hold_nodes[i]) {
			if (hold_macros[i].scoped)
				record_hold(hold_macros[i].acquire, hold_macros[i].name, loc);
			record_lone_op(hold_macros[i].op, loc);
			return;
		}
}

static void on_start_unit(void *gcc_data, void *user_data)
{
	cpp_callbacks *cb = cpp_get_callbacks(parse_in);

	memset(&watched, 0, sizeof(watched));
	token_node = cpp_lookup(parse_in, (const unsigned char *)"token_context_lock",
				strlen("token_context_lock"));
	instance_node = cpp_lookup(parse_in, (const unsigned char *)"token_context_lock_instance",
				   strlen("token_context_lock_instance"));
	name_filter_add(&watched, token_node->ident.hash_value);
	name_filter_add(&watched, instance_node->ident.hash_value);
	for (size_t i = 0; i < ARRAY_SIZE(hold_macros); i++) {
		hold_nodes[i] = cpp_lookup(parse_in, (const unsigned char *)hold_macros[i].name,
					   strlen(hold_macros[i].name));
		name_filter_add(&watched, hold_nodes[i]->ident.hash_value);
	}
	chained_used = cb->used;
	cb->used = on_macro_used;
}

void tokens_register(const char *plugin_name)
{
	register_callback(plugin_name, PLUGIN_START_UNIT, on_start_unit, NULL);
}

bool tokens_is_token(const char *name, const char **cls, bool *reentrant)
{
	const struct token *t = token_named(name);

	if (!t)
		return false;
	if (cls)
		*cls = t->cls;
	if (reentrant)
		*reentrant = t->reentrant;
	return true;
}

/*
 * LOC, an access, is in a macro invocation of the file that takes LOCK
 * (a global, by name) and releases it again around its own expansion.
 */
bool tokens_held_in_expansion(const char *lock, location_t loc)
{
	struct srcpos at;
	bool taken = false, dropped = false;

	if (holds.is_empty() || !srcpos_of(loc, &at))
		return false;
	for (unsigned int i = 0; i < holds.length(); i++) {
		const struct macro_hold *h = &holds[i];

		if (strcmp(h->lock, lock) || srcpos_cmp(&h->at, &at) || strcmp(h->at.file, at.file))
			continue;
		if (h->acquire)
			taken = true;
		else
			dropped = true;
	}
	return taken && dropped;
}

unsigned int tokens_lone_lock_ops(const struct macro_lock_op **ops)
{
	*ops = lone_ops.address();
	return lone_ops.length();
}
