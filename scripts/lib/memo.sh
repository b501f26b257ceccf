# SPDX-License-Identifier: GPL-2.0
#
# uecheck: remember what an engine found in a file, so that the same
# check of the same content is not run twice (uecheck-patch and the hook
# check the HEAD version of a file whenever its staged version has
# findings, and the gcc engine's check of a staged version serves again
# when it becomes HEAD).  A cocci check with --changed-since reads copies
# made for one change and is not remembered.
#
# An entry is keyed by everything the engine's answer depends on:
#   - the file's content (not its name or time);
#   - the engine, uecheck's version, --strict, --rules and --ruleset
#     (the file and the rule sets beside it);
#   - the engine itself: for gcc the plugin's two files, the compiler's
#     version and target, the compiler flags and the working directory
#     (relative -I paths); for cocci the scripts, the macro file,
#     ruleset.awk, the isomorphisms run.sh disables, the built-in rule
#     sets and spatch's version; for both
#     lib/engines.sh, which runs them;
#   - for gcc also every header the compile read (GCC's -MD list): the
#     entry records their names and the hash of their contents, and a
#     lookup hashes them again, so an edited header is a miss.
# Anything else - a failed engine run, a file that cannot be hashed, a
# cache directory that cannot be written - is simply not cached: the
# cache can make a check faster, never change its answer.
#
# Interface (sourced by scripts/uecheck; needs UE_TMP, UE_VERSION,
# UE_STRICT, UE_RULES, UE_LOCKS, UE_CONTRACT, UE_COVERAGE, and UE_PLUGIN
# or UE_COCCI for the engine):
#   ue_memo_get ENGINE FILE [GCC-ARG...]  the cached output on stdout
#                                         (0), or 1 on a miss
#   ue_memo_put ENGINE FILE OUTPUT [DEPFILE]
#                                         store OUTPUT (engine output
#                                         for FILE, lib/engines.sh) under
#                                         the key of the last ue_memo_get;
#                                         DEPFILE is GCC's -MD output
# The cache lives in $UECHECK_CACHE_DIR (uecheck-patch sets it to
# GIT_DIR/uecheck-cache); when that is empty nothing is cached.  Entries
# unused for 30 days are removed.
#
# An entry is one file of tab-separated lines: "D PATH" for each header,
# "H HASH" for their contents, then the engine's output, a line each: "R 1
# REST" for a line that starts with the checked file's name (left out: the
# same content is checked under other names), "R 0 LINE" for the others.

ue_memo_hash() {
	sha256sum | sed 's/ .*//'
}

# ue_memo_tool ENGINE: what identifies the engine's program (cached per run).
ue_memo_tool() {
	case $1 in
	gcc)
		[ -n "${ue_memo_gcc_id:-}" ] && { echo "$ue_memo_gcc_id"; return 0; }
		ue_memo_gcc_id=$({
			cat "$UE_PLUGIN" "$(dirname "$UE_PLUGIN")/uecheck-core.so" 2>/dev/null
			cat "${lib:-}/engines.sh" 2>/dev/null	# how the output is made
			"${UECHECK_CC:-gcc}" -dumpfullversion -dumpmachine 2>&1
			command -v "${UECHECK_CC:-gcc}"
		} | ue_memo_hash)
		echo "$ue_memo_gcc_id" ;;
	cocci)
		[ -n "${ue_memo_cocci_id:-}" ] && { echo "$ue_memo_cocci_id"; return 0; }
		ue_memo_cocci_id=$({
			d=$(dirname "$UE_COCCI")
			# The scripts, and the built-in rule sets that name what
			# they look for (ruleset.awk reads them).
			cat "$UE_COCCI" "$d"/*.cocci "$d"/*.h "$d"/*.awk "$d"/isos-unused "$d"/../rulesets/*.ruleset \
				2>/dev/null
			cat "${lib:-}/engines.sh" 2>/dev/null
			"${SPATCH:-spatch}" --version 2>&1 | sed -n 1p
		} | ue_memo_hash)
		echo "$ue_memo_cocci_id" ;;
	esac
}

ue_memo_get() {
	ue_memo_key=
	[ -n "${UECHECK_CACHE_DIR:-}" ] || return 1
	command -v sha256sum >/dev/null 2>&1 || return 1
	um_engine=$1 um_file=$2
	shift 2
	um_content=$(ue_memo_hash <"$um_file") || return 1
	um_args=
	if [ "$um_engine" = gcc ]; then
		for um_a in "$@"; do
			um_args="$um_args$um_a
"
		done
		um_args="$um_args$(pwd)"
	fi
	# A rule set's answer depends on it and on what it may include (beside it).
	um_ruleset=
	[ -z "${UE_RULESET:-}" ] ||
		um_ruleset=$(cat "$UE_RULESET" "$(dirname "$UE_RULESET")"/*.ruleset 2>/dev/null |
			ue_memo_hash)
	# locks=kbuild: the answer depends on the Makefile beside the file too.
	um_locks=${UE_LOCKS:-}${UE_CONTRACT:+ contract=$UE_CONTRACT}
	[ "${UE_LOCKS:-}" = kbuild ] &&
		um_locks=$um_locks$(ue_memo_hash <"$(dirname "$um_file")/Makefile" 2>/dev/null)
	ue_memo_key=$(printf 'uecheck-memo 4\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n' \
		"$UE_VERSION" "$um_engine" "$(ue_memo_tool "$um_engine")" \
		"$UE_STRICT" "$UE_RULES" "${UE_RULESET:-}$um_ruleset${UE_COVERAGE:+ coverage}" "$um_locks" "$um_content" "$um_args" |
		ue_memo_hash)
	um_entry=$UECHECK_CACHE_DIR/$ue_memo_key
	[ -f "$um_entry" ] || return 1
	# The headers as they are now must be the headers as they were.
	um_want=$(awk -F '\t' '$1 == "H" { print $2 }' "$um_entry")
	[ -n "$um_want" ] || return 1
	um_have=$( { awk -F '\t' '$1 == "D" { print $2 }' "$um_entry" | tr '\n' '\0' |
		xargs -0 -r cat -- || echo "unreadable header"; } 2>/dev/null | ue_memo_hash)
	[ "$um_want" = "$um_have" ] || return 1
	touch "$um_entry" 2>/dev/null
	UE_MEMO_FILE=$um_file awk '/^R\t/ {
		rest = substr($0, 5)
		print (substr($0, 3, 1) == "1" ? ENVIRON["UE_MEMO_FILE"] : "") rest
	}' "$um_entry"
}

ue_memo_put() {
	[ -n "${ue_memo_key:-}" ] || return 0
	mkdir -p "$UECHECK_CACHE_DIR" 2>/dev/null || return 0
	um_new=$UECHECK_CACHE_DIR/.$ue_memo_key.$$
	{
		if [ -n "${4:-}" ]; then
			# GCC's make rule: "target: source header... \", spaces in
			# names escaped with a backslash, '$' doubled.
			awk -v f="$2" '{ sub(/\\$/, ""); s = s " " $0 }
			END {
				sub(/^[^:]*: */, "", s)
				gsub(/\\ /, "\001", s)
				n = split(s, p, " ")
				for (i = 1; i <= n; i++) {
					gsub("\001", " ", p[i]); gsub(/\$\$/, "$", p[i])
					if (p[i] != f && !seen[p[i]]++)
						print p[i]
				}
			}' "$4" >"$UE_TMP/memo.$1.deps" || return 0
		else
			: >"$UE_TMP/memo.$1.deps"
		fi
		awk '{ print "D\t" $0 }' "$UE_TMP/memo.$1.deps"
		printf 'H\t%s\n' "$( { tr '\n' '\0' <"$UE_TMP/memo.$1.deps" |
			xargs -0 -r cat -- || echo "unreadable header"; } 2>/dev/null | ue_memo_hash)"
		# The engine's output as printed, the checked file's name at the
		# start of a line left out ("R 1 REST"), other lines as they are.
		UE_MEMO_FILE=$2 awk '{
			f = ENVIRON["UE_MEMO_FILE"] ":"
			if (index($0, f) == 1)
				print "R\t1\t" substr($0, length(f))
			else
				print "R\t0\t" $0
		}' "$3"
	} >"$um_new" 2>/dev/null && mv -f "$um_new" "$UECHECK_CACHE_DIR/$ue_memo_key" 2>/dev/null
	rm -f "$um_new" 2>/dev/null
	# Now and then, forget entries nobody used for a month.
	um_stamp=$UECHECK_CACHE_DIR/.pruned
	if [ ! -f "$um_stamp" ] || [ -n "$(find "$um_stamp" -mtime +1 2>/dev/null)" ]; then
		touch "$um_stamp" 2>/dev/null
		find "$UECHECK_CACHE_DIR" -type f ! -name .pruned -mtime +30 -exec rm -f {} + 2>/dev/null
	fi
	return 0
}
