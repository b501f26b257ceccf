// SPDX-License-Identifier: GPL-2.0
/*
 * uecheck - GCC plugin enforcing two rules of kernel/trace/trace_events_user.c
 *
 *   lock rule: struct user_event_mm's field 'next' is only valid while
 *              'event_mutex' is held (unguarded-access, lock-required,
 *              missing-assertion in strict mode);
 *   ref rule:  every reference from user_event_mm_get_all(),
 *              user_event_mm_get() and current_user_event_mm() is put with
 *              user_event_mm_put() on every path, once, and not used after
 *              (ref-leak, double-put, use-after-put).
 *
 * Options:
 *   -fplugin-arg-uecheck-strict        also report missing-assertion
 *   -fplugin-arg-uecheck-werror        findings are errors
 *   -fplugin-arg-uecheck-rules=A,B     run only these rule ids
 *   -fplugin-arg-uecheck-ruleset=FILE  check the rule set FILE (rulesets/,
 *                                      docs/rulesets.md) instead of the
 *                                      built-in user_events one
 *   -fplugin-arg-uecheck-locks=MODE    annotated (default): also check each
 *                                      lock a __guarded_by() names;
 *                                      ruleset: the rule set's lock only;
 *                                      kbuild: annotated where the file's
 *                                      Makefile opts in (CONTEXT_ANALYSIS)
 *   -fplugin-arg-uecheck-contract=MODE kbuild (default): where locks=kbuild
 *                                      opts in, Clang's contract: a function
 *                                      callable from outside holds, asserts
 *                                      or declares each per-object lock it
 *                                      needs; clang: everywhere; infer: its
 *                                      callers are trusted to hold it
 *   -fplugin-arg-uecheck-analyze-only  stop the compiler after the analysis
 *                                      (use with -S -o /dev/null)
 *   -fplugin-arg-uecheck-budget=N      visits of each basic block before the
 *                                      analysis gives a function up, says
 *                                      it is not checked (default 64)
 *   -fplugin-arg-uecheck-ruleset-coverage
 *                                      say it when the unit names none of
 *                                      the rule set's structs (scripts/
 *                                      uecheck sums it over its files)
 *
 * Usage:
 *   gcc -fplugin=plugin/uecheck.so -c file.c
 *   make KCFLAGS=-fplugin=$PWD/plugin/uecheck.so kernel/trace/trace_events_user.o
 *
 * The analysis runs once per translation unit right after SSA construction
 * and before any optimisation, so -O0 and -O2 see the same code.  It only
 * reads the IR: objects are byte-identical with and without the plugin.
 * Known limits: docs/rules.md.
 */
#include "uecheck.h"

struct ue_config ue_cfg = {
	.strict = false,
	.werror = false,
	.analyze_only = false,
	.locks = LOCKS_ANNOTATED,
	.contract = CONTRACT_KBUILD,
	.rules = (1u << RULE_COUNT) - 1,
	.budget = 64,
};

static struct plugin_info uecheck_info = {
	.version = "1.0",
	.help = "strict\treport missing-assertion too\n"
		"werror\tfindings are errors\n"
		"rules=ID[,ID...]\trun only these rules\n"
		"ruleset=FILE\tcheck this rule set (default: the built-in user_events)\n"
		"locks=annotated|ruleset|kbuild\talso the locks __guarded_by() names (default),\n"
		"\tnot, or where the file's Makefile sets CONTEXT_ANALYSIS\n"
		"contract=kbuild|clang|infer\ta function callable from outside holds, asserts or\n"
		"\tdeclares each per-object lock it needs where locks=kbuild opts in (default),\n"
		"\teverywhere, or its callers are trusted to hold it\n"
		"analyze-only\tstop after the analysis (with -S -o /dev/null)\n"
		"budget=N\tvisits of each block before a function is given up (default 64)\n"
		"ruleset-coverage\tsay it when the unit names none of the rule set's structs\n",
};

static const pass_data uecheck_pass_data = {
	.type = SIMPLE_IPA_PASS,
	.name = "uecheck",
	.optinfo_flags = OPTGROUP_NONE,
	.tv_id = TV_NONE,
	.properties_required = PROP_cfg | PROP_ssa,
	.properties_provided = 0,
	.properties_destroyed = 0,
	.todo_flags_start = 0,
	.todo_flags_finish = 0,
};

class uecheck_pass : public simple_ipa_opt_pass {
public:
	uecheck_pass(gcc::context *ctx) : simple_ipa_opt_pass(uecheck_pass_data, ctx) {}

	bool gate(function *) final override
	{
		return !seen_error();
	}

	unsigned int execute(function *) final override
	{
		/*
		 * The kernel's annotations are macros, read as they expand:
		 * in preprocessed input (a .i file, a distributed compiler's
		 * copy) they are gone, and the findings would be wrong both
		 * ways.  Say so rather than check it.
		 */
		if (parse_in && cpp_get_options(parse_in)->preprocessed)
			inform(UNKNOWN_LOCATION,
			       "uecheck: '%s' not checked: preprocessed input, where the kernel's "
			       "annotations (macros) are gone; run the plugin on the source",
			       main_input_filename);
		else {
			rulecheck_unit();
			locks_run();
			report_flush();
		}
		if (ue_cfg.analyze_only) {
			/*
			 * Findings are printed; nothing else is wanted from cc1.
			 * Finish the diagnostics as cc1 would at its end: the
			 * structured formats (-fdiagnostics-format=json) are
			 * written only then.
			 */
			diagnostic_finish(global_dc);
			fflush(stdout);
			fflush(stderr);
			exit(seen_error() ? FATAL_EXIT_CODE : SUCCESS_EXIT_CODE);
		}
		return 0;
	}
};

static bool parse_rules(const char *list)
{
	unsigned int mask = 0;

	/* Every comma separates two ids: "a,,b" and "a," are mistakes. */
	for (;;) {
		const char *end = strchr(list, ',');
		size_t len = end ? (size_t)(end - list) : strlen(list);
		int r = rule_by_id(list, len);

		if (!len) {
			error("uecheck: empty rule id in -fplugin-arg-uecheck-rules "
			      "(a comma-separated list: ref-leak,double-put)");
			return false;
		}
		if (r < 0) {
			error("uecheck: unknown rule id '%.*s' in -fplugin-arg-uecheck-rules "
			      "(known: %s)", (int)len, list, rule_id_list());
			return false;
		}
		mask |= 1u << r;
		if (!end)
			break;
		list = end + 1;
	}
	if (!mask) {
		error("uecheck: -fplugin-arg-uecheck-rules needs at least one rule id");
		return false;
	}
	ue_cfg.rules = mask;
	return true;
}

static bool parse_args(struct plugin_name_args *info)
{
	const char *ruleset = RULESET_DEFAULT;

	for (int i = 0; i < info->argc; i++) {
		const char *key = info->argv[i].key;
		const char *value = info->argv[i].value;
		bool is_flag = true;

		if (!strcmp(key, "strict"))
			ue_cfg.strict = true;
		else if (!strcmp(key, "werror"))
			ue_cfg.werror = true;
		else if (!strcmp(key, "analyze-only"))
			ue_cfg.analyze_only = true;
		else if (!strcmp(key, "ruleset-coverage"))
			ue_cfg.ruleset_coverage = true;
		else if (!strcmp(key, "rules")) {
			is_flag = false;
			if (!value || !parse_rules(value)) {
				if (!value)
					error("uecheck: -fplugin-arg-uecheck-rules needs a value "
					      "(-fplugin-arg-uecheck-rules=ref-leak,double-put)");
				return false;
			}
		} else if (!strcmp(key, "ruleset")) {
			is_flag = false;
			if (!value || !*value) {
				error("uecheck: -fplugin-arg-uecheck-ruleset needs a value "
				      "(a rule set file, or one of uecheck's: %s)",
				      ruleset_builtin_names());
				return false;
			}
			ruleset = value;
		} else if (!strcmp(key, "locks")) {
			is_flag = false;
			if (value && !strcmp(value, "annotated")) {
				ue_cfg.locks = LOCKS_ANNOTATED;
			} else if (value && !strcmp(value, "ruleset")) {
				ue_cfg.locks = LOCKS_RULESET;
			} else if (value && !strcmp(value, "kbuild")) {
				ue_cfg.locks = LOCKS_KBUILD;
			} else {
				error("uecheck: -fplugin-arg-uecheck-locks needs 'annotated', "
				      "'ruleset' or 'kbuild'%s%s%s", value ? " (not '" : "",
				      value ? value : "", value ? "')" : "");
				return false;
			}
		} else if (!strcmp(key, "contract")) {
			is_flag = false;
			if (value && !strcmp(value, "kbuild")) {
				ue_cfg.contract = CONTRACT_KBUILD;
			} else if (value && !strcmp(value, "clang")) {
				ue_cfg.contract = CONTRACT_CLANG;
			} else if (value && !strcmp(value, "infer")) {
				ue_cfg.contract = CONTRACT_INFER;
			} else {
				error("uecheck: -fplugin-arg-uecheck-contract needs 'kbuild', "
				      "'clang' or 'infer'%s%s%s", value ? " (not '" : "",
				      value ? value : "", value ? "')" : "");
				return false;
			}
		} else if (!strcmp(key, "budget")) {
			char *end = NULL;
			long n = value ? strtol(value, &end, 10) : 0;

			is_flag = false;
			if (!value || !*value || *end || n < 1 || n > 1000000) {
				error("uecheck: -fplugin-arg-uecheck-budget needs a number of "
				      "visits from 1 to 1000000%s%s%s", value ? " (not '" : "",
				      value ? value : "", value ? "')" : "");
				return false;
			}
			ue_cfg.budget = n;
		} else {
			error("uecheck: unknown option '-fplugin-arg-%s-%s' (known: strict, "
			      "werror, rules=, ruleset=, locks=, contract=, budget=, analyze-only, "
			      "ruleset-coverage)",
			      info->base_name, key);
			return false;
		}
		if (is_flag && value) {
			error("uecheck: option '-fplugin-arg-%s-%s' takes no value",
			      info->base_name, key);
			return false;
		}
	}
	return ruleset_load(ruleset);
}

/*
 * What the parts watch as the front end parses: one callback per event,
 * each part's handler in turn (a callback costs on every declaration of
 * a kernel unit, and a part that calls another's handler ties the two
 * files both ways).
 */
static void on_finish_decl(void *gcc_data, void *user_data)
{
	tree decl = (tree)gcc_data;

	if (!decl)
		return;
	annotations_saw_decl(decl);
	locks_saw_decl(decl);
	rulecheck_saw_decl(decl);
}

static void on_finish_type(void *gcc_data, void *user_data)
{
	tree type = (tree)gcc_data;

	if (!type)
		return;
	annotations_saw_type(type);
	rules_saw_type(type);
	rulecheck_saw_type(type);
}

/*
 * Called by loader.c (uecheck.so) once it has checked that this is the GCC
 * the plugin was built for.
 */
extern "C" __attribute__((visibility("default")))
int uecheck_core_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	struct register_pass_info pass;

	if (!parse_args(info))
		exit(FATAL_EXIT_CODE);

	pass.pass = new uecheck_pass(g);
	pass.reference_pass_name = "build_ssa_passes";
	pass.ref_pass_instance_number = 1;
	pass.pos_op = PASS_POS_INSERT_AFTER;

	register_callback(info->base_name, PLUGIN_INFO, NULL, &uecheck_info);
	register_callback(info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
	register_callback(info->base_name, PLUGIN_FINISH_DECL, on_finish_decl, NULL);
	register_callback(info->base_name, PLUGIN_FINISH_TYPE, on_finish_type, NULL);
	annotations_register(info->base_name);
	tokens_register(info->base_name);
	inputs_register(info->base_name);
	return 0;
}
