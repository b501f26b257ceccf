# SPDX-License-Identifier: GPL-2.0
#
# uecheck --kbuild-env: the settings of a kernel build that runs the plugin
# itself (KCFLAGS=-fplugin=...), as sh lines to eval, so that a build
# cache keys every compile on what decides its findings
# (docs/integration.md, "Build caches"):
#   KCFLAGS            the plugin and this call's options (--strict,
#                      --werror, --rules, --ruleset, --locks,
#                      --contract), after the KCFLAGS already set
#   CCACHE_EXTRAFILES  with --ruleset: the rule set file and the rule sets
#                      beside it (what its 'include' lines may name), after
#                      the files already listed.  ccache hashes the
#                      -fplugin= file, which changes with the analysis, but
#                      no file an -fplugin-arg- names
#   CCACHE_DIRECT, CCACHE_DEPEND
#                      with --locks=kbuild: the Makefile beside each source
#                      decides, and only ccache's depend mode sees it (the
#                      plugin adds it to the compile's -MD list, which
#                      kbuild always asks for); depend mode needs direct
#                      mode
#
# Interface (sourced by scripts/uecheck): ue_kbuild_env PLUGIN prints the
# lines; reads UE_STRICT, UE_RULES, UE_RULESET (absolute), UE_LOCKS,
# werror.

# ue_sh_quote WORD: WORD as one sh word.
ue_sh_quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

ue_kbuild_env() {
	ke_plugin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
	ke_flags="-fplugin=$ke_plugin"
	[ "$UE_STRICT" = 1 ] && ke_flags="$ke_flags -fplugin-arg-uecheck-strict"
	[ "${werror:-0}" = 1 ] && ke_flags="$ke_flags -fplugin-arg-uecheck-werror"
	[ -n "$UE_RULES" ] && ke_flags="$ke_flags -fplugin-arg-uecheck-rules=$UE_RULES"
	[ -n "$UE_RULESET" ] && ke_flags="$ke_flags -fplugin-arg-uecheck-ruleset=$UE_RULESET"
	[ -n "$UE_LOCKS" ] && ke_flags="$ke_flags -fplugin-arg-uecheck-locks=$UE_LOCKS"
	[ -n "${UE_CONTRACT:-}" ] && ke_flags="$ke_flags -fplugin-arg-uecheck-contract=$UE_CONTRACT"
	echo "KCFLAGS=\"\${KCFLAGS:+\$KCFLAGS }\"$(ue_sh_quote "$ke_flags"); export KCFLAGS"
	if [ -n "$UE_RULESET" ]; then
		ke_files=$UE_RULESET
		for ke_f in "$(dirname "$UE_RULESET")"/*.ruleset; do
			[ -f "$ke_f" ] && [ "$ke_f" != "$UE_RULESET" ] && ke_files="$ke_files:$ke_f"
		done
		echo "CCACHE_EXTRAFILES=\"\${CCACHE_EXTRAFILES:+\$CCACHE_EXTRAFILES:}\"$(ue_sh_quote "$ke_files"); export CCACHE_EXTRAFILES"
	fi
	if [ "$UE_LOCKS" = kbuild ]; then
		echo "unset CCACHE_NODIRECT CCACHE_NODEPEND; CCACHE_DIRECT=1 CCACHE_DEPEND=1; export CCACHE_DIRECT CCACHE_DEPEND"
	fi
}
