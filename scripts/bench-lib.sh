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
