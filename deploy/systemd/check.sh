#!/usr/bin/env bash
# Checks the installed unit (install.sh first) where systemd is not running, e.g. in CI or a container: lints it with
# systemd-analyze, then runs its command as systemd would (its user, working directory, environment and secrets file,
# a clean environment otherwise) and checks that
#   * every resource comes up ("All resources are up" in the output, which goes to the journal under systemd);
#   * everything the app listens on is loopback only, and the dashboard asks for its login token;
#   * after SIGKILL of the AppHost, every process it started is gone within 30 s (so Restart=always starts clean),
#     and a new start comes up on the same data (the PostgreSQL cluster is not created again);
#   * SIGTERM stops everything within the unit's TimeoutStopSec.
# check-systemd.sh checks the same install under systemd itself (its ExecStop, Restart=, the journal, a reboot).
#
#   sudo bash deploy/systemd/check.sh
set -euo pipefail

unit=/etc/systemd/system/dmarket-aspire.service
[ -f "$unit" ] || { echo "not installed: run deploy/systemd/install.sh first" >&2; exit 1; }
work=$(mktemp -d)
trap 'pkill -TERM -f DMarketAspire.AppHost.dll 2>/dev/null || true; rm -rf "$work"' EXIT

if command -v systemd-analyze >/dev/null; then
  echo "== systemd-analyze verify"
  systemd-analyze verify "$unit"
fi

value() { sed -n "s/^$1=//p" "$unit" | head -1; }
user=$(value User); dir=$(value WorkingDirectory); exec_start=$(value ExecStart); secrets=$(value EnvironmentFile)
mapfile -t environment < <(sed -n 's/^Environment=//p' "$unit")
mapfile -t secret_environment < <(grep -E '^[A-Za-z_][A-Za-z0-9_]*=' "${secrets#-}")
token=$(printf '%s\n' "${secret_environment[@]}" | sed -n 's/^ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN=//p')
data=$(printf '%s\n' "${environment[@]}" | sed -n 's/^AppHost__DataDirectory=//p')

tree() { # the AppHost, its children, and DCP's (DCP detaches and names the AppHost with --monitor PID)
  ps -eo pid=,ppid=,args= | awk -v root="$1" '
    { parent[$1] = $2; line[$1] = $0 }
    END {
      keep[root] = 1
      for (p in line) if (line[p] ~ ("--monitor " root "( |$)") && line[p] !~ /monitor-process/) keep[p] = 1
      do { grown = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; grown = 1 } } while (grown)
      for (p in keep) print p
    }'
}

start() {
  log="$work/run$1.log"
  (cd "$dir" && exec setpriv --reuid "$user" --regid "$user" --init-groups \
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "${environment[@]}" "${secret_environment[@]}" \
    $exec_start >"$log" 2>&1 </dev/null) &
  apphost=$!
  sleep 1
  for _ in $(seq 1 360); do
    grep -q "All resources are up after" "$log" && { grep -o "All resources are up after [0-9.]* s" "$log"; return 0; }
    kill -0 "$apphost" 2>/dev/null || { echo "the AppHost exited:"; tail -30 "$log"; exit 1; }
    sleep 0.5
  done
  echo "not up after 180 s:"; tail -30 "$log"; exit 1
}

echo "== run 1: as $user, $exec_start"
start 1
pg_version_before=$(stat -c %Y "$data/postgres-data/PG_VERSION")

echo "== listening sockets of the app's processes"
pids=$(tree "$apphost" | paste -sd'|')
listening=$(ss -ltnpH | grep -E "pid=($pids)," | awk '{print $4}' | sort -u)
echo "$listening" | sed 's/^/  /'
if echo "$listening" | grep -vE '^(127\.0\.0\.1|\[::1\]|\[::ffff:127\.0\.0\.1\]):' | grep -q .; then
  echo "FAIL: something listens beyond loopback"; exit 1
fi

echo "== dashboard"
without=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' http://127.0.0.1:15888/)
echo "  without the token: $without"
case "$without" in 401*|302*login*) ;; *) echo "FAIL: the dashboard answered without its token"; exit 1 ;; esac
jar="$work/cookies"
curl -s -o /dev/null -c "$jar" "http://127.0.0.1:15888/login?t=$token"
with=$(curl -s -o /dev/null -b "$jar" -w '%{http_code}' http://127.0.0.1:15888/)
echo "  with the token from the secrets file: $with"
[ "$with" = 200 ] || { echo "FAIL: the token did not log in"; exit 1; }

echo "== SIGKILL of the AppHost"
before=$(tree "$apphost")
kill -KILL "$apphost"
for _ in $(seq 1 60); do
  alive=$(for p in $before; do kill -0 "$p" 2>/dev/null && echo "$p"; done || true)
  [ -z "$alive" ] && break
  sleep 0.5
done
[ -z "$alive" ] || { echo "FAIL: still running 30 s later:"; ps -o pid,args -p "$(echo $alive | tr ' ' ,)"; exit 1; }
echo "  every process of the run was gone (DCP's monitors stop them; systemd would kill the rest of the group)"

echo "== run 2 (Restart=always)"
start 2
[ "$(stat -c %Y "$data/postgres-data/PG_VERSION")" = "$pg_version_before" ] || { echo "FAIL: the cluster was created again"; exit 1; }
echo "  on the same PostgreSQL cluster"

echo "== SIGTERM (systemctl stop)"
before=$(tree "$apphost")
started=$(date +%s)
kill -TERM "$apphost"
for p in $before; do while kill -0 "$p" 2>/dev/null; do
  [ $(( $(date +%s) - started )) -gt 60 ] && { echo "FAIL: not stopped within TimeoutStopSec"; exit 1; }
  sleep 0.2
done; done
echo "  everything stopped in $(( $(date +%s) - started )) s"
echo "== the unit checks out"
