#!/usr/bin/env bash
# Installs DMarket Aspire as a systemd service (Debian or Ubuntu, run as root): the PostgreSQL and Redis binaries, a
# system user `dmarket` whose home /var/lib/dmarket-aspire holds the checkout, its build, NuGet's cache and the data,
# a secrets file with a dashboard login token, and the unit, enabled and started.
#
#   sudo bash deploy/systemd/install.sh [repository=this checkout]
#
# Run it again to update: it pulls, rebuilds and restarts. The .NET 10 SDK must be installed already (/usr/bin/dotnet).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=${1:-$(cd "$here/../.." && pwd)}
home=/var/lib/dmarket-aspire
unit=dmarket-aspire

[ "$(id -u)" = 0 ] || { echo "run as root (sudo)" >&2; exit 1; }
[ -x /usr/bin/dotnet ] || { echo "the .NET 10 SDK is missing: see Prerequisites in the README" >&2; exit 1; }

# Only the binaries are wanted: the app starts its own cluster and Redis. Services the packages start on install are
# stopped again, unless they were here before (someone else may use them).
fresh=()
for pkg in postgresql redis-server; do dpkg -s "$pkg" >/dev/null 2>&1 || fresh+=("$pkg"); done
if [ ${#fresh[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${fresh[@]}" >/dev/null
  if [ -d /run/systemd/system ]; then
    for pkg in "${fresh[@]}"; do systemctl disable --now "$pkg" >/dev/null 2>&1 || true; done
  fi
fi

id dmarket >/dev/null 2>&1 || useradd --system --home-dir "$home" --create-home --shell /usr/sbin/nologin dmarket
as_dmarket() { setpriv --reuid dmarket --regid dmarket --init-groups env HOME="$home" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 "$@"; }
source=$repo
if [ -d "$repo/.git" ]; then
  # A checkout on this machine: git refuses to read another user's repository, so hand it over as a bundle.
  source="$home/app.bundle"
  git -C "$repo" bundle create "$source" HEAD "$(git -C "$repo" rev-parse --abbrev-ref HEAD)" 2>/dev/null
  chown dmarket:dmarket "$source"
fi
if [ -d "$home/app/.git" ]; then
  as_dmarket git -C "$home/app" pull -q --ff-only "$source" HEAD
else
  as_dmarket git clone -q "$source" "$home/app"
fi
echo "== building (Release) as dmarket"
(cd "$home/app" && as_dmarket dotnet build -c Release -v quiet -nologo AppHost)

install -d -m 700 /etc/dmarket-aspire
if [ ! -f /etc/dmarket-aspire/secrets.env ]; then
  sed "s/^ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN=.*/ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN=$(openssl rand -hex 16)/" "$here/secrets.env.example" >/etc/dmarket-aspire/secrets.env
  chmod 600 /etc/dmarket-aspire/secrets.env
fi
install -m 644 "$here/$unit.service" "/etc/systemd/system/$unit.service"

if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable "$unit" >/dev/null
  systemctl restart "$unit"
  echo "== started: journalctl -u $unit -f; dashboard: ssh -L 15888:127.0.0.1:15888 <this server>, then"
  echo "   http://127.0.0.1:15888/login?t=$(sed -n 's/^ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN=//p' /etc/dmarket-aspire/secrets.env)"
else
  echo "== installed; systemd is not running here, so nothing was started (deploy/systemd/check.sh runs the unit's command)"
fi
