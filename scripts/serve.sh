#!/usr/bin/env bash
# Sets up what is missing, then serves the site with the real content on http://127.0.0.1:8080/
# (trunk's dev server; deep links fall back to index.html).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
exec trunk serve --offline=true "$@"
