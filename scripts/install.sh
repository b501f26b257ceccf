#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# install.sh - install or remove uecheck (called by make install/uninstall).
#
#   sh scripts/install.sh install|uninstall DESTDIR PREFIX
#
# Layout under DESTDIR/PREFIX, the one scripts/uecheck looks for when it
# does not sit in a source tree (no environment variables needed):
#   bin/uecheck, bin/uecheck-patch, bin/uecheck-install-hook
#   lib/uecheck/uecheck.so        the GCC plugin (the version check it loads)
#   lib/uecheck/uecheck-core.so   the plugin's analysis, loaded from beside it
#   lib/uecheck/lib/*.sh, *.py    the scripts' shared helpers
#   lib/uecheck/lib/rules.def     the rule table (plugin/rules.def)
#   share/uecheck/rulesets/       the built-in rule sets (rulesets/)
#   lib/uecheck/MANIFEST          every installed file, for uninstall
#   share/uecheck/cocci/          the Coccinelle scripts (cocci/run.sh ...)
#   share/uecheck/rules.md        the rules' descriptions (for SARIF logs)
#   share/man/man1/uecheck.1      the manual
# uninstall removes exactly the files MANIFEST lists, then its own
# directories (lib/uecheck, share/uecheck) once empty; other files stay.
#
# Exit status: 0 done; 2 bad usage; 3 a file to install is missing (run
# make first) or the destination cannot be written.

die() {
	echo "uecheck: install: $1" >&2
	exit "${2:-3}"
}

[ "$#" -eq 3 ] || die "usage: install.sh install|uninstall DESTDIR PREFIX" 2
action=$1 destdir=$2 prefix=$3
case $prefix in
/*) ;;
*) die "PREFIX must be an absolute path, not '$prefix'" 2 ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd) || die "cannot find the source tree"
root=$destdir$prefix
manifest=$root/lib/uecheck/MANIFEST

# put SRC DEST MODE: copy one file and record it (DEST relative to root).
put() {
	[ -f "$1" ] || die "$1 is missing (run make first)"
	mkdir -p "$root/$(dirname "$2")" || die "cannot create $root/$(dirname "$2")"
	{ cp "$1" "$root/$2.tmp" && chmod "$3" "$root/$2.tmp" &&
		mv "$root/$2.tmp" "$root/$2"; } || die "cannot write $root/$2"
	printf '%s\n' "$2" >>"$manifest.new"
}

case $action in
install)
	mkdir -p "$root/lib/uecheck" || die "cannot create $root/lib/uecheck"
	: >"$manifest.new" || die "cannot write $manifest"
	for s in uecheck uecheck-patch uecheck-install-hook; do
		put "$top/scripts/$s" "bin/$s" 755
	done
	put "$top/plugin/uecheck.so" lib/uecheck/uecheck.so 644
	put "$top/plugin/uecheck-core.so" lib/uecheck/uecheck-core.so 644
	for f in "$top"/scripts/lib/*.sh "$top"/scripts/lib/*.py; do
		put "$f" "lib/uecheck/lib/$(basename "$f")" 644
	done
	# The rule table, which the wrapper and the findings pipeline read.
	put "$top/plugin/rules.def" lib/uecheck/lib/rules.def 644
	if [ -d "$top/cocci" ]; then
		(cd "$top/cocci" && find . -type f ! -name '*.orig' ! -name '*~') |
		sed 's|^\./||' >"$root/lib/uecheck/cocci.list"
		while IFS= read -r f; do
			mode=644
			[ -x "$top/cocci/$f" ] && mode=755
			case $f in *.sh) mode=755 ;; esac
			put "$top/cocci/$f" "share/uecheck/cocci/$f" "$mode"
		done <"$root/lib/uecheck/cocci.list"
		rm -f "$root/lib/uecheck/cocci.list"
	fi
	put "$top/docs/uecheck.1" share/man/man1/uecheck.1 644
	# The built-in rule sets, to read and to include from one's own.
	for f in "$top"/rulesets/*.ruleset; do
		put "$f" "share/uecheck/rulesets/$(basename "$f")" 644
	done
	# The rules' descriptions, which SARIF logs carry (uecheck_findings.py).
	put "$top/docs/rules.md" share/uecheck/rules.md 644
	echo lib/uecheck/MANIFEST >>"$manifest.new"
	mv "$manifest.new" "$manifest" || die "cannot write $manifest"
	echo "uecheck: installed under $root"
	;;
uninstall)
	if [ ! -f "$manifest" ]; then
		echo "uecheck: nothing installed under $root"
		exit 0
	fi
	sort -r "$manifest" >"$manifest.rev" || die "cannot read $manifest"
	while IFS= read -r f; do
		[ -n "$f" ] || continue
		rm -f "$root/$f"
		d=$(dirname "$f")
		# Remove the directories of our own this leaves empty; shared
		# ones (bin, share/man/man1) stay even when empty.
		while case $d in lib/uecheck*|share/uecheck*) true ;; *) false ;; esac &&
		      rmdir "$root/$d" 2>/dev/null; do
			d=$(dirname "$d")
		done
	done <"$manifest.rev"
	rm -f "$manifest.rev"
	rmdir "$root/lib/uecheck" 2>/dev/null
	echo "uecheck: removed from $root"
	;;
*)
	die "unknown action '$action' (install or uninstall)" 2 ;;
esac
exit 0
