#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# context-compare.sh - uecheck's context analysis beside Clang's, on the
# code of Linux 7.3: the table of docs/context-analysis.md.
#
#   sh scripts/context-compare.sh [RAWDIR]     (make context-table)
#
# Clang (scripts/toolchain-clang.sh: clang-23 in the sid chroot) builds
# with CONFIG_WARN_CONTEXT_ANALYSIS, which a 7.3 tree configured for it
# has by default (scripts/kernel-tree.sh with UECHECK_KERNEL_CC=clang-23);
# gcc builds with the plugin, in the tree kernel-tree.sh prepares for it.
# Both compile with the command line kbuild records for the object (its
# .o.cmd), each in a copy of its own tree, with CONTEXT_ANALYSIS=y so that
# an object that does not opt in (trace_events_user.o) is analysed too.
#
# For each seed testcases/context/*.seed (a sed script of ours for the
# file its "# file:" line names; "# clang: finds|misses" is what we claim
# Clang does with it) both tools see the seeded file and the unmodified
# one; the files of UNMODIFIED below only the latter.  The table goes to
# stdout.  With RAWDIR, the raw results stay there for
# testcases/suite-context.sh, per seed or file NAME:
#   NAME.want           LINE RULE   the seed's expectation comments
#   NAME.uecheck        LINE RULE   the plugin's findings, seeded file
#   NAME.clang          LINE TEXT   Clang's context analysis warnings there
#   NAME.base.uecheck, NAME.base.clang   the same on the unmodified file
#   NAME.claim          finds or misses (the seed's "# clang:")
# A seed whose edit does not apply, or a compile that fails, is said on
# stderr and makes the exit status 1.
#
# With UECHECK_FINDINGS_DIR, the plugin's whole output on each file is
# kept there too, as context/NAME[.base] (testcases/lib/findings-log.sh).
#
# Exit status: 0 compared; 1 a seed or a build failed; 3 cannot run here
# (no chroot or clang, no 7.3 source: the reason on stderr).
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
seeds=${UECHECK_CONTEXT_SEEDS:-$top/testcases/context}
jobs=$(nproc 2>/dev/null || echo 2)
# Unmodified only: 7.3's own test of the analysis (patterns that must not
# warn) and user_events, which Clang gets wrong (the issue, "Why").
UNMODIFIED="lib/test_context-analysis.c kernel/trace/trace_events_user.c"

raw=${1:-}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-ctx.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
[ -n "$raw" ] || raw=$tmp/raw
mkdir -p "$raw" || exit 1
failed=0

say() { echo "context-compare: $*" >&2; }

[ -f "$plugin" ] || { say "no plugin at $plugin (make plugin)"; exit 1; }
rc=0
sh "$top/scripts/toolchain-clang.sh" >"$tmp/toolchain" 2>"$tmp/toolchain.err" || rc=$?
if [ "$rc" -ne 0 ]; then
	say "$(tail -n 1 "$tmp/toolchain.err")"
	exit "$([ "$rc" -eq 3 ] && echo 3 || echo 1)"
fi
root=$(sed -n 's/^ROOT=//p' "$tmp/toolchain")
clang=$(sed -n 's/^CLANG=//p' "$tmp/toolchain")

# tree LABEL [ENV...]: SRC and OBJ of a prepared 7.3 tree, of the context
# flavor: its config builds every opted-in object x86_64 can.
tree() {
	label=$1
	shift
	rc=0
	env "$@" sh "$top/scripts/kernel-tree.sh" 7.3 context >"$tmp/tree-$label" 2>"$tmp/tree-$label.err" || rc=$?
	if [ "$rc" -ne 0 ]; then
		say "7.3 tree for $label: $(tail -n 1 "$tmp/tree-$label.err")"
		exit "$([ "$rc" -eq 3 ] && echo 3 || echo 1)"
	fi
}
tree gcc
tree clang "UECHECK_KERNEL_CC=$clang" "UECHECK_KERNEL_CHROOT=$root"
src=$(sed -n 's/^SRC=//p' "$tmp/tree-gcc")
gobj=$(sed -n 's/^OBJ=//p' "$tmp/tree-gcc")
cobj=$(sed -n 's/^OBJ=//p' "$tmp/tree-clang")
clang_ver=$(sh "$top/scripts/chroot-run.sh" "$root" "$clang" -dumpversion 2>/dev/null)
gcc_ver=$(gcc -dumpfullversion 2>/dev/null)

# The objects to build: every seed's file and the unmodified ones.
files=$UNMODIFIED
for s in "$seeds"/*.seed; do
	[ -f "$s" ] || continue
	files="$files $(sed -n 's/^# file: *//p' "$s")"
done
files=$(echo "$files" | tr ' ' '\n' | sed '/^$/d' | sort -u)
objs=$(echo "$files" | sed 's/\.c$/.o/')

# Each tool's copy of its tree, the objects built once to record their
# commands (kmake: -k, a failure is found per object below).
cp -a "$gobj" "$tmp/gcc" && cp -a "$cobj" "$tmp/clang" || exit 1
# shellcheck disable=SC2086 # one word per object
(cd "$tmp/gcc" && env -u MAKEFLAGS make -s -k -C "$src" O="$tmp/gcc" -j"$jobs" \
	CONTEXT_ANALYSIS=y $objs) >"$tmp/gcc.log" 2>&1
# shellcheck disable=SC2086
(cd "$tmp/clang" && sh "$top/scripts/chroot-run.sh" "$root" env -u MAKEFLAGS \
	make -s -k -C "$src" O="$tmp/clang" -j"$jobs" CC="$clang" HOSTCC="$clang" \
	CONTEXT_ANALYSIS=y $objs) >"$tmp/clang.log" 2>&1

# prefix TREE FILE: the recorded command of FILE's object, without its
# dependency file, output and input (and an appended objtool command).
prefix() {
	o=${2%.c}.o
	cmdfile=$1/$(dirname "$o")/.$(basename "$o").cmd
	sed -n "s|^\(saved\)\?cmd_$o := ||p" "$cmdfile" 2>/dev/null |
		sed -e 's/ *; .*$//' -e 's/ -Wp,-MMD,[^ ]*//' \
		    -e "s| -c -o $o $src/$2 *\$||"
}

# compile TOOL FILE SOURCE OUT: SOURCE compiled as FILE's object by TOOL
# (gcc with the plugin, or clang in the chroot); diagnostics into OUT.
compile() {
	p=$(prefix "$tmp/$1" "$2")
	case $p in
	"" | *" -c -o "*) say "$1: no recorded command for ${2%.c}.o"; return 1 ;;
	esac
	if [ "$1" = gcc ]; then
		# Clang's contract, as CONTEXT_ANALYSIS=y gives Clang every file.
		(cd "$tmp/gcc" &&
			eval "$p -fplugin=$plugin -fplugin-arg-uecheck-contract=clang -c -o $tmp/out.o $3") \
			>"$4" 2>&1
	else
		(cd "$tmp/clang" &&
			sh "$top/scripts/chroot-run.sh" "$root" sh -c "$p -c -o $tmp/out.o $3") >"$4" 2>&1
	fi
}

# warnings_at SOURCE LOG TAG: "LINE TEXT" of each warning in SOURCE whose
# [TAG] matches the extended regex TAG: TEXT is the message, or with
# RULE_ONLY=1 the tag's inside (uecheck's rule id).
warnings_at() {
	grep -E "^$1:[0-9]+:[0-9]+: (warning|error): .* \[$3\]\$" "$2" |
		if [ "${RULE_ONLY:-0}" = 1 ]; then
			sed -E "s|^$1:([0-9]+):[0-9]+: [a-z]+: .* \[$3\]\$|\1 \2|"
		else
			sed -E "s|^$1:([0-9]+):[0-9]+: [a-z]+: (.*) \[$3\]\$|\1 \2|"
		fi | sort -k1,1n -k2
}
uecheck_at() { RULE_ONLY=1 warnings_at "$1" "$2" 'uecheck:([a-z-]+)'; }
clang_at() { warnings_at "$1" "$2" '-Wthread-safety[a-z-]*'; }

# The seeds' expectations: the corpus' own reader (ue_expectations).
# shellcheck source=testcases/lib/expect.sh
. "$top/testcases/lib/expect.sh"
# shellcheck source=testcases/lib/findings-log.sh
. "$top/testcases/lib/findings-log.sh"

# both NAME FILE SOURCE SUFFIX: both tools on SOURCE, results into RAW.
both() {
	ok=1
	if compile gcc "$2" "$3" "$tmp/$1.gcc.log"; then
		ue_findings_log "context/$1$4" "$tmp/$1.gcc.log"
		uecheck_at "$3" "$tmp/$1.gcc.log" >"$raw/$1$4.uecheck"
	else
		say "$1: gcc with the plugin failed on $2$4 (its end:)"
		tail -n 5 "$tmp/$1.gcc.log" >&2
		ok=0
	fi
	if compile clang "$2" "$3" "$tmp/$1.clang.log"; then
		clang_at "$3" "$tmp/$1.clang.log" >"$raw/$1$4.clang"
	else
		say "$1: $clang failed on $2$4 (its end:)"
		tail -n 5 "$tmp/$1.clang.log" >&2
		ok=0
	fi
	[ "$ok" = 1 ] || failed=1
}

for f in $UNMODIFIED; do
	both "$(basename "$f" .c)" "$f" "$src/$f" .base
done
for s in "$seeds"/*.seed; do
	[ -f "$s" ] || continue
	name=$(basename "$s" .seed)
	f=$(sed -n 's/^# file: *//p' "$s")
	sed -n 's/^# clang: *//p' "$s" >"$raw/$name.claim"
	mkdir -p "$tmp/seed/$name"
	c=$tmp/seed/$name/$(basename "$f")
	if ! sed -f "$s" "$src/$f" >"$c" 2>/dev/null || cmp -s "$src/$f" "$c"; then
		say "$name: the edit does not apply to $f"
		failed=1
		continue
	fi
	ue_expectations gcc "$c" >"$raw/$name.want"
	both "$name" "$f" "$c" ""
	[ -f "$raw/$(basename "$f" .c).base.uecheck" ] ||
		both "$(basename "$f" .c)" "$f" "$src/$f" .base
done

# ---- the table --------------------------------------------------------
count() { if [ -f "$1" ]; then grep -c . "$1"; else echo -; fi; }
# texts FILE: ": LINE TEXT; ..." of a results file, or nothing.
texts() { [ -s "$1" ] && awk '{ l = $1; $1 = ""; printf "%s%s%s", NR == 1 ? ": " : "; ", l, $0 }' "$1"; }
cat <<EOF
# uecheck and Clang's context analysis on Linux 7.3

Produced by \`sh scripts/context-compare.sh\` (\`make context-table\`): GCC
$gcc_ver with the uecheck plugin (\`locks=annotated\`, the default, and
\`contract=clang\`: a function callable from outside owes every lock it
needs, as under Clang's analysis) and
$clang $clang_ver with \`CONFIG_WARN_CONTEXT_ANALYSIS=y\`, each compiling
the objects with the command kbuild records for them in a 7.3 tree
configured for that compiler (scripts/kernel-tree.sh's context flavor:
x86_64 defconfig and what builds the opted-in objects), with
\`CONTEXT_ANALYSIS=y\`. The seeds are
our own edits of the real files, testcases/context/*.seed; the claim is
what we say Clang does with the seeded line, and testcases/suite-context.sh
fails when either tool does otherwise.

## Seeded violations

| seed | file | line | uecheck | Clang | claim |
|------|------|------|---------|-------|-------|
EOF
for s in "$seeds"/*.seed; do
	[ -f "$s" ] || continue
	name=$(basename "$s" .seed)
	f=$(sed -n 's/^# file: *//p' "$s")
	[ -f "$raw/$name.want" ] || continue
	while read -r line _; do
		[ -n "$line" ] || continue
		u=$(awk -v l="$line" '$1 == l { printf "%s%s", sep, $2; sep = ", " }' \
			"$raw/$name.uecheck" 2>/dev/null)
		k=$(awk -v l="$line" '$1 == l { $1 = ""; sub(/^ /, ""); printf "%s%s", sep, $0; sep = "; " }' \
			"$raw/$name.clang" 2>/dev/null)
		echo "| $name | $f | $line | ${u:-—} | ${k:-—} | Clang $(cat "$raw/$name.claim") |"
	# A row per line: a line may expect two findings.
	done <<LINES
$(awk '!seen[$1]++' "$raw/$name.want")
LINES
	# What else Clang says on the seeded file: its other warnings there,
	# against those on the real file (the helper seeds make it complain
	# about the helper itself).
	b=$raw/$(basename "$f" .c).base.clang
	awk 'NR == FNR { want[$1]; next } !($1 in want)' "$raw/$name.want" "$raw/$name.clang" \
		>"$tmp/$name.other"
	awk 'NR == FNR { want[$1]; next } !($1 in want)' "$raw/$name.want" "$raw/$name.uecheck" \
		>"$tmp/$name.uother"
	echo "| $name | $f | elsewhere | $(count "$tmp/$name.uother")$(texts "$tmp/$name.uother") | $(count "$tmp/$name.other"), real file $(count "$b")$(texts "$tmp/$name.other") |  |"
done
cat <<EOF

## Unmodified files

| file | uecheck findings | Clang warnings |
|------|------------------|----------------|
EOF
for f in $files; do
	n=$(basename "$f" .c)
	echo "| $f | $(count "$raw/$n.base.uecheck")$(texts "$raw/$n.base.uecheck") | $(count "$raw/$n.base.clang")$(texts "$raw/$n.base.clang") |"
done
exit "$failed"
