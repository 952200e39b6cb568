#!/usr/bin/env bash
# UI end-to-end in a real VS Code: package the .vsix, install it into code-server, open the example in headless
# Chromium, check the Problems panel rows against expected-findings.json, save a screenshot.
set -euo pipefail
cd "$(dirname "$0")/../../.."
timeout 1200 bash test/e2e/lib/setup-vscode.sh
source "${SPDF_E2E_TOOLS:-/opt/spdf-e2e}/vscode/env.sh"
# (a concurrent build may rewrite dist/ while vsce zips it: retry once)
timeout 600 npm run package || timeout 600 npm run package
ls -l spdf-workbench.vsix | awk '{ printf "[ui] spdf-workbench.vsix: %d bytes (%.2f MB)\n", $5, $5 / 1048576 }'
VSIX="$PWD/spdf-workbench.vsix" timeout 600 node test/e2e/vscode/ui.mjs
test -s test/e2e/.artifacts/vscode-problems.png
