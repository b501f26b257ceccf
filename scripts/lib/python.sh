# SPDX-License-Identifier: GPL-2.0
#
# uecheck: which Python runs, found once per check.
#
# `python3` in PATH is often not Python itself but a pyenv shim or a
# wrapper script, which costs 0.3 s of bash every time it starts; a check
# starts Python several times (the findings pipeline, and each spatch
# process looks its interpreter up again).  So the interpreter is asked
# once for its own path, and that is what every later process gets.
#
# Interface (sourced; POSIX sh):
#   ue_python_exe PYTHON   set UECHECK_PYTHON (exported) to the program
#                          PYTHON runs (sys.executable); UE_PYTHON_EXE_OF
#                          marks it as found, so that nested uecheck calls
#                          and cocci/run.sh do not ask again; 1 if PYTHON
#                          does not run

ue_python_exe() {
	if [ "${UE_PYTHON_EXE_OF:-}" != "$1" ] || [ -z "${UECHECK_PYTHON:-}" ]; then
		upy=$("$1" -c 'import sys; print(sys.executable)' 2>/dev/null) && [ -n "$upy" ] ||
			return 1
		UECHECK_PYTHON=$upy UE_PYTHON_EXE_OF=$upy
		export UECHECK_PYTHON UE_PYTHON_EXE_OF
	fi
	return 0
}
