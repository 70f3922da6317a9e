#!/usr/bin/env bash
# How far the DMarket simulator's sales drift from its own fair prices on a moving market. The Scanner prices a
# title's resale from its recent sales; the benchmarks judge it by the fair price (the ground truth). If the moving
# market's sales sit above fair, listings between fair and the sales look profitable and are not: lost precision.
#
#   bash Benchmarks/sales-bias.sh [minutes=10] [offers-per-game=20000] [titles-per-game=400]
#
# Starts the simulator (Release build, dynamics on) and, with BEFORE=<another checkout built in Release>, that
# checkout's simulator beside it at the same time. At the start and after the minutes asked for, for the first titles
# of each game: the median of each title's last 20 sales (what the Scanner's window reads) over its fair price,
# p10 / p50 / p90 across titles, and the share of titles whose median is over 10% above fair (after DMarket's 10% fee,
# listings between 90% and 99% of fair would then look profitable and are not).
set -euo pipefail

minutes=${1:-10}
offers=${2:-20000}
per_game=${3:-400}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"
bench_setup
build_release DMarketSimulator
variants=("this checkout=$root")
if [[ -n ${BEFORE:-} ]]; then
  [[ -f "$BEFORE/DMarketSimulator/bin/Release/net10.0/DMarketAspire.DMarketSimulator.dll" ]] || { echo "BEFORE must name a checkout built in Release"; exit 1; }
  variants=("before=$BEFORE" "${variants[@]}")
fi

urls=()
for variant in "${variants[@]}"; do
  name=${variant%%=*} checkout=${variant#*=} port=$(free_port)
  (cd "$checkout/DMarketSimulator" && Simulator__OffersPerGame="$offers" Simulator__Dynamics=true ASPNETCORE_URLS="http://127.0.0.1:$port" \
    exec dotnet "$checkout/DMarketSimulator/bin/Release/net10.0/DMarketAspire.DMarketSimulator.dll") >"$work/simulator-${name// /-}.log" 2>&1 &
  pids+=("$!")
  wait_http "http://127.0.0.1:$port/_sim/stats"
  urls+=("$name=http://127.0.0.1:$port")
done

PYTHONPATH="$root/Benchmarks" python3 - "$minutes" "$per_game" "${urls[@]}" <<'PY'
import statistics, sys, time, urllib.parse
from benchlib import get, pct

minutes, per_game, variants = float(sys.argv[1]), int(sys.argv[2]), [v.split("=", 1) for v in sys.argv[3:]]
games = ["a8db", "9a92", "tf2", "rust"]

def sample(base):
    ratios = []
    for game in games:
        for entry in get(f"{base}/_sim/catalogue/{game}")[:per_game]:
            sales = get(f"{base}/_sim/sales/{game}?title={urllib.parse.quote(entry['title'])}&limit=20")
            if sales:
                ratios.append(statistics.median(s["priceCents"] for s in sales) / entry["fairPriceCents"])
    over = sum(1 for r in ratios if r > 1.10) / len(ratios)
    return f"median of the last 20 sales / fair: p10 {pct(ratios, 0.1):.3f}, p50 {pct(ratios, 0.5):.3f}, p90 {pct(ratios, 0.9):.3f}; over 1.10: {over:.1%} of {len(ratios)} titles"

start = time.time()
for name, base in variants:
    print(f"== {name}, at the start: {sample(base)}", flush=True)
time.sleep(max(0, start + minutes * 60 - time.time()))
for name, base in variants:
    print(f"== {name}, after {minutes:g} min: {sample(base)}", flush=True)
PY
