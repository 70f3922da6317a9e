#!/usr/bin/env bash
# Checks the lean install (install-lean.sh first) where systemd is not running, e.g. in CI or a container: lints the
# units with systemd-analyze, then runs each unit's command as systemd would (its user, working directory, Environment=
# and EnvironmentFile= lines in order, a clean environment otherwise), in the units' order (Redis, the migrations to
# completion, the three services), with the two simulators standing in for DMarket and Telegram (the only settings
# added: their addresses, the simulator's demo keys and a bot token), and checks that
#   * the migrations complete, and each service answers /health on its loopback port;
#   * the whole loop works: the Scanner records opportunities the Api serves, and the bot answers /start;
#   * everything listens on loopback only;
#   * backup.sh (the daily timer's job) writes a dump that pg_restore reads back into a scratch database with the same
#     tables;
#   * each process's memory (PSS) after 90 s;
#   * SIGTERM (systemctl stop) stops each service within its TimeoutStopSec.
# check-lean-systemd.sh checks the same install under systemd itself (restarts, the start limit, the memory ceiling,
# the timer, the journal, a reboot).
#
#   sudo bash deploy/systemd/lean/check-lean.sh
set -euo pipefail

units=/etc/systemd/system
home=/var/lib/dmarket-aspire
[ -f "$units/dmarket-aspire-lean.target" ] || { echo "not installed: run deploy/systemd/lean/install-lean.sh first" >&2; exit 1; }
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
# shellcheck source=../simulators.sh
source "$(cd "$(dirname "$0")/.." && pwd)/simulators.sh"

if command -v systemd-analyze >/dev/null; then
  echo "== systemd-analyze verify"
  systemd-analyze verify "$units"/dmarket-aspire-*.service "$units"/dmarket-aspire-*.timer "$units/dmarket-aspire-lean.target"
fi

value() { sed -n "s/^$2=//p" "$units/$1" | head -1; }

# Runs a unit's command in the background as systemd would; extra NAME=value arguments come last, so they win. Sets pid.
run_unit() {
  local unit=$1; shift
  local environment=() line file
  while IFS= read -r line; do
    case "$line" in
      Environment=*) environment+=("${line#Environment=}") ;;
      EnvironmentFile=*) file=${line#EnvironmentFile=}; mapfile -t -O "${#environment[@]}" environment < <(grep -E '^[A-Za-z_][A-Za-z0-9_]*=' "${file#-}") ;;
    esac
  done <"$units/$unit"
  local user dir
  user=$(value "$unit" User); dir=$(value "$unit" WorkingDirectory)
  # shellcheck disable=SC2046 # ExecStart is split into words, as systemd does
  (cd "${dir:-/}" && exec setpriv --reuid "$user" --regid "$user" --init-groups \
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "${environment[@]}" "$@" \
    $(value "$unit" ExecStart) >"$work/${unit%.service}.log" 2>&1 </dev/null) &
  pid=$!
  pids+=("$pid")
}

echo "== the simulators (built from the installed checkout)"
(cd "$home/app" && as=(setpriv --reuid dmarket --regid dmarket --init-groups env HOME="$home" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1) &&
  "${as[@]}" dotnet build -c Release -v quiet -nologo DMarketSimulator >/dev/null && "${as[@]}" dotnet build -c Release -v quiet -nologo TelegramSimulator >/dev/null)
start_simulators "$home/app/DMarketSimulator/bin/Release/net10.0/DMarketAspire.DMarketSimulator.dll" \
  "$home/app/TelegramSimulator/bin/Release/net10.0/DMarketAspire.TelegramSimulator.dll"

if ! runuser -u postgres -- psql -qAtc 'select 1' >/dev/null 2>&1; then
  echo "== starting the machine's PostgreSQL (postgresql.service under systemd)"
  pg_lsclusters -h | awk '$4 != "online" { print $1, $2 }' | while read -r version cluster; do pg_ctlcluster "$version" "$cluster" start; done
fi

echo "== dmarket-aspire-redis"
run_unit dmarket-aspire-redis.service
redis_pid=$pid
redis_password=$(sed -n 's/^requirepass //p' /var/lib/dmarket-aspire/redis.conf)
for _ in $(seq 1 40); do [ "$(REDISCLI_AUTH=$redis_password redis-cli -p 6380 ping 2>/dev/null)" = PONG ] && break; sleep 0.25; done
[ "$(REDISCLI_AUTH=$redis_password redis-cli -p 6380 ping 2>/dev/null)" = PONG ] || fail "Redis did not answer"
[ "$(redis-cli -p 6380 ping 2>&1)" != PONG ] || fail "Redis answered without its password"
echo "  answers on 127.0.0.1:6380, only with its password"

echo "== dmarket-aspire-migrations (to completion)"
run_unit dmarket-aspire-migrations.service
wait "$pid" || { tail -20 "$work/dmarket-aspire-migrations.log"; fail "the migrations failed"; }
echo "  completed"

declare -A service_pid
started=$(date +%s)
for service in scanner botservice api; do
  run_unit "dmarket-aspire-$service.service" "${simulated[@]}"
  service_pid[$service]=$pid
done
for service in scanner botservice api; do
  url=$(value "dmarket-aspire-$service.service" Environment | sed -n 's/^ASPNETCORE_URLS=//p')
  wait_http "$url/health" 120 || { tail -30 "$work/dmarket-aspire-$service.log"; fail "$service did not answer $url/health"; }
  echo "  $service healthy at $url/health ($(( $(date +%s) - started )) s after start)"
done

echo "== the loop: opportunities in the Api, a reply from the bot"
check_loop 4242

echo "== listening sockets of the app's processes"
app_pids=$(for p in "${service_pid[@]}" "$redis_pid"; do echo "$p"; pgrep -P "$p" || true; done | paste -sd'|')
listening=$(ss -ltnpH | grep -E "pid=($app_pids)," | awk '{print $4}' | sort -u)
echo "$listening" | sed 's/^/  /'
if echo "$listening" | grep -vE '^(127\.0\.0\.1|\[::1\]|\[::ffff:127\.0\.0\.1\]):' | grep -q .; then fail "something listens beyond loopback"; fi

echo "== backup (backup.sh, as the daily timer runs it) and a restore into a scratch database"
install -d -o dmarket -g dmarket "$work/backups"
runuser -u dmarket -- sh "$home/lean/backup.sh" 7 "$work/backups"
dump=$(ls -1t "$work"/backups/dmarketdb-*.dump | head -1)
runuser -u postgres -- dropdb --if-exists dmarketdb_restore_check
runuser -u postgres -- createdb -O dmarket dmarketdb_restore_check
runuser -u dmarket -- pg_restore --no-owner --host=/var/run/postgresql --dbname=dmarketdb_restore_check "$dump"
# The tables, and the row counts of those that the running services do not change after the bot's first user (the
# Scanner writes prices and opportunities all the time, so theirs differ from a dump taken a moment before).
tables() {
  local db=$1 t
  runuser -u dmarket -- psql -h /var/run/postgresql -d "$db" -qAtc "select string_agg(table_name, ',' order by table_name) from information_schema.tables where table_schema = 'public'"
  for t in bot_users data_protection_keys __EFMigrationsHistory; do
    printf '%s:%s ' "$t" "$(runuser -u dmarket -- psql -h /var/run/postgresql -d "$db" -qAtc "select count(*) from public.\"$t\"")"
  done
}
[ "$(tables dmarketdb)" = "$(tables dmarketdb_restore_check)" ] || fail "the restored database differs: $(tables dmarketdb) vs $(tables dmarketdb_restore_check)"
echo "  $(basename "$dump"): restored: the same tables, and the same rows in ($(tables dmarketdb_restore_check | tail -1))"
runuser -u postgres -- dropdb dmarketdb_restore_check

echo "== memory (PSS, MB) 90 s after start"
sleep $(( started + 90 - $(date +%s) > 0 ? started + 90 - $(date +%s) : 0 ))
pss() { awk '/^Pss:/ { print int($2 / 1024) }' "/proc/$1/smaps_rollup"; }
total=0
for service in scanner botservice api; do
  p=$(pgrep -P "${service_pid[$service]}" | head -1 || true); p=${p:-${service_pid[$service]}}
  m=$(pss "$p"); total=$((total + m)); echo "  $service $m"
done
m=$(pss "$redis_pid"); total=$((total + m)); echo "  redis $m"
m=0; for p in $(pgrep -u postgres -f postgres); do m=$((m + $(pss "$p"))); done; total=$((total + m)); echo "  PostgreSQL (every process of the machine's cluster) $m"
echo "  the app without the simulators: $total"

echo "== SIGTERM (systemctl stop)"
for service in scanner botservice api; do
  limit=$(value "dmarket-aspire-$service.service" TimeoutStopSec)
  t0=$(date +%s%N)
  pkill -TERM -P "${service_pid[$service]}" 2>/dev/null || kill -TERM "${service_pid[$service]}"
  for _ in $(seq 1 $(( limit * 10 ))); do kill -0 "${service_pid[$service]}" 2>/dev/null || break; sleep 0.1; done
  kill -0 "${service_pid[$service]}" 2>/dev/null && fail "$service still running after TimeoutStopSec=$limit"
  echo "  $service stopped in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
done
echo "== the lean units check out"
