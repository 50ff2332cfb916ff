#!/usr/bin/env bash
# Builds the site for release into dist/ (or --dist DIR): `trunk build --release`, with the
# standard library rebuilt for size. Extra arguments go to trunk.
#
# Rust's prebuilt standard library formats a message, with the file and line, for every panic
# it can raise; our code (and the framework's) can raise many, even though a correct build never
# does. Rebuilt with `-Cpanic=immediate-abort`, a panic stops the module at once and all that
# text and formatting code is gone: the main module 214 → 197 KB gzip, every page's chunks
# ~7% smaller (README, "Sizes"). The price: a panic in the release build shows in the console
# as "RuntimeError: unreachable" without its message. `trunk serve` (scripts/serve.sh, a debug
# build that prints panics with console_error_panic_hook), the component tests and the native
# tests keep the full messages.
#
# Both switches are unstable, so this sets RUSTC_BOOTSTRAP=1 for this build only: the machine has
# one (stable) toolchain. scripts/setup.sh installs the standard library's sources (rust-src)
# and downloads the crates it needs, so the build itself stays offline.
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# Added to .cargo/config.toml's rustflags for the wasm target (cargo joins the two).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
exec trunk build --release --offline=true "$@"
