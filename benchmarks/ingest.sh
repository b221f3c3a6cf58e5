#!/usr/bin/env bash
# Ingest benchmark (DESIGN §10): parse vs raw Jackson token scan, import rate, store size, peak heap, search
# latency, `signdx summary` vs jq, and the product's own `signdx import`, on synthetic Graph beta exports.
# Usage: benchmarks/ingest.sh [COUNT]      (default 1,000,000 sign-ins; prints figures, asserts nothing)
#
# Build first (mvn -B -DskipTests package); this script builds nothing. Everything goes to a temporary
# folder that is removed at the end. Needs ≈ 10 KB × COUNT of free disk and, for jq on the same file,
# ≈ 6 × the export's size of free memory (else summary vs jq runs on a 200,000 sign-in export).
# With COUNT < 1,000,000 the gzip export is a second, different set of COUNT sign-ins of the same tenant
# and week, which `signdx import` adds to the store the benchmark built, so that search runs on 2 × COUNT
# (≥ 1 M from 500,000); with COUNT ≥ 1,000,000 it is the same export gzipped, imported into a fresh store.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
count=${count//[,_]/}
mod=benchmarks/ingest
bin=distribution/target/signdx/bin/signdx
if [ ! -d "$mod/target/lib" ] || [ ! -d "$mod/target/classes" ]; then
  echo "build first: mvn -B -DskipTests package" >&2
  exit 1
fi
cp="$mod/target/classes:$mod/target/lib/*"
seed=42
queries=${SEARCH_QUERIES:-2000}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/signdx-ingest-bench.XXXXXX")
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
figures="$tmp/figures.txt"
: >"$figures"
say() { echo "$*" | tee -a "$figures"; }
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
# the product may be being rebuilt by someone else: wait for it rather than fail
wait_for_product() {
  local i
  for i in $(seq 1 120); do
    if [ -x "$bin" ] && compgen -G "distribution/target/signdx/lib/*.jar" >/dev/null; then return 0; fi
    [ "$i" = 1 ] && echo "waiting for $bin (being rebuilt?)" >&2
    sleep 5
  done
  echo "$bin is missing: build first: mvn -B -DskipTests package" >&2
  exit 1
}
time_cmd=()
[ -x /usr/bin/time ] && time_cmd=(/usr/bin/time -f '%M' -o "$tmp/rss")
peak_rss() { if [ -s "$tmp/rss" ]; then awk 'END { printf "%.0f MB", $1 / 1024 }' "$tmp/rss"; else echo "n/a"; fi; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
json="$tmp/signins.json"
gz="$tmp/signins.json.gz"
if [ "$count" -lt 1000000 ]; then gzpart=1; else gzpart=0; fi
echo "== generating $count synthetic Graph beta sign-ins (seed $seed): plain, and gzip (part $gzpart), in $tmp"
java -cp "$cp" io.signdx.bench.SyntheticExport "$json" "$count" "$seed" & g1=$!
java -cp "$cp" io.signdx.bench.SyntheticExport "$gz" "$count" "$seed" "$gzpart" & g2=$!
wait "$g1"
wait "$g2"
size=$(stat -c %s "$json")
say "export: $count sign-ins, $(awk -v s="$size" -v n="$count" 'BEGIN { printf "%.1f MB plain (%.0f bytes/sign-in)", s / 1e6, s / n }'), $(awk -v s="$(stat -c %s "$gz")" 'BEGIN { printf "%.1f MB gzip", s / 1e6 }')$( [ "$gzpart" = 1 ] && echo " (a second set of sign-ins, see below)")"

echo "== IngestBenchmark (token scan, parse, import, store size, heap) with -Xmx512m on the plain file"
java -Xmx512m -cp "$cp" io.signdx.bench.IngestBenchmark "$json" "$tmp/store/signins.db" | tee "$tmp/ingest.out"
grep -E '^\(|^    analysis' "$tmp/ingest.out" >>"$figures"
scan=$(sed -n 's/^(a) raw Jackson token scan: *\([0-9.]*\) s.*/\1/p' "$tmp/ingest.out")

search() {
  echo "== SearchBenchmark: $queries random user + 48 h window queries on $1"
  java -Xmx512m -cp "$cp" io.signdx.bench.SearchBenchmark "$1" "$queries" | tee -a "$figures"
}
if [ "$gzpart" = 0 ]; then
  search "$tmp/store/signins.db"
  rm -rf "$tmp/store"
fi

echo "== signdx summary vs jq (same counts: by status.errorCode, appDisplayName, userPrincipalName, clientAppUsed)"
if ! command -v jq >/dev/null; then
  echo "jq is missing: installing it with apt-get install -y jq"
  apt-get install -y jq >/dev/null
  say "note: jq was not installed; installed it with apt-get install -y jq"
fi
# jq holds the whole document in memory (≈ 6 × the file): use the full export only when that fits
sumfile="$json"
avail_kb=$(awk '/MemAvailable/ { print $2 }' /proc/meminfo)
if [ $(( size / 1024 * 6 + 4 * 1048576 )) -gt "$avail_kb" ]; then
  sumfile="$tmp/summary-200k.json"
  java -cp "$cp" io.signdx.bench.SyntheticExport "$sumfile" 200000 "$seed" >/dev/null
  say "note: jq would need ≈ $(( size * 6 / 1000000000 )) GB for the full export but $(( avail_kb / 1048576 )) GiB are available: summary vs jq runs on a 200,000 sign-in export ($(( $(stat -c %s "$sumfile") / 1000000 )) MB) instead"
  scan=$(java -cp "$cp" io.signdx.bench.TokenScan "$sumfile" | tail -1)
fi
run_summary() { # heap → summary_ok, summary_s, summary_rss
  wait_for_product
  rm -f "$tmp/rss"
  local t0 t1
  t0=$(now)
  summary_ok=yes
  SIGNDX_JAVA_OPTS="-Xmx$1" timeout 3600 "${time_cmd[@]}" "$bin" --home "$tmp/home-summary" summary \
    --input "$sumfile" --format json --top 1000000 >"$tmp/summary.json" 2>"$tmp/summary.err" || summary_ok=no
  t1=$(now)
  summary_s=$(secs "$t0" "$t1")
  summary_rss=$(peak_rss)
}
run_summary 256m
if [ "$summary_ok" = yes ]; then
  say "signdx summary --input, whole process, -Xmx256m:        $summary_s s, peak RSS $summary_rss; heap <= 256 MB: survived   [target heap <= 256 MB]"
else
  say "signdx summary --input, whole process, -Xmx256m:        FAILED after $summary_s s: $(grep -oE '(java\.[a-z.]+\.)?[A-Za-z]+(Error|Exception)(: [^"]*)?' "$tmp/summary.err" | head -1 | cut -c1-120)   [target heap <= 256 MB]"
  run_summary 1g
  say "signdx summary --input, rerun with -Xmx1g:               $summary_s s, peak RSS $summary_rss$( [ "$summary_ok" = yes ] || echo ", FAILED too")"
fi
cat >"$tmp/counts.jq" <<'EOF'
def tally(f): map(f) | group_by(.) | map({key: (.[0] | tostring), value: length}) | from_entries;
.value | {signIns: length,
  errorCode: tally(.status.errorCode // 0 | tostring),
  app: tally(.appDisplayName // .appId // "unknown application"),
  user: tally(.userPrincipalName // .userDisplayName // .userId // "unknown user"),
  clientApp: tally(.clientAppUsed // "(not recorded)")}
EOF
rm -f "$tmp/rss"
t0=$(now)
"${time_cmd[@]}" jq -c -f "$tmp/counts.jq" "$sumfile" >"$tmp/jq.json"
t1=$(now)
jq_s=$(secs "$t0" "$t1")
same=n/a
if [ "$summary_ok" = yes ]; then
  same=$(jq -n --slurpfile a "$tmp/summary.json" --slurpfile b "$tmp/jq.json" \
    '[ "signIns", "errorCode", "app", "user", "clientApp" ] | all(. as $k | $a[0][$k] == $b[0][$k])')
fi
say "jq $(jq --version | sed 's/^jq-//') computing the same counts:                        $jq_s s, peak RSS $(peak_rss); counts identical to summary's: $same"
if [ "$summary_ok" = yes ]; then
  say "$(awk -v j="$jq_s" -v s="$summary_s" -v t="$scan" 'BEGIN { printf "summary vs jq, vs raw token scan of the file (%.2f s):  %.1f× faster than jq; %.1f× the token scan time   [target >= 5× faster than jq and <= 1.5× the token scan]", t, j / s, s / t }')"
fi
rm -f "$tmp"/summary-200k.json "$tmp/summary.json" "$tmp/jq.json"

home="$tmp/home-import"
mkdir -p "$home/data"
before=0
if [ "$gzpart" = 1 ]; then
  mv "$tmp/store"/signins.db* "$home/data/"
  before=$count
fi
echo "== the product's own import: signdx import on the gzip export, -Xmx512m, into a store holding $before sign-ins"
wait_for_product
rm -f "$tmp/rss"
t0=$(now)
SIGNDX_JAVA_OPTS=-Xmx512m "${time_cmd[@]}" "$bin" --home "$home" import "$gz" | tee "$tmp/import.out"
t1=$(now)
import_s=$(secs "$t0" "$t1")
db="$home/data/signins.db"
rows=$(sed -n 's/.*the store holds \([0-9]*\) sign-ins.*/\1/p' "$tmp/import.out")
dbsize=$(( $(stat -c %s "$db") + $( [ -f "$db-wal" ] && stat -c %s "$db-wal" || echo 0) ))
say "$(awk -v s="$import_s" -v n="$count" -v b="$dbsize" -v rows="$rows" -v before="$before" -v r="$(peak_rss)" 'BEGIN {
  printf "signdx import FILE.gz, whole process, -Xmx512m:        %d sign-ins in %.1f s wall = %.0f sign-ins/s (store held %d before); store now %d rows, %.1f MB = %.2f GB per million; peak RSS %s   [target >= 30,000 sign-ins/s; <= 1 GB per million]",
  n, s, n / s, before, rows, b / 1e6, b / rows * 1e6 / 1e9, r }')"
if [ "$gzpart" = 1 ]; then
  search "$db"
fi
rm -rf "$home"

echo
echo "== figures ($count sign-ins; DESIGN §10 targets in brackets)"
cat "$figures"
