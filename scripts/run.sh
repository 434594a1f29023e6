#!/usr/bin/env bash
# The main job: builds everything (no tests) and starts the demo app on http://localhost:7860
# (override with --port N or PORT). Offline: the Rerun web viewer and the example recordings
# are packaged and served by the app itself.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v npm >/dev/null || { echo "run.sh: npm is needed to package the Rerun web viewer" >&2; exit 1; }
if [ ! -f demos/target/rerun4j-demo.jar ] || [ -n "$(find . -path ./demos/target -prune -o -newer demos/target/rerun4j-demo.jar -name '*.java' -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests package
fi
exec java -jar demos/target/rerun4j-demo.jar "$@"
