#!/usr/bin/env bash
# How long the DMarket simulator takes to answer the Scanner's heaviest requests, and the CPU it spends, on a moving
# market. The simulator stands in for DMarket in every other benchmark: when it is slow, their latencies are its own.
#
#   bash Benchmarks/simulator.sh [rounds=2] [offers-per-game=20000] [requests-per-kind=12]
#
# Each round starts the simulator alone (Release build, dynamics on), signs requests with the demo key as the app does,
# and sends each kind in turn, 4 a second: the fresh pass's newest-first page (v2 offers by createdAt), a most
# discounted page, a sweep's page within a price range, and the aggregated prices of 100 titles. Prints each kind's
# median and max milliseconds and the simulator's CPU seconds per wall second over the round.
# BEFORE=<another checkout, built in Release> runs that checkout's simulator in turns with this one (before first, the
# second round in the opposite order), so a change is measured side by side in one go.
set -euo pipefail

rounds=${1:-2}
offers=${2:-20000}
per_kind=${3:-12}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"
bench_setup
build_release DMarketSimulator
if [[ -n ${BEFORE:-} ]]; then
  [[ -f "$BEFORE/DMarketSimulator/bin/Release/net10.0/DMarketAspire.DMarketSimulator.dll" ]] || { echo "BEFORE must name a checkout built in Release"; exit 1; }
fi

run() { # $1: variant name, $2: checkout
  local port pid c0 c1 t0 t1
  port=$(free_port)
  (cd "$2/DMarketSimulator" && Simulator__OffersPerGame="$offers" Simulator__Dynamics=true ASPNETCORE_URLS="http://127.0.0.1:$port" \
    exec dotnet "$2/DMarketSimulator/bin/Release/net10.0/DMarketAspire.DMarketSimulator.dll") >"$work/simulator-$1.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait_http "http://127.0.0.1:$port/_sim/stats"
  sleep 5 # the market's first ticks
  c0=$(awk '{print $14 + $15}' "/proc/$pid/stat"); t0=$(date +%s.%N)
  echo "== $1"
  python3 - "http://127.0.0.1:$port" "$per_kind" <<'PY'
import hashlib, json, statistics, sys, time, urllib.parse, urllib.request
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

base, per_kind = sys.argv[1], int(sys.argv[2])
# The simulator's demo account: seed = SHA-256 of "dmarket-simulator-test-key" (README, DMarket simulator).
key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"dmarket-simulator-test-key").digest())
public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()

def call(method, path, query="", body=""):
    date = str(int(time.time()))
    signed = method + urllib.parse.unquote(path) + ("?" + query if query else "") + body + date
    request = urllib.request.Request(base + path + ("?" + query if query else ""), data=body.encode() or None, method=method, headers={
        "X-Api-Key": public, "X-Sign-Date": date, "X-Request-Sign": "dmar ed25519 " + key.sign(signed.encode()).hex(),
        "Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        data = response.read()
    return (time.perf_counter() - started) * 1000, data

with urllib.request.urlopen(base + "/_sim/catalogue/a8db") as response:
    titles = [entry["title"] for entry in json.load(response)][:100]
kinds = {
    "v2 offers, newest first": lambda: call("GET", "/marketplace-api/v2/offers", "gameId=a8db&orderBy=createdAt&orderDir=desc&limit=100"),
    "market items, most discounted": lambda: call("GET", "/exchange/v1/market/items", "gameId=a8db&orderBy=best_discount&orderDir=desc&limit=100&currency=USD"),
    "market items, a price range": lambda: call("GET", "/exchange/v1/market/items", "gameId=a8db&orderBy=price&orderDir=asc&limit=100&currency=USD&priceFrom=300&priceTo=1000"),
    "aggregated prices, 100 titles": lambda: call("POST", "/marketplace-api/v1/aggregated-prices", body=json.dumps({"filter": {"game": "a8db", "titles": titles[:100]}, "limit": "100"})),
}
for name, send in kinds.items():
    ms = []
    for _ in range(per_kind):
        ms.append(send()[0])
        time.sleep(0.25)
    print(f"  {name:32} median {statistics.median(ms):7.1f} ms   max {max(ms):7.1f} ms")
PY
  c1=$(awk '{print $14 + $15}' "/proc/$pid/stat"); t1=$(date +%s.%N)
  awk -v c="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" -v t0="$t0" -v t1="$t1" \
    'BEGIN { s = t1 - t0; printf "  simulator CPU: %.1f s over %.1f s (%.0f%% of a core)\n", c / hz, s, 100 * c / hz / s }'
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for round in $(seq 1 "$rounds"); do
  if [[ -z ${BEFORE:-} ]]; then
    run "round $round" "$root"
  elif (( round % 2 == 1 )); then
    run "before, round $round" "$BEFORE"; run "this checkout, round $round" "$root"
  else
    run "this checkout, round $round" "$root"; run "before, round $round" "$BEFORE"
  fi
done
