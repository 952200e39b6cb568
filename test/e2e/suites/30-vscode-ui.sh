#!/usr/bin/env bash
# UI end-to-end in a real VS Code: package the .vsix, install it into code-server, open the example in headless
# Chromium, check the Problems panel rows against expected-findings.json and the quick-fix order on an unknown ID;
# save screenshots of the Problems panel, the quick-fix menu and the requirements panel.
set -euo pipefail
cd "$(dirname "$0")/../../.."
timeout 1200 bash test/e2e/lib/setup-vscode.sh
source "${SPDF_E2E_TOOLS:-/opt/spdf-e2e}/vscode/env.sh"
# (a concurrent build may rewrite dist/ while vsce zips it: retry once)
timeout 600 npm run package || timeout 600 npm run package
ls -l spdf-workbench.vsix | awk '{ printf "[ui] spdf-workbench.vsix: %d bytes (%.2f MB)\n", $5, $5 / 1048576 }'
VSIX="$PWD/spdf-workbench.vsix" timeout 600 node test/e2e/vscode/ui.mjs
for shot in vscode-problems vscode-quickfix vscode-panel; do test -s "test/e2e/.artifacts/$shot.png"; done
