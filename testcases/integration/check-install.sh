# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154,SC1091 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): make install into a DESTDIR, the
# installed programs run from there with no environment variable pointing
# back at the source tree, then make uninstall leaves nothing of ours.

dest=$tmp/dest
prefix=/opt/ue
root=$dest$prefix
mkdir -p "$root/bin"
echo keep >"$root/bin/someone-else"
make -s -C "$top" install DESTDIR="$dest" PREFIX="$prefix" >"$tmp/i.out" 2>&1
rc=$?
check "install: make install DESTDIR=... PREFIX=... succeeds" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || diag "$tmp/i.out"
for f in bin/uecheck bin/uecheck-patch bin/uecheck-install-hook \
	lib/uecheck/uecheck.so lib/uecheck/uecheck-core.so lib/uecheck/lib/flags.sh share/man/man1/uecheck.1; do
	[ -f "$root/$f" ] || { echo "# missing $f"; false; } || break
done
verdict $? "install: programs, plugin, helpers and man page in place"
[ -x "$root/bin/uecheck" ] && [ -x "$root/bin/uecheck-patch" ]
verdict $? "install: the programs are executable"
if [ -d "$top/cocci" ] && [ -n "$(ls "$top/cocci")" ]; then
	n_src=$(cd "$top/cocci" && find . -type f | wc -l)
	n_dst=$(cd "$root/share/uecheck/cocci" 2>/dev/null && find . -type f | wc -l)
	check "install: every cocci/ file installed" [ "$n_src" = "$n_dst" ]
else
	skip "install: cocci/ files" "cocci/ is empty"
fi
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man --warnings -l "$root/share/man/man1/uecheck.1" >"$tmp/man.txt" 2>"$tmp/man.err"
	grep -q 'uecheck-install-hook' "$tmp/man.txt" && [ ! -s "$tmp/man.err" ]
	verdict $? "install: the man page renders without warnings"
else
	skip "install: the man page renders" "man (man-db) not installed"
fi

# Run from the installed copy, from elsewhere, with no UECHECK_* hints.
mkdir -p "$tmp/run"
cp "$fix/seeded.c" "$fix/ue.h" "$tmp/run/"
(cd "$tmp/run" && env -u UECHECK_PLUGIN PATH="$root/bin:$PATH" \
	uecheck --engines=gcc seeded.c) >"$tmp/i2.out" 2>&1
same_findings "install: installed uecheck finds its plugin by itself" "$tmp/i2.out" "$fix/seeded.expect"
(cd "$tmp/run" && env -u UECHECK_PLUGIN PATH="$root/bin:$PATH" \
	uecheck --version) >"$tmp/i3.out" 2>&1
check "install: installed uecheck --version" grep -q '^uecheck ' "$tmp/i3.out"
# A symlink to the installed program works too.
ln -s "$root/bin/uecheck" "$tmp/run/uc"
(cd "$tmp/run" && env -u UECHECK_PLUGIN ./uc --engines=gcc seeded.c) >"$tmp/i4.out" 2>&1
same_findings "install: a symlink to the installed uecheck works" "$tmp/i4.out" "$fix/seeded.expect"
cp "$tmp/run/seeded.c" "$tmp/run/old.c"
printf -- '--- a/old.c\n+++ b/old.c\n@@ -64,3 +64,2 @@\n \t\tuser_event_mm_put(mm);\n-\t\tuser_event_mm_put(mm);\n \t\tmm = next;\n' >"$tmp/run/fix.patch"
(cd "$tmp/run" && env -u UECHECK_PLUGIN PATH="$root/bin:$PATH" \
	uecheck-patch --engines=gcc --tree=. fix.patch) >"$tmp/i5.out" 2>&1
check "install: installed uecheck-patch runs" grep -q '^total: 0 errors' "$tmp/i5.out"

make -s -C "$top" uninstall DESTDIR="$dest" PREFIX="$prefix" >"$tmp/u.out" 2>&1
rc=$?
left=$(cd "$root" && find . -type f ! -path ./bin/someone-else | wc -l)
[ "$rc" -eq 0 ] && [ "$left" -eq 0 ] && [ -f "$root/bin/someone-else" ] &&
	[ ! -d "$root/lib/uecheck" ] && [ ! -d "$root/share/uecheck" ]
verdict $? "install: make uninstall removes exactly what was installed"
[ "$rc" -eq 0 ] || diag "$tmp/u.out"
sh "$top/scripts/install.sh" install "$dest" relative/prefix >/dev/null 2>"$tmp/u.err"
rc=$?
[ "$rc" -eq 2 ] && [ "$(grep -c . "$tmp/u.err")" -eq 1 ]
verdict $? "install: a relative PREFIX is refused with one line, exit 2"
