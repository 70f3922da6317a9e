#!/usr/bin/env bash
# Scan throughput against the DMarket simulator: the share of DMarket's market-items quota (10 requests/s per account)
# that the Scanner keeps busy, and the 429s its own pacing causes (target: at least 95%, zero 429s).
#
#   bash Benchmarks/scan-throughput.sh [measure-seconds] [replicas]     (defaults: 60 s, 1 replica)
#
# Starts everything from local binaries in a temporary folder: Redis (redis-server, else Garnet), PostgreSQL, the
# simulator (default market: 3,000 offers per game, moving), the migration step, then the Scanner replica(s).
# Counters are reset after a warm-up (WARMUP seconds, default 20) so the figure is the steady state.
set -euo pipefail

measure=${1:-60}
replicas=${2:-1}
warmup=${WARMUP:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"
bench_setup
build_release DMarketSimulator MigrationService Scanner

start_redis

start_postgres

sim_port=$(free_port)
ASPNETCORE_ENVIRONMENT=Development dotnet "$(bin DMarketSimulator)" --urls "http://127.0.0.1:$sim_port" >"$work/sim.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$sim_port/alive"

export ConnectionStrings__dmarketdb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=dmarketdb"
export ConnectionStrings__cache="127.0.0.1:$redis_port"
export DMarket__BaseUrl="http://127.0.0.1:$sim_port"
export DMarket__PublicKey=69ba1e9ba688ff707b40b142b2833c42b3bb66c8875aaae9a22b587df0e6bd7f
export DMarket__SecretKey=ed665de04b6f5289b6f75cad24bed0df52752c1e21f2e2a95deea75ec15ea65b69ba1e9ba688ff707b40b142b2833c42b3bb66c8875aaae9a22b587df0e6bd7f
export Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Development

dotnet "$(bin MigrationService)" >"$work/migrate.log" 2>&1

for r in $(seq 1 "$replicas"); do
  port=$(free_port)
  Scanner__ReplicaId="bench-$r" dotnet "$(bin Scanner)" --urls "http://127.0.0.1:$port" >"$work/scanner-$r.log" 2>&1 &
  pids+=($!)
  wait_http "http://127.0.0.1:$port/alive"
done

echo "== warming up ${warmup} s, then measuring ${measure} s with ${replicas} replica(s)"
sleep "$warmup"
curl -sf -X POST "http://127.0.0.1:$sim_port/_sim/stats/reset"
sleep "$measure"
curl -sf "http://127.0.0.1:$sim_port/_sim/stats" > "$work/stats.json"

python3 - "$work/stats.json" "$measure" <<'PY'
import json, sys
stats = json.load(open(sys.argv[1]))
seconds = float(sys.argv[2])
print(f"{'group':12} {'accepted':>9} {'429s':>5} {'max/s':>6} {'limit/s':>8} {'quota used':>11}")
for g in stats["groups"]:
    used = g["accepted"] / (g["limitPerSecond"] * seconds)
    print(f"{g['group']:12} {g['accepted']:>9} {g['rejected']:>5} {g['maxAttemptedPerSecond']:>6} {g['limitPerSecond']:>8} {used:>10.1%}")
market = next(g for g in stats["groups"] if g["group"] == "MarketItems")
rejected = sum(g["rejected"] for g in stats["groups"])
print(f"market-items quota used: {market['accepted'] / (market['limitPerSecond'] * seconds):.1%}; 429s from our own pacing: {rejected}")
PY
