#!/usr/bin/env bash
# Installs whatever the project needs that is missing or at the wrong version, and nothing else.
# Safe to run again and again: every step checks first.
#
#   scripts/setup.sh            build tools (wasm target, trunk, wasm-bindgen-cli, wasm-split-cli,
#                               wasm-opt)
#   scripts/setup.sh --browser  also Chromium + ChromeDriver, and nginx (apt) for the tests
#
# Source it (`. scripts/setup.sh`) to keep the PATH it sets up.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.22.1"
WASM_OPT_VERSION="132"
WASM_SPLIT_VERSION="0.2.4"

log() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# npm's binaryen first (Debian's wasm-opt 108 must never win), then Cargo's bin.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli, exactly the wasm-bindgen version in Cargo.lock.
wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
if [ -z "$wb_version" ]; then echo "[setup] no wasm-bindgen in Cargo.lock" >&2; exit 1; fi
if ! grep -q "^wasm_bindgen = \"$wb_version\"" "$ROOT/Trunk.toml"; then
  echo "[setup] Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $wb_version" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ] \
  || [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# 3. trunk.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version --force
fi

# 3b. wasm-split-cli: scripts/wasm-link.mjs (cargo's wasm linker) splits the app into lazily loaded
#     chunks with it. It prints no version, so cargo's list of installed crates says which one.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" \
  || ! command -v wasm-split-cli >/dev/null; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

# 3c. The standard library's sources and the crates they use: scripts/build-site.sh rebuilds it
#     for size (panics abort without formatting a message), offline. The -Zbuild-std crate list
#     must match build-site.sh's CARGO_UNSTABLE_BUILD_STD.
if ! rustup component list --installed | grep -q '^rust-src'; then
  log "adding the rust-src component"
  rustup component add rust-src
fi
std_fetch() {
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    cargo fetch --manifest-path "$ROOT/Cargo.toml" --target wasm32-unknown-unknown "$@"
}
if ! std_fetch --offline >/dev/null 2>&1; then
  log "downloading the crates the standard library's sources use"
  std_fetch
fi

# 4. Node tooling from the committed lockfile: binaryen (wasm-opt), Playwright, axe-core.
lock_sum="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
stamp="$ROOT/node_modules/.installed-lock-sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  log "installing node tooling (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
  echo "$lock_sum" > "$stamp"
fi
if ! wasm-opt --version 2>/dev/null | grep -q "version $WASM_OPT_VERSION"; then
  echo "[setup] wasm-opt on PATH is not binaryen $WASM_OPT_VERSION: $(command -v wasm-opt)" >&2
  exit 1
fi

# 5. Chromium and ChromeDriver from apt, for the test layers.
if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver (apt)"
    as_root apt-get update
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y chromium chromium-driver
  fi
  # nginx: scripts/nginx-e2e.sh serves the release build with deploy/nginx.conf on loopback.
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    log "installing nginx (apt)"
    as_root apt-get update
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y nginx
  fi
fi
log "ready: trunk $TRUNK_VERSION, wasm-bindgen $wb_version, wasm-split-cli $WASM_SPLIT_VERSION, wasm-opt $WASM_OPT_VERSION"
