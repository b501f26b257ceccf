# SPDX-License-Identifier: GPL-2.0
#
# uecheck — build, test, demo, benchmark and install.
#
#   make            build plugin/uecheck.so for $(CC) (default gcc)
#   make demo       run every engine on the bundled example
#   make test       run every test; ends with "N passed, N failed"
#   make bench      speed/memory figures, as ratios
#   make install    PREFIX=/usr/local DESTDIR= ; make uninstall
#
# Another compiler: make CC=gcc-14 OUT=build/gcc-14 (GCC 11 to 16; the
# plugin must be built with the GCC that builds your kernel).
# Missing Debian packages are installed by scripts/deps.sh (as root).

CC	?= gcc
ifeq ($(origin CC),default)
CC	:= gcc
endif
# The plugin must be built by the C++ compiler of the GCC that loads it.
HOSTCXX	?= $(subst gcc,g++,$(CC))
OUT	?= plugin
PREFIX	?= /usr/local
DESTDIR	?=

GCC_PLUGIN_DIR := $(shell $(CC) -print-file-name=plugin 2>/dev/null)

# uecheck.so is plugin/loader.c alone: the GCC version check, which loads
# the analysis, uecheck-core.so (every other file), from beside itself.
PLUGIN_SRCS := $(filter-out plugin/loader.c plugin/build-id.c,$(wildcard plugin/*.c))
PLUGIN_HDRS := $(wildcard plugin/*.h) $(wildcard plugin/*.def)
PLUGIN_OBJS := $(patsubst plugin/%.c,$(OUT)/%.o,$(PLUGIN_SRCS))
PLUGIN_CORE := $(OUT)/uecheck-core.so
PLUGIN_SO   := $(OUT)/uecheck.so

# The build's identity: the hash of the analysis' objects, linked into the
# core (plugin/build-id.c) and compiled into the loader, which refuses a
# core of another build.  The loader's bytes thus change with the analysis:
# ccache, which hashes the -fplugin= file, sees every change of it.
BUILD_ID_H  := $(OUT)/gen/build-id.h

# The rule sets of rulesets/ are built into the plugin (plugin/ruleset.c).
RULESETS    := $(wildcard rulesets/*.ruleset)
RULESETS_H  := $(OUT)/gen/rulesets.h

PLUGIN_CXXFLAGS := -I$(GCC_PLUGIN_DIR)/include -Iplugin -I$(OUT)/gen -fPIC \
	-fno-rtti -fno-exceptions -fasynchronous-unwind-tables -O2 -g \
	-Wall -Wno-narrowing -Wno-unused-parameter -Wno-format-diag \
	-Wno-missing-field-initializers

.PHONY: all plugin deps test demo bench context-table install uninstall clean check-plugin-headers

all: plugin

plugin: check-plugin-headers $(PLUGIN_SO) $(PLUGIN_CORE)

# One clear line instead of a cascade of missing-header errors.
check-plugin-headers:
	@test -f "$(GCC_PLUGIN_DIR)/include/gcc-plugin.h" || { \
	  echo "uecheck: no GCC plugin headers for $(CC) (install gcc-N-plugin-dev, or run 'make deps')" >&2; \
	  exit 1; }

$(OUT)/%.o: plugin/%.c $(PLUGIN_HDRS)
	@mkdir -p $(OUT)
	$(HOSTCXX) $(PLUGIN_CXXFLAGS) -x c++ -c -o $@ $<

$(RULESETS_H): $(RULESETS) scripts/embed-rulesets.sh
	@mkdir -p $(OUT)/gen
	sh scripts/embed-rulesets.sh $(RULESETS) >$@.tmp && mv $@.tmp $@

$(OUT)/ruleset.o: $(RULESETS_H)

$(BUILD_ID_H): $(PLUGIN_OBJS)
	@mkdir -p $(OUT)/gen
	printf '#define UECHECK_BUILD_ID "%s"\n' \
		"$$(cat $(PLUGIN_OBJS) | sha256sum | cut -d ' ' -f 1)" >$@.tmp && mv $@.tmp $@

$(OUT)/build-id.o $(OUT)/loader.o: $(BUILD_ID_H)

# cc1 has its own C++ runtime and no libstdc++.so: linked dynamically, the
# core made every compile load and relocate that library for the two
# operators it uses (0.1% of cc1's instructions, issue 25).
$(PLUGIN_CORE): $(PLUGIN_OBJS) $(OUT)/build-id.o
	$(HOSTCXX) -shared -static-libstdc++ -static-libgcc -o $@ $(PLUGIN_OBJS) $(OUT)/build-id.o

$(PLUGIN_SO): $(OUT)/loader.o
	$(HOSTCXX) -shared -o $@ $(OUT)/loader.o -ldl

# Each target installs only what it needs (scripts/deps.sh PROFILE).
deps:
	sh scripts/deps.sh test

test:
	sh scripts/deps.sh test
	$(MAKE) plugin
	sh testcases/run-all.sh

demo:
	sh scripts/deps.sh demo
	$(MAKE) plugin
	sh scripts/demo.sh

bench:
	sh scripts/deps.sh bench
	$(MAKE) plugin
	sh scripts/bench.sh

# docs/context-analysis.md: uecheck beside Clang 23 on Linux 7.3 (the
# sid chroot with clang-23, both 7.3 trees: scripts/context-compare.sh).
context-table:
	sh scripts/deps.sh test
	$(MAKE) plugin
	sh scripts/context-compare.sh >docs/context-analysis.md.new
	mv docs/context-analysis.md.new docs/context-analysis.md

install: plugin
	sh scripts/install.sh install "$(DESTDIR)" "$(PREFIX)"

uninstall:
	sh scripts/install.sh uninstall "$(DESTDIR)" "$(PREFIX)"

clean:
	rm -f plugin/*.o plugin/*.so
	rm -rf plugin/gen
	rm -rf build
