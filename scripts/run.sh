#!/usr/bin/env bash
# The main job: builds everything (no tests) and starts the demo app on http://localhost:7860
# (override with --port N or PORT). Offline: the Rerun web viewer and the example recordings
# are packaged and served by the app itself.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v npm >/dev/null || { echo "run.sh: npm is needed to package the Rerun web viewer" >&2; exit 1; }
jar=demos/target/rerun4j-demo.jar
# Rebuild when any source that ends up in the jar (Java, protos, the page, poms) is newer than it.
if [ ! -f "$jar" ] || [ -n "$(find . \( -name target -o -name node_modules -o -name .git \) -prune -o -newer "$jar" -type f \( -name '*.java' -o -name '*.proto' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name 'pom.xml' \) -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests package
fi
exec java -jar "$jar" "$@"
