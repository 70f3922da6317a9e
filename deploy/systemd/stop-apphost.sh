#!/bin/sh
# ExecStop of dmarket-aspire.service (KillMode=mixed): SIGTERM to every process of the unit at once, so PostgreSQL
# shuts down cleanly and the services drain, then waits for them to exit, at most [seconds=45]; systemd then SIGKILLs
# what is left, which is DCP. systemd runs ExecStop also when the AppHost died on its own: after a crash DCP took a
# minute to give in to SIGTERM (TimeoutStopSec, then SIGKILL), so the app was down 90 s instead of 25 (README,
# "Running 24/7 on a Linux server"; deploy/systemd/check-systemd.sh measures it).
set -u
limit=${1:-45}
# This unit's processes: the control group this script runs in (cgroup v2, or a hybrid layout's unified or named
# systemd hierarchy), the one whose list holds this shell.
procs=
for file in "/sys/fs/cgroup$(sed -n 's/^0:://p' /proc/self/cgroup)/cgroup.procs" \
  "/sys/fs/cgroup/unified$(sed -n 's/^0:://p' /proc/self/cgroup)/cgroup.procs" \
  "/sys/fs/cgroup/systemd$(sed -n 's/^[0-9]*:name=systemd://p' /proc/self/cgroup)/cgroup.procs"; do
  if [ -r "$file" ] && grep -qx "$$" "$file"; then procs=$file; break; fi
done
[ -n "$procs" ] || { echo "stop-apphost.sh: no control group found; systemd stops the unit alone" >&2; exit 0; }
# The processes to wait for: all but this script's and DCP's (its processes are SIGKILLed after, once the rest is down).
wait_for=
for pid in $(cat "$procs"); do
  [ "$pid" = "$$" ] && continue
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dcp ] && continue
  wait_for="$wait_for $pid"
done
# shellcheck disable=SC2086 # a list of PIDs
[ -z "$wait_for" ] || kill -TERM $wait_for 2>/dev/null
waited=0
while [ "$waited" -lt $((limit * 10)) ]; do
  alive=
  for pid in $wait_for; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
  [ -z "$alive" ] && exit 0
  sleep 0.1
  waited=$((waited + 1))
done
echo "stop-apphost.sh: still running after ${limit} s:$alive" >&2
