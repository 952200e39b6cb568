#!/usr/bin/env bash
# Readability and accessibility of the matrix and zone diagram webviews in headless Debian Chromium
# (geometry of the diagram, sticky matrix columns, keyboard, axe-core); screenshots in test/e2e/.artifacts/.
# Fails (never skips) when chromium is missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ ! -x "${SPDF_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "50-webviews-chromium: FAILED: ${SPDF_CHROMIUM:-/usr/bin/chromium} is missing (40-xss-chromium.sh installs it)" >&2
  exit 1
fi
# The diagram webview's layout bundle (media/diagram/layout.js) is generated.
node scripts/build.mjs webview
exec npx tsx test/e2e/suites/50-webviews-chromium.ts
