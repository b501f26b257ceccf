# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2034 # sets variables for the script that sources it
#
# uecheck: sort a CHECK argument list into what GCC needs.
#
# kbuild runs `$(CHECK) $(CHECKFLAGS) $(c_flags) file.c`: sparse's own flags
# and the compiler's flags arrive in one list.  The gcc engine needs the
# compiler's flags only, minus anything that would make it write files or
# stop before the middle end.  Each rule below was checked against gcc 12:
#
#   dropped            why
#   -W* (not -Wp,*,    only tune GCC's own diagnostics, which the gcc engine
#   not -Wno-*)        discards; sparse-only ones (-Wbitwise, -Wsparse-all,
#                      ...) are errors for gcc; -Werror must not turn a
#                      finding into a tool failure.  -Wno-* is kept: it
#                      only silences (GCC ignores one it does not know),
#                      and the kernel's (-Wno-address-of-packed-member
#                      ...) keep the compiler's output empty, as in the
#                      build, so that no process has to read it
#   -w                 would silence the plugin's warnings too
#   --arch=* --os=*    sparse only: "unrecognized command-line option"
#   -multiarch-dir D   sparse only (takes an argument)
#   -msize-long, -msize-llp64, -fmax-warnings=*, -fdiagnostic-prefix*,
#   -fmemcpy-max-count=*, -fdump-ir*, -fdump-linearize*
#                      sparse only: "unrecognized command-line option"
#   -fmem-report       sparse's meaning; gcc would print a memory report
#   -D__CHECKER__      makes the kernel headers expand sparse annotations
#   -D__STDC__         gcc: '"__STDC__" redefined'
#   -mbig-endian, -mlittle-endian
#                      kept only if this gcc accepts them (arm, ppc do;
#                      x86 does not): probed once, see ue_gcc_accepts;
#                      not probed when sparse's --arch says x86, whose
#                      GCC has neither option (the probe, a compiler
#                      start, was a fifth of CHECK's cost per file)
#   -c -S -E -M -MM -fsyntax-only -o F
#                      the engine picks its own stop point and output
#   -MD -MMD -MF F -MT T -MQ T -MP, -Wp,-MD,F -Wp,-MMD,F
#                      the build already wrote its dependency file
#
# Everything else (-m64, -D, -I, -include, -f...) goes to gcc unchanged.
#
# Interface (sourced; POSIX sh):
#   ue_sort_args ARG...   sets UE_GCC_ARGS (a quoted list for eval) and
#                         UE_FILES (quoted list of the source operands);
#                         returns 2 with UE_ERR set on a malformed list
#   ue_quote STRING       prints STRING single-quoted for eval
#   ue_push NAME STRING   appends it, quoted, to the variable NAME

ue_quote() {
	case $1 in
	*\'*)	printf "'%s' " "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")" ;;
	*)	printf "'%s' " "$1" ;;
	esac
}

# ue_push NAME STRING: append STRING, single-quoted, to variable NAME,
# without a subshell (kbuild passes some 150 arguments per file).
ue_push() {
	case $2 in
	*\'*) set -- "$1" "$(printf '%s' "$2" | sed "s/'/'\\\\''/g")" ;;
	esac
	eval "$1=\"\${$1}'\$2' \""
}

# ue_gcc_accepts FLAG: does ${UECHECK_CC:-gcc} take FLAG? (memoised)
ue_gcc_accepts() {
	case " ${UE_ACCEPTED-} " in *" $1 "*) return 0 ;; esac
	case " ${UE_REJECTED-} " in *" $1 "*) return 1 ;; esac
	if "${UECHECK_CC:-gcc}" "$1" -E -x c -o /dev/null /dev/null 2>/dev/null; then
		UE_ACCEPTED="${UE_ACCEPTED-} $1"
		return 0
	fi
	UE_REJECTED="${UE_REJECTED-} $1"
	return 1
}

# Options whose argument is the next word: never mistake it for a file.
ue_takes_arg() {
	case $1 in
	-I|-D|-U|-o|-x|-include|-imacros|-isystem|-iquote|-idirafter|-iprefix|\
	-iwithprefix|-iwithprefixbefore|-isysroot|-imultilib|-MF|-MT|-MQ|\
	-Xpreprocessor|-Xassembler|-Xlinker|-aux-info|--param|-multiarch-dir|\
	-L|-l|-T|-u|-z|-B)
		return 0 ;;
	esac
	return 1
}

ue_sort_args() {
	UE_GCC_ARGS=
	UE_FILES=
	UE_ERR=
	us_arch=
	us_endian=
	while [ "$#" -gt 0 ]; do
		a=$1
		shift
		if ue_takes_arg "$a"; then
			if [ "$#" -eq 0 ]; then
				UE_ERR="option '$a' needs an argument"
				return 2
			fi
			v=$1
			shift
			case $a in
			-o|-MF|-MT|-MQ|-multiarch-dir) ;;
			-D)	case $v in
				__CHECKER__|__CHECKER__=*|__STDC__|__STDC__=*) ;;
				*) ue_push UE_GCC_ARGS "$a"; ue_push UE_GCC_ARGS "$v" ;;
				esac ;;
			*)	ue_push UE_GCC_ARGS "$a"; ue_push UE_GCC_ARGS "$v" ;;
			esac
			continue
		fi
		case $a in
		-Wp,*)
			case $a in
			-Wp,-MD,*|-Wp,-MMD,*|-Wp,-MF,*|-Wp,-MD|-Wp,-MMD) ;;
			*) ue_push UE_GCC_ARGS "$a" ;;
			esac ;;
		-Wa,*|-Wl,*|-Wno-*)
			ue_push UE_GCC_ARGS "$a" ;;
		--arch=*)
			us_arch=${a#--arch=} ;;
		-W*|-w|--os=*|-msize-long|-msize-llp64|-fmax-warnings=*|\
		-fdiagnostic-prefix|-fdiagnostic-prefix=*|-fmemcpy-max-count=*|\
		-fdump-ir|-fdump-ir=*|-fdump-linearize|-fdump-linearize=*|\
		-fmem-report|-D__CHECKER__|-D__CHECKER__=*|-D__STDC__|-D__STDC__=*|\
		-c|-S|-E|-M|-MM|-MD|-MMD|-MP|-MF*|-MT*|-MQ*|-fsyntax-only|-o*)
			;;
		-mbig-endian|-mlittle-endian)
			us_endian="$us_endian $a" ;;
		-)
			UE_ERR="reading the source from stdin is not supported"
			return 2 ;;
		-*)
			ue_push UE_GCC_ARGS "$a" ;;
		*)
			ue_push UE_FILES "$a" ;;
		esac
	done
	# (Target flags: where they stand among the others does not matter.)
	case $us_arch in
	x86|x86_64|i386) ;;
	*)	for a in $us_endian; do
			if ue_gcc_accepts "$a"; then
				ue_push UE_GCC_ARGS "$a"
			fi
		done ;;
	esac
	return 0
}
