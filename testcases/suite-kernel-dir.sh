#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-kernel-dir: the whole kernel/trace/ directory, kernel/fork.o and
# kernel/exit.o (both include linux/user_events.h) of Linux 6.12 and 7.3,
# built with the plugin, in a copy of the prepared tree that
# scripts/kernel-tree.sh provides (the cached tree itself is not touched):
#   - the build succeeds, no compiler crash, zero findings;
#   - every object is byte-identical to the one built without the plugin;
#   - make C=2 CHECK="scripts/uecheck --engines=gcc,cocci" on the same
#     targets succeeds with zero findings, every file checked;
#   - Linux 6.1 (no struct user_event_mm at all): trace_events_user.o
#     builds with the plugin, silently;
#   - Linux 7.3, the objects where Clang's context analysis is on
#     (CONTEXT_ANALYSIS in their Makefiles, lib/test_context-analysis.o
#     among them) that its config builds, with the plugin checking every
#     lock their __guarded_by() names: no crash, zero findings, and a pass
#     for such a lock really ran (UECHECK_DEBUG on two of them).
# Timings are printed as "#" lines.  Each build is bounded by
# UECHECK_KERNEL_TIMEOUT seconds (default 900).
#
# Environment: CC (default gcc), UECHECK_PLUGIN, UECHECK_KERNEL_TIMEOUT,
# UECHECK_KERNEL_TREE_SH (default scripts/kernel-tree.sh),
# UECHECK_KERNEL_61=0 to leave out the 6.1 check, UECHECK_KERNEL_VERSIONS
# (default "6.12 7.3"), UECHECK_CHECK_ENGINES (default gcc,cocci),
# UECHECK_CACHE (see scripts/kernel-tree.sh).
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cc=${CC:-gcc}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
limit=${UECHECK_KERNEL_TIMEOUT:-900}
jobs=$(nproc 2>/dev/null || echo 2)
tree_sh=${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}
failed=0

pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failed=1; }
skip() { echo "ok - $1 # SKIP $2"; }
diag() { sed -e 's/^/# /' -e 20q "$@"; }
now() { date +%s; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-kdir.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

[ -f "$plugin" ] || { echo "not ok - kernel-dir: plugin $plugin exists (make plugin)"; exit 1; }

# tree VERSION: sets src and obj from scripts/kernel-tree.sh, or fails.
tree() {
	src='' obj=''
	if [ ! -f "$tree_sh" ]; then
		echo "# $tree_sh is missing"
		return 1
	fi
	sh "$tree_sh" "$1" >"$tmp/tree" 2>"$tmp/tree.err" || {
		diag "$tmp/tree.err"
		return 1
	}
	src=$(sed -n 's/^SRC=//p' "$tmp/tree")
	obj=$(sed -n 's/^OBJ=//p' "$tmp/tree")
	if [ ! -d "$src" ] || [ ! -d "$obj" ]; then
		echo "# kernel-tree.sh $1 printed no usable SRC=/OBJ= lines"
		return 1
	fi
}

# kmake OBJDIR LOG ARGS...: make in the copy, bounded in time.
kmake() {
	kdir=$1 klog=$2
	shift 2
	timeout "$limit" make -s -C "$src" O="$kdir" CC="$cc" -j"$jobs" "$@" >"$klog" 2>&1
}

findings() {
	grep -E '^[^:]+:[0-9]+:[0-9]+: (warning|error): .* \[uecheck:[a-z-]+\]$' "$@"
}

# Objects of kernel/trace/, fork.o and exit.o, relative to the build
# directory, sorted.
objects() {
	(cd "$1" && { find kernel/trace -name '*.o' ! -name '*.mod.o'
		ls kernel/fork.o kernel/exit.o; } | sort)
}

# whole_dir VERSION: every check above on that kernel's kernel/trace/,
# kernel/fork.o and kernel/exit.o (they include linux/user_events.h).
whole_dir() {
	v=$1
	if ! tree "$v"; then
		fail "kernel-dir: prepared $v tree from scripts/kernel-tree.sh"
		return
	fi
	work=$tmp/obj-$v
	rm -rf "$work" "$tmp/plain"
	cp -a "$obj" "$work"
	find "$work/kernel/trace" \( -name '*.o' -o -name '*.a' \) -delete 2>/dev/null
	rm -f "$work/kernel/fork.o" "$work/kernel/exit.o"

	t0=$(now)
	if kmake "$work" "$tmp/plain.log" $targets; then
		pass "kernel-dir: $v $targets build without the plugin"
	else
		fail "kernel-dir: $v $targets build without the plugin"
		diag "$tmp/plain.log"
		return
	fi
	t1=$(now)
	objects "$work" >"$tmp/objs"
	mkdir "$tmp/plain"
	(cd "$work" && tar cf - -T "$tmp/objs") | (cd "$tmp/plain" && tar xf -)
	find "$work/kernel/trace" \( -name '*.o' -o -name '*.a' \) -delete
	rm -f "$work/kernel/fork.o" "$work/kernel/exit.o"

	t2=$(now)
	kmake "$work" "$tmp/plugin.log" KCFLAGS="-fplugin=$plugin" $targets
	rc=$?
	t3=$(now)
	echo "# $v: $(wc -l <"$tmp/objs") objects: $((t1 - t0)) s without the plugin, $((t3 - t2)) s with it (make -j$jobs, wall)"
	if [ "$rc" -eq 0 ] && ! grep -q 'internal compiler error' "$tmp/plugin.log"; then
		pass "kernel-dir: $v $targets build with the plugin, no compiler crash"
	else
		fail "kernel-dir: $v $targets build with the plugin, no compiler crash"
		diag "$tmp/plugin.log"
	fi
	# Zero findings mean something only if the plugin really ran.
	if grep -q -e "-fplugin=$plugin" "$work/kernel/trace/.trace_events_user.o.cmd" 2>/dev/null &&
	   grep -q -e "-fplugin=$plugin" "$work/kernel/.fork.o.cmd" 2>/dev/null; then
		pass "kernel-dir: $v kbuild compiled trace_events_user.o and fork.o with -fplugin"
	else
		fail "kernel-dir: $v kbuild compiled trace_events_user.o and fork.o with -fplugin"
	fi
	if findings "$tmp/plugin.log" >"$tmp/found"; then
		fail "kernel-dir: zero findings in $v $targets ($(wc -l <"$tmp/found") found)"
		diag "$tmp/found"
	else
		pass "kernel-dir: zero findings in $v $targets"
	fi

	differ=0
	while read -r o; do
		if ! cmp -s "$tmp/plain/$o" "$work/$o"; then
			differ=$((differ + 1))
			echo "# differs or missing with the plugin: $o"
		fi
	done <"$tmp/objs"
	if [ "$differ" -eq 0 ] && [ -s "$tmp/objs" ]; then
		pass "kernel-dir: $v all $(wc -l <"$tmp/objs") objects byte-identical with and without the plugin"
	else
		fail "kernel-dir: $v objects byte-identical with and without the plugin ($differ differ)"
	fi

	# The CHECK wrapper over the same files.
	t4=$(now)
	: >"$tmp/checked"
	# Which files the wrapper saw, so that zero findings mean something.
	printf '#!/bin/sh\neval "echo \\${$#}" >>"%s"\nexec sh "%s" --engines=%s "$@"\n' \
		"$tmp/checked" "$top/scripts/uecheck" "$check_engines" >"$tmp/check.sh"
	kmake "$work" "$tmp/check.log" C=2 CHECK="sh $tmp/check.sh" $targets
	rc=$?
	t5=$(now)
	echo "# $v: make C=2 CHECK='scripts/uecheck --engines=$check_engines': $((t5 - t4)) s, $(grep -c . "$tmp/checked") files checked"
	if grep -q 'kernel/trace/trace_events_user\.c$' "$tmp/checked" &&
	   grep -q 'kernel/fork\.c$' "$tmp/checked"; then
		pass "kernel-dir: $v scripts/uecheck checked trace_events_user.c and fork.c"
	else
		fail "kernel-dir: $v scripts/uecheck checked trace_events_user.c and fork.c"
		diag "$tmp/check.log"
	fi
	if [ "$rc" -eq 0 ] && ! grep -q -e 'internal compiler error' -e '^uecheck: ' "$tmp/check.log"; then
		pass "kernel-dir: $v make C=2 CHECK='scripts/uecheck --engines=$check_engines' succeeds"
	else
		fail "kernel-dir: $v make C=2 CHECK='scripts/uecheck --engines=$check_engines' succeeds"
		diag "$tmp/check.log"
	fi
	if findings "$tmp/check.log" >"$tmp/found"; then
		fail "kernel-dir: $v zero findings from scripts/uecheck --engines=$check_engines ($(wc -l <"$tmp/found") found)"
		diag "$tmp/found"
	else
		pass "kernel-dir: $v zero findings from scripts/uecheck --engines=$check_engines"
	fi
	rm -rf "$work" "$tmp/plain"
}

# context_objects: 7.3's opted-in objects, built with the default
# locks=annotated; silence means something only if annotated locks were
# checked, so two objects are built again with UECHECK_DEBUG=1, which names
# each lock a pass checks.
context_objects() {
	if ! tree 7.3; then
		fail "kernel-dir: prepared 7.3 tree from scripts/kernel-tree.sh"
		return
	fi
	work=$tmp/obj-ctx
	rm -rf "$work"
	cp -a "$obj" "$work"
	t0=$(now)
	: >"$tmp/ctx.stamp"
	kmake "$work" "$tmp/ctx.log" -k KCFLAGS="-fplugin=$plugin" $context_targets
	rc=$?
	t1=$(now)
	# make -s prints no CC lines: count the objects the build wrote.
	n=$(find "$work" -name '*.o' -newer "$tmp/ctx.stamp" ! -path '*/tools/*' | wc -l)
	echo "# 7.3 context analysis objects: $n objects compiled with the plugin in $((t1 - t0)) s"
	# Silence means something only if each target was compiled.
	missing=
	for t in $context_targets; do
		# A directory: one of its objects; an object: itself.
		[ -n "$(find "$work/$t" -name '*.o' -newer "$tmp/ctx.stamp" 2>/dev/null | head -n 1)" ] ||
			missing="$missing $t"
	done
	if [ -z "$missing" ]; then
		pass "kernel-dir: 7.3 every context analysis target compiled with the plugin"
	else
		fail "kernel-dir: 7.3 every context analysis target compiled with the plugin (not:$missing)"
	fi
	if [ "$rc" -eq 0 ] && ! grep -q 'internal compiler error' "$tmp/ctx.log"; then
		pass "kernel-dir: 7.3 objects where Clang's context analysis is on build with the plugin, no compiler crash"
	else
		fail "kernel-dir: 7.3 objects where Clang's context analysis is on build with the plugin, no compiler crash"
		diag "$tmp/ctx.log"
	fi
	if findings "$tmp/ctx.log" >"$tmp/found"; then
		fail "kernel-dir: zero findings in 7.3's context analysis objects ($(wc -l <"$tmp/found") found)"
		diag "$tmp/found"
	else
		pass "kernel-dir: zero findings in 7.3's context analysis objects"
	fi
	rm -f "$work/kernel/locking/mutex.o" "$work/lib/stackdepot.o"
	UECHECK_DEBUG=1 kmake "$work" "$tmp/ctx-debug.log" KCFLAGS="-fplugin=$plugin" \
		kernel/locking/mutex.o lib/stackdepot.o
	if grep -q "a pass for lock 'mutex->wait_lock'" "$tmp/ctx-debug.log" &&
	   grep -q "a pass for lock 'pool_lock'" "$tmp/ctx-debug.log"; then
		pass "kernel-dir: 7.3 mutex.o and stackdepot.o: their annotated locks were checked"
	else
		fail "kernel-dir: 7.3 mutex.o and stackdepot.o: their annotated locks were checked"
		grep 'a pass for' "$tmp/ctx-debug.log" | diag
	fi
	rm -rf "$work"
}

targets="kernel/trace/ kernel/fork.o kernel/exit.o"
# (Those its config builds: kcov.o, bluetooth, nvme, ufs, tomoyo, kfence
# and kcsan are not configured in x86_64 defconfig and do not compile.)
context_targets="kernel/locking/mutex.o kernel/locking/rtmutex_api.o kernel/locking/rwsem.o
	kernel/futex/ kernel/sched/core.o kernel/sched/fair.o
	lib/rhashtable.o lib/stackdepot.o lib/test_context-analysis.o
	block/ crypto/ drivers/ata/ drivers/scsi/scsi.o drivers/scsi/hosts.o
	drivers/scsi/scsi_lib.o drivers/scsi/scsi_error.o drivers/scsi/sd.o
	drivers/scsi/scsi_scan.o drivers/scsi/scsi_sysfs.o drivers/scsi/sr.o"
check_engines=${UECHECK_CHECK_ENGINES:-gcc,cocci}
for v in ${UECHECK_KERNEL_VERSIONS:-6.12 7.3}; do
	whole_dir "$v"
done

case " ${UECHECK_KERNEL_VERSIONS:-6.12 7.3} " in
*" 7.3 "*) context_objects ;;
*) skip "kernel-dir: 7.3 context analysis objects" "7.3 not in UECHECK_KERNEL_VERSIONS" ;;
esac

# 6.1 has no struct user_event_mm: the plugin must stay silent there.
if [ "${UECHECK_KERNEL_61:-1}" = 0 ]; then
	skip "kernel-dir: 6.1 trace_events_user.o" "UECHECK_KERNEL_61=0"
elif tree 6.1; then
	work=$tmp/obj-6.1
	cp -a "$obj" "$work"
	rm -f "$work/kernel/trace/trace_events_user.o"
	kmake "$work" "$tmp/61.log" KCFLAGS="-fplugin=$plugin" kernel/trace/trace_events_user.o
	rc=$?
	if [ "$rc" -eq 0 ] && [ -f "$work/kernel/trace/trace_events_user.o" ] &&
	   ! findings "$tmp/61.log" >/dev/null; then
		pass "kernel-dir: 6.1 trace_events_user.o builds with the plugin, zero findings"
	else
		fail "kernel-dir: 6.1 trace_events_user.o builds with the plugin, zero findings"
		diag "$tmp/61.log"
	fi
	rm -rf "$work"
else
	fail "kernel-dir: prepared 6.1 tree from scripts/kernel-tree.sh"
fi

exit "$failed"
