# Shared by the lean checks (lean/check-lean.sh, lean/check-lean-systemd.sh): the two simulators standing in for
# DMarket and Telegram, and the check that the app's whole loop runs on them. Expects $work (a scratch folder) and a
# `pids` array (the processes to stop on exit) in the caller.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { for _ in $(seq 1 $(( $2 * 4 ))); do curl -sf -o /dev/null "$1" && return 0; sleep 0.25; done; return 1; }

# start_simulators <DMarketSimulator dll> <TelegramSimulator dll>: both on free loopback ports, a 2,000-offer market.
# Sets `simulated` (the only settings a service needs to use them: their addresses, the simulator's demo keys, a bot
# token) and tg_port.
start_simulators() {
  local dmarket_dll=$1 telegram_dll=$2 dm_port token=123456:lean-check-token-0123456789
  dm_port=$(free_port); tg_port=$(free_port)
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Development Simulator__OffersPerGame=2000 \
    exec dotnet "$dmarket_dll" --urls "http://127.0.0.1:$dm_port" >"$work/dmarket-sim.log" 2>&1) &
  pids+=($!)
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Development TelegramSimulator__BotToken=$token \
    exec dotnet "$telegram_dll" --urls "http://127.0.0.1:$tg_port" >"$work/telegram-sim.log" 2>&1) &
  pids+=($!)
  wait_http "http://127.0.0.1:$dm_port/_sim/stats" 60 || fail "the DMarket simulator did not start"
  wait_http "http://127.0.0.1:$tg_port/_sim/sent" 60 || fail "the Telegram simulator did not start"
  simulated=(DMarket__BaseUrl="http://127.0.0.1:$dm_port"
    DMarket__PublicKey=69ba1e9ba688ff707b40b142b2833c42b3bb66c8875aaae9a22b587df0e6bd7f
    DMarket__SecretKey=ed665de04b6f5289b6f75cad24bed0df52752c1e21f2e2a95deea75ec15ea65b69ba1e9ba688ff707b40b142b2833c42b3bb66c8875aaae9a22b587df0e6bd7f
    Telegram__BotToken=$token Telegram__ApiBaseUrl="http://127.0.0.1:$tg_port")
}

# check_loop <chat id>: the Scanner's opportunities reach the Api (on 5200), and the bot answers /start from that chat.
check_loop() {
  local chat=$1 count=0 replies=0
  for _ in $(seq 1 120); do
    count=$(curl -sf "http://127.0.0.1:5200/api/opportunities?limit=100" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))' || echo 0)
    [ "$count" -gt 0 ] && break; sleep 1
  done
  [ "$count" -gt 0 ] || fail "no opportunity reached the Api within 120 s"
  echo "  the Api serves $count opportunities the Scanner recorded"
  curl -sf -X POST -H 'Content-Type: application/json' -d '{"text": "/start", "firstName": "Lean", "languageCode": "en"}' \
    "http://127.0.0.1:$tg_port/_sim/users/$chat/messages" >/dev/null
  for _ in $(seq 1 60); do
    replies=$(curl -sf "http://127.0.0.1:$tg_port/_sim/sent?chatId=$chat" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    [ "$replies" -gt 0 ] && break; sleep 0.5
  done
  [ "$replies" -gt 0 ] || fail "the bot did not answer /start within 30 s"
  echo "  the bot answered /start"
}
