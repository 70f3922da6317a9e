#!/usr/bin/env bash
# Trading through the bot, on both simulators (Release builds, local PostgreSQL and Redis):
#   1. a confirmed buy → the user told (the summary edited into "Bought"), N buys one at a time: p50/p99 of the whole
#      press → edit, of DMarket's own time (the simulator's answer, measured by the bot around offers-buy), and of the
#      rest (target p99 < 1 s without DMarket's time);
#   2. syncing 1,000 positions: /inventory for an account holding 1,000 items (the bot's sync as it logs it, and the
#      reply's latency), and syncing 1,000 closed sales: /pnl for an account with 1,000 sales it has not seen (target
#      each under 5 s).
#
#   bash Benchmarks/trading.sh [buys=60] [items=1000]
set -euo pipefail

buys=${1:-60}
items=${2:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"
bench_setup
build_release TelegramSimulator DMarketSimulator MigrationService BotService

start_redis
start_postgres

token=7000000001:SIMULATOR-demo-token-for-dmarket-aspire
tg_port=$(free_port)
ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning TelegramSimulator__BotToken=$token \
  dotnet "$(bin TelegramSimulator)" --urls "http://127.0.0.1:$tg_port" >"$work/tg.log" 2>&1 &
pids+=($!)
dm_port=$(free_port)
ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Simulator__OffersPerGame=2000 Simulator__Dynamics=false Simulator__Buyers=false \
  dotnet "$(bin DMarketSimulator)" --urls "http://127.0.0.1:$dm_port" >"$work/dm.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$tg_port/alive"
wait_http "http://127.0.0.1:$dm_port/alive"

export ConnectionStrings__dmarketdb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=dmarketdb"
export ConnectionStrings__cache="127.0.0.1:$redis_port"
export ASPNETCORE_ENVIRONMENT=Development
Logging__LogLevel__Default=Warning dotnet "$(bin MigrationService)" >"$work/migrate.log" 2>&1

bot_port=$(free_port)
Logging__LogLevel__Default=Warning \
  Telegram__BotToken=$token Telegram__ApiBaseUrl="http://127.0.0.1:$tg_port" DMarket__BaseUrl="http://127.0.0.1:$dm_port" \
  Bot__FloodMaxUpdates=1000 Bot__FloodMaxPresses=1000 Notifications__PollInterval=00:01:00 \
  dotnet "$(bin BotService)" --urls "http://127.0.0.1:$bot_port" --Logging:LogLevel:DMarketAspire.Trading=Information >"$work/bot.log" 2>&1 &
bot_pid=$!
pids+=($bot_pid)
wait_http "http://127.0.0.1:$bot_port/alive" || { tail -40 "$work/bot.log"; exit 1; }

python3 - "$tg_port" "$dm_port" "$pg_port" "$buys" "$items" "$work/bot.log" <<'PY'
import http.client, json, re, socket, subprocess, sys, time
from datetime import datetime

tg_port, dm_port, pg_port, buys, items, bot_log = sys.argv[1:7]
buys, items = int(buys), int(items)

def connect(port):
    c = http.client.HTTPConnection("127.0.0.1", int(port))
    c.connect()
    c.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return c

tg, dm = connect(tg_port), connect(dm_port)

def call(conn, method, path, body=None):
    conn.request(method, path, body=None if body is None else json.dumps(body), headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    if response.status >= 400:
        raise RuntimeError(f"{method} {path}: {response.status} {data[:300]}")
    return json.loads(data) if data else None

def sql(query):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", pg_port, "-U", "postgres", "-d", "dmarketdb", "-qAtc", query],
                          check=True, capture_output=True, text=True).stdout.strip()

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

def wait_sent(chat, match, after, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for s in call(tg, "GET", f"/_sim/sent?chatId={chat}"):
            when = datetime.fromisoformat(s["at"]).timestamp()
            if when >= after and match(s):
                return s, when
        time.sleep(0.01)
    raise RuntimeError(f"nothing matched in chat {chat}")

for _ in range(300):
    if sql("SELECT count(*) FROM bot_checkpoints") == "1":
        break
    time.sleep(0.1)

def user_with_keys(user, balance):
    account = call(dm, "POST", "/_sim/accounts", {"username": f"bench{user}", "balanceCents": balance})
    t = time.time()
    call(tg, "POST", f"/_sim/users/{user}/messages", {"text": "/start", "firstName": "Bench", "languageCode": "en"})
    wait_sent(user, lambda s: s["text"].startswith("Hi"), t)
    # Notifications off: only the replies this script waits for reach the chat.
    sql(f"UPDATE bot_users SET paused = true WHERE id = {user}")
    t = time.time()
    call(tg, "POST", f"/_sim/users/{user}/messages", {"text": f"/keys {account['publicKey']} {account['secretKey']}", "firstName": "Bench", "languageCode": "en"})
    wait_sent(user, lambda s: "Keys connected" in s["text"], t)
    return account

# 1. Buys, one at a time.
buyer = 700_001
user_with_keys(buyer, 100_000_000)
total_ms, dmarket_ms, own_ms, logged_own = [], [], [], []
for i in range(buys + 5):
    title = f"Bench Buy Crate {i}"
    offer = call(dm, "POST", "/_sim/offers", {"gameId": "rust", "title": title, "priceCents": 1000 + i, "fairPriceCents": 2000, "bypassBuyOrders": True})["offerId"]
    sql(f"""WITH it AS (INSERT INTO items (game_id, title, first_seen_at, updated_at) VALUES ('rust', '{title}', now(), now()) RETURNING id)
        INSERT INTO opportunities (offer_id, game_id, level, title, item_id, buy_price_cents, resale_cents, fee_fraction, profit_cents,
          profit_percent, liquidity, status, first_seen_at, last_seen_at, last_scan_id)
        SELECT '{offer}', 'rust', 'standard', '{title}', it.id, {1000 + i}, 1800, 0.1, 600, 60, 60, 'Active', now(), now(), 0 FROM it""")
    t = time.time()
    call(tg, "POST", f"/_sim/users/{buyer}/messages", {"text": f"/buy {offer}", "firstName": "Bench", "languageCode": "en"})
    summary, _ = wait_sent(buyer, lambda s: s["text"].startswith("🛒 Buy " + title + " "), t)
    chat = call(tg, "GET", f"/_sim/chats/{buyer}")
    message = next(m for m in chat["messages"] if m["messageId"] == summary["messageId"])
    data = next(b["callbackData"] for row in message["buttons"] for b in row if b["text"].startswith("✅ Buy for"))
    pressed = time.time()
    call(tg, "POST", f"/_sim/users/{buyer}/callbacks", {"messageId": summary["messageId"], "data": data, "force": False})
    _, told = wait_sent(buyer, lambda s: s["messageId"] == summary["messageId"] and s["text"].startswith("✅ Bought"), pressed)
    time.sleep(0.05)
    line = [l for l in open(bot_log, encoding="utf-8") if "DMarket's answer in" in l][-1]
    dm_ms, own = (float(x) for x in re.search(r"answer in ([\d.]+) ms and ([\d.]+) ms of our own", line).groups())
    if i >= 5:  # the first few warm the bot up (JIT, EF's compiled queries)
        total_ms.append((told - pressed) * 1000)
        dmarket_ms.append(dm_ms)
        own_ms.append((told - pressed) * 1000 - dm_ms)
        logged_own.append(own)
    time.sleep(0.2)

print(f"== confirmed buy → the user told, {len(total_ms)} buys one at a time (press → summary edited into Bought, at the Telegram simulator)")
print(f"   whole:                   p50 {pct(total_ms, 50):6.1f} ms  p99 {pct(total_ms, 99):6.1f} ms  max {max(total_ms):6.1f} ms")
print(f"   DMarket's own (offers-buy): p50 {pct(dmarket_ms, 50):6.1f} ms  p99 {pct(dmarket_ms, 99):6.1f} ms")
print(f"   without DMarket's time:  p50 {pct(own_ms, 50):6.1f} ms  p99 {pct(own_ms, 99):6.1f} ms  (target p99 < 1000 ms)")
print(f"   of which inside the bot (claim, record, position; its log): p50 {pct(logged_own, 50):6.1f} ms  p99 {pct(logged_own, 99):6.1f} ms")

# 2. Syncing positions and closed sales.
holder = 700_002
account = user_with_keys(holder, 1_000)
games = ["a8db", "9a92", "tf2", "rust"]
titles = {g: [c["title"] for c in call(dm, "GET", f"/_sim/catalogue/{g}")[:50]] for g in games}
for i in range(items):
    g = games[i % 4]
    call(dm, "POST", f"/_sim/accounts/{account['publicKey']}/deposits", {"gameId": g, "title": titles[g][i // 4 % 50]})
t = time.time()
call(tg, "POST", f"/_sim/users/{holder}/messages", {"text": "/inventory", "firstName": "Bench", "languageCode": "en"})
_, replied = wait_sent(holder, lambda s: s["text"].startswith(f"🎒 Your DMarket items: {items}"), t, timeout=120)
line = [l for l in open(bot_log, encoding="utf-8") if "Positions of user" in l][-1]
read_ms, all_ms = (float(x) for x in re.search(r"DMarket (\d+) ms, in all (\d+) ms", line).groups())
print(f"== {items} positions: sync {all_ms:.0f} ms (reading DMarket's inventory {read_ms:.0f} ms, the database {all_ms - read_ms:.0f} ms); "
      f"/inventory answered in {(replied - t) * 1000:.0f} ms (target < 5000 ms)")

# Again: nothing new, the steady state of a sync.
t = time.time()
call(tg, "POST", f"/_sim/users/{holder}/messages", {"text": "/inventory", "firstName": "Bench", "languageCode": "en"})
_, replied = wait_sent(holder, lambda s: s["text"].startswith(f"🎒 Your DMarket items: {items}"), t, timeout=120)
line = [l for l in open(bot_log, encoding="utf-8") if "Positions of user" in l][-1]
read_ms, all_ms = (float(x) for x in re.search(r"DMarket (\d+) ms, in all (\d+) ms", line).groups())
print(f"   again, nothing new: sync {all_ms:.0f} ms (DMarket {read_ms:.0f} ms); /inventory answered in {(replied - t) * 1000:.0f} ms")

call(dm, "POST", f"/_sim/accounts/{account['publicKey']}/sold-history", {"gameId": "rust", "title": titles["rust"][0], "count": items, "priceCents": 1234})
t = time.time()
call(tg, "POST", f"/_sim/users/{holder}/messages", {"text": "/pnl", "firstName": "Bench", "languageCode": "en"})
_, replied = wait_sent(holder, lambda s: s["text"].startswith("📈 Profit and loss"), t, timeout=120)
line = [l for l in open(bot_log, encoding="utf-8") if "Closed sales of user" in l][-1]
recorded, read_ms, all_ms = re.search(r"synced: (\d+) new; DMarket (\d+) ms, in all (\d+) ms", line).groups()
print(f"== {recorded} closed sales: sync {all_ms} ms (reading DMarket {read_ms} ms, the database {int(all_ms) - int(read_ms)} ms); "
      f"/pnl answered in {(replied - t) * 1000:.0f} ms (with the unrealized value of {items} positions at the best buy orders; target < 5000 ms)")
PY
