# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): the isomorphisms cocci/run.sh
# disables (cocci/isos-unused) change no rule of any script.  spatch
# --parse-cocci prints a script's rules as it compiles them, isomorphisms
# applied: for each script, with -D report (and -D strict where it has
# that virtual rule), that text must be the same with the listed
# isomorphisms disabled (spatch's notes on an isomorphism it tried and
# could not apply aside).  So that the comparison can fail, disabling
# 'paren', which the scripts use, must change some script's rules.  Then
# run.sh, run with a spatch whose iso file lies beside it, must pass
# every listed name to every script, and find on seeded.c what it finds
# when spatch has every isomorphism.

iso_spatch=${SPATCH:-spatch}
if ! command -v "$iso_spatch" >/dev/null 2>&1; then
	skip "isos: the isomorphisms run.sh disables change no rule" "spatch not installed"
else
	iso_names=$(sed -e '/^#/d' -e '/^[[:space:]]*$/d' "$top/cocci/isos-unused")
	iso_off=
	for n in $iso_names; do
		iso_off="$iso_off --disable-iso $n"
	done
	# iso_rules SCRIPT OPTION...: the rules spatch compiles from SCRIPT.
	iso_rules() {
		ir_sp=$1
		shift
		"$iso_spatch" --parse-cocci "$ir_sp" -D report "$@" 2>&1 |
			grep -v -e '^warning: iso ' -e '^Warning: ' -e '^init_defs'
	}
	iso_changed=
	iso_paren=
	for sp in "$top"/cocci/*.cocci; do
		# -D strict where run.sh gives it: to a script that has it.
		iso_modes=report
		grep -q '^virtual strict' "$sp" && iso_modes="report strict"
		for mode in $iso_modes; do
			iso_rules "$sp" -D "$mode" >"$tmp/iso.std"
			# shellcheck disable=SC2086 # option words
			iso_rules "$sp" -D "$mode" $iso_off >"$tmp/iso.off"
			iso_rules "$sp" -D "$mode" --disable-iso paren >"$tmp/iso.paren"
			grep -q '^@' "$tmp/iso.std" || iso_changed="$iso_changed ${sp##*/}($mode: no rules printed)"
			cmp -s "$tmp/iso.std" "$tmp/iso.off" || iso_changed="$iso_changed ${sp##*/}($mode)"
			cmp -s "$tmp/iso.std" "$tmp/iso.paren" || iso_paren=1
		done
	done
	if [ -z "$iso_changed" ]; then
		pass "isos: the $(echo "$iso_names" | wc -l) isomorphisms of cocci/isos-unused change no script's rules"
	else
		fail "isos: the isomorphisms of cocci/isos-unused change no script's rules (changed:$iso_changed)"
	fi
	[ -n "$iso_paren" ]
	verdict "$?" "isos: the comparison sees an isomorphism the scripts use (paren)"

	# A spatch in BIN/ with its iso file in lib/coccinelle/, as installed.
	iso_real=$(command -v "$iso_spatch")
	iso_file=${COCCINELLE_HOME:+$COCCINELLE_HOME/standard.iso}
	[ -n "$iso_file" ] || iso_file=${iso_real%/*}/../lib/coccinelle/standard.iso
	if [ ! -f "$iso_file" ]; then
		skip "isos: run.sh passes every unused isomorphism to spatch" "no $iso_file"
	else
		# Two stand-ins for spatch that log their arguments: one with
		# the iso file beside it, one without (run.sh then disables
		# nothing: spatch as it is).
		for d in iso iso-plain; do
			mkdir -p "$tmp/$d/bin"
			cat >"$tmp/$d/bin/spatch" <<EOF
#!/bin/sh
printf '%s\n' "\$*" >>"$tmp/$d/calls"
exec "$iso_real" "\$@"
EOF
			chmod +x "$tmp/$d/bin/spatch"
			: >"$tmp/$d/calls"
		done
		mkdir -p "$tmp/iso/lib/coccinelle"
		ln -s "$iso_file" "$tmp/iso/lib/coccinelle/standard.iso"
		SPATCH=$tmp/iso/bin/spatch sh "$top/cocci/run.sh" "$fix/seeded.c" \
			>"$tmp/iso.off.out" 2>&1
		iso_rc=$?
		SPATCH=$tmp/iso-plain/bin/spatch sh "$top/cocci/run.sh" "$fix/seeded.c" \
			>"$tmp/iso.std.out" 2>&1
		# What the iso file defines, of the list: what run.sh must pass.
		# shellcheck disable=SC2086 # one name a word
		iso_want=$(grep -o '^@ *[A-Za-z_0-9]* *@' "$iso_file" | tr -d '@ ' |
			grep -x -F -e "$(printf '%s\n' $iso_names)")
		iso_missing=
		iso_runs=0
		while IFS= read -r call; do
			case " $call " in
			*" --sp-file "*) ;;
			*) continue ;;
			esac
			iso_runs=$((iso_runs + 1))
			for n in $iso_want; do
				case " $call " in
				*" --disable-iso $n "*) ;;
				*) iso_missing="$iso_missing $n" ;;
				esac
			done
		done <"$tmp/iso/calls"
		[ "$iso_runs" -gt 0 ] && [ -n "$iso_want" ] && [ -z "$iso_missing" ]
		verdict "$?" "isos: run.sh passes every unused isomorphism to spatch ($iso_runs script runs)"
		[ -n "$iso_missing" ] && echo "# not passed:$iso_missing" | cut -c1-300
		[ "$iso_rc" -eq 0 ] && grep -q 'uecheck:' "$tmp/iso.off.out" &&
			cmp -s "$tmp/iso.off.out" "$tmp/iso.std.out" &&
			! grep -q -e '--disable-iso' "$tmp/iso-plain/calls"
		verdict "$?" "isos: run.sh finds on seeded.c with them disabled what spatch finds with every isomorphism"
	fi
fi
