# ganbook: a terminal notebook for the theory of GANs.
#
#   make run    install what is missing, build, open the notebook
#   make test   install what is missing, run the tests
#   make bench  compare ganbook's speed with its peers (see bench/run.py)
#   make install [PREFIX=/usr/local]   the binary, the notes and data, a man
#                page and shell completions; make uninstall removes them

SWIFT ?= swift
# Debian packages the build needs; later features add theirs here.
APT_PACKAGES := libcmark-dev libsqlite3-dev tmux less
# Extra packages only the benchmarks need (the peers and the timer).
BENCH_PACKAGES := cmark hyperfine
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -static-executable
BIN = $(shell $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/ganbook

.PHONY: run test bench deps release golden clean format install install-files uninstall uninstall-files check-install

PREFIX ?= /usr/local
SHARE = $(DESTDIR)$(PREFIX)/share

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

# Rewrite the golden files after an intended rendering change; read the diff.
golden: deps
	GANBOOK_UPDATE_GOLDEN=1 $(SWIFT) test --filter "Golden|SpecRenderingTests|ChineseWrappingTests|LabTests.FrameTests"
	git status --short Tests/*/Golden Tests/TerminalTests/ChineseWrapping
	git diff --stat Tests/*/Golden Tests/TerminalTests/ChineseWrapping

clean:
	rm -rf .build

# An installed ganbook finds its notes and data in PREFIX/share/ganbook (see
# Sources/Installation/BundledFolder.swift), so it keeps working when the
# source tree is moved or deleted. The man page comes from ArgumentParser's
# manual generator; the completions from the binary itself.
install: release install-files

# What `install` copies, from the binary $(BIN) (scripts/check-install passes
# the debug build).
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/ganbook $(SHARE)/man/man1 \
	  $(SHARE)/bash-completion/completions $(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/ganbook
	rm -rf $(SHARE)/ganbook/notes $(SHARE)/ganbook/data
	cp -R notes data $(SHARE)/ganbook/
	mkdir -p .build/man
	$(SWIFT) build --product generate-manual >/dev/null
	"$$($(SWIFT) build --show-bin-path)/generate-manual" $(BIN) --output-directory .build/man
	install -m 644 .build/man/ganbook.1 $(SHARE)/man/man1/ganbook.1
	$(BIN) --generate-completion-script bash > $(SHARE)/bash-completion/completions/ganbook
	$(BIN) --generate-completion-script zsh > $(SHARE)/zsh/site-functions/_ganbook
	$(BIN) --generate-completion-script fish > $(SHARE)/fish/vendor_completions.d/ganbook.fish

# Install into a temporary prefix, move the source tree aside, run the
# installed binary (CI does this on its fresh clone; see the script).
check-install:
	scripts/check-install

uninstall: uninstall-files

uninstall-files:
	rm -f $(DESTDIR)$(PREFIX)/bin/ganbook $(SHARE)/man/man1/ganbook.1 $(SHARE)/bash-completion/completions/ganbook \
	  $(SHARE)/zsh/site-functions/_ganbook $(SHARE)/fish/vendor_completions.d/ganbook.fish
	rm -rf $(SHARE)/ganbook
