#!/usr/bin/env bash
# Neovim (Debian package, 0.7.2 API) as a third-party LSP client: diagnostics of a YAML and a C file of the example.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if ! command -v nvim >/dev/null 2>&1; then
  echo "[neovim] installing Debian neovim"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  timeout 600 $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 600 $SUDO apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
command -v nvim >/dev/null 2>&1 || { echo "[neovim] nvim is missing and could not be installed" >&2; exit 1; }
nvim --version | head -1
[ -f dist/server.js ] || npm run build
timeout 300 node test/e2e/neovim/run.mjs
