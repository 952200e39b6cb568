#!/usr/bin/env bash
# End-to-end tests in real clients. Runs every suite in test/e2e/suites/ in name order, serially,
# each under a timeout; a missing tool is installed by the suite itself, or the suite fails (never skips).
set -euo pipefail
cd "$(dirname "$0")/../.."
export SPDF_E2E_TOOLS="${SPDF_E2E_TOOLS:-/opt/spdf-e2e}"
npm run build
status=0
for suite in test/e2e/suites/*.sh; do
  [ -e "$suite" ] || continue
  echo "=== e2e: $(basename "$suite")"
  if ! timeout "${SPDF_E2E_SUITE_TIMEOUT:-1500}" bash "$suite"; then
    echo "=== e2e FAILED: $(basename "$suite")"
    status=1
  fi
done
exit $status
