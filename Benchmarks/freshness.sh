#!/usr/bin/env bash
# Freshness and recall at market scale, measured as a new user would: the whole app started by the AppHost (as
# `dotnet run --project AppHost` does) on a large simulated market, profitable listings planted at random moments.
#
#   bash Benchmarks/freshness.sh [minutes=10] [offers-per-game=20000] [plants=30]
#
# Prints:
#   * listing -> visible in GET /api/opportunities, p50/p99 (and max, misses) over the planted listings. Each is priced
#     under its title's best buy order after the fee (an instant resale), listed past the buy orders (BypassBuyOrders).
#   * recall against the simulator's ground truth after 2, 5 and 10 minutes (of the minutes asked for): offers the model
#     knows to be profitable at the title's fair price by at least their level's minimum, blacklisted titles left out;
#     precision: of the Api's active opportunities still listed, those profitable at fair price; and how many it shows
#     for listings already sold (the sweeps mark them gone when they pass by).
#   * the market-items quota used after the first minute (start-up) and every 429 the simulator gave, per group.
set -euo pipefail

minutes=${1:-10}
offers=${2:-20000}
plants=${3:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"
bench_setup
build_release AppHost

echo "== starting the app (${offers} offers per game)"
start_apphost "$offers"
grep -A30 "All resources are up after" "$log" | sed -n '1,20p'
origin() { awk -v n="$1" '$1 == n { print $NF; exit }' "$log" | sed -E 's#^(https?://[^/]+).*#\1#'; }
sim=$(origin dmarket-simulator)
api=$(origin api)

python3 - "$sim" "$api" "$minutes" "$plants" <<'PY'
import json, random, re, statistics, sys, threading, time, urllib.request
from datetime import datetime

sim, api, minutes, plants = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
games = ["a8db", "9a92", "tf2", "rust"]
levels = [(50, 300, 1), (300, 1000, 5), (1000, 3000, 5), (3000, 10000, 10), (10000, 100000, 20)]
rng = random.Random(20261202)

def get(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.load(r)

def post(url, body=None):
    data = json.dumps(body).encode() if body is not None else b""
    req = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        text = r.read()
        return json.loads(text) if text else None

def api_active():
    ids, cursor = set(), None
    while True:
        url = f"{api}/api/opportunities?status=active&sort=newest&limit=100" + (f"&cursor={cursor}" if cursor else "")
        page = get(url)
        ids.update(o["offerId"] for o in page["items"])
        cursor = page.get("nextCursor")
        if not cursor:
            return ids
        time.sleep(0.02)

def truth(min_percent_by_level=True):
    offers = set()
    for lo, hi, pct in levels:
        q = f"{sim}/_sim/ground-truth?excludeBlacklisted=true&priceFromCents={lo}&priceToCents={hi - 1}&minProfitPercent={pct if min_percent_by_level else 0}"
        offers.update(o["offerId"] for o in get(q))
    return offers

post(f"{sim}/_sim/stats/reset")
start = time.time()
duration = minutes * 60

# The default blacklist (Pricing:BlacklistWords) as the engine matches it: whole words of a title's type part.
blacklist = [w.split() for w in ["sticker", "graffiti", "case", "key", "pin", "patch", "music kit", "capsule", "pass"]]
def blacklisted(title):
    words = re.split(r"[ ()\-'™★]+", title.split("|")[0].lower())
    return any(words[i:i + len(p)] == p for p in blacklist for i in range(len(words)))

# Titles with a buy order, per game, that the engine prices (not blacklisted; the planted price within the levels):
# a listing under the buy order after the fee resells at once.
def plant_price(bid):
    return int(bid * 0.9 * 0.75)
candidates = {g: [c for c in get(f"{sim}/_sim/catalogue/{g}")
                  if c.get("bestBuyOrderCents") and 50 <= plant_price(c["bestBuyOrderCents"]) < 100000 and not blacklisted(c["title"])] for g in games}
latencies, misses, lock = [], [], threading.Lock()

def visible(game, offer_id, planted_at):
    # Newest first, paged back to what was found before the plant: a sweep may have found a hundred more since.
    cursor = None
    while True:
        page = get(f"{api}/api/opportunities?game={game}&status=all&sort=newest&limit=100" + (f"&cursor={cursor}" if cursor else ""))
        if any(o["offerId"] == offer_id for o in page["items"]):
            return True
        cursor = page.get("nextCursor")
        if not cursor or not page["items"] or datetime.fromisoformat(page["items"][-1]["firstSeenAt"]).timestamp() < planted_at - 2:
            return False

def watch(game, offer_id, planted_at):
    deadline = planted_at + 120
    while time.time() < deadline:
        try:
            if visible(game, offer_id, planted_at):
                with lock:
                    latencies.append(time.time() - planted_at)
                return
        except Exception:
            pass
        time.sleep(0.1)
    with lock:
        misses.append(offer_id)

def planter():
    # Random moments over the run, leaving the last two minutes for the last one to show.
    moments = sorted(rng.uniform(20, max(30, duration - 120)) for _ in range(plants))
    threads = []
    for moment in moments:
        time.sleep(max(0, start + moment - time.time()))
        game = rng.choice(games)
        title = rng.choice(candidates[game])
        price = plant_price(title["bestBuyOrderCents"])
        planted = post(f"{sim}/_sim/offers", {"gameId": game, "title": title["title"], "priceCents": price, "bypassBuyOrders": True})
        t = threading.Thread(target=watch, args=(game, planted["offerId"], time.time()), daemon=True)
        t.start()
        threads.append(t)
    for t in threads:
        t.join()

plant_thread = threading.Thread(target=planter, daemon=True)
plant_thread.start()

# The quota is measured once the services are past start-up (the first minute); 429s are counted over the whole run.
def steady():
    global steady_from, warmup_rejected
    time.sleep(max(0, start + 60 - time.time()))
    warmup_rejected = {g["group"]: g["rejected"] for g in get(f"{sim}/_sim/stats")["groups"]}
    post(f"{sim}/_sim/stats/reset")
    steady_from = time.time()
steady_from, warmup_rejected = start, {}
steady_thread = threading.Thread(target=steady, daemon=True)
steady_thread.start()

checkpoints = [m for m in (2, 5, 10) if m <= minutes] or [minutes]
recall_rows = []
for m in checkpoints:
    time.sleep(max(0, start + m * 60 - time.time()))
    shown = api_active()
    wanted = truth()
    profitable = truth(min_percent_by_level=False)
    listed = set(post(f"{sim}/_sim/offers/listed", sorted(shown)))
    found = len(wanted & shown)
    right = len(listed & profitable)
    stale = len(shown - listed)
    recall_rows.append((m, found, len(wanted), right, len(listed), stale, len(shown)))
    print(f"  after {m:>2} min: recall {found}/{len(wanted)} = {found / max(1, len(wanted)):.1%}; precision {right}/{len(listed)} = {right / max(1, len(listed)):.1%} "
          f"of the shown offers still listed; {stale} of {len(shown)} shown ({stale / max(1, len(shown)):.1%}) already sold", flush=True)

time.sleep(max(0, start + duration - time.time()))
plant_thread.join(timeout=130)
elapsed = time.time() - steady_from
stats = get(f"{sim}/_sim/stats")
for g in stats["groups"]:
    g["rejected"] += warmup_rejected.get(g["group"], 0)

print()
print(f"== planted listings (under the best buy order after the fee): {len(latencies)} seen, {len(misses)} not seen within 120 s")
if latencies:
    ordered = sorted(latencies)
    p = lambda q: ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
    print(f"  listing -> Api: p50 {p(0.5):.2f} s, p99 {p(0.99):.2f} s, max {ordered[-1]:.2f} s, mean {statistics.mean(ordered):.2f} s")
print()
print(f"== DMarket budget over the last {elapsed:.0f} s (429s: the whole run)")
print(f"  {'group':12} {'accepted':>9} {'429s':>5} {'max/s':>6} {'limit/s':>8} {'quota used':>11}")
for g in stats["groups"]:
    used = g["accepted"] / (g["limitPerSecond"] * elapsed)
    print(f"  {g['group']:12} {g['accepted']:>9} {g['rejected']:>5} {g['maxAttemptedPerSecond']:>6} {g['limitPerSecond']:>8} {used:>10.1%}")
print()
print("== summary")
print(f"  latency p50/p99 s: " + (f"{p(0.5):.2f} / {p(0.99):.2f}" if latencies else "n/a") + f"; missed {len(misses)} of {plants}")
print("  recall: " + ", ".join(f"{m} min {f / max(1, w):.1%}" for m, f, w, *_ in recall_rows)
      + "; precision: " + ", ".join(f"{r / max(1, l):.1%}" for _, _, _, r, l, _, _ in recall_rows)
      + "; shown but sold: " + ", ".join(f"{st / max(1, sh):.1%}" for *_, st, sh in recall_rows))
market = next(g for g in stats["groups"] if g["group"] == "MarketItems")
print(f"  market-items quota used {market['accepted'] / (market['limitPerSecond'] * elapsed):.1%}; 429s: " + ", ".join(f"{g['group']} {g['rejected']}" for g in stats["groups"]))
PY

echo "== stopping the app"
kill -TERM "$apphost"; wait "$apphost" 2>/dev/null || true
