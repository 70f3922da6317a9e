#!/usr/bin/env bash
# Checks the AppHost install (install.sh: the whole app as one unit, dmarket-aspire.service) under systemd itself,
# on the simulators (no keys, no token). Where systemd is not PID 1 (a container, a CI runner) it boots the machine's
# systemd in a sandbox of its own (systemd-check.sh). It checks that
#   * the unit starts the app: "All resources are up" in the journal;
#   * everything the unit runs listens on loopback only, and the dashboard asks for its login token;
#   * SIGKILL of a service: the AppHost's restart policy starts it again (the journal says so);
#   * SIGKILL of the AppHost: systemd stops what is left of the run and starts the unit again (Restart=always), on the
#     same PostgreSQL cluster;
#   * systemctl stop stops every process of the unit within TimeoutStopSec, PostgreSQL cleanly;
#   * after a reboot the enabled unit starts the app again.
# It installs for real (the dmarket user, /var/lib/dmarket-aspire, the unit), so run it on a machine without an install
# of its own: it refuses a secrets.env it did not write. It disables lean mode's units if a lean check left them.
#
#   sudo bash deploy/systemd/check-systemd.sh [repository=this checkout]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=${1:-$(cd "$here/../.." && pwd)}
home=/var/lib/dmarket-aspire
unit=dmarket-aspire.service
# shellcheck source=systemd-check.sh
source "$here/systemd-check.sh"
[ "$(id -u)" = 0 ] || { echo "run as root (sudo)" >&2; exit 1; }
claim_secrets

work=$(mktemp -d)
cleanup() { stop_systemd; rm -rf "$work" "$check_shared"; }
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  in_systemd journalctl --no-pager -q -o cat -u "$unit" -n 40 2>/dev/null || true
  exit 1
}
unit_log() { in_systemd journalctl --no-pager -q -o cat -u "$unit" --since "@${1%.*}"; }
# Waits for the AppHost's "All resources are up" in the journal after the given time.
wait_up() {
  local line
  for _ in $(seq 1 480); do
    line=$(unit_log "$1" | grep -o -m1 'All resources are up after [0-9.]* s' || true)
    [ -n "$line" ] && { echo "  $line (the unit started $(seconds_since "$1") s ago)"; return 0; }
    sleep 0.5
  done
  fail "not up within 240 s"
}
unit_pids() { in_systemd ps -eo pid=,unit= | awk -v unit="$unit" '$2 == unit { print $1 }'; }
service_pid() { in_systemd pgrep -f "DMarketAspire\.$1(\.dll)?( |$)" | head -1; }

write_check_secrets   # no keys and no token: the AppHost runs the two simulators

echo "== systemd"
start_systemd "$work/systemd.log"

echo "== install.sh (HEAD of $repo)"
in_systemd systemctl disable --now dmarket-aspire-lean.target dmarket-aspire-redis.service dmarket-aspire-migrations.service \
  dmarket-aspire-scanner.service dmarket-aspire-botservice.service dmarket-aspire-api.service dmarket-aspire-backup.timer 2>/dev/null || true
t0=$(date +%s.%N)
install_in_systemd install.sh "$repo"
wait_up "$t0"
pg_version=$(stat -c %Y "$home/data/postgres-data/PG_VERSION")

echo "== listening sockets of the unit's processes"
pids=$(unit_pids | paste -sd'|')
listening=$(in_systemd ss -ltnpH | { grep -E "pid=($pids)," || true; } | awk '{ print $4 }' | sort -u)
[ -n "$listening" ] || fail "no listening socket found for the unit's processes ($pids)"
echo "  $(echo "$listening" | wc -l) sockets, $(echo "$listening" | grep -cE '^(127\.0\.0\.1|\[::1\]|\[::ffff:127\.0\.0\.1\]):') of them on loopback"
if echo "$listening" | grep -vE '^(127\.0\.0\.1|\[::1\]|\[::ffff:127\.0\.0\.1\]):' | grep -q .; then fail "something listens beyond loopback: $listening"; fi

echo "== the dashboard"
token=$(sed -n 's/^ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN=//p' "$check_secrets")
without=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' http://127.0.0.1:15888/)
case "$without" in 401*|302*login*) ;; *) fail "the dashboard answered without its token: $without" ;; esac
curl -s -o /dev/null -c "$work/cookies" "http://127.0.0.1:15888/login?t=$token"
with=$(curl -s -o /dev/null -b "$work/cookies" -w '%{http_code}' http://127.0.0.1:15888/)
[ "$with" = 200 ] || fail "the token from the secrets file did not log in: $with"
echo "  without the token: $without; with the secrets file's: $with"

echo "== SIGKILL of the Scanner: the AppHost's restart policy"
scanner=$(service_pid Scanner)
[ -n "$scanner" ] || fail "no Scanner process"
t0=$(date +%s.%N)
in_systemd kill -KILL "$scanner"
for _ in $(seq 1 60); do now=$(service_pid Scanner || true); [ -n "$now" ] && [ "$now" != "$scanner" ] && break; sleep 0.25; done
[ -n "$now" ] && [ "$now" != "$scanner" ] || fail "the Scanner was not started again within 15 s"
echo "  started again in $(seconds_since "$t0") s; the journal: $(unit_log "$t0" | grep -m1 'exited unexpectedly' || true)"

echo "== SIGKILL of the AppHost: systemd starts the unit again"
restarts=$(show "$unit" NRestarts); main=$(show "$unit" MainPID)
t0=$(date +%s.%N)
in_systemd kill -KILL "$main"
wait_up "$t0"
[ "$(show "$unit" NRestarts)" = $((restarts + 1)) ] || fail "NRestarts $(show "$unit" NRestarts), expected $((restarts + 1))"
[ "$(stat -c %Y "$home/data/postgres-data/PG_VERSION")" = "$pg_version" ] || fail "the PostgreSQL cluster was created again"
[ "$(in_systemd pgrep -fc 'DMarketAspire\.Scanner(\.dll)?( |$)')" = 1 ] || fail "more than one Scanner after the restart"
echo "  NRestarts $restarts -> $((restarts + 1)); one Scanner; the same PostgreSQL cluster"

echo "== systemctl stop $unit"
t0=$(date +%s.%N)
in_systemd systemctl stop "$unit"
[ "$(show "$unit" ActiveState)" = inactive ] && [ "$(show "$unit" Result)" = success ] ||
  fail "$(show "$unit" ActiveState), $(show "$unit" Result) after stop"
[ -z "$(unit_pids)" ] || fail "processes left after stop: $(unit_pids | paste -sd' ')"
state=$("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_controldata" "$home/data/postgres-data" | sed -n 's/^Database cluster state: *//p')
[ "$state" = "shut down" ] || fail "PostgreSQL was not shut down cleanly: $state"
echo "  stopped cleanly (Result=success, no process left, PostgreSQL: $state) in $(seconds_since "$t0") s"

echo "== reboot: the enabled unit starts the app"
t0=$(date +%s.%N)
if [ -n "$sandbox_unshare" ]; then
  stop_systemd
  start_systemd "$work/systemd-2.log"
else
  in_systemd systemctl start "$unit"   # a real machine is not rebooted by a check
fi
wait_up "$t0"
echo "== the AppHost unit checks out under systemd"
