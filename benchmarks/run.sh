#!/usr/bin/env bash
# Builds the JMH suite if needed, runs it, and prints the ratio table.
#
#   benchmarks/run.sh                      # whole suite (3-4 minutes on 2 cores)
#   benchmarks/run.sh Image                # only benchmarks matching a regex
#   benchmarks/run.sh Points3D -prof gc    # any further JMH options pass through
#   REBUILD=1 benchmarks/run.sh            # rebuild even if the jar exists
#   benchmarks/run.sh --summary [file.json] # re-print the table of an earlier run
#   benchmarks/run.sh --host [latency|fanout|ingest|grpc-fanout ...] [--opt=value ...]
#                                          # viewer-host load benchmarks (plain main()s, ~1 min each)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
result="${RESULT:-$here/target/jmh-result.json}"

if [[ "${1:-}" == "--summary" ]]; then
  java -cp "$jar" dev.rerun4j.bench.Summary "${2:-$result}"
  exit 0
fi

# Viewer-host load benchmarks (dev.rerun4j.bench.host): each is a main() in its own JVM; names pick
# which (default: all four), --key=value options pass to each of them.
if [[ "${1:-}" == "--host" ]]; then
  shift
  names=() opts=()
  for a in "$@"; do
    if [[ "$a" == --* ]]; then opts+=("$a"); else names+=("$a"); fi
  done
  [[ ${#names[@]} -eq 0 ]] && names=(latency fanout ingest grpc-fanout)
  if [[ -n "${REBUILD:-}" || ! -f "$jar" ]] || [[ -n "$(find "$root/model/src/main" "$root/rrd-encoder/src/main" "$root/viewer-host/src/main/java" "$root/transport-ws/src/main" "$root/transport-grpc/src/main" "$here/src" "$here/pom.xml" "$root/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
    echo "building $jar ..." >&2
    (cd "$root" && mvn -q -DskipTests package -pl benchmarks -am)
  fi
  for n in "${names[@]}"; do
    case "$n" in
      latency)     cls=WsLatencyBench;  heap=(-Xms2g -Xmx2g) ;;
      fanout)      cls=WsFanoutBench;   heap=(-Xms6g -Xmx6g) ;;
      ingest)      cls=GrpcIngestBench; heap=(-Xms3g -Xmx3g) ;;
      grpc-fanout) cls=GrpcFanoutBench; heap=(-Xms3g -Xmx3g) ;;
      *) echo "unknown host benchmark '$n' (latency, fanout, ingest, grpc-fanout)" >&2; exit 2 ;;
    esac
    echo "=== $cls ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))"
    # Pre-touched heap, as in the JMH suite: otherwise the first pass over fresh heap pages (page faults)
    # shows up as GC time, and these benchmarks keep hundreds of MiB alive.
    java "${heap[@]}" -XX:+AlwaysPreTouch ${HOST_JVM_ARGS:-} -cp "$jar" "dev.rerun4j.bench.host.$cls" ${opts[@]+"${opts[@]}"}
    echo
  done
  exit 0
fi

# Rebuild when asked, when the jar is missing, or when any source of the SDK or suite is newer.
if [[ -n "${REBUILD:-}" || ! -f "$jar" ]] || [[ -n "$(find "$root/model/src/main" "$root/rrd-encoder/src/main" "$here/src" "$here/pom.xml" "$root/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -q -DskipTests package -pl benchmarks -am)
fi

mkdir -p "$(dirname "$result")"
java -jar "$jar" -rf json -rff "$result" -prof dev.rerun4j.bench.CpuTimeProfiler "$@"
echo
java -cp "$jar" dev.rerun4j.bench.Summary "$result"
