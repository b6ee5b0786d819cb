#!/usr/bin/env bash
# Cold start to first painted window, from the built jar, measured by the app's own log line
# ("Postwright window shown N ms after the JVM started"), against an empty JavaFX window from the
# same jar in the same run. Needs a display: runs itself under xvfb-run when there is none.
#
#   mvn -B -q package -DskipTests && mvn -B -q test-compile && bench/cold-start.sh [runs]
#
# LAUNCHER=/opt/postwright/bin/Postwright also measures an installed package's launcher (with its
# AOT cache, and with the cache turned off), against an empty window on the package's own runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1440x900x24" "$0" "$@"; fi
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)}
JAR=${JAR:-target/postwright.jar} # JAR=other.jar compares another build
LAUNCHER=${LAUNCHER:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# One run: start the command, wait for its line, stop it; prints the milliseconds.
measure() {
  local pattern=$1; shift
  "$@" > "$WORK/out" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do
    if grep -q "$pattern" "$WORK/out"; then break; fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  grep -o "$pattern [0-9,]* ms" "$WORK/out" | head -1 | grep -o "[0-9,]*" | tr -d ,
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

run() {
  local label=$1; shift
  local results=()
  for _ in $(seq 1 "$RUNS"); do results+=("$("$@")"); done
  printf '%-44s median %5s ms   runs: %s\n' "$label" "$(printf '%s\n' "${results[@]}" | median)" "${results[*]}"
}

empty() { measure "Empty window shown" "$JAVA" -cp "$JAR:target/test-classes" dev.postwright.ui.bench.EmptyWindow; }
# Postwright starts as its menu entry starts it, with no arguments; the folders come from the environment.
plain() {
  rm -rf "$WORK/data"
  POSTWRIGHT_DATA_DIR=$WORK/data POSTWRIGHT_CONFIG_DIR=$WORK/config measure "window shown" "$JAVA" -jar "$JAR"
}
cds() {
  rm -rf "$WORK/data"
  POSTWRIGHT_DATA_DIR=$WORK/data POSTWRIGHT_CONFIG_DIR=$WORK/config measure "window shown" "$JAVA" \
    -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$WORK/postwright.jsa" -jar "$JAR"
}

# The installed package: its launcher, and an empty window on the runtime it ships.
installed_empty() {
  measure "Empty window shown" "$(dirname "$(dirname "$LAUNCHER")")/lib/runtime/bin/java" \
    -cp target/test-classes dev.postwright.ui.bench.EmptyWindow
}
installed() {
  rm -rf "$WORK/data"
  POSTWRIGHT_DATA_DIR=$WORK/data POSTWRIGHT_CONFIG_DIR=$WORK/config measure "window shown" "$LAUNCHER"
}
installed_no_cache() {
  rm -rf "$WORK/data"
  JAVA_TOOL_OPTIONS=-XX:AOTMode=off POSTWRIGHT_DATA_DIR=$WORK/data POSTWRIGHT_CONFIG_DIR=$WORK/config \
    measure "window shown" "$LAUNCHER"
}

echo "$("$JAVA" -version 2>&1 | head -1); $(nproc) cores; display $DISPLAY"
cds > /dev/null # a training run writes the class-data archive the CDS runs use
run "Empty JavaFX window (floor)" empty
run "Postwright, java -jar" plain
run "Postwright, java -jar with AppCDS archive" cds
if [ -n "$LAUNCHER" ]; then
  run "Empty JavaFX window, the package's runtime" installed_empty
  run "Postwright, installed launcher (AOT cache)" installed
  run "Postwright, installed launcher, cache off" installed_no_cache
fi
