#!/usr/bin/env bash
# Builds the release site and runs the benchmarks (numbers depend on the machine, so they are
# not part of scripts/test.sh): sizes, quiz tap latency under 4x CPU throttling, map at scale.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --browser
trunk build --release --offline=true >/dev/null
echo "== size (gzip -9)"
node scripts/size-report.mjs dist | tail -n 1
echo "== quiz: tap → frame"
node bench/answer-latency.mjs dist
echo "== map at scale"
node bench/map-scale.mjs dist
