#!/usr/bin/env bash
# Builds OpenFastTrace with plain javac for `npm run bench` (the peer of issue 13), no Maven needed:
#   scripts/build-oft.sh SRC_DIR OUT_DIR
# SRC_DIR: an OpenFastTrace source checkout; OUT_DIR: where classes and resources go.
# Then: OFT_CLASSPATH=OUT_DIR npm run bench -- --only oft
# Never commit OpenFastTrace's code or a build of it.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 OPENFASTTRACE_SOURCE_DIR OUT_DIR" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
list=$(mktemp)
trap 'rm -f "$list"' EXIT

# Every main source tree except the test utilities; module-info would turn the build into a module build.
find "$src" -path '*/testutil/*' -prune -o -path '*/src/main/java/*' -name '*.java' ! -name module-info.java -print >"$list"
if [ ! -s "$list" ]; then
  echo "no src/main/java sources under $src" >&2
  exit 1
fi
javac -nowarn -encoding UTF-8 --release 17 -d "$out" @"$list"

# Resources; same-named META-INF/services files of several modules are joined line by line.
find "$src" -path '*/testutil/*' -prune -o -path '*/src/main/resources/*' -type f -print | while read -r file; do
  rel=${file#*/src/main/resources/}
  mkdir -p "$out/$(dirname "$rel")"
  case "$rel" in
    META-INF/services/*) { cat "$file"; echo; } | sed '/^[[:space:]]*$/d' >>"$out/$rel" ;;
    *) cp "$file" "$out/$rel" ;;
  esac
done
for services in "$out"/META-INF/services/*; do
  [ -f "$services" ] && sort -u -o "$services" "$services"
done
echo "OpenFastTrace built into $out (main class org.itsallcode.openfasttrace.core.cli.CliStarter)"
