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

# Publishes <project>... from <checkout> into <out>/<project> as lean mode runs them: Release, ReadyToRun for this
# machine (the assemblies carry native code, so a service JITs only what runs hot), and the assemblies the services
# have in common hard-linked to one file, so that they share its pages (measured: 23-48 MB less for the three
# services, the bot's and the Api's CPU 10-25% lower; README, "Memory"). dotnet runs as "${publish_as[@]}" when that is set (as_dmarket).
publish_lean() {
  local checkout=$1 out=$2; shift 2
  local rid project
  rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
  for project in "$@"; do
    (cd "$checkout" && ${publish_as[@]+"${publish_as[@]}"} dotnet publish -c Release -r "$rid" --self-contained false \
      -p:PublishReadyToRun=true -v quiet -nologo -o "$out/$project" "$project") >/dev/null
  done
  share_identical_files "$out" "$@"
}

# Hard-links each file of the later folders to the same file (same relative path, same bytes) in an earlier one:
# share_identical_files <root> <folder>... Processes that map one file share its pages in memory; copies do not.
share_identical_files() {
  local root=$1; shift
  local folders=("$@") i j file path
  for ((i = 1; i < ${#folders[@]}; i++)); do
    while IFS= read -r -d '' file; do
      path=${file#"$root/${folders[i]}/"}
      for ((j = 0; j < i; j++)); do
        if [ -f "$root/${folders[j]}/$path" ] && cmp -s "$file" "$root/${folders[j]}/$path"; then
          ln -f "$root/${folders[j]}/$path" "$file"
          break
        fi
      done
    done < <(find "$root/${folders[i]}" -type f -name '*.dll' -print0)
  done
}
