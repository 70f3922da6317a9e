#!/usr/bin/env bash
# The race the autopilot exists to win, and paper mode against the market's own history, measured as users would run
# them: the whole app started by the AppHost (as `dotnet run --project AppHost` does) on a moving simulated market, two
# Telegram users set up through the chat (keys, rules, limits, /autopilot on):
#   * live: live after the confirmation, rules that want only listings far under their title's best buy order (profit
#     over 100%), so it races for the planted ones and not the whole market; listings planted at random moments, a
#     quarter in the first minute after it went live;
#   * paper: the default rules (liquidity and price opened up), listing at the resale estimate after each paper buy.
#
#   bash Benchmarks/autopilot.sh [minutes=10] [offers-per-game=20000] [plants=30]
#
# Prints, per planted listing and as p50/p99: listing -> the live autopilot's buy recorded at the simulator (its own
# clock, the machine's) next to listing -> visible in GET /api/opportunities, and those not bought within 60 s; then
# paper mode checked against the simulator's sales history: every paper sale must match a real sale of its title at or
# above its ask after it was listed, at the ask less the fee; a paper item still listed must have no such sale, or one
# that came after the paper book last looked (it looks at the least recently checked listings every few seconds).
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
# Each user sets the autopilot up with a dozen commands in a few seconds: above the per-chat flood guard.
export Api__PermitsPerSecond=100000 Api__Burst=100000 Bot__FloodMaxUpdates=1000
start_apphost "$offers"
origin() { awk -v n="$1" '$1 == n { print $NF; exit }' "$log" | sed -E 's#^(https?://[^/]+).*#\1#'; }
sim=$(origin dmarket-simulator)
api=$(origin api)
telegram=$(origin telegram-simulator)

PYTHONPATH="$root/Benchmarks" python3 - "$sim" "$api" "$telegram" "$minutes" "$plants" <<'PY'
import json, random, re, statistics, sys, threading, time, urllib.parse, urllib.request
from datetime import datetime
from benchlib import blacklisted, get, pct, post, visible

sim, api, telegram, minutes, plants = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
games = ["a8db", "9a92", "tf2", "rust"]
rng = random.Random(20261203)
LIVE, PAPER = 4242, 4343

def chat(user):
    return get(f"{telegram}/_sim/chats/{user}")["messages"]

def say(user, text, expect, timeout=30):
    before = max([m["messageId"] for m in chat(user)] or [0]) if text != "/start" else 0
    post(f"{telegram}/_sim/users/{user}/messages", {"text": text, "firstName": "Bench", "languageCode": "en"})
    deadline = time.time() + timeout
    while time.time() < deadline:
        for m in chat(user):
            if m["fromBot"] and m["messageId"] > before and m["text"].startswith(expect):
                return m
        time.sleep(0.1)
    last = [m["text"][:200] for m in chat(user) if m["fromBot"]][-1:]
    raise SystemExit(f"no answer starting {expect!r} to {text!r}; the bot's last message: {last}")

def set_up(user, settings):
    account = post(f"{sim}/_sim/accounts", {"username": f"bench-{user}", "balanceCents": 100_000_000})
    say(user, "/start", "Hi")
    say(user, f"/keys {account['publicKey']} {account['secretKey']}", "✅")
    for setting in settings:
        say(user, f"/autopilot set {setting}", "🤖 Autopilot:")
    say(user, "/autopilot on", "🤖 Autopilot: on")
    return account

wide = ["daily 500000", "positions 1000", "share 100", "maxprice 1000", "liquidity 0", "report off"]
live_account = set_up(LIVE, wide + ["minprofit 100", "after hold"])
ask = say(LIVE, "/autopilot live", "💵 Switch to live?")
confirm = next(b["callbackData"] for row in ask["buttons"] for b in row if b["text"] == "✅ Yes, go live")
post(f"{telegram}/_sim/users/{LIVE}/callbacks", {"messageId": ask["messageId"], "data": confirm})
deadline = time.time() + 30
while not any(m["messageId"] == ask["messageId"] and "live: buys with your money" in m["text"] for m in chat(LIVE)):
    if time.time() > deadline:
        raise SystemExit("live mode not confirmed")
    time.sleep(0.1)
set_up(PAPER, wide + ["paper 100000", "after list"])
print("== one user's autopilot is live, another's in paper mode", flush=True)

# Far under the title's best buy order after the fee (profit about 150%): what the live user's rules want.
def plant_price(c):
    return int(c["bestBuyOrderCents"] * 0.9 * 0.4) if c.get("bestBuyOrderCents") else 0
catalogue = {g: [c for c in get(f"{sim}/_sim/catalogue/{g}") if not blacklisted(c["title"]) and 50 <= plant_price(c) < 100000] for g in games}

start = time.time()
duration = minutes * 60
rows, lock = [], threading.Lock()
planted_ids = set()

def bought_at():
    return {b["offerId"]: datetime.fromisoformat(b["at"].replace("Z", "+00:00")).timestamp() for b in get(f"{sim}/_sim/accounts/{live_account['publicKey']}/buys")}

def watch(game, offer_id, planted_at):
    seen_api, bought = None, None
    deadline = planted_at + 60
    while time.time() < deadline and (seen_api is None or bought is None):
        try:
            if seen_api is None and visible(api, game, offer_id, planted_at):
                seen_api = time.time() - planted_at
            if bought is None and (at := bought_at().get(offer_id)) is not None:
                bought = at - planted_at
        except Exception:
            pass
        time.sleep(0.1)
    with lock:
        rows.append((planted_at - start, game, offer_id, seen_api, bought))

early = plants // 4
moments = sorted([rng.uniform(5, 60) for _ in range(early)] + [rng.uniform(60, max(70, duration - 70)) for _ in range(plants - early)])
threads = []
for moment in moments:
    time.sleep(max(0, start + moment - time.time()))
    game = rng.choice(games)
    title = rng.choice(catalogue[game])
    planted_at = time.time()
    planted = post(f"{sim}/_sim/offers", {"gameId": game, "title": title["title"], "priceCents": plant_price(title), "bypassBuyOrders": True})
    planted_ids.add(planted["offerId"])
    t = threading.Thread(target=watch, args=(game, planted["offerId"], planted_at), daemon=True)
    t.start()
    threads.append(t)
for t in threads:
    t.join()
time.sleep(max(0, start + duration - time.time()))
all_buys = bought_at()

print()
print("== each planted listing: seconds after going live, game, listing -> Api, listing -> the live autopilot's buy at the simulator")
print("  " + "; ".join(f"{at:.0f} s {game}: Api " + (f"{a:.2f} s" if a is not None else "not seen") + ", buy " + (f"{b:.2f} s" if b is not None else "none")
                       for at, game, _, a, b in sorted(rows)))
api_seen = [a for *_, a, _ in rows if a is not None]
buys = [b for *_, b in rows if b is not None]
print()
print(f"== {len(rows)} planted; bought by the live autopilot within 60 s: {len(buys)}; seen in the Api: {len(api_seen)}")
if buys:
    print(f"  listing -> autopilot's buy at the simulator: p50 {pct(buys, 0.5):.2f} s, p99 {pct(buys, 0.99):.2f} s, max {max(buys):.2f} s, mean {statistics.mean(buys):.2f} s")
if api_seen:
    print(f"  listing -> visible in GET /api/opportunities: p50 {pct(api_seen, 0.5):.2f} s, p99 {pct(api_seen, 0.99):.2f} s, max {max(api_seen):.2f} s")
print(f"  the live autopilot also bought {len(set(all_buys) - planted_ids)} listings the Scanner found on its own")
own = [b - a for *_, a, b in rows if a is not None and b is not None]
if own:
    # The Api is polled every 0.1 s or so: a buy can land before the poll that sees the listing (a small negative).
    print(f"  the autopilot's own share (buy minus Api): p50 {pct(own, 0.5):.2f} s, p99 {pct(own, 0.99):.2f} s, max {max(own):.2f} s")

# Paper mode against the market's own history, read from the simulator (unsigned control endpoint).
issued = say(PAPER, "/apikey", "🔑")
key = re.search(r"dma_[A-Za-z0-9_-]{43}", issued["text"]).group(0)
def me(path):
    req = urllib.request.Request(f"{api}{path}", headers={"X-Api-Key": key})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)
def ts(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
positions = me("/api/me/autopilot/paper?limit=200")
status = me("/api/me/autopilot")
sold_ok, sold_bad, held_ok, held_bad, held_waiting = 0, [], 0, [], 0
for p in positions:
    if p.get("listPriceCents") is None:
        continue
    sales = get(f"{sim}/_sim/sales/{p['gameId']}?title={urllib.parse.quote(p['title'])}")
    # The same rule as the paper book: a sale counts when its time (whole seconds in the history) is after the listing's.
    after = [s for s in sales if ts(s["date"]) > ts(p["listedAt"]) and s["priceCents"] >= p["listPriceCents"]]
    if p.get("soldAt"):
        matches = any(abs(ts(s["date"]) - ts(p["soldAt"])) < 1 for s in after)
        right = p["soldPriceCents"] == p["listPriceCents"] and p["profitCents"] == p["soldPriceCents"] - p["feeCents"] - p["costCents"]
        if matches and right:
            sold_ok += 1
        else:
            sold_bad.append(p["title"])
    elif after:
        # A sale came after it was listed: a miss only if the paper book has looked since (else it has yet to look).
        first = min(ts(s["date"]) for s in after)
        if p.get("checkedAt") and ts(p["checkedAt"]) >= first + 1:
            held_bad.append(p["title"])
        else:
            held_waiting += 1
    else:
        held_ok += 1
paper = status["paper"]
print()
print(f"== paper mode after {minutes:.0f} min: {paper['bought']} bought (${paper['spentCents'] / 100:.2f}), {paper['sold']} sold for ${paper['soldForCents'] / 100:.2f}, "
      f"fees ${paper['feesCents'] / 100:.2f}, realized ${paper['realizedCents'] / 100:+.2f}, {paper['held']} held (cost ${paper['heldCostCents'] / 100:.2f}), "
      f"paper balance ${paper['balanceCents'] / 100:.2f}")
print(f"  against the simulator's sales history ({len(positions)} newest positions): sold and matching a real sale at or above the ask {sold_ok}, "
      f"not matching {len(sold_bad)} {sold_bad[:5]}; still listed with no such sale {held_ok}; with one the paper book has not looked at yet {held_waiting}; "
      f"with one it looked at and missed {len(held_bad)} {held_bad[:5]}")
print("  today's paper decisions: " + ", ".join(f"{t['outcome']}{(': ' + t['reason']) if t['reason'] else ''} {t['count']}" for t in status["today"]))
PY

echo "== stopping the app"
kill -TERM "$apphost"; wait "$apphost" 2>/dev/null || true
