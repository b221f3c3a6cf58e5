#!/usr/bin/env bash
# Bulk diagnosis benchmark (DESIGN §10: ≥ 100,000 sign-ins/s with all scenario bundles active).
# Generates a synthetic Graph beta export (the ingest benchmark's generator: 78 % successes, the rest
# spread over 18 error codes with bursts), then runs `signdx summary --timings` on it, which reads the
# file and diagnoses every sign-in in chunks of 10,000 with the full product; the diagnosis figure
# excludes reading. Runs three times in one folder and prints each, then the same with only the
# error-code catalogue active (every scenario bundle switched off) for comparison.
# Usage: benchmarks/diagnose.sh [COUNT]      (default 500,000; prints figures, asserts nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-500000}
count=${count//[,_]/}
mod=benchmarks/ingest
bin=distribution/target/signdx/bin/signdx
if [ ! -d "$mod/target/lib" ] || [ ! -x "$bin" ]; then
  echo "build first: mvn -B -DskipTests package" >&2
  exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/signdx-diagnose-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
json=$tmp/signins.json
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$mod/target/classes:$mod/target/lib/*" io.signdx.bench.SyntheticExport "$json" "$count" 42 >/dev/null
echo "export: $count sign-ins, $(( $(stat -c %s "$json") / 1000000 )) MB"

run() { # label
  "$bin" --home "$tmp/home" summary --input "$json" --timings --format json >"$tmp/summary.json" 2>"$tmp/err"
  echo "$1: $(grep '^timings:' "$tmp/err")"
}
for i in 1 2 3; do run "all bundles, run $i"; done
echo "primary scenarios (all bundles):"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); [print("  %-32s %8d" % (k, v)) for k, v in sorted(d["scenario"].items(), key=lambda kv: -kv[1])]' "$tmp/summary.json"

bundles=$(ls distribution/target/signdx/bundles 2>/dev/null | sed -n 's/^\(io\.signdx\.scenario\.[a-z]*\).*\.jar$/\1/p' | sort -u)
for b in $bundles; do "$bin" --home "$tmp/home" modules disable "$b" >/dev/null; done
run "catalogue only"
