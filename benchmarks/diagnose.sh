#!/usr/bin/env bash
# Bulk diagnosis benchmark (DESIGN §10: ≥ 100,000 sign-ins/s with all scenario bundles active).
# Generates a synthetic Graph beta export with the ingest benchmark's generator (78 % successes, the
# rest spread over 18 error codes, with bursts), copies the built product to a temporary folder, adds
# the benchmark bundle (benchmarks/diagnose: the command `bench-diagnose`) and runs it: the export is
# read into memory once, then bulk diagnosis alone is timed — the engine and every active detector,
# related sign-ins from the batch — over 5 rounds after 6 warm-up rounds, then with each scenario bundle
# switched off in turn to show what each costs.
# Usage: benchmarks/diagnose.sh [COUNT]      (default 200,000; prints figures, asserts nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200000}
count=${count//[,_]/}
gen=benchmarks/ingest
bench=benchmarks/diagnose/target/io.signdx.bench.diagnose.jar
product=distribution/target/signdx
if [ ! -d "$gen/target/lib" ] || [ ! -f "$bench" ] || [ ! -x "$product/bin/signdx" ]; then
  echo "build first: mvn -B -DskipTests install" >&2
  exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/signdx-diagnose-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -r "$product" "$tmp/signdx"
cp "$bench" "$tmp/signdx/bundles/"
json=$tmp/signins.json
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$gen/target/classes:$gen/target/lib/*" io.signdx.bench.SyntheticExport "$json" "$count" 42 >/dev/null
echo "export: $count sign-ins, $(( $(stat -c %s "$json") / 1000000 )) MB"
SIGNDX_JAVA_OPTS="${SIGNDX_JAVA_OPTS:--Xmx8g -XX:+UseParallelGC}" "$tmp/signdx/bin/signdx" --home "$tmp/home" bench-diagnose \
  --input "$json" --rounds 5 --per-bundle
