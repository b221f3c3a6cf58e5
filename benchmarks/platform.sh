#!/usr/bin/env bash
# Platform benchmark (DESIGN §10): start-to-/api/health, jar-dropped-to-detector-active, removal, toggle
# round trip and idle heap, measured on the built product (mvn -DskipTests package first).
# Usage: benchmarks/platform.sh [runs]      — prints one line per figure; not a test, asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-6}
bin=distribution/target/signdx/bin/signdx
jar=bundles/examples/io.signdx.example.partner/target/io.signdx.example.partner.jar
[ -x "$bin" ] && [ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
export SIGNDX_ADMIN_PASSWORD=bench-Secret-1
auth=(-u "admin:$SIGNDX_ADMIN_PASSWORD")
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
stats() { sort -n | awk '{a[NR]=$1} END {printf "min %d ms, median %d ms, max %d ms (n=%d)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'; }

starts=(); drops=(); removals=(); toggles=()
home=$(mktemp -d)
for i in $(seq 1 "$runs"); do
  port=$(free_port)
  t0=$(now)
  "$bin" serve --port "$port" --home "$home" >"$home/serve.log" 2>&1 & pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health")" = 200 ]; do sleep 0.02; done
  if [ "$i" = 1 ]; then first=$(ms "$t0" "$(now)"); else starts+=("$(ms "$t0" "$(now)")"); fi
  url="http://127.0.0.1:$port/api/modules"
  curl -s "${auth[@]}" "$url" >/dev/null   # the first authenticated call pays for Argon2 once

  t0=$(now); cp "$jar" "$home/deploy/"
  until curl -s "${auth[@]}" "$url" | grep -q '"scenario":"partner.example.expense-access"[^}]*"state":"ACTIVE"'; do sleep 0.02; done
  drops+=("$(ms "$t0" "$(now)")")

  t0=$(now); curl -s -X POST "${auth[@]}" "$url/partner.example.expense-access/disable" >/dev/null
  toggles+=("$(ms "$t0" "$(now)")")
  curl -s -X POST "${auth[@]}" "$url/partner.example.expense-access/enable" >/dev/null

  t0=$(now); rm "$home/deploy/$(basename "$jar")"
  while curl -s "${auth[@]}" "$url" | grep -q 'partner.example.expense-access'; do sleep 0.02; done
  removals+=("$(ms "$t0" "$(now)")")

  if [ "$i" = 1 ] && command -v jcmd >/dev/null; then
    jpid=$(pgrep -f "signdx.product.*serve --port $port" | head -1 || true)
    if [ -n "$jpid" ]; then
      jcmd "$jpid" GC.run >/dev/null 2>&1 || true; sleep 1
      heap=$(jcmd "$jpid" GC.heap_info 2>/dev/null | awk '/used/ {for(i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
    fi
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
rm -rf "$home"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "first start to /api/health 200:      $first ms (creates the admin user: one Argon2id hash)"
echo "restart to /api/health 200:          $(printf '%s\n' "${starts[@]}" | stats)   target <= 3000 ms"
echo "jar dropped to detector ACTIVE:      $(printf '%s\n' "${drops[@]}" | stats)   target <= 3000 ms"
echo "jar deleted to detector gone:        $(printf '%s\n' "${removals[@]}" | stats)"
echo "toggle (POST disable, effective):    $(printf '%s\n' "${toggles[@]}" | stats)   target <= 100 ms"
echo "idle heap after start and full GC:   ${heap:-n/a} (no demo data loaded yet)"
