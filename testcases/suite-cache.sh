#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-cache: the plugin's findings through the build caches and
# distributed compilers kernel developers use (docs/integration.md, "Build
# caches").  A cached or distributed compile must print what a plain
# compile prints, whatever changed in between:
#   ccache, direct and preprocessor modes: a rebuilt analysis (a copy of
#              the plugin's build, one message edited, `make` again, as a
#              user rebuilds after `git pull`): seen without any setting,
#              since the loader carries the analysis' build identity;
#              an edited rule set file (-fplugin-arg-uecheck-ruleset=):
#              seen with the settings `uecheck --kbuild-env` prints;
#              an edited Makefile under locks=kbuild: seen with them too
#              (ccache's depend mode reads the -MD list the plugin adds
#              the Makefile to)
#   the loader  refuses an uecheck-core.so of another build (one error)
#   -MD         the plugin adds its rule set file and the Makefile it read
#              to the dependency list, after the source
#   .i input    the plugin says a preprocessed file is not checked (its
#              annotations, macros, are gone)
#   distcc      a distccd on 127.0.0.1: its compiles of a -fplugin=
#              command print a local compile's findings (distccd refuses
#              plugins; distcc compiles locally), and the documented recipe
#              (distcc compiles, CHECK=uecheck checks) finds what the
#              plugin finds
# Each cached result is checked to be a cache hit where one is expected,
# so that the comparison is not against a second plain compile.
#
# Environment: CC (default gcc), UECHECK_PLUGIN (default plugin/uecheck.so).
# Requires: ccache and distcc (each part is skipped, with the reason,
# without them), make and the plugin's build dependencies.
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cc=${CC:-gcc}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
uecheck=$top/scripts/uecheck
failed=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-cache.XXXXXX") || exit 2
dpid=
trap '[ -z "$dpid" ] || kill "$dpid" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
chmod 755 "$tmp"	# distccd runs as its own user and logs under it

pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failed=1; }
skip() { echo "ok - $1 # SKIP $2"; }
diag() { sed -e 's/^/# /' -e 20q "$@"; }

if [ ! -f "$plugin" ]; then
	echo "not ok - cache: plugin $plugin exists (run make plugin)"
	exit 1
fi

src=$top/testcases/ref/extra-get-leak.c
cflags="-std=gnu11 -nostdinc -I $top/testcases/include -O2 -fdiagnostics-color=never"

# compile OUT ARG...: a plain compile's diagnostics in OUT.
compile() {
	out=$1
	shift
	# shellcheck disable=SC2086 # cflags is a word list
	"$cc" $cflags -c -o "$tmp/x.o" "$@" "$src" >"$out" 2>&1
}

# cached OUT ARG...: the same through ccache (CCACHE_* set by the caller);
# the kind of result in OUT.how: hit or miss.
cached() {
	out=$1
	shift
	before=$(hits)
	# shellcheck disable=SC2086 # cflags is a word list
	ccache "$cc" $cflags -c -o "$tmp/x.o" "$@" "$src" >"$out" 2>&1
	if [ "$(hits)" -gt "$before" ]; then echo hit; else echo miss; fi >"$out.how"
}

hits() {
	ccache --print-stats 2>/dev/null |
		awk -F '\t' '$1 ~ /^(direct|preprocessed)_cache_hit$/ { n += $2 } END { print n + 0 }'
}

# same NAME A B: A's diagnostics are B's.
same() {
	if cmp -s "$2" "$3"; then
		pass "$1"
	else
		fail "$1"
		diff "$2" "$3" | diag
	fi
}

# A copy of the plugin's build that a test may change and rebuild: the
# objects come along with their times, so `make` rebuilds only what the
# edit touches.
copy_build() {
	mkdir -p "$1/scripts"
	cp -p "$top/Makefile" "$1/"
	cp -pR "$top/plugin" "$top/rulesets" "$1/"
	cp -p "$top/scripts/embed-rulesets.sh" "$1/scripts/"
}

# ---- ccache ---------------------------------------------------------------

ccache_mode() {
	mode=$1
	export CCACHE_DIR="$tmp/ccache-$mode"
	unset CCACHE_NODIRECT CCACHE_DEPEND CCACHE_EXTRAFILES
	[ "$mode" = preprocessor ] && export CCACHE_NODIRECT=1
	t="ccache ($mode mode)"

	# A rebuilt analysis, no setting at all.
	b=$tmp/build-$mode
	copy_build "$b"
	cached "$tmp/c1" -fplugin="$b/plugin/uecheck.so"
	cached "$tmp/c2" -fplugin="$b/plugin/uecheck.so"
	if [ "$(cat "$tmp/c2.how")" = hit ]; then
		pass "$t: the second compile is a cache hit"
	else
		fail "$t: the second compile is a cache hit"
	fi
	sed -i 's/is not put on every path"/is not put on every path, rebuilt"/' "$b/plugin/diag.c"
	if ! make -s -C "$b" CC="$cc" plugin >"$tmp/make.log" 2>&1; then
		fail "$t: the edited analysis rebuilds with make"
		diag "$tmp/make.log"
		return
	fi
	cached "$tmp/c3" -fplugin="$b/plugin/uecheck.so"
	compile "$tmp/p3" -fplugin="$b/plugin/uecheck.so"
	if grep -q 'every path, rebuilt' "$tmp/p3"; then
		same "$t: after make rebuilt the analysis, a plain compile's findings" "$tmp/p3" "$tmp/c3"
	else
		fail "$t: the rebuilt analysis says its new message"
		diag "$tmp/p3"
	fi

	# The loader refuses the analysis of another build: one line, no run.
	if [ "$mode" = direct ]; then
		mkdir -p "$tmp/mixed"
		cp "$plugin" "$tmp/mixed/uecheck.so"
		cp "$b/plugin/uecheck-core.so" "$tmp/mixed/uecheck-core.so"
		compile "$tmp/mixed.out" -fplugin="$tmp/mixed/uecheck.so"
		mrc=$?
		if [ "$mrc" -ne 0 ] && [ "$(grep -c 'error: ' "$tmp/mixed.out")" -eq 1 ] &&
			grep -q 'is not the analysis .* was built with' "$tmp/mixed.out"; then
			pass "a loader beside the analysis of another build: one error line (exit $mrc)"
		else
			fail "a loader beside the analysis of another build: one error line (exit $mrc)"
			diag "$tmp/mixed.out"
		fi
	fi

	# An edited rule set file, with the settings uecheck prints.
	rs=$tmp/rs-$mode/my.ruleset
	mkdir -p "$(dirname "$rs")"
	printf 'include user_events.ruleset\n' >"$rs"
	env=$(sh "$uecheck" --kbuild-env --ruleset="$rs") || {
		fail "$t: uecheck --kbuild-env --ruleset"
		return
	}
	(
		eval "$env"
		# shellcheck disable=SC2086 # KCFLAGS is a word list, as kbuild uses it
		set -- $KCFLAGS
		cached "$tmp/r1" "$@" -Wp,-MMD,"$tmp/x.d"
		# Another rule set now: its get= is gone.
		sed 's/ get=user_event_mm_get / /' "$top/rulesets/user_events.ruleset" >"$rs"
		cached "$tmp/r2" "$@" -Wp,-MMD,"$tmp/x.d"
		compile "$tmp/rp" "$@"
		cmp -s "$tmp/r1" "$tmp/rp" && echo "the edit changed nothing" >"$tmp/r2.how"
	)
	if [ "$(cat "$tmp/r2.how")" = "the edit changed nothing" ]; then
		fail "$t: an edited rule set file changes the findings (test premise)"
	else
		same "$t: after a rule set file edit, a plain compile's findings" "$tmp/rp" "$tmp/r2"
	fi

	# locks=kbuild and an edited Makefile.
	mkdir -p "$tmp/kb-$mode/d"
	cp "$top/testcases/lock/annotated-locks.c" "$tmp/kb-$mode/d/x.c"
	printf 'obj-y += x.o\n' >"$tmp/kb-$mode/d/Makefile"
	env=$(sh "$uecheck" --kbuild-env --locks=kbuild) || {
		fail "$t: uecheck --kbuild-env --locks=kbuild"
		return
	}
	(
		cd "$tmp/kb-$mode" || exit 1
		eval "$env"
		src=d/x.c
		# shellcheck disable=SC2086
		set -- $KCFLAGS
		cached "$tmp/k1" "$@" -Wp,-MMD,d/.x.o.d
		printf 'obj-y += x.o\nCONTEXT_ANALYSIS := y\n' >d/Makefile
		cached "$tmp/k2" "$@" -Wp,-MMD,d/.x.o.d
		compile "$tmp/kp" "$@"
	)
	if ! grep -q '\[uecheck:' "$tmp/kp" || grep -q '\[uecheck:' "$tmp/k1"; then
		fail "$t: the Makefile's CONTEXT_ANALYSIS decides the findings (test premise)"
		diag "$tmp/k1" "$tmp/kp"
	else
		same "$t: locks=kbuild, after a Makefile edit, a plain compile's findings" \
			"$tmp/kp" "$tmp/k2"
	fi
}

if command -v ccache >/dev/null 2>&1; then
	ccache_mode direct
	ccache_mode preprocessor
else
	skip "ccache" "ccache is not installed (scripts/deps.sh test installs it)"
fi

# ---- the dependency list --------------------------------------------------

mkdir -p "$tmp/deps/d"
cp "$src" "$tmp/deps/d/x.c"
printf 'CONTEXT_ANALYSIS := n\n' >"$tmp/deps/d/Makefile"
cp "$top/rulesets/user_events.ruleset" "$tmp/deps/my.ruleset"
# shellcheck disable=SC2086
(cd "$tmp/deps" && "$cc" $cflags -c -o x.o -Wp,-MMD,d/.x.o.d -fplugin="$plugin" \
	-fplugin-arg-uecheck-ruleset="$tmp/deps/my.ruleset" \
	-fplugin-arg-uecheck-locks=kbuild d/x.c >/dev/null 2>&1)
# The list as make reads it, one name a line: the source first.
tr -s ' \\\n' '\n\n\n' <"$tmp/deps/d/.x.o.d" | sed '1d; /^$/d' >"$tmp/deps/list"
if [ "$(sed -n 1p "$tmp/deps/list")" = d/x.c ] &&
	grep -qx "$tmp/deps/my.ruleset" "$tmp/deps/list" && grep -qx d/Makefile "$tmp/deps/list"; then
	pass "-MD: the source first, then the rule set file and the Makefile the plugin read"
else
	fail "-MD: the source first, then the rule set file and the Makefile the plugin read"
	diag "$tmp/deps/list"
fi

# ---- preprocessed input ---------------------------------------------------

# What a distributed compiler (or -save-temps) compiles: the annotations
# are gone, so the plugin says the file was not checked, and nothing else.
# shellcheck disable=SC2086
"$cc" $cflags -E -o "$tmp/x.i" "$src"
# shellcheck disable=SC2086
"$cc" -O2 -fdiagnostics-color=never -c -o "$tmp/x.o" -fplugin="$plugin" "$tmp/x.i" >"$tmp/pre.out" 2>&1
prc=$?
if [ "$prc" -eq 0 ] && [ "$(grep -c . "$tmp/pre.out")" -eq 1 ] &&
	grep -q "note: uecheck: .* not checked: preprocessed input" "$tmp/pre.out"; then
	pass "preprocessed input: one 'not checked' note, no finding"
else
	fail "preprocessed input: one 'not checked' note, no finding (exit $prc)"
	diag "$tmp/pre.out"
fi

# ---- distcc ---------------------------------------------------------------

distcc_part() {
	port=$((20000 + $$ % 20000))
	mkdir -p "$tmp/distcc"
	chmod 777 "$tmp/distcc"
	distccd --no-detach --daemon --allow 127.0.0.1 --listen 127.0.0.1 --port "$port" \
		--jobs 2 --log-file "$tmp/distcc/distccd.log" --log-level info &
	dpid=$!
	sleep 1
	# The default backoff: a host that failed a compile is left alone for a
	# minute (with no backoff at all, distcc 3.4 retries a refused plugin
	# compile forever).
	export DISTCC_HOSTS="127.0.0.1:$port/2" DISTCC_DIR="$tmp/distcc/client"
	unset DISTCC_BACKOFF_PERIOD DISTCC_FALLBACK
	compile "$tmp/dlocal" -fplugin="$plugin"
	# shellcheck disable=SC2086
	timeout 120 distcc "$cc" $cflags -c -o "$tmp/x.o" -fplugin="$plugin" "$src" \
		>"$tmp/ddist.raw" 2>&1
	grep -v '^distcc\[' "$tmp/ddist.raw" >"$tmp/ddist"
	if ! grep -q 'plugin' "$tmp/distcc/distccd.log"; then
		skip "distcc: -fplugin= compiles" "distccd saw no such job (log below)"
		diag "$tmp/distcc/distccd.log"
	else
		same "distcc: a -fplugin= compile prints a local compile's findings" \
			"$tmp/dlocal" "$tmp/ddist"
	fi
	# The recipe: the compile distributed, the check local (CHECK=uecheck).
	# shellcheck disable=SC2086
	timeout 120 distcc "$cc" $cflags -c -o "$tmp/y.o" "$src" >"$tmp/dplain.raw" 2>&1
	drc=$?
	# shellcheck disable=SC2086
	UECHECK_PLUGIN=$plugin sh "$uecheck" --engines=gcc $cflags "$src" 2>"$tmp/dcheck" >/dev/null
	n_check=$(grep -c '\[uecheck:' "$tmp/dcheck")
	n_local=$(grep -c '\[uecheck:' "$tmp/dlocal")
	if [ "$drc" -eq 0 ] && [ "$n_check" -eq "$n_local" ] && [ "$n_local" -gt 0 ]; then
		pass "distcc: compiled by distcc, checked by CHECK=uecheck: the plugin's $n_local findings"
	else
		fail "distcc: compiled by distcc (exit $drc), checked by CHECK=uecheck ($n_check findings, the plugin $n_local)"
		diag "$tmp/dplain.raw" "$tmp/dcheck"
	fi
	kill "$dpid" 2>/dev/null
	wait "$dpid" 2>/dev/null
	dpid=
}

if command -v distcc >/dev/null 2>&1 && command -v distccd >/dev/null 2>&1; then
	distcc_part
else
	skip "distcc" "distcc is not installed (scripts/deps.sh test installs it)"
fi

exit "$failed"
