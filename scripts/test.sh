#!/usr/bin/env bash
# Runs every test, the real-browser ones included, on a fresh Debian machine of this project's kind:
# installs Chromium and the pinned npm packages when they are missing, then runs Maven.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/ensure-test-env.sh
# Browser tests must not be skipped silently here: a missing viewer fails the run.
exec mvn -B -ntp verify -Drerun4j.realViewer.required=true "$@"
