# Shared by install.sh (the AppHost as one unit) and lean/install-lean.sh (each service its own unit): the checks, the
# system user, the checkout and the secrets file. Expects $repo (what to install from) and $here (deploy/systemd).
home=/var/lib/dmarket-aspire

require_root_and_dotnet() {
  [ "$(id -u)" = 0 ] || { echo "run as root (sudo)" >&2; exit 1; }
  [ -x /usr/bin/dotnet ] || { echo "the .NET 10 SDK is missing: see Prerequisites in the README" >&2; exit 1; }
}

# Installs the Debian packages not yet here; prints the ones it installed.
install_missing_packages() {
  local fresh=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || fresh+=("$pkg"); done
  [ ${#fresh[@]} -eq 0 ] && return 0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${fresh[@]}" >/dev/null
  printf '%s\n' "${fresh[@]}"
}

as_dmarket() { setpriv --reuid dmarket --regid dmarket --init-groups env HOME="$home" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 "$@"; }

# The system user dmarket and its checkout of $repo in $home/app (cloned, or pulled when there).
update_checkout() {
  id dmarket >/dev/null 2>&1 || useradd --system --home-dir "$home" --create-home --shell /usr/sbin/nologin dmarket
  local source=$repo
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
}

# /etc/dmarket-aspire/secrets.env (mode 600, root's), written once with a generated dashboard login token.
ensure_secrets() {
  install -d -m 700 /etc/dmarket-aspire
  if [ ! -f /etc/dmarket-aspire/secrets.env ]; then
    sed "s/^ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN=.*/ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN=$(openssl rand -hex 16)/" "$here/secrets.env.example" >/etc/dmarket-aspire/secrets.env
    chmod 600 /etc/dmarket-aspire/secrets.env
  fi
}
