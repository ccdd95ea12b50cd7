# The two commands a new machine needs: `make run` and `make test`. Each installs what is
# missing first (Debian packages, npm packages from the lockfile, fonts, tauri-driver).
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

DEMO_DB := target/demo/jianbao-demo.sqlite3
APP := target/debug/jianbao
CLI := target/debug/jianbao-cli
E2E_OUT := target/e2e

.PHONY: run test setup system-deps ui-deps ui-build app cli lint fmt-check clippy ui-check \
        rust-test pg-test ui-test e2e bench package package-server package-test crash-trial

## make run: the desktop app on the demo database (the CLI instead when there is no display).
run: setup ui-build
	@mkdir -p $(dir $(DEMO_DB))
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "没有图形显示（未设置 DISPLAY），改为用命令行打开示例数据库 $(DEMO_DB)："; \
	  cargo build --quiet --no-default-features --bin jianbao-cli; \
	  $(CLI) --db $(DEMO_DB) demo; \
	  $(CLI) --db $(DEMO_DB) export 1 -o target/demo/lianluo-2025-13.pdf > /dev/null; \
	  echo "已导出示例期刊的 PDF：$$(realpath target/demo/lianluo-2025-13.pdf)"; \
	else \
	  cargo build --bin jianbao --bin jianbao-cli; \
	  $(CLI) --db $(DEMO_DB) demo > /dev/null; \
	  JIANBAO_DB=$(DEMO_DB) $(APP); \
	fi

## make test: every suite CI runs — lints, Rust unit + integration tests, UI tests, end-to-end.
test: setup lint rust-test ui-test e2e package-test

setup: system-deps ui-deps

system-deps:
	@.ci/setup-debian.sh

ui-deps: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package-lock.json ui/package.json
	cd ui && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The desktop crate checks at compile time that ui/dist exists.
ui-build: ui-deps
	cd ui && npx vite build --logLevel warn

lint: fmt-check clippy ui-check

fmt-check:
	cargo fmt --all -- --check

clippy: ui-build
	cargo clippy --no-default-features --all-targets -- -D warnings
	cargo clippy --all-targets -- -D warnings

ui-check: ui-deps
	cd ui && npm run --silent check && npm run --silent lint

# The server feature brings the PostgreSQL store, so this also runs the contract suite against
# a throwaway PostgreSQL cluster (see pg-test).
rust-test: ui-build
	cargo test --no-default-features --features server
	cargo test --lib -- desktop::

## make pg-test: the store contract against PostgreSQL, in a throwaway cluster the test starts.
pg-test: ui-build
	cargo test --no-default-features --features server --lib -- store::postgres
	cargo test --no-default-features --features server --test store_contract_postgres

ui-test: ui-deps
	cd ui && npm test

app: ui-build
	cargo build --bin jianbao --bin jianbao-cli --bin jianbao-server

## make e2e: the real desktop app under Xvfb, driven through tauri-driver + WebKitWebDriver, and
## the office server with that app as the editor and headless Chromium (chromedriver) as the
## proofreader and the signer.
e2e: setup app
	@mkdir -p $(E2E_OUT)
	cd ui && JIANBAO_APP=../$(APP) JIANBAO_CLI=../target/debug/jianbao-cli JIANBAO_SERVER=../target/debug/jianbao-server JIANBAO_E2E_OUT=../$(E2E_OUT) xvfb-run -a --server-args="-screen 0 1440x900x24" npm run --silent e2e

## make bench: criterion benchmarks of layout and export, of replace-all on the fixture and ten
## times it, of the text checks per 1,000 characters (with the typo check's precision and recall
## on ../shared/proof-sets), and of search across 500 issues on
## SQLite and PostgreSQL (reports in target/criterion), and the office server under twenty
## clients for a minute.
bench: setup ui-build
	cargo bench --no-default-features --bench export
	cargo bench --no-default-features --bench replace
	cargo bench --no-default-features --bench checks
	cargo run --release --no-default-features --bin jianbao-cli -- check-bench ../shared/proof-sets
	cargo bench --no-default-features --features server --bench search
	cargo bench --no-default-features --features server --bench office_load
	JIANBAO_LOAD_STORE=postgres cargo bench --no-default-features --features server --bench office_load

SERVER_DEB := target/debian/jianbao-server.deb

## make package-server: the office server as a Debian package (release build), with its
## systemd unit; see README, "Installing the office server".
package-server: setup ui-build
	cargo deb -p jianbao --locked -o $(SERVER_DEB)
	@echo "已生成 $(SERVER_DEB)（$$(du -h $(SERVER_DEB) | cut -f1)）"

TAURI := ui/node_modules/.bin/tauri

## make package: the desktop app as a Debian package (release build, Tauri's bundler): the app,
## jianbao-cli, the bundled fonts, the menu entry 简报台; see README, "Installing the desktop app".
package: setup ui-build
	rm -f target/release/bundle/deb/*.deb
	$(TAURI) build --ci --bundles deb --features tauri-shell
	@deb=$$(ls target/release/bundle/deb/jianbao_*_amd64.deb); echo "已生成 $$deb（$$(du -h $$deb | cut -f1)）"

## make package-test: both packages (debug builds, for time) installed into one clean Debian 12
## root with apt, used, and purged; the desktop app is started there on a display of its own.
package-test: setup app
	rm -f target/debug/bundle/deb/*.deb
	$(TAURI) bundle --ci --debug --bundles deb --features tauri-shell
	cargo deb -p jianbao --locked --profile dev -o target/debian/jianbao-server-test.deb
	cargo build --no-default-features --features server --bin jianbao-cli
	tests/packaging/install-tests.sh target/debian/jianbao-server-test.deb target/debug/jianbao-cli \
	  target/debug/bundle/deb/jianbao_*_amd64.deb

## make crash-trial: the real app killed with SIGKILL at random moments while text is typed
## (TRIALS, default 200), during exports and during imports; prints what was lost and the
## database checks. Not part of `make test`. SEED=N repeats a run.
crash-trial: setup app
	cd ui && JIANBAO_APP=../$(APP) JIANBAO_CLI=../$(CLI) xvfb-run -a --server-args="-screen 0 1440x900x24" node ../tests/crash-trial/crash-trial.mjs
