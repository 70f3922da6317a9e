#!/usr/bin/env bash
# How many traces the app sends the dashboard, with the client calls no request or operation made left out of traces
# (ServiceDefaults' default) and with them kept (ServiceDefaults:TraceBackgroundCalls=true), in one go.
#
#   bash Benchmarks/traces.sh [minutes=4] [offers-per-game=20000]
#
# Each setting runs lean mode's stack as `MEMORY_MODE=lean Benchmarks/memory.sh` starts it (PostgreSQL, Redis, the
# simulators, the three services; moving market) with every process exporting to Benchmarks/otlp_count.py, and prints,
# over the last 3 minutes of the run, traces (root spans) and spans a minute, per instrumentation scope. The dashboard
# keeps the newest 2,000 traces (AppHost:Dashboard:TelemetryLimits): traces a minute says how long one stays.
set -euo pipefail

minutes=${1:-4}
offers=${2:-20000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"
port=$(free_port)

for setting in true false; do
  echo "== ServiceDefaults:TraceBackgroundCalls=$setting: lean mode, $minutes minutes, $offers offers per game"
  python3 "$root/Benchmarks/otlp_count.py" "$port" "$work/$setting.jsonl" &
  counter=$!
  ServiceDefaults__TraceBackgroundCalls=$setting OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$port" \
    OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf MEMORY_MODE=lean bash "$root/Benchmarks/memory.sh" "$minutes" "$offers" >"$work/$setting.log" 2>&1 \
    || { tail -20 "$work/$setting.log"; exit 1; }
  kill "$counter"
  grep 'DMarket requests' "$work/$setting.log" || true
  python3 - "$work/$setting.jsonl" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
end = rows[-1]
start = [r for r in rows if r["at"] <= end["at"] - 180][-1]
minutes = (end["at"] - start["at"]) / 60
print(f"  over {minutes:.1f} min: {(end['traces'] - start['traces']) / minutes:,.0f} traces a minute, "
      f"{sum(v[0] - start['scopes'].get(k, [0, 0])[0] for k, v in end['scopes'].items()) / minutes:,.0f} spans a minute")
for scope, (spans, roots) in sorted(end["scopes"].items()):
    before = start["scopes"].get(scope, [0, 0])
    print(f"    {scope:50} {(spans - before[0]) / minutes:9,.0f} spans/min {(roots - before[1]) / minutes:9,.0f} roots/min")
PY
done
