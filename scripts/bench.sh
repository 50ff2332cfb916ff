#!/usr/bin/env bash
# The benchmark suite of issue #8 on the release build, ending with one summary table (every
# number, its budget, met or missed). Numbers depend on the machine and its load, so this is not
# part of scripts/test.sh and exits 0 whatever the numbers are (non-zero only if a benchmark
# could not run).
#
#   scripts/bench.sh              scripts/build-site.sh into dist/, then benchmark dist/
#   scripts/bench.sh /tmp/dist    benchmark an existing release build (no build)
#
#   BENCH_PORT=4300   loopback ports BENCH_PORT+1 … +6 (default 4300)
#   LH_RUNS=3         Lighthouse runs per page (the median run is reported)
#   SOAK_ROUNDS=500   quiz rounds of the memory soak
# Numbers and Lighthouse's JSON reports: bench/results/ (gitignored).
set -uo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then
  dist="$1"
  [ -f "$dist/index.html" ] || { echo "[bench] no build in $dist" >&2; exit 1; }
  # Node tooling (Lighthouse, Leaflet, Playwright) from the lockfile and Chromium; no build tools.
  export PATH="$PWD/node_modules/.bin:$PATH"
  lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ "$(cat node_modules/.installed-lock-sha256 2>/dev/null)" != "$lock_sum" ]; then
    npm ci --no-audit --no-fund && echo "$lock_sum" > node_modules/.installed-lock-sha256 || exit 1
  fi
  command -v chromium >/dev/null || { echo "[bench] no chromium: run scripts/setup.sh --browser" >&2; exit 1; }
else
  set -e
  . scripts/setup.sh --browser
  scripts/build-site.sh >/dev/null
  set +e
  dist=dist
fi

rm -rf bench/results
mkdir -p bench/results
failed=()
step() {
  local name="$1"; shift
  echo
  echo "== $name"
  local t0=$SECONDS
  "$@" || failed+=("$name")
  echo "   ($((SECONDS - t0)) s)"
}
t_start=$SECONDS
step "size: every file, raw and gzip -9; first-visit total" \
  bash -c "node scripts/size-report.mjs '$dist' | tee bench/results/size.txt"
step "Lighthouse $(node -p "require('lighthouse/package.json').version" 2>/dev/null), mobile" \
  node bench/lighthouse.mjs "$dist" --runs "${LH_RUNS:-3}"
step "quiz: tap → frame, 4x CPU throttling" node bench/answer-latency.mjs "$dist"
step "map at 10k vertices: ours vs Leaflet 1.9" node bench/map-scale.mjs "$dist"
step "memory soak: ${SOAK_ROUNDS:-500} quiz rounds in kiosk mode" node bench/memory-soak.mjs "$dist" "${SOAK_ROUNDS:-500}"

node bench/summary.mjs || failed+=("summary")
echo "benchmarks took $(( (SECONDS - t_start) / 60 )) min $(( (SECONDS - t_start) % 60 )) s"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "[bench] could not run: ${failed[*]}" >&2
  exit 1
fi
