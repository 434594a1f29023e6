#!/usr/bin/env bash
# Prepares a fresh Debian machine (as root) for the real-viewer browser tests:
# Debian's chromium, and browser-tests/node_modules from the lockfile. Safe to run repeatedly;
# does nothing when both are already in place.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bt="$root/browser-tests"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
log() { echo "ensure-test-env: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Run quietly, but show the whole output when the command fails.
quiet() {
  local out
  out="$(mktemp)"
  if ! "$@" >"$out" 2>&1; then
    cat "$out" >&2
    rm -f "$out"
    die "failed: $*"
  fi
  rm -f "$out"
}

if [ ! -x "$chromium" ]; then
  [ "$(id -u)" -eq 0 ] || die "$chromium missing and not root: apt-get install -y chromium"
  log "installing chromium (apt-get, a few minutes)"
  export DEBIAN_FRONTEND=noninteractive
  quiet apt-get update
  quiet apt-get install -y chromium
  [ -x "$chromium" ] || die "chromium installed but $chromium is missing"
fi

# playwright-core 1.65 needs node >= 20, newer than Debian 12's nodejs, so it is not installed here.
command -v node >/dev/null || die "node not found (need node >= 20 with npm)"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
  || die "node $(node --version) is too old (need >= 20)"

# npm writes node_modules/.package-lock.json on every install; older than the lockfile = stale.
marker="$bt/node_modules/.package-lock.json"
if [ ! -f "$marker" ] || [ "$bt/package-lock.json" -nt "$marker" ] \
  || [ ! -f "$bt/node_modules/@rerun-io/web-viewer/re_viewer_bg.wasm" ]; then
  log "npm ci in browser-tests"
  quiet npm ci --prefix "$bt" --no-audit --no-fund
  touch "$marker"
fi

log "ok: $("$chromium" --version 2>/dev/null | head -n1), node $(node --version)"
