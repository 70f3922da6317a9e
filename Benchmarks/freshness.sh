#!/usr/bin/env bash
# Freshness and recall at market scale, measured as a new user would: the whole app started by the AppHost (as
# `dotnet run --project AppHost` does) on a large simulated market, profitable listings planted at random moments.
#
#   bash Benchmarks/freshness.sh [minutes=10] [offers-per-game=20000] [plants=30]
#
# Prints:
#   * listing -> visible in GET /api/opportunities, p50/p99 (and max, misses) per kind of planted listing, half of each:
#     "under bid": priced under its title's best buy order after the fee (an instant resale); "under worth": about 40%
#     under its title's fair price on a title whose best buy order (if any) is under it, so only what the title is known
#     to be worth says it is an opportunity. Both listed past the buy orders (BypassBuyOrders); a quarter of each kind
#     planted in the first minute after start-up (cold caches).
#   * recall against the simulator's ground truth after 2, 5 and 10 minutes (of the minutes asked for): offers the model
#     knows to be profitable at the title's fair price by at least their level's minimum, blacklisted titles left out;
#     precision: of the Api's active opportunities still listed once the ground truth is read, those profitable at fair
#     price (the others printed with their price, resale and the title's fair price).
#   * every minute from the second: the share of the Api's active opportunities no longer listed at the simulator.
#   * the market-items quota used after the first minute (start-up) and every 429 the simulator gave, per group.
# RESTART_SCANNER_AT=<seconds> (e.g. 240): the Scanner is killed (SIGKILL) that long after start-up and the AppHost's
# restart policy starts it again; the quarter of the listings otherwise planted in the first minute after start-up is
# planted 10-60 s after the kill instead, and their latencies are printed apart: a restart's first minute. An eighth of
# the listings, all under worth, is planted 3-15 s before the kill (likely still waiting on their title's sales when
# it comes) and printed apart too.
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
# The Api paces each client; this script is one client polling for every planted listing at once, and a 429 would
# show up as latency the Scanner did not cause.
export Api__PermitsPerSecond=100000 Api__Burst=100000
start_apphost "$offers"
grep -A30 "All resources are up after" "$log" | sed -n '1,20p'
origin() { awk -v n="$1" '$1 == n { print $NF; exit }' "$log" | sed -E 's#^(https?://[^/]+).*#\1#'; }
sim=$(origin dmarket-simulator)
api=$(origin api)

PYTHONPATH="$root/Benchmarks" RESTART_SCANNER_AT=${RESTART_SCANNER_AT:-0} python3 - "$sim" "$api" "$minutes" "$plants" <<'PY'
import os, random, statistics, subprocess, sys, threading, time
from datetime import datetime
from benchlib import blacklisted, get, pct, post, price_under_bid, shown as api_shows

sim, api, minutes, plants = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
games = ["a8db", "9a92", "tf2", "rust"]
levels = [(50, 300, 1), (300, 1000, 5), (1000, 3000, 5), (3000, 10000, 10), (10000, 100000, 20)]
rng = random.Random(20261202)

def api_active():
    """The Api's active opportunities, by offer id."""
    shown, cursor = {}, None
    while True:
        url = f"{api}/api/opportunities?status=active&sort=newest&limit=100" + (f"&cursor={cursor}" if cursor else "")
        page = get(url)
        shown.update((o["offerId"], o) for o in page["items"])
        cursor = page.get("nextCursor")
        if not cursor:
            return shown
        time.sleep(0.02)

def truth(min_percent_by_level=True, by_id=None):
    """Offer ids the model knows to be profitable (by_id, if given, gets each one's record with its level's minimum)."""
    offers = set()
    for lo, hi, pct in levels:
        q = f"{sim}/_sim/ground-truth?excludeBlacklisted=true&priceFromCents={lo}&priceToCents={hi - 1}&minProfitPercent={pct if min_percent_by_level else 0}"
        for o in get(q):
            offers.add(o["offerId"])
            if by_id is not None:
                by_id[o["offerId"]] = dict(o, minPercent=pct)
    return offers

def why_missed(missed, records, details, now):
    """Sorts the offers the truth wants but the Api does not show by the likely reason, most telling first."""
    titles_shown = {(o["gameId"], o["title"]) for o in details.values()}
    reasons = {}
    for i in missed:
        o = records[i]
        age = (now - datetime.fromisoformat(o["listedAt"])).total_seconds()
        if age < 60:
            reason = "listed under 60 s ago"
        elif float(o["profitPercent"]) - o["minPercent"] < 5:
            reason = "within 5 points of its level's minimum profit"
        elif (o["gameId"], o["title"]) in titles_shown:
            reason = "title shown with another listing"
        else:
            reason = "title not shown at all"
        reasons.setdefault(reason, []).append(o)
    return sorted(reasons.items(), key=lambda r: -len(r[1]))

post(f"{sim}/_sim/stats/reset")
start = time.time()
duration = minutes * 60

# Titles the engine prices (not blacklisted; the planted price within the levels), per kind. Under bid: a title with a
# buy order, planted under it after the fee. Under worth: planted at 60% of the fair price on a title whose best buy
# order, if any, is under that price.
def price_under_worth(c):
    price = int(c["fairPriceCents"] * 0.6)
    return price if (c.get("bestBuyOrderCents") or 0) < price else 0
kinds = {"under bid": price_under_bid, "under worth": price_under_worth}
catalogue = {g: [c for c in get(f"{sim}/_sim/catalogue/{g}") if not blacklisted(c["title"])] for g in games}
candidates = {k: {g: [c for c in catalogue[g] if 50 <= price(c) < 100000] for g in games} for k, price in kinds.items()}
latencies, misses, lock = {k: [] for k in kinds}, {k: [] for k in kinds}, threading.Lock()
plant_log = []
poll_errors = {}

def watch(kind, game, offer_id, planted_at, title, price_cents):
    deadline = planted_at + 120
    # Whether the simulator's model counts the listing an opportunity at its level's minimum profit (what the Scanner
    # must find): a listing 40% under its fair price may still miss it, e.g. on a title whose fee or liquidity rules it out.
    # Asked beside the polling, so that it cannot delay the first look at the Api.
    in_truth = {}
    def ask():
        try:
            in_truth["v"] = offer_id in truth()
        except Exception:
            pass
    asking = threading.Thread(target=ask, daemon=True)
    asking.start()
    while time.time() < deadline:
        try:
            found = api_shows(api, game, offer_id, planted_at)
            if found is not None:
                with lock:
                    latencies[kind].append(time.time() - planted_at)
                    # When the Scanner recorded it (its clock is this machine's): the rest is the Api and this poll.
                    recorded = datetime.fromisoformat(found["firstSeenAt"]).timestamp() - planted_at
                    plant_log.append((planted_at - start, kind, time.time() - planted_at, recorded, f"{game} '{title}' at {price_cents}c"))
                return
        except Exception as e:
            # Counted and printed at the end: a poll that keeps failing would read as a listing never shown.
            with lock:
                reason = f"{type(e).__name__}: {str(e)[:100]}"
                poll_errors[reason] = poll_errors.get(reason, 0) + 1
        time.sleep(0.1)
    # Why a listing was missed: the moving market may have bought it before anything could show it.
    try:
        still = offer_id in set(post(f"{sim}/_sim/offers/listed", [offer_id]))
    except Exception:
        still = None
    # If it went: how long after the plant (a listing bought within a second or two was never there to be shown).
    left_after = None
    if still is False:
        try:
            departed = post(f"{sim}/_sim/offers/departures", [offer_id])
            if departed:
                ago = (datetime.fromisoformat(get(f"{sim}/_sim/clock")["now"]) - datetime.fromisoformat(departed[0]["leftAt"])).total_seconds()
                left_after = time.time() - planted_at - ago
        except Exception:
            pass
    asking.join(timeout=30)
    with lock:
        misses[kind].append((offer_id, game, title, price_cents, planted_at - start, still, in_truth.get("v"), left_after))
        plant_log.append((planted_at - start, kind, None, None, f"{game} '{title}' at {price_cents}c"))

def planter():
    # Random moments over the run, leaving the last two minutes for the last one to show; a quarter in the first minute.
    early = plants // 4
    before_kill = plants // 8 if restart_at else 0
    first_minute = (restart_at + 10, restart_at + 60) if restart_at else (20, 60)
    moments = sorted([(rng.uniform(*first_minute), None) for _ in range(early)]
                     + [(rng.uniform(60, max(70, duration - 120)), None) for _ in range(plants - early - before_kill)]
                     + [(rng.uniform(restart_at - 15, restart_at - 3), "under worth") for _ in range(before_kill)])
    threads = []
    for i, (moment, forced) in enumerate(moments):
        kind = forced or list(kinds)[i % 2]
        time.sleep(max(0, start + moment - time.time()))
        game = rng.choice(games)
        title = rng.choice(candidates[kind][game])
        planted = post(f"{sim}/_sim/offers", {"gameId": game, "title": title["title"], "priceCents": kinds[kind](title), "bypassBuyOrders": True})
        t = threading.Thread(target=watch, args=(kind, game, planted["offerId"], time.time(), title["title"], kinds[kind](title)), daemon=True)
        t.start()
        threads.append(t)
    for t in threads:
        t.join()

restart_at = float(os.environ["RESTART_SCANNER_AT"])
def restart_scanner():
    time.sleep(max(0, start + restart_at - time.time()))
    pids = subprocess.run(["pgrep", "-f", r"DMarketAspire\.Scanner(\.dll)?( |$)"], capture_output=True, text=True).stdout.split()
    for pid in pids:
        os.kill(int(pid), 9)
    print(f"  killed the Scanner (SIGKILL, PID {', '.join(pids)}) {time.time() - start:.0f} s after start-up", flush=True)
if restart_at:
    threading.Thread(target=restart_scanner, daemon=True).start()

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

# Each minute from the second: the shown-but-sold share; at 2, 5 and 10 minutes also recall and precision.
checkpoints = [m for m in (2, 5, 10) if m <= minutes] or [minutes]
recall_rows, stale_rows = [], []
for m in range(2, int(minutes) + 1):
    time.sleep(max(0, start + m * 60 - time.time()))
    details = api_active()
    shown = set(details)
    listed = set(post(f"{sim}/_sim/offers/listed", sorted(shown)))
    stale = len(shown - listed)
    stale_rows.append((m, stale, len(shown)))
    line = f"  after {m:>2} min: {stale} of {len(shown)} shown ({stale / max(1, len(shown)):.1%}) no longer listed"
    # Why they are still shown: how long ago they left, and whether a cheaper listing of their title hides it from the
    # title's best offer (only a search of the title can tell then).
    departed = post(f"{sim}/_sim/offers/departures", sorted(shown - listed)) if stale else []
    if departed:
        now = datetime.fromisoformat(get(f"{sim}/_sim/clock")["now"])
        ago = sorted((now - datetime.fromisoformat(d["leftAt"])).total_seconds() for d in departed)
        hidden = sum(1 for d in departed if d["cheaperStillListed"])
        line += f" [left {ago[len(ago) // 2]:.0f} s ago (median), {ago[-1]:.0f} s at most; {hidden} behind a cheaper listing of their title"
        # Whether the listing watch looks at them: it reads each game's titles in order of their best opportunity's
        # profit, up to Scanner:ListingWatchMaxTitles (WATCH_TITLES here, its default unless set).
        rank, per_game = {}, {}
        for o in sorted(details.values(), key=lambda o: (-o["profitCents"], -o["id"])):
            if (o["gameId"], o["title"]) not in rank:
                per_game[o["gameId"]] = per_game.get(o["gameId"], 0) + 1
                rank[(o["gameId"], o["title"])] = per_game[o["gameId"]]
        cap = int(os.environ.get("WATCH_TITLES", "200"))
        beyond = sum(1 for i in shown - listed if rank[(details[i]["gameId"], details[i]["title"])] > cap)
        titles_per_game = ", ".join(f"{g[:4]} {n}" for g, n in sorted(per_game.items()))
        line += f"; {beyond} beyond the watch's first {cap} titles of their game (titles shown: {titles_per_game})]"
        # The rest the watch should have told: when each left, its title's rank, and how long it had been shown.
        for d in departed:
            o = details[d["offerId"]]
            r = rank[(o["gameId"], o["title"])]
            left = (now - datetime.fromisoformat(d["leftAt"])).total_seconds()
            if left > 5 and not d["cheaperStillListed"] and r <= cap:
                shown_for = (now - datetime.fromisoformat(o["firstSeenAt"])).total_seconds()
                line += f"\n    left {left:.0f} s ago: {o['gameId'][:4]} '{o['title']}' {o['buyPriceCents']}c, title rank {r}, shown {shown_for:.0f} s, level {o['level']}"
    if m in checkpoints:
        records = {}
        wanted = truth(by_id=records)
        profitable = truth(min_percent_by_level=False)
        # Precision over what was still listed after the ground truth was read, not before: the most underpriced
        # listings are bought within seconds, and one bought in between is in neither the truth nor wrong.
        listed = set(post(f"{sim}/_sim/offers/listed", sorted(shown)))
        found = len(wanted & shown)
        right = len(listed & profitable)
        recall_rows.append((m, found, len(wanted), right, len(listed)))
        line += f"; recall {found}/{len(wanted)} = {found / max(1, len(wanted)):.1%}; precision {right}/{len(listed)} = {right / max(1, len(listed)):.1%}"
        # What recall missed, by the likely reason, with a few examples of each (price, fair, profit over the minimum).
        now = datetime.fromisoformat(get(f"{sim}/_sim/clock")["now"])
        for reason, missed in why_missed(wanted - shown, records, details, now):
            line += f"\n    missed, {reason}: {len(missed)}: " + "; ".join(
                f"{o['gameId'][:4]} '{o['title']}' {o['priceCents']}c, fair {o['fairPriceCents']}c, {o['profitPercent']}% (min {o['minPercent']}%)"
                for o in sorted(missed, key=lambda o: -float(o["profitPercent"]))[:4])
        # What the imprecise ones are: shown and still listed, yet not profitable at the title's fair price now.
        wrong = [details[i] for i in sorted(listed - profitable)]
        if wrong:
            fair = {(g, c["title"]): c["fairPriceCents"] for g in {o["gameId"] for o in wrong} for c in get(f"{sim}/_sim/catalogue/{g}")}
            line += "\n    not profitable at fair price: " + "; ".join(
                f"{o['gameId']} '{o['title']}' {o['buyPriceCents']}c, resale {o['resaleCents']}c"
                + (f" (bid {o['bestBuyOrderCents']}c)" if o.get("bestBuyOrderCents") else "")
                + f", fair {fair.get((o['gameId'], o['title']), '?')}c, level {o['level']}" for o in wrong[:8])
    print(line, flush=True)

time.sleep(max(0, start + duration - time.time()))
plant_thread.join(timeout=130)
elapsed = time.time() - steady_from
stats = get(f"{sim}/_sim/stats")
for g in stats["groups"]:
    g["rejected"] += warmup_rejected.get(g["group"], 0)

print()
print("== each planted listing: seconds after start-up, kind, listing -> Api (listing -> recorded by the Scanner)")
print("  " + "; ".join(f"{at:.0f} s {kind}: " + (f"{took:.1f} s ({recorded:.1f})" if took is not None else "missed") for at, kind, took, recorded, _ in sorted(plant_log)))
for at, kind, took, _, what in sorted(plant_log):
    if took is not None and took > 3:  # the target: within 3 s
        print(f"  over 3 s: {what}, {kind}, planted {at:.0f} s after start-up: {took:.1f} s")
for error, count in sorted(poll_errors.items(), key=lambda e: -e[1]):
    print(f"  polling the Api failed {count} times: {error}")
print()
for kind in kinds:
    seen = latencies[kind]
    print(f"== planted {kind}: {len(seen)} seen, {len(misses[kind])} not seen within 120 s")
    for offer_id, game, title, price_cents, at, still, in_truth, left_after in misses[kind]:
        gone = "gone (bought or delisted) within 120 s" + (f", {left_after:.1f} s after the plant" if left_after is not None else "")
        print(f"  missed: {game} '{title}' at {price_cents}c, planted {at:.0f} s after start-up, "
              + {True: "still listed after 120 s", False: gone, None: "listing state unknown"}[still] + "; "
              + {True: "an opportunity by the model's ground truth", False: "not an opportunity by the model's ground truth", None: "ground truth unknown"}[in_truth])
    if seen:
        print(f"  listing -> Api: p50 {pct(seen, 0.5):.2f} s, p99 {pct(seen, 0.99):.2f} s, max {max(seen):.2f} s, mean {statistics.mean(seen):.2f} s")
print()
print(f"== DMarket budget over the last {elapsed:.0f} s (429s: the whole run)")
print(f"  {'group':12} {'accepted':>9} {'429s':>5} {'max/s':>6} {'limit/s':>8} {'quota used':>11}")
for g in stats["groups"]:
    used = g["accepted"] / (g["limitPerSecond"] * elapsed)
    print(f"  {g['group']:12} {g['accepted']:>9} {g['rejected']:>5} {g['maxAttemptedPerSecond']:>6} {g['limitPerSecond']:>8} {used:>10.1%}")
print()
print("== summary")
for kind in kinds:
    seen = latencies[kind]
    # The first minute is a cold start's (nothing known of any title yet): shown apart, so a change to either shows.
    later = [took for at, k, took, _, _ in plant_log if k == kind and at >= 60 and took is not None]
    print(f"  {kind}: p50/p99 s " + (f"{pct(seen, 0.5):.2f} / {pct(seen, 0.99):.2f}" if seen else "n/a") + f"; missed {len(misses[kind])} of {len(seen) + len(misses[kind])}"
          + (f"; planted after the first minute: p50/p99 s {pct(later, 0.5):.2f} / {pct(later, 0.99):.2f} ({len(later)})" if later else ""))
if restart_at:
    for kind in kinds:
        after = [took for at, k, took, _, _ in plant_log if k == kind and restart_at <= at <= restart_at + 60]
        missed = sum(1 for at, k, took, _, _ in plant_log if k == kind and restart_at <= at <= restart_at + 60 and took is None)
        print(f"  {kind}, planted in the minute after the restart: " + ", ".join(f"{t:.1f}" for t in after if t is not None) + f" s; missed {missed}")
    waited = [(at, took) for at, k, took, _, _ in plant_log if k == "under worth" and restart_at - 15 <= at < restart_at]
    print("  under worth, planted in the 15 s before the kill: " + ", ".join(f"{took:.1f} s" if took is not None else "missed" for _, took in sorted(waited)))
print("  recall: " + ", ".join(f"{m} min {f / max(1, w):.1%}" for m, f, w, *_ in recall_rows)
      + "; precision: " + ", ".join(f"{r / max(1, l):.1%}" for *_, r, l in recall_rows))
print("  shown but no longer listed, each minute: " + ", ".join(f"{st / max(1, sh):.1%}" for _, st, sh in stale_rows)
      + f" (max {max((st / max(1, sh) for _, st, sh in stale_rows), default=0):.1%})")
market = next(g for g in stats["groups"] if g["group"] == "MarketItems")
print(f"  market-items quota used {market['accepted'] / (market['limitPerSecond'] * elapsed):.1%}; 429s: " + ", ".join(f"{g['group']} {g['rejected']}" for g in stats["groups"]))
PY

echo "== stopping the app"
kill -TERM "$apphost"; wait "$apphost" 2>/dev/null || true
