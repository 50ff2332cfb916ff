#!/usr/bin/env bash
# Builds the release site and prints each dist file's raw and gzip -9 size, and what a first
# visit to the home page downloads in total.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
scripts/build-site.sh >/dev/null
node scripts/size-report.mjs dist
