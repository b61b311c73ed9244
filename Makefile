# FlowViz: `make run` serves the API against a private PostgreSQL; `make test` runs every
# suite. Both install missing Debian packages first, then configure and build with CMake.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
# `make test` runs every suite once, in a tree built with AddressSanitizer and
# UndefinedBehaviorSanitizer (the "asan" preset's settings); the packages it checks are made
# from the release tree's flowviz-server and flowviz-console.
SANITIZE_BUILD_DIR ?= $(BUILD_DIR)-asan
CMAKE_FLAGS ?=
CTEST_FLAGS ?= --output-on-failure
# Seconds each libFuzzer target runs in `make test` (tests/fuzz/run.sh; docs/development.md).
FUZZ_SECONDS ?= 20

.PHONY: all deps configure build run test bench clean format

all: build

deps:
	@deploy/dev/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DFLOWVIZ_WERROR=ON $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR)

run: build
	@deploy/dev/run.sh $(BUILD_DIR)

# The release tree builds only what is packaged; the sanitizer tree builds everything and runs
# ctest. After the suites, the fuzz targets, built with clang 14 in their own tree; run.sh exits
# 77 when clang or its fuzzer runtime is missing, which skips them with its message.
test: configure
	@cmake --build $(BUILD_DIR) --target flowviz-server flowviz-console
	@cmake -S . -B $(SANITIZE_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFLOWVIZ_SANITIZE=ON \
		-DFLOWVIZ_WERROR=ON -DFLOWVIZ_PACKAGE_BUILD_DIR=$(abspath $(BUILD_DIR)) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(SANITIZE_BUILD_DIR)
	@cd $(SANITIZE_BUILD_DIR) && ctest $(CTEST_FLAGS)
	@rc=0; tests/fuzz/run.sh $(BUILD_DIR)-fuzz $(FUZZ_SECONDS) || rc=$$?; \
	if [ $$rc -eq 77 ]; then echo "fuzz: skipped, see the SKIPPED line above"; \
	elif [ $$rc -ne 0 ]; then exit $$rc; fi

# Benchmarks print figures and assert nothing; run them on purpose, on an idle machine.
bench: build
	@tests/bench/apibench.sh $(BUILD_DIR)

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR) $(SANITIZE_BUILD_DIR) $(BUILD_DIR)-fuzz
