#!/usr/bin/env bash
# XSS and webview behaviour in real headless Chromium (Debian package + playwright-core):
# the HTML export, the matrix webview and the zone diagram webview render a model whose text fields carry
# XSS payloads; window.__pwn must never run, no CSP violation may occur, every payload must show verbatim.
# Installs Debian chromium when it is missing; fails (never skips) when it cannot.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ ! -x /usr/bin/chromium ]; then
  echo "40-xss-chromium: installing Debian chromium"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "40-xss-chromium: FAILED: /usr/bin/chromium is missing and could not be installed" >&2
  exit 1
fi
exec npx tsx test/e2e/suites/40-xss-chromium.ts
