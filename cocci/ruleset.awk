# SPDX-License-Identifier: GPL-2.0
#
# ruleset.awk - the names a rule set (docs/rulesets.md) gives the
# Coccinelle scripts, one KEY=VALUE line each, for cocci/run.sh to pass as
# spatch -D KEY=VALUE (lists are comma-separated, an absent name empty):
#
#   awk -v builtin=DIR -f cocci/ruleset.awk FILE
#
# An include names a file beside the including one, else one of DIR.
# The plugin's parser (plugin/ruleset.c) is the full check of a rule set;
# this one stops at what would make the scripts check something else than
# the file says, or nothing at all (no guard and no refs, a lock kind
# without an API).  Exit status: 0; 2 with one line "uecheck-cocci:
# FILE:LINE: ..." on a broken rule set; 4 with one line "...: not checked
# by the cocci engine: ..." when the rule set needs what the scripts do
# not implement (a per-object lock, a second guarded field, a lock
# argument other than 0 or 1).
# The scripts check that the lock is held, not in which mode: shared
# holds count as holds.

function fail(status, msg) {
	printf "uecheck-cocci: %s\n", msg > "/dev/stderr"
	failed = status
	exit status
}

function dir_of(path) {
	if (path !~ /\//)
		return "."
	sub(/\/[^\/]*$/, "", path)
	return path
}

function readable(path,   line) {
	if ((getline line < path) < 0)
		return 0
	close(path)
	return 1
}

# The plugin's reader (plugin/ruleset.c) refuses what this one does, with
# the same words: both engines accept and refuse the same rule sets.
function ident(s) {
	return s ~ /^[A-Za-z_][A-Za-z0-9_]*$/
}

function add(list, name) {
	return list == "" ? name : list "," name
}

function load(file, depth,   line, w, n, i, k, where, inc, kv, nr, op) {
	if (depth > 8)
		fail(2, file ": includes nested more than 8 deep")
	if (!readable(file))
		fail(2, file ": cannot read the rule set")
	nr = 0
	while ((getline line < file) > 0) {
		nr++
		where = file ":" nr
		sub(/#.*/, "", line)
		n = split(line, w, /[ \t\r]+/)
		if (n && w[1] == "") {
			for (i = 1; i < n; i++)
				w[i] = w[i + 1]
			n--
		}
		if (n && w[n] == "")
			n--
		if (!n)
			continue
		if (n > 64)
			fail(2, where ": more than 64 words on a line")
		if (w[1] == "include") {
			inc = dir_of(file) "/" w[2]
			if (!readable(inc))
				inc = builtin "/" w[2]
			if (n != 2 || !readable(inc))
				fail(2, where ": 'include " w[2] "': no such rule set")
			load(inc, depth + 1)
		} else if (w[1] == "lock-api") {
			if (n < 4 || !ident(w[2]))
				fail(2, where ": 'lock-api' needs KIND OP[@N] NAME...")
			op = w[3]
			sub(/@.*/, "", op)
			if (op !~ /^(acquire|acquire-shared|release|try|try-shared|try-zero|try-zero-shared|downgrade)$/)
				fail(2, where ": unknown lock operation '" op "' (acquire, acquire-shared, release, try, try-shared, try-zero, try-zero-shared, downgrade)")
			if (w[3] ~ /@/ && w[3] !~ /@[0-7]$/)
				fail(2, where ": '" w[3] "': the lock's argument is @0 to @7")
			for (i = 4; i <= n; i++)
				if (!ident(w[i]))
					fail(2, where ": '" w[i] "' is not a function name")
			k = w[2] SUBSEP w[3]
			for (i = 4; i <= n; i++)
				apis[k, ++api[k]] = w[i]	# joined once, at the end
		} else if (w[1] == "lock-guard") {
			if (n < 3)
				fail(2, where ": 'lock-guard' needs KIND NAME...")
			for (i = 2; i <= n; i++)
				if (!ident(w[i]))
					fail(2, where ": 'lock-guard': '" w[i] "' is not a C identifier")
			for (i = 3; i <= n; i++)
				guards[w[2]] = add(guards[w[2]], w[i])
		} else if (w[1] == "lock") {
			if (n != 3 || !ident(w[3]) || (!ident(w[2]) && w[2] !~ /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/))
				fail(2, where ": 'lock' needs NAME KIND (NAME a global, or STRUCT.FIELD)")
			if (lock_where != "")
				fail(2, where ": a second 'lock' line (one tracked lock per rule set)")
			if (w[2] ~ /\./)
				fail(4, file ": not checked by the cocci engine: the per-object lock '" w[2] \
				     "' (the Coccinelle scripts check a global lock)")
			v["lock"] = w[2]
			kind = w[3]
			lock_where = where
		} else if (w[1] == "guard") {
			if (n != 3 || w[2] !~ /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/)
				fail(2, where ": 'guard' needs STRUCT.FIELD LOCK")
			if (w[3] != v["lock"])
				fail(2, where ": 'guard': '" w[3] "' is not the rule set's lock")
			if (w[2] == v["guard_struct"] "." v["guard_field"])
				fail(2, where ": 'guard " w[2] "' a second time")
			if (v["guard_struct"] != "")
				fail(4, where ": not checked by the cocci engine: a second guarded field '" \
				     w[2] "' (the Coccinelle scripts check one)")
			v["guard_struct"] = w[2]
			sub(/\..*/, "", v["guard_struct"])
			v["guard_field"] = w[2]
			sub(/.*\./, "", v["guard_field"])
		} else if (w[1] == "refs") {
			if (v["ref_struct"] != "")
				fail(2, where ": a second 'refs' line (one reference API per rule set)")
			if (n < 2 || !ident(w[2]))
				fail(2, where ": 'refs' needs a struct name and KEY=NAME pairs")
			v["ref_struct"] = w[2]
			for (i = 3; i <= n; i++) {
				if (split(w[i], kv, "=") != 2 || !ident(kv[2]))
					fail(2, where ": '" w[i] "' is not KEY=NAME")
				if (kv[1] == "get-all")
					v["ref_get_all"] = kv[2]
				else if (kv[1] == "get" || kv[1] == "current" || kv[1] == "put" || kv[1] == "link")
					v["ref_" kv[1]] = kv[2]
				else
					fail(2, where ": unknown key '" kv[1] "' (get-all, get, current, put, link)")
			}
			if (v["ref_put"] == "")
				fail(2, where ": 'refs' needs put=NAME")
			if (v["ref_get_all"] != "" && v["ref_link"] == "")
				fail(2, where ": 'refs' with get-all= needs link=FIELD (the list's link)")
		} else {
			fail(2, where ": unknown keyword '" w[1] "'")
		}
	}
	close(file)
}

BEGIN {
	if (ARGC != 2)
		fail(2, "usage: awk -v builtin=DIR -f ruleset.awk FILE")
	nkeys = split("lock lock_guards lock_acquire lock_release lock_try lock_try_zero " \
		      "lock_try1 guard_struct guard_field ref_struct ref_get_all ref_get " \
		      "ref_current ref_put ref_link", keys, " ")
	load(ARGV[1], 0)
	# What the plugin refuses too: nothing to check, a lock without an API.
	if (v["guard_struct"] == "" && v["ref_struct"] == "")
		fail(2, ARGV[1] ": the rule set checks nothing: no 'guard' and no 'refs' line")
	if (kind != "") {
		for (k in api) {
			split(k, ko, SUBSEP)
			if (ko[1] == kind)
				known = 1
		}
		if (!known)
			fail(2, lock_where ": lock '" v["lock"] "': no 'lock-api " kind "' lines")
	}
	for (k in api) {
		split(k, ko, SUBSEP)
		if (ko[1] != kind)
			continue
		op = ko[2]
		if (op ~ /@0$/)
			sub(/@0$/, "", op)
		# The scripts do not tell holding for reading from holding
		# for writing: a shared acquire is an acquire, a downgrade
		# keeps the lock held.
		if (op == "downgrade")
			continue
		sub(/-shared/, "", op)
		if (op == "acquire" || op == "release" || op == "try")
			key = "lock_" op
		else if (op == "try-zero")
			key = "lock_try_zero"
		else if (op == "try@1")
			key = "lock_try1"
		else
			fail(4, ARGV[1] ": not checked by the cocci engine: 'lock-api " kind " " ko[2] \
			     "' (the Coccinelle scripts know the lock as argument 0, or 1 of a try)")
		src[key, ++nsrc[key]] = k
	}
	v["lock_guards"] = guards[kind]
	# The API lists are printed name by name: joined into one string
	# first, a rule set of 40,000 names took mawk half a minute.
	for (i = 1; i <= nkeys; i++) {
		key = keys[i]
		printf "%s=%s", key, v[key]
		sep = ""
		for (j = 1; j <= nsrc[key]; j++)
			for (m = 1; m <= api[src[key, j]]; m++) {
				printf "%s%s", sep, apis[src[key, j], m]
				sep = ","
			}
		printf "\n"
	}
	exit 0
}

END {
	if (failed)
		exit failed
}
