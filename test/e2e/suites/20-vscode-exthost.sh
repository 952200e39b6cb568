#!/usr/bin/env bash
# Extension-host mocha tests in a real VS Code (code-server 1.139.1 + headless Debian chromium), driven by
# @vscode/test-electron's runTests with a local executable shim. Installs its tools once ($SPDF_E2E_TOOLS).
set -euo pipefail
cd "$(dirname "$0")/../../.."
timeout 1200 bash test/e2e/lib/setup-vscode.sh
source "${SPDF_E2E_TOOLS:-/opt/spdf-e2e}/vscode/env.sh"
[ -f dist/extension.js ] && [ -f dist/server.js ] || npm run build
E2E_TMP="$(mktemp -d)" timeout 600 node test/e2e/vscode/run-exthost.mjs
