#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench-synthetic.sh: cost of the analysis on one synthetic function of
# growing size (make bench, part 4).
#
# The function comes from scripts/gen-uemm.c (-m clean -f 1 -n N): nested
# branches, loops, switches, lock regions of five kinds, list walks, gets
# and puts, calls to lock-asserting helpers; so every statement feeds the
# lock and the reference analyses.  For each size it compiles the file at
# -O0 with and without the plugin (hyperfine, median of BENCH_RUNS_SYNTH
# runs, side by side) and measures the peak resident set of each (GNU
# time).  The analysis' cost is the difference.  Verdict: a least-squares
# log-log slope of that cost over the sizes where it is measurable
# (>= 20 ms) and the growth of its cost per statement; a slope of about 1
# means linear.  The program is correct by construction: the "findings"
# column counts false positives (printed without caret lines, see below).
#
# Environment: CC, UECHECK_PLUGIN, BENCH_SIZES (default
# "100 500 1000 2000 5000 10000 20000"), BENCH_RUNS_SYNTH (default 5),
# BENCH_RESULTS (see bench-lib.sh).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/bench-lib.sh"
cc=${CC:-gcc}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
sizes=${BENCH_SIZES:-100 500 1000 2000 5000 10000 20000}
runs=${BENCH_RUNS_SYNTH:-5}

[ -f "$plugin" ] || { echo "bench-synthetic: no plugin at $plugin (make plugin)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-synth.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

"$cc" -O2 -o "$tmp/gen-uemm" "$top/scripts/gen-uemm.c"

echo "== 4. analysis on a synthetic function of growing size (gen-uemm -m clean -f 1 -n N, $cc -O0 -S)"
printf '%8s %7s %9s %9s %9s %10s %9s %9s %9s %8s\n' statements lines plain_s plugin_s \
	analysis_s us/stmt plain_MiB plugin_MiB delta_MiB findings | tee "$tmp/table"
: >"$tmp/series"
for n in $sizes; do
	src=$tmp/synth-$n.c
	"$tmp/gen-uemm" -m clean -f 1 -s 1 -n "$n" >"$src"
	# No caret lines: GCC re-reads the source for each one, which makes
	# printing N findings cost O(N * file size), not the analysis.
	base="$cc -O0 -S -o /dev/null -fno-diagnostics-show-caret"
	hf "$tmp/h.csv" "$runs" -n plain "$base $src" \
		-n plugin "$base -fplugin=$plugin $src"
	tp=$(median "$tmp/h.csv" plain)
	tu=$(median "$tmp/h.csv" plugin)
	mp=$(peak_kb $base "$src")
	mu=$(peak_kb $base -fplugin="$plugin" "$src")
	lines=$(wc -l <"$src")
	found=$($base -fplugin="$plugin" "$src" 2>&1 | grep -c "\[uecheck:" || true)
	awk -v n="$n" -v l="$lines" -v tp="$tp" -v tu="$tu" -v mp="$mp" -v mu="$mu" -v f="$found" 'BEGIN {
		d = tu - tp; if (d < 0) d = 0
		printf "%8d %7d %9.3f %9.3f %9.3f %10.1f %9.1f %9.1f %9.1f %8d\n", n, l, tp, tu, d,
			d * 1e6 / n, mp / 1024, mu / 1024, (mu - mp) / 1024, f
	}' | tee -a "$tmp/table"
	echo "$n $tp $tu $mp $mu" >>"$tmp/series"
done

# Linearity: log-log fit of the analysis time, growth of its cost per
# statement (largest size vs cheapest), log-log slope of the extra memory.
verdict=$(awk '
	{ n[NR] = $1; d[NR] = $3 - $2; x[NR] = $5 - $4; k = NR }
	END {
		# least-squares slope of log(cost) on log(size), measurable points
		for (i = 1; i <= k; i++) {
			if (d[i] < 0.020)
				continue
			c++; lx = log(n[i]); ly = log(d[i])
			sx += lx; sy += ly; sxx += lx * lx; sxy += lx * ly
			per[c] = d[i] / n[i]
			if (!f) f = i
		}
		if (c < 3) { print "time too small to judge"; exit }
		ts = (c * sxy - sx * sy) / (c * sxx - sx * sx)
		# cost per statement at the largest size vs the cheapest one
		lo = per[1]; for (i = 2; i <= c; i++) if (per[i] < lo) lo = per[i]
		grow = per[c] / lo
		ms = (x[f] > 0 && x[k] > 0) ? log(x[k] / x[f]) / log(n[k] / n[f]) : 0
		printf "time slope %.2f (fit, %d-%d statements), cost per statement x%.1f, extra-memory slope %.2f: %s\n",
			ts, n[f], n[k], grow, ms,
			(ts <= 1.25 && grow <= 2.5 && ms <= 1.25) ? "linear" : "SUPERLINEAR"
	}' "$tmp/series")
echo "linearity: $verdict"
if [ -n "${BENCH_RESULTS:-}" ]; then
	echo "linearity: $verdict" >>"$tmp/table"
	cp "$tmp/table" "$BENCH_RESULTS.series"
fi

last=$(tail -n 1 "$tmp/series")
set -- $last
record "synthetic function, $1 statements: plugin / plain time (-O0)" "$(ratio "$3" "$2")" "-" "-"
record "synthetic function, $1 statements: plugin / plain peak memory" "$(ratio "$5" "$4")" "-" "-"
case $verdict in
*SUPERLINEAR*) status=MISSED ;;
*linear*) status=met ;;
*) status=unknown ;;
esac
record "analysis growth, $(echo "$sizes" | awk '{ print $1 "-" $NF }') statements" \
	"$(echo "$verdict" | sed 's/:.*//')" "about linear" "$status"
