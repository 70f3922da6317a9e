#!/usr/bin/env bash
# Load on GET /api/opportunities (served from the read cache) next to a bare Kestrel endpoint that serves the very same
# bytes: requests/s and p99 for each, with wrk (Debian package), same threads, connections and duration.
# Target: the Api at 70% or more of the bare ceiling, with p99 under 5 ms.
#
#   bash Benchmarks/api-load.sh [seconds] [connections]     (defaults: 15 s, 32 connections, 2 wrk threads)
set -euo pipefail

duration=${1:-15}
connections=${2:-32}
threads=${THREADS:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/dmarket-load-XXXX)
chmod 755 "$work"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"

echo "== building (Release)"
for project in MigrationService Api Benchmarks; do dotnet build -c Release -v quiet -nologo "$root/$project" >/dev/null; done

start_redis
start_postgres

export ConnectionStrings__dmarketdb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=dmarketdb"
export ConnectionStrings__cache="127.0.0.1:$redis_port"
export Logging__LogLevel__Default=Warning
dotnet "$root/MigrationService/bin/Release/net10.0/DMarketAspire.MigrationService.dll" >"$work/migrate.log" 2>&1

# 20,000 active opportunities over the four games and five levels.
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d dmarketdb -q <<'SQL'
INSERT INTO items (game_id, title, first_seen_at, updated_at)
SELECT (ARRAY['a8db','9a92','tf2','rust'])[1 + i % 4], 'Load title ' || i, now(), now() FROM generate_series(1, 2000) AS i;
INSERT INTO opportunities (offer_id, game_id, level, title, item_id, buy_price_cents, resale_cents, fee_fraction, profit_cents,
  profit_percent, liquidity, status, first_seen_at, last_seen_at, last_scan_id)
SELECT 'load-' || i, it.game_id, (ARRAY['boost','standard','medium','advanced','pro'])[1 + i % 5], it.title, it.id,
  1000 + i % 900, 1300 + i % 700, 0.1, 50 + i % 400, round((5 + i % 60)::numeric, 2), i % 100, 'Active', now() - (i || ' seconds')::interval, now(), 1
FROM generate_series(1, 20000) AS i JOIN items it ON it.id = 1 + i % 2000;
SQL

api_port=$(free_port)
ASPNETCORE_ENVIRONMENT=Production Api__PermitsPerSecond=1000000 Api__Burst=1000000 \
  dotnet "$root/Api/bin/Release/net10.0/DMarketAspire.Api.dll" --urls "http://127.0.0.1:$api_port" >"$work/api.log" 2>&1 &
pids+=($!)
api="http://127.0.0.1:$api_port/api/opportunities"
wait_http "$api"
curl -sf "$api" -o "$work/body.json"

bare_port=$(free_port)
dotnet "$root/Benchmarks/bin/Release/net10.0/DMarketAspire.Benchmarks.dll" bare-kestrel "$work/body.json" "http://127.0.0.1:$bare_port" >"$work/bare.log" 2>&1 &
pids+=($!)
bare="http://127.0.0.1:$bare_port/api/opportunities"
wait_http "$bare"
cmp -s "$work/body.json" <(curl -sf "$bare") || { echo "the bare endpoint does not serve the same bytes" >&2; exit 1; }

run() { # name url -> "rps p99"
  wrk -t"$threads" -c"$connections" -d5s "$2" >/dev/null  # warm-up (JIT, caches)
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$2" > "$work/$1.wrk"
  python3 - "$work/$1.wrk" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(rps, ms, errors.group(1) if errors else 0)
PY
}

echo "== wrk: ${threads} threads, ${connections} connections, ${duration} s each, $(wc -c < "$work/body.json") bytes per response"
read -r bare_rps bare_p99 bare_err < <(run bare "$bare")
read -r api_rps api_p99 api_err < <(run api "$api")
python3 - "$bare_rps" "$bare_p99" "$api_rps" "$api_p99" "$api_err" <<'PY'
import sys
bare_rps, bare_p99, api_rps, api_p99, api_err = map(float, sys.argv[1:])
print(f"{'endpoint':28} {'requests/s':>11} {'p99':>9}")
print(f"{'bare Kestrel (same bytes)':28} {bare_rps:>11,.0f} {bare_p99:>7.2f}ms")
print(f"{'GET /api/opportunities':28} {api_rps:>11,.0f} {api_p99:>7.2f}ms")
print(f"Api at {api_rps / bare_rps:.0%} of the bare ceiling; p99 {api_p99:.2f} ms; non-2xx responses: {int(api_err)}")
PY
