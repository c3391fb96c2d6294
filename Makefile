# The two commands of the README: `make up` serves, `make test` tests. Both install what
# is missing first, and neither rebuilds what is current.
BUILD      ?= build
TEST_BUILD ?= build-test
HOST       ?= 127.0.0.1
PORT       ?= 4566
JOBS       ?= $(shell nproc)

.PHONY: up build test deps bench clean

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja
	@cmake --build $(BUILD) --target understudy

up: build
	$(BUILD)/understudy serve --host $(HOST) --port $(PORT) --state-dir ./.understudy

# Every test, in one build under AddressSanitizer and UndefinedBehaviorSanitizer.
$(TEST_BUILD)/build.ninja:
	cmake -S . -B $(TEST_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DUNDERSTUDY_SANITIZE=ON

test: deps $(TEST_BUILD)/build.ninja
	@cmake --build $(TEST_BUILD)
	cd $(TEST_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	  ctest --output-on-failure --timeout 900 -j $(JOBS)

bench: build
	bench/run.sh $(BUILD)/understudy

clean:
	rm -rf $(BUILD) $(TEST_BUILD)
