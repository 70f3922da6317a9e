#!/usr/bin/env bash
# Installs DMarket Aspire in lean mode (Debian or Ubuntu, run as root): each service its own systemd unit, without the
# AppHost, DCP and the dashboard, for a server of 1 GB (README, "Lean mode"). Like install.sh: the system user
# `dmarket` and its checkout in /var/lib/dmarket-aspire; then
#   * the services published (Release, ReadyToRun for this machine) into /var/lib/dmarket-aspire/lean/<project>, the
#     assemblies they have in common hard-linked, so the services share their pages;
#   * the machine's PostgreSQL (Debian's postgresql.service, enabled), a role `dmarket` that logs in over the local
#     socket by peer authentication (no password anywhere) and its database dmarketdb;
#   * a Redis of the app's own on 127.0.0.1:6380 with a generated password (in its configuration, /var/lib/dmarket-aspire/redis.conf, readable by dmarket only);
#   * /etc/dmarket-aspire/lean.env (the connection strings) beside secrets.env (the bot token, DMarket keys);
#   * the units and dmarket-aspire-lean.target, enabled and started, and a daily backup timer.
#
#   sudo bash deploy/systemd/lean/install-lean.sh [repository=this checkout]
#
# Run it again to update: it pulls, publishes beside the running version, then stops, swaps and starts (the previous
# version is kept in /var/lib/dmarket-aspire/lean.previous). Lean mode talks to the real Telegram and DMarket:
# set Telegram__BotToken (and the DMarket keys) in /etc/dmarket-aspire/secrets.env. The simulators are the AppHost's.
set -euo pipefail

lean=$(cd "$(dirname "$0")" && pwd)
here=$(cd "$lean/.." && pwd)
repo=${1:-$(cd "$here/../.." && pwd)}
# shellcheck source=../common.sh
source "$here/common.sh"
require_root_and_dotnet
mapfile -t fresh < <(install_missing_packages postgresql redis-server openssl)
systemd=false; [ -d /run/systemd/system ] && systemd=true
# The machine's PostgreSQL serves the app; the Redis package's own server is not used (the app runs its own).
if $systemd; then
  systemctl enable --now postgresql >/dev/null 2>&1
  for pkg in "${fresh[@]}"; do [ "$pkg" = redis-server ] && systemctl disable --now redis-server >/dev/null 2>&1 || true; done
fi

update_checkout
echo "== publishing (Release) as dmarket"
# Into a folder of its own, swapped in once the services are stopped: a running service never sees its files replaced,
# and the previous version stays in lean.previous (to go back: stop, swap the two folders, start).
rm -rf "$home/lean.next"
install -d -o dmarket -g dmarket "$home/lean.next"
publish_as=(as_dmarket)
publish_lean "$home/app" "$home/lean.next" MigrationService Scanner BotService Api
install -m 755 "$lean/backup.sh" "$home/lean.next/backup.sh"
if $systemd; then systemctl stop dmarket-aspire-lean.target dmarket-aspire-migrations.service 2>/dev/null || true; fi
if [ -d "$home/lean" ]; then rm -rf "$home/lean.previous"; mv "$home/lean" "$home/lean.previous"; fi
mv "$home/lean.next" "$home/lean"

echo "== database: role dmarket (peer authentication over /var/run/postgresql), database dmarketdb"
# Without systemd (a container, CI) the cluster is started by hand, as postgresql.service would.
if ! $systemd; then
  pg_lsclusters -h | awk '$4 != "online" { print $1, $2 }' | while read -r version cluster; do pg_ctlcluster "$version" "$cluster" start; done
fi
as_postgres() { runuser -u postgres -- "$@"; }
for _ in $(seq 1 50); do as_postgres psql -qAtc 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
[ "$(as_postgres psql -qAtc "select count(*) from pg_roles where rolname = 'dmarket'")" = 1 ] || as_postgres createuser dmarket
[ "$(as_postgres psql -qAtc "select count(*) from pg_database where datname = 'dmarketdb'")" = 1 ] || as_postgres createdb -O dmarket dmarketdb

ensure_secrets
if [ ! -f "$home/redis.conf" ]; then
  cat >"$home/redis.conf" <<CONF
# The app's own Redis (dmarket-aspire-redis.service): loopback, a password, nothing saved (it is a cache; every key
# has a TTL) and a ceiling with the keys nearest their TTL dropped first.
port 6380
bind 127.0.0.1
protected-mode yes
requirepass $(openssl rand -hex 24)
save ""
appendonly no
dir $home
maxmemory 96mb
maxmemory-policy volatile-ttl
CONF
  chown dmarket:dmarket "$home/redis.conf"
  chmod 600 "$home/redis.conf"
fi
# The connection strings, from what is installed above; written again on every run (nothing in it is chosen by hand).
redis_password=$(sed -n 's/^requirepass //p' "$home/redis.conf")
umask 077
cat >/etc/dmarket-aspire/lean.env <<ENV
# Written by install-lean.sh: the configuration the AppHost would give each service (its connection strings).
DOTNET_ENVIRONMENT=Production
ASPNETCORE_ENVIRONMENT=Production
DOTNET_CLI_TELEMETRY_OPTOUT=1
ConnectionStrings__dmarketdb=Host=/var/run/postgresql;Username=dmarket;Database=dmarketdb
ConnectionStrings__cache=127.0.0.1:6380,password=$redis_password
# /health and /alive on each service's loopback port, for a monitor (the AppHost mode's dashboard shows them).
ServiceDefaults__ExposeHealthEndpoints=true
ENV
umask 022

for unit in "$lean"/dmarket-aspire-*.service "$lean"/dmarket-aspire-*.timer "$lean"/dmarket-aspire-lean.target; do
  install -m 644 "$unit" "/etc/systemd/system/$(basename "$unit")"
done

if $systemd; then
  systemctl daemon-reload
  systemctl enable dmarket-aspire-lean.target dmarket-aspire-redis.service dmarket-aspire-migrations.service \
    dmarket-aspire-scanner.service dmarket-aspire-botservice.service dmarket-aspire-api.service dmarket-aspire-backup.timer >/dev/null
  systemctl restart dmarket-aspire-migrations.service
  systemctl restart dmarket-aspire-lean.target dmarket-aspire-redis.service dmarket-aspire-scanner.service \
    dmarket-aspire-botservice.service dmarket-aspire-api.service
  echo "== started: systemctl status 'dmarket-aspire-*'; journalctl -u 'dmarket-aspire-*' -f; the web page at http://127.0.0.1:5200/"
else
  echo "== installed; systemd is not running here, so nothing was started (deploy/systemd/lean/check-lean.sh runs the units' commands)"
fi
