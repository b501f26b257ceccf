# SPDX-License-Identifier: GPL-2.0
#
# bench-lib.sh: measurement helpers shared by the scripts/bench-*.sh parts
# (sourced, not run).  Every figure is a median of repeated runs, measured
# with hyperfine, and every comparison is made side by side in one
# hyperfine invocation so that both sides see the same machine state.
#
#   hf CSV RUNS -n NAME CMD [-n NAME CMD]... [hyperfine options]
#                                        run hyperfine, keep its CSV
#                                        (HF_WARMUP warm-up runs, default 1)
#   median CSV NAME                      median wall time (s) of NAME
#   ratio A B                            A / B, 3 decimals
#   pct A B                              (A / B - 1) * 100, 1 decimal, signed
#   peak_kb CMD...                       peak resident set of CMD, KiB
#   record NAME VALUE TARGET STATUS      one row for docs/benchmarks.md
#   interleave CSV RUNS -n NAME CMD ...   like hf, commands taking turns
#   pair_ratio CSV A B                   median of per-round B / A
#   bench_tree PART VERSION              the prepared kernel tree: sets src
#                                        and obj, or exits with one line
#   cc1_instructions CMD                 instructions cc1 executes for CMD
#                                        (callgrind; needs tmp)
#   others_busy [SECONDS]                percent of the machine's processor
#                                        time used over SECONDS (default 2)
#                                        while bench itself waits: what
#                                        other processes take
#
# Needs: hyperfine, /usr/bin/time (GNU), awk.  BENCH_RESULTS names the file
# that record() appends to.

hf() {
	hf_csv=$1 hf_runs=$2
	shift 2
	hyperfine --style basic --warmup "${HF_WARMUP:-1}" --runs "$hf_runs" \
		--export-csv "$hf_csv" "$@" >"$hf_csv.log" 2>&1 || {
		echo "bench: hyperfine failed:" >&2
		sed -e "s/^/# /" -e 30q "$hf_csv.log" >&2
		return 1
	}
}

median() {
	awk -F, -v name="$2" 'NR > 1 && $1 == name { print $4; found = 1 }
		END { if (!found) print "nan" }' "$1"
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f\n", a / b; else print "nan" }'
}

pct() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%+.1f\n", (a / b - 1) * 100; else print "nan" }'
}

peak_kb() {
	/usr/bin/time -f '%M' -o "${TMPDIR:-/tmp}/uecheck-peak.$$" "$@" >/dev/null 2>&1
	tail -n 1 "${TMPDIR:-/tmp}/uecheck-peak.$$"
	rm -f "${TMPDIR:-/tmp}/uecheck-peak.$$"
}

record() {
	[ -n "${BENCH_RESULTS:-}" ] &&
		printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$BENCH_RESULTS"
	return 0
}

# interleave CSV RUNS -n NAME CMD [-n NAME CMD]...
# Like hf, but runs the commands in turn (A B, then B A, ...) after one
# warm-up round, so slow drifts of the machine hit every side alike.
# IL_PREPARE, if set, runs before each command, untimed.  Writes CSV with
# hyperfine's columns (only command, mean and median filled) and CSV.raw
# with one "RUN<TAB>NAME<TAB>NANOSECONDS" line per run.
interleave() {
	il_csv=$1 il_runs=$2
	shift 2
	il_k=0
	while [ "$#" -ge 3 ] && [ "$1" = -n ]; do
		il_k=$((il_k + 1))
		eval "il_n$il_k=\$2 il_c$il_k=\$3"
		shift 3
	done
	: >"$il_csv.raw"
	il_r=0
	while [ "$il_r" -le "$il_runs" ]; do
		il_i=1
		while [ "$il_i" -le "$il_k" ]; do
			# odd rounds forwards, even rounds backwards
			il_j=$il_i
			[ $((il_r % 2)) -eq 0 ] && il_j=$((il_k + 1 - il_i))
			eval "il_cmd=\$il_c$il_j il_name=\$il_n$il_j"
			[ -n "${IL_PREPARE:-}" ] && sh -c "$IL_PREPARE" >/dev/null 2>&1
			il_t0=$(date +%s%N)
			# (A command that fails is timed all the same: the
			# caller checks what it measures.)
			sh -c "$il_cmd" >/dev/null 2>&1 || :
			il_t1=$(date +%s%N)
			[ "$il_r" -gt 0 ] &&
				printf '%s\t%s\t%s\n' "$il_r" "$il_name" "$((il_t1 - il_t0))" >>"$il_csv.raw"
			il_i=$((il_i + 1))
		done
		il_r=$((il_r + 1))
	done
	awk -F '\t' '
		function median(name,    i, j, n, v, t) {
			n = cnt[name]
			for (i = 1; i <= n; i++) v[i] = t_[name, i]
			for (i = 2; i <= n; i++)
				for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
			return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
		}
		{ if (!($2 in cnt)) order[++k] = $2; cnt[$2]++; t_[$2, cnt[$2]] = $3 / 1e9; sum[$2] += $3 / 1e9 }
		END {
			print "command,mean,stddev,median,user,system,min,max"
			for (i = 1; i <= k; i++)
				printf "%s,%.6f,,%.6f,,,,\n", order[i], sum[order[i]] / cnt[order[i]], median(order[i])
		}' "$il_csv.raw" >"$il_csv"
}

# pair_ratio CSV A B: median over the rounds of interleave of B's time / A's.
pair_ratio() {
	awk -F '\t' -v a="$2" -v b="$3" '
		$2 == a { ta[$1] = $3 } $2 == b { tb[$1] = $3 }
		END {
			for (r in ta) if (r in tb && ta[r] > 0) v[++n] = tb[r] / ta[r]
			for (i = 2; i <= n; i++)
				for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
			if (!n) print "nan"
			else printf "%.3f\n", (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
		}' "$1.raw"
}

# bench_tree PART VERSION: the tree scripts/kernel-tree.sh (or
# UECHECK_KERNEL_TREE_SH) prepares for VERSION; sets src and obj.  PART
# names the caller in the error line.  Needs top.
bench_tree() {
	bt_sh=${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}
	[ -f "$bt_sh" ] || { echo "$1: $bt_sh is missing" >&2; exit 1; }
	bt_out=$(sh "$bt_sh" "$2") || { echo "$1: $bt_sh $2 failed" >&2; exit 1; }
	src=$(printf '%s\n' "$bt_out" | sed -n 's/^SRC=//p')
	obj=$(printf '%s\n' "$bt_out" | sed -n 's/^OBJ=//p')
	if [ ! -d "$src" ] || [ ! -d "$obj" ]; then
		echo "$1: $bt_sh $2 printed no usable SRC=/OBJ=" >&2
		exit 1
	fi
}

# cc1_instructions CMD: instructions cc1 executes for the compile CMD
# (callgrind; instruction counts do not move with the machine's load).
# Needs $tmp.  Status 1 when callgrind fails.
cc1_instructions() {
	rm -f "$tmp"/cg.*
	valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$tmp/cg.%p" \
		sh -c "$1" >/dev/null 2>&1 || return 1
	for f in "$tmp"/cg.*; do
		grep -q '^cmd: .*/cc1 ' "$f" && sed -n 's/^totals: //p' "$f"
	done | head -n 1
}

# others_busy [SECONDS]: the share of all processors' time (percent, no
# decimals) that was not idle over SECONDS, from /proc/stat, taken while
# this shell only sleeps: what the rest of the machine uses.  "?" where
# /proc/stat cannot be read.
others_busy() {
	ob_s=${1:-2}
	ob_a=$(sed -n 's/^cpu  *//p' /proc/stat 2>/dev/null)
	sleep "$ob_s"
	ob_b=$(sed -n 's/^cpu  *//p' /proc/stat 2>/dev/null)
	if [ -z "$ob_a" ] || [ -z "$ob_b" ]; then
		echo "?"
		return
	fi
	# user nice system idle iowait irq softirq steal ...: idle is 4 and 5.
	printf '%s\n%s\n' "$ob_a" "$ob_b" | awk '
		{ t = 0; for (i = 1; i <= 8 && i <= NF; i++) t += $i; tot[NR] = t; idle[NR] = $4 + $5 }
		END {
			dt = tot[2] - tot[1]
			printf "%.0f\n", (dt > 0 ? 100 * (dt - (idle[2] - idle[1])) / dt : 0)
		}'
}
