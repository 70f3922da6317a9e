# Shared by the checks that run an install under systemd itself (check-systemd.sh, lean/check-lean-systemd.sh). Where
# systemd is PID 1 (a server) they use it; where it is not (a container, a CI runner, a VM booted without it) start_systemd boots the machine's own
# systemd as the init of new PID, mount and cgroup namespaces, so the units run under real systemd: Restart=, the
# start limit, timers, MemoryMax=, the journal. The file system, users and network are the machine's; /tmp and /run
# are the sandbox's own (systemd-tmpfiles empties /tmp at boot). Needs root.
#   start_systemd <log file>   boot (or adopt the running systemd); then
#   in_systemd <command>...    run a command where that systemd is (systemctl, journalctl, install-lean.sh)
#   stop_systemd               power the sandbox off (every unit stopped as at shutdown); nothing if it was the machine's
# The checks install for real (the dmarket user, /var/lib/dmarket-aspire, the units, the database) with a secrets file
# of their own, so they refuse a machine whose secrets file they did not write:
#   claim_secrets; write_check_secrets <line>...; install_in_systemd <install script> <repository>

sandbox_unshare=
systemd_pid=1
in_systemd() { "$@"; }

# What runs inside the namespaces, before systemd: the cgroup hierarchies mounted again, so that their root is the
# sandbox's cgroup (systemd creates its slices there, not in the machine's root), and a /tmp of its own.
sandbox_init='set -e
mount --make-rprivate /
mount -t tmpfs -o mode=1777 tmpfs /tmp
hierarchies=$(awk '"'"'$2 ~ "^/sys/fs/cgroup/" && ($3 == "cgroup" || $3 == "cgroup2") { print $3, $2, $4 }'"'"' /proc/self/mounts)
top=$(awk '"'"'$2 == "/sys/fs/cgroup" { print $3 }'"'"' /proc/self/mounts)
umount -R -l /sys/fs/cgroup
if [ "$top" = cgroup2 ]; then
  mount -t cgroup2 cgroup2 /sys/fs/cgroup
else
  mount -t tmpfs -o mode=755 tmpfs /sys/fs/cgroup
  while read -r type dir options; do
    mkdir -p "$dir"
    if [ "$type" = cgroup2 ]; then mount -t cgroup2 cgroup2 "$dir"; continue; fi
    controllers=$(echo "$options" | tr , "\n" | grep -vxE "rw|ro|relatime|noatime|nosuid|nodev|noexec" | paste -sd,)
    case "$controllers" in name=*) controllers="none,$controllers" ;; esac
    mount -t cgroup -o "$controllers" cgroup "$dir"
  done <<<"$hierarchies"
fi
exec env container=dmarket-aspire-check /lib/systemd/systemd --system --log-target=journal'

start_systemd() {
  local log=$1 state=
  if [ "$(cat /proc/1/comm)" = systemd ]; then echo "  systemd is PID 1 here: using it"; return 0; fi
  unshare --pid --fork --mount --cgroup --mount-proc bash -c "$sandbox_init" >"$log" 2>&1 </dev/null &
  sandbox_unshare=$!
  for _ in $(seq 1 100); do systemd_pid=$(pgrep -P "$sandbox_unshare" || true); [ -n "$systemd_pid" ] && break; sleep 0.1; done
  [ -n "$systemd_pid" ] || { cat "$log"; return 1; }
  in_systemd() { nsenter --target "$systemd_pid" --mount --pid "$@"; }
  for _ in $(seq 1 240); do
    state=$(in_systemd systemctl is-system-running 2>/dev/null || true)
    case "$state" in running|degraded) break ;; esac
    sleep 0.25
  done
  case "$state" in running|degraded) ;; *) cat "$log"; return 1 ;; esac
  echo "  booted systemd $(systemctl --version | awk 'NR == 1 { print $2 }') as PID 1 of a sandbox (host PID $systemd_pid): $state"
}

stop_systemd() {
  [ -n "$sandbox_unshare" ] || return 0
  in_systemd systemctl poweroff 2>/dev/null || kill -TERM "$systemd_pid" 2>/dev/null || true
  for _ in $(seq 1 240); do kill -0 "$sandbox_unshare" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$sandbox_unshare" "$systemd_pid" 2>/dev/null || true
  sandbox_unshare=
}

check_secrets=/etc/dmarket-aspire/secrets.env
check_marker='# Written by a deploy/systemd check: the app on the simulators.'
claim_secrets() {
  if [ -f "$check_secrets" ] && ! grep -qxF "$check_marker" "$check_secrets"; then
    echo "refusing: $check_secrets belongs to a real install (a check points the app at the simulators)" >&2; exit 1
  fi
}

# The example secrets with a dashboard token, and the given lines (settings the check adds).
write_check_secrets() {
  claim_secrets
  install -d -m 700 /etc/dmarket-aspire
  { echo "$check_marker"
    sed "s/^ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN=.*/ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN=$(openssl rand -hex 16)/" "$here/secrets.env.example"
    printf '%s\n' "$@"; } >"$check_secrets"
  chmod 600 "$check_secrets"
}

# install_in_systemd <script under deploy/systemd> <repository>: runs that install script where systemd is, from a copy
# of deploy/systemd and a bundle of the repository's HEAD under /var/tmp (the sandbox's /tmp is its own).
check_shared=/var/tmp/dmarket-aspire-check
install_in_systemd() {
  local script=$1 repository=$2
  rm -rf "$check_shared"; install -d -m 755 "$check_shared"
  cp -r "$here" "$check_shared/systemd"
  git -C "$repository" bundle create "$check_shared/app.bundle" HEAD "$(git -C "$repository" rev-parse --abbrev-ref HEAD)" 2>/dev/null
  chmod -R a+rX "$check_shared"
  in_systemd bash "$check_shared/systemd/$script" "$check_shared/app.bundle"
}

show() { in_systemd systemctl show --property="$2" --value "$1"; }
seconds_since() { awk -v t0="$1" -v t1="$(date +%s.%N)" 'BEGIN { printf "%.1f", t1 - t0 }'; }
