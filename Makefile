# ganbook: a terminal notebook for the theory of GANs.
#
#   make run    install what is missing, build, open the notebook
#   make test   install what is missing, run the tests
#   make bench  compare ganbook's speed with its peers (see bench/run.py)
#   make startup-order  rewrite the release link's function order (bench/startup_order.py)

SWIFT ?= swift
# Debian packages the build needs; later features add theirs here.
APT_PACKAGES := libcmark-dev libsqlite3-dev tmux less
# Extra packages only the benchmarks need (the peers and the timer).
BENCH_PACKAGES := cmark hyperfine
# Release builds link with lld, each function in its own section, in the order
# of bench/startup-order.txt: the code `read` and `list` run sits together, so
# that starting touches fewer pages of the binary (see bench/startup_order.py).
STARTUP_ORDER := -Xswiftc -use-ld=lld -Xswiftc -Xfrontend -Xswiftc -function-sections \
  -Xlinker --symbol-ordering-file=$(CURDIR)/bench/startup-order.txt -Xlinker --no-warn-symbol-ordering
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -static-executable $(STARTUP_ORDER)
BIN = $(shell $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/ganbook

.PHONY: run test bench deps release golden clean format startup-order

deps:
	@scripts/install-deps $(APT_PACKAGES)

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product ganbook

run: release
	@$(BIN) list
	@echo
	@$(BIN) read 1

test: deps
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	$(SWIFT) test
	$(SWIFT) run ganbook check

# Lay out the code as .swift-format says (make test fails on any difference).
format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

bench: release
	@scripts/install-deps $(BENCH_PACKAGES)
	@python3 -c "import sklearn, numpy" 2>/dev/null || python3 -m pip install -q "scikit-learn==1.9.1"
	@python3 -c "import torch" 2>/dev/null || { w=$$(ls /opt/wheels/torch-*+cpu-*.whl 2>/dev/null | head -n 1); \
	  if [ -n "$$w" ]; then python3 -m pip install -q "$$w"; else echo "torch missing: the GAN-step rows are skipped"; fi; }
	$(SWIFT) build $(RELEASE_FLAGS) --product ganbook-bench
	python3 bench/run.py --bin $(BIN)

# Rewrite bench/startup-order.txt from what the release binary runs (valgrind).
# SwiftPM does not track the order file, so the binary is removed to relink it.
startup-order: release
	@scripts/install-deps valgrind
	python3 bench/startup_order.py --bin $(BIN)
	rm -f $(BIN)
	$(SWIFT) build $(RELEASE_FLAGS) --product ganbook

# Rewrite the golden files after an intended rendering change; read the diff.
golden: deps
	GANBOOK_UPDATE_GOLDEN=1 $(SWIFT) test --filter "GoldenTests|SpecRenderingTests|LabTests.FrameTests"
	git diff --stat Tests/GanbookTests/Golden Tests/TerminalTests/Golden Tests/LabTests/Golden

clean:
	rm -rf .build
