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
#     among them) that x86_64 can build, in kernel-tree.sh's context
#     flavor, with the plugin checking every
#     lock their __guarded_by() names: no crash, zero findings, and a pass
#     for such a lock really ran (UECHECK_DEBUG on four of them); then,
#     as annotated locks are checked wherever they are used, whole
#     directories of that tree (mm/, kernel/, lib/, fs/, ...): zero findings.
# Timings are printed as "#" lines.  Each build is bounded by
# UECHECK_KERNEL_TIMEOUT seconds (default 900).
#
# Environment: CC (default gcc), UECHECK_PLUGIN, UECHECK_KERNEL_TIMEOUT,
# UECHECK_KERNEL_TREE_SH (default scripts/kernel-tree.sh),
# UECHECK_KERNEL_61=0 to leave out the 6.1 check, UECHECK_KERNEL_VERSIONS
# (default "6.12 7.3"), UECHECK_CHECK_ENGINES (default gcc,cocci),
# UECHECK_CACHE (see scripts/kernel-tree.sh), UECHECK_FINDINGS_DIR (what
# each build printed is kept there, under kernel-dir/, its lines sorted as
# parallel builds interleave them: the compiler's diagnostics and the
# plugin's lines; the 7.3 opted-in objects and directories are built with
# UECHECK_DEBUG=1 then, so that every summary of every function analysed
# is compared too; testcases/lib/findings-log.sh).
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cc=${CC:-gcc}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
limit=${UECHECK_KERNEL_TIMEOUT:-900}
jobs=$(nproc 2>/dev/null || echo 2)
tree_sh=${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}
failed=0
# shellcheck source=testcases/lib/findings-log.sh
. "$top/testcases/lib/findings-log.sh"
# UECHECK_DEBUG=1 where the outputs are kept: the summaries compared too.
debug=${UECHECK_FINDINGS_DIR:+1}

pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failed=1; }
skip() { echo "ok - $1 # SKIP $2"; }
diag() { sed -e 's/^/# /' -e 20q "$@"; }
now() { date +%s; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-kdir.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

[ -f "$plugin" ] || { echo "not ok - kernel-dir: plugin $plugin exists (make plugin)"; exit 1; }

# tree VERSION [FLAVOR]: sets src and obj from scripts/kernel-tree.sh, or
# fails.
tree() {
	src='' obj=''
	if [ ! -f "$tree_sh" ]; then
		echo "# $tree_sh is missing"
		return 1
	fi
	sh "$tree_sh" "$@" >"$tmp/tree" 2>"$tmp/tree.err" || {
		diag "$tmp/tree.err"
		return 1
	}
	src=$(sed -n 's/^SRC=//p' "$tmp/tree")
	obj=$(sed -n 's/^OBJ=//p' "$tmp/tree")
	if [ ! -d "$src" ] || [ ! -d "$obj" ]; then
		echo "# kernel-tree.sh $* printed no usable SRC=/OBJ= lines"
		return 1
	fi
}

# kmake OBJDIR LOG ARGS...: make in the copy, bounded in time.
kmake() {
	kdir=$1 klog=$2
	shift 2
	timeout "$limit" make -s -C "$src" O="$kdir" CC="$cc" -j"$jobs" "$@" >"$klog" 2>&1
}

# kmake, with UECHECK_DEBUG=1 where the outputs are kept.
kmake_kept() {
	if [ -n "$debug" ]; then
		UECHECK_DEBUG=1 kmake "$@"
	else
		kmake "$@"
	fi
}

findings() {
	grep -E '^[^:]+:[0-9]+:[0-9]+: (warning|error): .* \[uecheck:[a-z-]+\]$' "$@"
}

# keep CASE LOG: LOG's diagnostics and the plugin's lines (its debug
# lines too), sorted, kept as CASE (UECHECK_FINDINGS_DIR); not make's.
keep() {
	[ -n "${UECHECK_FINDINGS_DIR:-}" ] || return 0
	grep -a -E ': (warning|error|note|fatal error): |^uecheck|In function' "$2" |
		LC_ALL=C sort >"$tmp/kept"
	ue_findings_log "kernel-dir/$1" "$tmp/kept"
}

# Failure output without the debug lines of a kept run.
undebug() { grep -v '^uecheck-debug: ' "$@"; }

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
	keep "$v/plugin" "$tmp/plugin.log"
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
	keep "$v/check" "$tmp/check.log"
	if findings "$tmp/check.log" >"$tmp/found"; then
		fail "kernel-dir: $v zero findings from scripts/uecheck --engines=$check_engines ($(wc -l <"$tmp/found") found)"
		diag "$tmp/found"
	else
		pass "kernel-dir: $v zero findings from scripts/uecheck --engines=$check_engines"
	fi
	rm -rf "$work" "$tmp/plain"
}

# context_objects: 7.3's opted-in objects, in the tree of the context
# flavor (its config builds them), with locks=kbuild, as a user checks
# opted-in code: the same locks as the default locks=annotated there, and
# Clang's contract (a function callable from outside owes each lock it
# needs); silence means something only if annotated locks were checked,
# so two objects are built again with UECHECK_DEBUG=1, which names each
# lock a pass checks.
context_objects() {
	if ! tree 7.3 context; then
		fail "kernel-dir: prepared 7.3 context tree from scripts/kernel-tree.sh"
		return
	fi
	work=$tmp/obj-ctx
	rm -rf "$work"
	cp -a "$obj" "$work"
	t0=$(now)
	: >"$tmp/ctx.stamp"
	kmake_kept "$work" "$tmp/ctx.log" -k \
		KCFLAGS="-fplugin=$plugin -fplugin-arg-uecheck-locks=kbuild" $context_targets
	rc=$?
	keep 7.3/context "$tmp/ctx.log"
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
		undebug "$tmp/ctx.log" | diag
	fi
	if findings "$tmp/ctx.log" >"$tmp/found"; then
		fail "kernel-dir: zero findings in 7.3's context analysis objects ($(wc -l <"$tmp/found") found)"
		diag "$tmp/found"
	else
		pass "kernel-dir: zero findings in 7.3's context analysis objects"
	fi
	# mutex.o: a struct's lock; stackdepot.o: a global; fabrics.o: lists
	# of LIST_HEAD_GUARDED(); test_context-analysis.o: structs a macro
	# builds (TEST_SPINLOCK_COMMON()).
	rm -f "$work/kernel/locking/mutex.o" "$work/lib/stackdepot.o" \
		"$work/drivers/nvme/host/fabrics.o" "$work/lib/test_context-analysis.o"
	UECHECK_DEBUG=1 kmake "$work" "$tmp/ctx-debug.log" \
		KCFLAGS="-fplugin=$plugin -fplugin-arg-uecheck-locks=kbuild" \
		kernel/locking/mutex.o lib/stackdepot.o drivers/nvme/host/fabrics.o \
		lib/test_context-analysis.o
	missing=
	for l in 'mutex->wait_lock' pool_lock nvmf_hosts_mutex nvmf_transports_rwsem \
		'test_raw_spinlock_data->lock' 'test_spinlock_data->lock' \
		'test_write_lock_data->lock' 'test_read_lock_data->lock'; do
		grep -q "the walk tracks lock '$l'" "$tmp/ctx-debug.log" || missing="$missing $l"
	done
	if [ -z "$missing" ]; then
		pass "kernel-dir: 7.3 mutex.o, stackdepot.o, fabrics.o, test_context-analysis.o: their annotated locks were checked"
	else
		fail "kernel-dir: 7.3 mutex.o, stackdepot.o, fabrics.o, test_context-analysis.o: their annotated locks were checked (not:$missing)"
		grep 'a pass for' "$tmp/ctx-debug.log" | diag
	fi
	# Beyond the opt-in: locks=annotated checks an annotated lock wherever
	# its data is used, so whole directories must be silent too.
	: >"$tmp/wide.stamp"
	t0=$(now)
	# One make a directory, each within the time limit: the whole list
	# takes about ten minutes alone, more beside other suites.
	rc=0
	: >"$tmp/wide.log"
	for t in $wide_targets; do
		kmake_kept "$work" "$tmp/wide.one" -k KCFLAGS="-fplugin=$plugin" "$t" || rc=$?
		cat "$tmp/wide.one" >>"$tmp/wide.log"
	done
	keep 7.3/wide "$tmp/wide.log"
	t1=$(now)
	n=$(find "$work" -name '*.o' -newer "$tmp/wide.stamp" ! -path '*/tools/*' | wc -l)
	echo "# 7.3 beyond the opt-in: $n more objects compiled with the plugin in $((t1 - t0)) s"
	# shellcheck disable=SC2086 # one line for the result's name
	dirs=$(echo $wide_targets)
	if [ "$rc" -ne 0 ] || grep -q 'internal compiler error' "$tmp/wide.log"; then
		fail "kernel-dir: 7.3 $dirs build with the plugin, no compiler crash"
		undebug "$tmp/wide.log" | diag
	elif findings "$tmp/wide.log" >"$tmp/found"; then
		fail "kernel-dir: zero findings in 7.3's $dirs ($(wc -l <"$tmp/found") found)"
		diag "$tmp/found"
	else
		pass "kernel-dir: zero findings in 7.3's $dirs"
	fi
	rm -rf "$work"
}

targets="kernel/trace/ kernel/fork.o kernel/exit.o"
# Every Makefile line CONTEXT_ANALYSIS of 7.3 that x86_64 can build (the
# context flavor configures them).  Not here: arch/s390 and drivers/s390
# (another architecture), kernel/locking/ww_rt_mutex.o (PREEMPT_RT only).
context_targets="kernel/locking/mutex.o kernel/locking/rtmutex_api.o kernel/locking/rwsem.o
	kernel/kcov.o kernel/kcsan/ kernel/futex/ kernel/sched/core.o kernel/sched/fair.o
	lib/rhashtable.o lib/stackdepot.o lib/test_context-analysis.o
	lib/raid/raid6/ lib/raid/xor/ mm/kfence/ block/ crypto/ security/tomoyo/
	net/bluetooth/ net/bluetooth/rfcomm/ net/bluetooth/bnep/ net/bluetooth/hidp/
	drivers/bluetooth/ drivers/nvme/host/ drivers/ufs/core/ drivers/ufs/host/
	drivers/ata/ drivers/scsi/device_handler/ drivers/soc/aspeed/aspeed-lpc-snoop.o
	drivers/scsi/constants.o drivers/scsi/hosts.o drivers/scsi/scsi.o
	drivers/scsi/scsi_common.o drivers/scsi/scsi_devinfo.o drivers/scsi/scsi_dh.o
	drivers/scsi/scsi_error.o drivers/scsi/scsi_ioctl.o drivers/scsi/scsi_lib.o
	drivers/scsi/scsi_lib_dma.o drivers/scsi/scsi_logging.o drivers/scsi/scsi_netlink.o
	drivers/scsi/scsi_pm.o drivers/scsi/scsi_proc.o drivers/scsi/scsi_scan.o
	drivers/scsi/scsi_sysfs.o drivers/scsi/scsi_trace.o drivers/scsi/scsicam.o
	drivers/scsi/sd.o drivers/scsi/sd_dif.o drivers/scsi/sd_zbc.o drivers/scsi/sr.o
	drivers/scsi/sr_ioctl.o"
# Whole directories of the same tree, in the default locks=annotated.
wide_targets="mm/ kernel/ lib/ fs/ net/core/ net/ipv4/ drivers/base/ drivers/tty/
	drivers/md/ security/"
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
	keep 6.1/plugin "$tmp/61.log"
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
