# SPDX-License-Identifier: GPL-2.0
#
# uecheck: which Python runs, found once per check.
#
# `python3` in PATH is often not Python itself but a pyenv shim or a
# wrapper script, which costs 0.3 s of bash every time it starts; a check
# starts Python several times (the findings pipeline, and each spatch
# process looks its interpreter up again).  So the interpreter is found
# once, and that is what every later process gets: UECHECK_PYTHON if set,
# else python3 from PATH; when that is a script (a shim, a wrapper) and
# the system has /usr/bin/python3 (what Debian's coccinelle package runs
# with), that one; else what the script runs, asked once (sys.executable).
# Our Python code needs the standard library only.
#
# Interface (sourced; POSIX sh):
#   ue_python_exe [PYTHON] set UECHECK_PYTHON (exported) to the program to
#                          run (PYTHON, default as above); UE_PYTHON_EXE_OF
#                          marks it as found, so that nested uecheck calls
#                          and cocci/run.sh do not look again; 1 if no
#                          Python runs

ue_python_exe() {
	[ -n "${UE_PYTHON_EXE_OF:-}" ] && [ "$UE_PYTHON_EXE_OF" = "${UECHECK_PYTHON:-}" ] &&
		{ [ -z "${1:-}" ] || [ "$1" = "$UECHECK_PYTHON" ]; } && return 0
	upy=${1:-python3}
	upath=$(command -v "$upy" 2>/dev/null) || return 1
	case $(head -c 2 "$upath" 2>/dev/null) in
	'#!')	if [ -z "${1:-}" ] && [ -x /usr/bin/python3 ]; then
			upath=/usr/bin/python3
		else
			upath=$("$upath" -c 'import sys; print(sys.executable)' 2>/dev/null) &&
				[ -n "$upath" ] || return 1
		fi ;;
	esac
	UECHECK_PYTHON=$upath UE_PYTHON_EXE_OF=$upath
	export UECHECK_PYTHON UE_PYTHON_EXE_OF
}
