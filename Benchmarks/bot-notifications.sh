#!/usr/bin/env bash
# The bot against the Telegram simulator (Release builds, local PostgreSQL and Redis):
#   1. command handling: /help from fresh users one at a time, user's message → the bot's reply at the simulator
#      (loopback only: no internet in between), p50/p99 (target p99 < 50 ms);
#   2. outbox event → sendMessage, one opportunity at a time to 10 users, p50/p99 (target p99 < 1 s);
#   3. a burst: one opportunity matching N users (default 1,000) queues N notifications; drain rate, the busiest
#      rolling second, 429s and duplicates counted at the simulator (target: Telegram's ~30/s, zero 429s, zero duplicates);
#   4. idle RSS of the bot and the simulator.
#
#   bash Benchmarks/bot-notifications.sh [users]
set -euo pipefail

users=${1:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"
bench_setup
build_release TelegramSimulator MigrationService BotService

start_redis
start_postgres

token=7000000001:SIMULATOR-demo-token-for-dmarket-aspire
sim_port=$(free_port)
ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning TelegramSimulator__BotToken=$token \
  dotnet "$(bin TelegramSimulator)" --urls "http://127.0.0.1:$sim_port" >"$work/sim.log" 2>&1 &
sim_pid=$!
pids+=($sim_pid)
wait_http "http://127.0.0.1:$sim_port/alive"

export ConnectionStrings__dmarketdb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=dmarketdb"
export ConnectionStrings__cache="127.0.0.1:$redis_port"
export Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Development
dotnet "$(bin MigrationService)" >"$work/migrate.log" 2>&1

bot_port=$(free_port)
Telegram__BotToken=$token Telegram__ApiBaseUrl="http://127.0.0.1:$sim_port" Bot__FloodMaxUpdates=1000 \
  dotnet "$(bin BotService)" --urls "http://127.0.0.1:$bot_port" \
  --Logging:LogLevel:DMarketAspire.BotService.Updates.UpdateDispatcher=Debug >"$work/bot.log" 2>&1 &
bot_pid=$!
pids+=($bot_pid)
wait_http "http://127.0.0.1:$bot_port/alive"

python3 - "$sim_port" "$pg_port" "$redis_port" "$users" "$bot_pid" "$sim_pid" "$work/bot.log" <<'PY'
import http.client, json, socket, subprocess, sys, time
from datetime import datetime

sim_port, pg_port, redis_port, users, bot_pid, sim_pid, bot_log = sys.argv[1:8]
users = int(users)
sim = http.client.HTTPConnection("127.0.0.1", int(sim_port))
sim.connect()
# Without it, Nagle's algorithm and delayed ACKs add ~40 ms to a request sent in two writes: the client's, not the bot's.
sim.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

def call(method, path, body=None):
    sim.request(method, path, body=None if body is None else json.dumps(body), headers={"Content-Type": "application/json"})
    response = sim.getresponse()
    data = response.read()
    return json.loads(data) if data else None

def sql(query):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", pg_port, "-U", "postgres", "-d", "dmarketdb", "-qAtc", query],
                          check=True, capture_output=True, text=True).stdout.strip()

def at(sent):
    return datetime.fromisoformat(sent["at"]).timestamp()

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

def plant(game, title, buy_cents=50000):
    row = sql(f"""WITH i AS (INSERT INTO items (game_id, title, first_seen_at, updated_at) VALUES ('{game}', '{title}', now(), now()) RETURNING id),
        o AS (INSERT INTO opportunities (offer_id, game_id, level, title, item_id, buy_price_cents, resale_cents, fee_fraction, profit_cents,
              profit_percent, liquidity, status, first_seen_at, last_seen_at, last_scan_id)
              SELECT 'bench-' || md5(random()::text), '{game}', 'pro', '{title}', i.id, {buy_cents}, {buy_cents * 14 // 10}, 0.1, {buy_cents * 26 // 100},
              26, 60, 'Active', now(), now(), 0 FROM i RETURNING id)
        INSERT INTO opportunity_events (opportunity_id, kind, created_at) SELECT id, 'Found', clock_timestamp() FROM o
        RETURNING id || ' ' || extract(epoch from created_at)""")
    event_id, created = row.split()
    subprocess.run(["redis-cli", "-p", redis_port, "PUBLISH", "dmarket:opportunity-events", event_id], check=True, capture_output=True)
    return float(created)

for _ in range(300):
    if sql("SELECT count(*) FROM bot_checkpoints") == "1":
        break
    time.sleep(0.1)

def rss(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024

started_rss = rss(bot_pid)

# 1. Commands, one at a time, each from a new user, 10 a second (below Telegram's 30/s, which the bot's pacing keeps to);
#    the first 20 warm the bot up (JIT, EF's compiled queries).
command_ms = []
first_command_ms = None
for i in range(220):
    user = 800_000 + i
    started = time.time()
    call("POST", f"/_sim/users/{user}/messages", {"text": "/help", "firstName": "Bench", "languageCode": "en"})
    # The simulator stamps the reply when it accepts it; looking only afterwards keeps this script's own requests from
    # competing with the bot for the two cores while it works.
    time.sleep(0.08)
    while True:
        sent = call("GET", f"/_sim/sent?chatId={user}")
        if sent:
            elapsed = (at(sent[0]) - started) * 1000
            first_command_ms = first_command_ms or elapsed
            if i >= 20:
                command_ms.append(elapsed)
            break
        time.sleep(0.02)
    time.sleep(max(0, started + 0.1 - time.time()))
sql("UPDATE bot_users SET paused = true WHERE id >= 800000 AND id < 900000")

# 2. Outbox event → sendMessage, one event at a time, to 10 users.
latency_users = list(range(900_001, 900_011))
for user in latency_users:
    call("PUT", f"/_sim/users/{user}", {"firstName": "Bench", "languageCode": "en"})
sql("INSERT INTO bot_users (id, chat_id, first_name, language, games, levels, min_profit_percent, min_profit_cents, min_liquidity, mode, digest_interval_minutes, time_zone, daily_cap, paused, blocked, created_at, last_seen_at) "
    "SELECT g, g, 'Bench', 'en', '{rust}', '{}', 5, 0, 0, 'Instant', 60, 'UTC', 10000, false, false, now(), now() FROM generate_series(900001, 900010) g")
event_ms = []
for i in range(20):
    created = plant("rust", f"Latency item {i}")
    deadline = time.time() + 10
    got = {}
    time.sleep(0.5)
    while len(got) < len(latency_users) and time.time() < deadline:
        for s in call("GET", "/_sim/sent"):
            if s["chatId"] in latency_users and f"Latency item {i}" in s["text"]:
                got[s["chatId"]] = at(s)
        time.sleep(0.05)
    event_ms += [(t - created) * 1000 for t in got.values()]
    time.sleep(1.2)

# 3. The burst.
burst_users = list(range(1, users + 1))
for user in burst_users:
    call("PUT", f"/_sim/users/{user}", {"firstName": f"User {user}", "languageCode": "en"})
sql(f"INSERT INTO bot_users (id, chat_id, first_name, language, games, levels, min_profit_percent, min_profit_cents, min_liquidity, mode, digest_interval_minutes, time_zone, daily_cap, paused, blocked, created_at, last_seen_at) "
    f"SELECT g, g, 'User ' || g, 'en', '{{a8db}}', '{{}}', 5, 0, 0, 'Instant', 60, 'UTC', 10000, false, false, now(), now() FROM generate_series(1, {users}) g")
rejections_before = len(call("GET", "/_sim/rejections"))
created = plant("a8db", "Burst item")
burst_set = set(burst_users)
deadline = time.time() + users / 10 + 60
while time.time() < deadline:
    sent = [s for s in call("GET", "/_sim/sent") if s["chatId"] in burst_set and s["method"] == "sendMessage"]
    if len(sent) >= users:
        break
    time.sleep(0.5)
time.sleep(2)
sent = [s for s in call("GET", "/_sim/sent") if s["chatId"] in burst_set and s["method"] == "sendMessage"]
per_chat = {}
for s in sent:
    per_chat[s["chatId"]] = per_chat.get(s["chatId"], 0) + 1
times = sorted(at(s) for s in call("GET", "/_sim/sent"))
busiest, j = 0, 0
for i, t in enumerate(times):
    while times[j] <= t - 1:
        j += 1
    busiest = max(busiest, i - j + 1)
rejections = call("GET", "/_sim/rejections")[rejections_before:]
drain = max(at(s) for s in sent) - created
first_to_last = max(at(s) for s in sent) - min(at(s) for s in sent)
statuses = sql("SELECT status || '=' || count(*) FROM notifications GROUP BY status ORDER BY 1").replace("\n", ", ")

time.sleep(10)

print()
print(f"commands ({len(command_ms)} × /help after 20 to warm up, message → reply over loopback): p50 {pct(command_ms, 50):.1f} ms, p99 {pct(command_ms, 99):.1f} ms, max {max(command_ms):.1f} ms (the very first: {first_command_ms:.0f} ms)")
import re
handled = [float(m.group(1)) for m in re.finditer(r"\(Message\) handled in ([0-9.]+) ms", open(bot_log).read())][20:220]
if handled:
    print(f"   of which the bot's own handling of the update (its Redis, PostgreSQL and sendMessage calls included): p50 {pct(handled, 50):.1f} ms, p99 {pct(handled, 99):.1f} ms")
print(f"outbox event → sendMessage ({len(event_ms)} messages, 20 events × 10 users): p50 {pct(event_ms, 50):.0f} ms, p99 {pct(event_ms, 99):.0f} ms")
print(f"burst: {len(sent)} messages to {len(per_chat)} of {users} users; event → last message {drain:.1f} s; first → last {first_to_last:.1f} s = {len(sent) / first_to_last:.1f}/s")
print(f"       busiest rolling second {busiest} (Telegram's limit ~30); 429s {sum(1 for r in rejections if r['errorCode'] == 429)}; "
      f"duplicates {sum(c - 1 for c in per_chat.values() if c > 1)}; other refusals {sum(1 for r in rejections if r['errorCode'] != 429)}")
print(f"       outbox: {statuses}")
print(f"idle RSS: bot {started_rss} MB at start, {rss(bot_pid)} MB after the burst; Telegram simulator {rss(sim_pid)} MB")
PY
