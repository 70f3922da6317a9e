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
unit=dmarket-aspire
# shellcheck source=common.sh
source "$here/common.sh"
require_root_and_dotnet

# Only the binaries are wanted: the app starts its own cluster and Redis. Services the packages start on install are
# stopped again, unless they were here before (someone else may use them).
mapfile -t fresh < <(install_missing_packages postgresql redis-server)
if [ -d /run/systemd/system ]; then
  for pkg in "${fresh[@]}"; do systemctl disable --now "$pkg" >/dev/null 2>&1 || true; done
fi

update_checkout
echo "== building (Release) as dmarket"
(cd "$home/app" && as_dmarket dotnet build -c Release -v quiet -nologo AppHost)

ensure_secrets
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
