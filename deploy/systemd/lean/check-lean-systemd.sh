#!/usr/bin/env bash
# Checks lean mode under systemd itself: installs it with install-lean.sh (this checkout's HEAD) and checks what only
# systemd does, with the two simulators standing in for DMarket and Telegram. Where systemd is not PID 1 (a container,
# a CI runner) it boots the machine's systemd in a sandbox of its own (../systemd-sandbox.sh). It checks that
#   * the target starts every unit, each service answers /health, and the loop runs (opportunities, the bot's reply);
#   * each service's output is in the journal;
#   * SIGKILL of a service: systemd starts it again (Restart=always, RestartSec=2) and it is healthy within 15 s;
#   * a service that exits at start is started 5 times, then stays down (StartLimitBurst=5 in 600 s) with the reason
#     in systemctl status, and reset-failed and start bring it back;
#   * the daily backup timer is scheduled, and its service writes a dump;
#   * systemctl stop stops every service cleanly within its TimeoutStopSec;
#   * after a reboot the enabled target starts everything again.
# It installs for real (the dmarket user, /var/lib/dmarket-aspire, the units, the database), so run it on a machine
# without an install of its own: it refuses a secrets.env it did not write.
#
#   sudo bash deploy/systemd/lean/check-lean-systemd.sh [repository=this checkout]
set -euo pipefail

lean=$(cd "$(dirname "$0")" && pwd)
here=$(cd "$lean/.." && pwd)
repo=${1:-$(cd "$here/../.." && pwd)}
home=/var/lib/dmarket-aspire
# shellcheck source=../simulators.sh
source "$here/simulators.sh"
# shellcheck source=../systemd-check.sh
source "$here/systemd-check.sh"
[ "$(id -u)" = 0 ] || { echo "run as root (sudo)" >&2; exit 1; }
claim_secrets

work=$(mktemp -d)
chmod 755 "$work"
pids=()
exits_at_start=/etc/systemd/system/dmarket-aspire-api.service.d/check-exits-at-start.conf
low_ceiling=/etc/systemd/system/dmarket-aspire-api.service.d/check-low-ceiling.conf
cleanup() {
  rm -f "$exits_at_start" "$low_ceiling"
  stop_systemd
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work" "$check_shared"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  in_systemd systemctl --no-pager --lines=15 status 'dmarket-aspire-*' 2>/dev/null | tail -60 || true
  exit 1
}
unit_url() { sed -n 's/^Environment=ASPNETCORE_URLS=//p' "/etc/systemd/system/dmarket-aspire-$1.service"; }
services=(scanner botservice api)

echo "== the simulators (published from $repo)"
for simulator in DMarketSimulator TelegramSimulator; do
  (cd "$repo" && dotnet publish -c Release -v quiet -nologo -o "$work/$simulator" "$simulator" >/dev/null)
done
start_simulators "$work/DMarketSimulator/DMarketAspire.DMarketSimulator.dll" "$work/TelegramSimulator/DMarketAspire.TelegramSimulator.dll"
write_check_secrets "${simulated[@]}"

echo "== systemd"
start_systemd "$work/systemd.log"

echo "== install-lean.sh (HEAD of $repo)"
t0=$(date +%s.%N)
in_systemd systemctl disable --now dmarket-aspire.service 2>/dev/null || true   # check-systemd.sh's AppHost install
install_in_systemd lean/install-lean.sh "$repo"
echo "  installed and started in $(seconds_since "$t0") s"

# Every unit active and every service healthy; prints how long the services took.
check_running() {
  local unit started
  started=$(date +%s.%N)
  for unit in redis migrations "${services[@]}"; do
    for _ in $(seq 1 120); do [ "$(show "dmarket-aspire-$unit.service" ActiveState)" = active ] && break; sleep 0.5; done
    [ "$(show "dmarket-aspire-$unit.service" ActiveState)" = active ] || fail "dmarket-aspire-$unit.service is not active"
  done
  for unit in "${services[@]}"; do wait_http "$(unit_url "$unit")/health" 120 || fail "$unit did not answer /health"; done
  [ "$(show dmarket-aspire-backup.timer ActiveState)" = active ] || fail "the backup timer is not active"
  echo "  every unit active, the three services healthy ($(seconds_since "$started") s after the check began)"
}
check_running
check_loop 4242

echo "== the journal"
for unit in "${services[@]}"; do
  lines=$(in_systemd journalctl --no-pager -q -u "dmarket-aspire-$unit.service" | wc -l)
  [ "$lines" -gt 0 ] || fail "nothing from dmarket-aspire-$unit.service in the journal"
  echo "  dmarket-aspire-$unit.service: $lines lines, e.g. $(in_systemd journalctl --no-pager -q -o cat -u "dmarket-aspire-$unit.service" | grep -m1 'Now listening' || true)"
done

echo "== SIGKILL of each service: back and healthy within 15 s"
for unit in "${services[@]}"; do
  name=dmarket-aspire-$unit.service
  restarts=$(show "$name" NRestarts); main=$(show "$name" MainPID)
  t0=$(date +%s.%N)
  in_systemd kill -KILL "$main"
  healthy=false
  while [ "$(awk -v t0="$t0" -v t1="$(date +%s.%N)" 'BEGIN { print (t1 - t0 < 15) }')" = 1 ]; do
    now=$(show "$name" MainPID)
    if [ "$now" != 0 ] && [ "$now" != "$main" ] && curl -sf -o /dev/null "$(unit_url "$unit")/health"; then healthy=true; break; fi
    sleep 0.2
  done
  $healthy || fail "$name was not healthy again within 15 s of SIGKILL"
  [ "$(show "$name" NRestarts)" = $((restarts + 1)) ] || fail "$name: NRestarts $(show "$name" NRestarts), expected $((restarts + 1))"
  echo "  $name: killed (PID $main), healthy again in $(seconds_since "$t0") s as PID $(show "$name" MainPID), NRestarts $restarts -> $((restarts + 1))"
done
check_loop 4243

echo "== a service that exits at start: 5 starts, then it stays down with the reason"
name=dmarket-aspire-api.service
install -d "$(dirname "$exits_at_start")"
# A port an unprivileged service may not bind: Kestrel throws at start, as with a port another program holds.
printf '[Service]\nEnvironment=ASPNETCORE_URLS=http://127.0.0.1:81\n' >"$exits_at_start"
in_systemd systemctl daemon-reload
in_systemd systemctl reset-failed "$name"
t0=$(date +%s.%N)
in_systemd systemctl restart "$name"
# systemd 252 keeps the last run's Result (signal: .NET aborts on the unhandled exception) and says why it stopped
# trying in the unit's journal.
refused() { in_systemd journalctl --no-pager -q -o cat -u "$name" --since "@${t0%.*}" | grep -q 'Start request repeated too quickly'; }
for _ in $(seq 1 240); do [ "$(show "$name" ActiveState)" = failed ] && refused && break; sleep 0.5; done
refused || fail "$name: $(show "$name" ActiveState), not refused by the start limit"
sleep 3   # RestartSec=2: no start comes after the refusal
[ "$(show "$name" ActiveState)" = failed ] || fail "$name was started again after the start limit"
starts=$(in_systemd journalctl --no-pager -q -o cat -u "$name" --since "@${t0%.*}" | grep -c '^Started ' || true)
[ "$starts" = 5 ] || fail "$name was started $starts times, expected 5"
echo "  started $starts times in $(seconds_since "$t0") s, then: $(in_systemd systemctl status "$name" --no-pager | sed -n 's/^ *Active: //p')"
echo "  the reason, in its journal: $(in_systemd journalctl --no-pager -q -o cat -u "$name" --since "@${t0%.*}" | grep -m1 -E 'Failed to bind|Permission denied' || true)"
rm "$exits_at_start"
in_systemd systemctl daemon-reload
in_systemd systemctl reset-failed "$name"
in_systemd systemctl start "$name"
wait_http "$(unit_url api)/health" 60 || fail "$name did not come back after reset-failed and start"
echo "  reset-failed and start: healthy again"

echo "== over its memory ceiling (MemoryMax=, lowered to 40 MB for the check): killed by the kernel, started again"
printf '[Service]\nMemoryMax=40M\n' >"$low_ceiling"
in_systemd systemctl daemon-reload
t0=$(date +%s.%N)
in_systemd systemctl restart "$name"
unit_log() { in_systemd journalctl --no-pager -q -o cat -u "$name" --since "@${t0%.*}"; }
for _ in $(seq 1 120); do unit_log | grep -q 'Scheduled restart job' && break; sleep 0.25; done
unit_log | grep -q 'Scheduled restart job' || fail "$name was not killed and restarted over a 40 MB ceiling"
echo "  $(unit_log | grep -m1 -E 'Main process exited|OOM') ($(seconds_since "$t0") s after start), then: $(unit_log | grep -m1 'Scheduled restart job')"
rm "$low_ceiling"
in_systemd systemctl daemon-reload
in_systemd systemctl reset-failed "$name" 2>/dev/null || true
in_systemd systemctl restart "$name"
wait_http "$(unit_url api)/health" 60 || fail "$name did not come back with its own ceiling"
echo "  with its own ceiling ($(( $(show "$name" MemoryMax) / 1048576 )) MB) again: healthy"

echo "== the daily backup"
echo "  $(in_systemd systemctl list-timers --all --no-pager dmarket-aspire-backup.timer | sed -n 2p | awk '{ print "next:", $1, $2, $3, $4 }')"
count_dumps() { find "$home/backups" -name 'dmarketdb-*.dump' 2>/dev/null | wc -l || true; }
before=$(count_dumps)
in_systemd systemctl start dmarket-aspire-backup.service
[ "$(show dmarket-aspire-backup.service Result)" = success ] || fail "the backup service failed"
after=$(count_dumps)
[ "$after" = $((before + 1)) ] || fail "no new dump in $home/backups"
echo "  dmarket-aspire-backup.service: $(ls -1t "$home"/backups/dmarketdb-*.dump | head -1) ($(du -k "$(ls -1t "$home"/backups/dmarketdb-*.dump | head -1)" | cut -f1) kB)"

echo "== memory (PSS, MB, and the unit's own count)"
for unit in "${services[@]}"; do
  main=$(show "dmarket-aspire-$unit.service" MainPID)
  echo "  $unit: PSS $(in_systemd awk '/^Pss:/ { print int($2 / 1024) }' "/proc/$main/smaps_rollup"), MemoryCurrent $(( $(show "dmarket-aspire-$unit.service" MemoryCurrent) / 1048576 )), MemoryMax $(( $(show "dmarket-aspire-$unit.service" MemoryMax) / 1048576 ))"
done

echo "== systemctl stop dmarket-aspire-lean.target"
t0=$(date +%s.%N)
in_systemd systemctl stop dmarket-aspire-lean.target
# The target's stop job ends at once; the services it stops (PartOf=) get their TimeoutStopSec each.
for unit in "${services[@]}"; do
  name=dmarket-aspire-$unit.service
  limit=$(sed -n 's/^TimeoutStopSec=//p' "/etc/systemd/system/$name")
  for _ in $(seq 1 $(( limit * 10 ))); do [ "$(show "$name" ActiveState)" = inactive ] && break; sleep 0.1; done
  [ "$(show "$name" ActiveState)" = inactive ] && [ "$(show "$name" Result)" = success ] ||
    fail "$name: $(show "$name" ActiveState), $(show "$name" Result) after stop"
done
echo "  every service stopped cleanly (Result=success) in $(seconds_since "$t0") s"

echo "== reboot: the enabled target starts everything"
if [ -n "$sandbox_unshare" ]; then
  stop_systemd
  start_systemd "$work/systemd-2.log"
else
  in_systemd systemctl start dmarket-aspire-lean.target   # a real machine is not rebooted by a check
fi
check_running
echo "== lean mode checks out under systemd"
