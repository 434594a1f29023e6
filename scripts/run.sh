#!/usr/bin/env bash
# The main job for now: builds everything and writes the seed's example recordings with the
# `rrd` tool, then prints and verifies them. (The demo web app arrives with the viewer-host issue.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -ntp -q -DskipTests package
out="${1:-$root/target/examples}"
mkdir -p "$out"
for name in cube images scalars blueprint all-archetypes; do
  java -jar rrd-encoder/target/rrd.jar example "$name" "$out/$name.rrd"
done
java -jar rrd-encoder/target/rrd.jar print "$out/cube.rrd"
java -jar rrd-encoder/target/rrd.jar verify "$out"/*.rrd
echo "Open them in Rerun 0.33: rerun $out/cube.rrd (or drag them onto the web viewer)."
