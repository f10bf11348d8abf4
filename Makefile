# Pandu's two contract commands (README):
#   make serve   install what is missing, serve the app on http://127.0.0.1:8080/
#   make test    install what is missing, run every test
# and helpers: make dist PUBLIC_URL=/sub/path/, make bench.
# Every install step checks first and is skipped when already done.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.22.1
# The CLI must equal the crate pinned in Cargo.toml, byte for byte.
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
WASM_SPLIT_VERSION := 0.2.4
NODE_BIN := $(CURDIR)/tests/node_modules/.bin
# .ci/bin first: its wasm-bindgen splits the village wasm before the real
# one runs (README, "Deferred pages"), leaving the deferred files here.
export PATH := $(CURDIR)/.ci/bin:$(NODE_BIN):$(HOME)/.cargo/bin:$(PATH)
export PANDU_SPLIT_DIR := $(CURDIR)/target/wasm-split
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

PUBLIC_URL ?= /
DIST ?= dist
E2E_DIST := target/e2e

.PHONY: help serve test dist bench tools test-tools rust-target trunk wasm-bindgen wasm-split node-deps chromium interop-tools \
        test-native test-schema test-browser test-e2e e2e-dist clean

help:
	@echo "make serve   set up and serve the app on http://127.0.0.1:8080/"
	@echo "make test    set up and run every test"
	@echo "make dist PUBLIC_URL=/some/path/   build the folder a regency uploads (DIST=$(DIST))"
	@echo "make bench   sizes and Lighthouse figures into docs/benchmark.md"

# ---- installs (each skipped when done) -------------------------------------

rust-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

trunk:
	@trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)" \
	  || { echo "installing trunk $(TRUNK_VERSION) (about 15 minutes on 2 cores)"; \
	       cargo install --locked trunk --version $(TRUNK_VERSION) --ignore-rust-version; }

wasm-bindgen:
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
	  || { echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	       cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); }

# Splits the deferred village pages off the main wasm (.ci/bin/wasm-bindgen).
wasm-split:
	@cargo install --list | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):" \
	  || { echo "installing wasm-split-cli $(WASM_SPLIT_VERSION)"; \
	       cargo install --locked wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary; }

# Node tools (wasm-opt from npm binaryen, playwright-core, axe, lighthouse)
# from the committed lockfile; reinstalled only when the lockfile changes.
node-deps: tests/node_modules/.installed
tests/node_modules/.installed: tests/package.json tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund
	touch $@

chromium:
	@{ command -v chromium && command -v chromedriver; } >/dev/null \
	  || { $(SUDO) apt-get update && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; }

# The bundle interop tests open test vectors with the standard `age` CLI
# and verify DSSE signatures with Python's `cryptography`.
interop-tools:
	@command -v age >/dev/null \
	  || { $(SUDO) apt-get update && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y age; }
	@python3 -c 'import cryptography' 2>/dev/null \
	  || python3 -m pip install --quiet --disable-pip-version-check cryptography

tools: rust-target trunk wasm-bindgen wasm-split node-deps
test-tools: tools chromium interop-tools

# ---- serve, build ----------------------------------------------------------

# Both wings, built as a regency would upload them, served at the root.
serve: tools
	$(MAKE) --no-print-directory dist PUBLIC_URL=/ DIST=dist
	node tests/e2e/server.mjs dist / 8080

# The folder a regency uploads: the village app (index.html) and the
# office workspace under kantor/ (public/kantor.html), release builds for
# PUBLIC_URL, the service worker stamped with both, and .br and .gz beside
# every file worth compressing.
dist: tools
	@command -v brotli >/dev/null \
	  || { $(SUDO) apt-get update && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y brotli; }
	trunk build --offline --release --public-url "$(PUBLIC_URL)" --dist "$(DIST)" index.html
	trunk build --offline --release --public-url "$(PUBLIC_URL)kantor/" --dist "$(DIST)/kantor" public/kantor.html
	rm -f "$(DIST)/.trunk-lock" "$(DIST)/kantor/.trunk-lock"
	node .ci/stamp-sw.mjs "$(DIST)"
	find "$(DIST)" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.html' -o -name '*.css' \
	     -o -name '*.json' -o -name '*.webmanifest' -o -name '*.svg' \) -size +1k -print0 \
	  | while IFS= read -r -d '' f; do gzip -9 -k -f -n "$$f"; brotli -q 11 -f "$$f"; done
	@echo "built $(DIST) for $(PUBLIC_URL)"

# ---- tests -----------------------------------------------------------------

test: test-tools
	$(MAKE) --no-print-directory test-native test-schema test-browser test-e2e

# The pure core, the bundle vectors and interop, the architecture checks.
test-native: interop-tools
	cargo test --locked

# The shipped packs against the published JSON Schema.
test-schema: node-deps
	cd tests && node --test unit/

# The store module against a real IndexedDB in headless Chromium.
test-browser:
	cargo test --locked --target wasm32-unknown-unknown --test store_browser

# The release build, served under sub-paths, driven by playwright-core.
e2e-dist:
	$(MAKE) --no-print-directory dist PUBLIC_URL=/pandu/ DIST=$(E2E_DIST)/pandu
	$(MAKE) --no-print-directory dist PUBLIC_URL=/dinsos/pandu/ DIST=$(E2E_DIST)/dinsos-pandu
	$(MAKE) --no-print-directory dist PUBLIC_URL=/ DIST=$(E2E_DIST)/root

test-e2e: e2e-dist
	cd tests && E2E_DIST=$(CURDIR)/$(E2E_DIST) node --test --test-concurrency=1 e2e/

# ---- benchmark -------------------------------------------------------------

bench: test-tools
	@command -v twiggy >/dev/null || cargo install --locked twiggy
	$(MAKE) --no-print-directory dist PUBLIC_URL=/pandu/ DIST=$(E2E_DIST)/pandu
	cd tests && E2E_DIST=$(CURDIR)/$(E2E_DIST) node bench/bench.mjs $(CURDIR)/docs/benchmark.md

clean:
	rm -rf dist target/e2e
