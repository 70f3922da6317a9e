# Shared by the benchmark scripts: a temporary folder and clean-up, Release builds, free ports, waiting for HTTP, and
# PostgreSQL and Redis from local binaries in $work. Expects $root (the repository); call bench_setup first.

# Sets work (a temporary folder) and pids=(); on exit, stops every process in pids and removes the folder.
bench_setup() {
  work=$(mktemp -d /tmp/dmarket-bench-XXXX)
  chmod 755 "$work"
  pids=()
  trap bench_cleanup EXIT
}

bench_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}

# Builds the named projects in Release; bin <project> is then the path of its program.
build_release() {
  echo "== building (Release)"
  for project in "$@"; do
    # Quiet unless it fails: a failed build must say why, not end the script without a word (set -e).
    dotnet build -c Release -v quiet -nologo "$root/$project" >"$work/build.log" 2>&1 || { echo "build of $project failed:"; tail -30 "$work/build.log"; exit 1; }
  done
}

bin() { echo "$root/$1/bin/Release/net10.0/DMarketAspire.$1.dll"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_http() { for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.25; done; echo "no answer from $1" >&2; return 1; }

# Sets redis_port. Debian's redis-server when present, else Garnet from the tool manifest.
start_redis() {
  redis_port=$(free_port)
  if command -v redis-server >/dev/null; then
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
  else
    (cd "$root" && dotnet tool run garnet-server -- --port "$redis_port" --bind 127.0.0.1 --memory 256m) >"$work/redis.log" 2>&1 &
  fi
  pids+=($!)
}

# Sets pg_port and creates the database dmarketdb. As root, PostgreSQL runs as the postgres user.
start_postgres() {
  pg_port=$(free_port)
  local pg_bin
  pg_bin=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
  mkdir -p "$work/pg"
  local as_pg=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$work/pg"; as_pg=(setpriv --reuid postgres --regid postgres --init-groups --); fi
  "${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  "${as_pg[@]}" "$pg_bin/postgres" -D "$work/pg" -p "$pg_port" -k "$work/pg" -c listen_addresses=127.0.0.1 -c fsync=off >"$work/pg.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do psql -h 127.0.0.1 -p "$pg_port" -U postgres -c 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc 'CREATE DATABASE dmarketdb'
}

# Starts the Release AppHost as `dotnet run --project AppHost` does (from its folder, where it reads appsettings.json;
# the http profile's settings) on free ports, with $1 simulated offers per game and a data folder in $work. Sets
# apphost (its pid) and log, and returns once it prints "All resources are up".
start_apphost() {
  log="$work/apphost.log"; : >"$log"
  (cd "$root/AppHost" && Simulator__OffersPerGame="$1" AppHost__DataDirectory="$work/data" DOTNET_ENVIRONMENT=Development \
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://localhost:$(free_port)" \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$(free_port)" ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$(free_port)" \
    ASPIRE_ALLOW_UNSECURED_TRANSPORT=true DcpPublisher__RandomizePorts=true \
    exec dotnet "$root/AppHost/bin/Release/net10.0/DMarketAspire.AppHost.dll") >"$log" 2>&1 </dev/null &
  apphost=$!
  pids+=("$apphost")
  until grep -q "All resources are up after" "$log"; do
    kill -0 "$apphost" 2>/dev/null || { echo "AppHost exited early:"; tail -40 "$log"; exit 1; }
    sleep 0.2
  done
}

# Sets dm_port, tg_port and token: the DMarket simulator on a moving market of $1 offers per game, and the Telegram
# simulator, both Release builds (build_release DMarketSimulator TelegramSimulator first).
start_simulators() {
  dm_port=$(free_port); tg_port=$(free_port); token=123456:memory-benchmark-0123456789
  ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Simulator__OffersPerGame=$1 \
    dotnet "$(bin DMarketSimulator)" --urls "http://127.0.0.1:$dm_port" >"$work/dm.log" 2>&1 &
  pids+=($!)
  ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning TelegramSimulator__BotToken=$token \
    dotnet "$(bin TelegramSimulator)" --urls "http://127.0.0.1:$tg_port" >"$work/tg.log" 2>&1 &
  pids+=($!)
  wait_http "http://127.0.0.1:$dm_port/_sim/stats"
}

# Exports what lean mode's units give each service (the keys of lean.env), with PostgreSQL, Redis and the simulators
# started above standing in, and the simulator's demo DMarket keys.
export_lean_service_env() {
  export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production ServiceDefaults__ExposeHealthEndpoints=true
  export ConnectionStrings__dmarketdb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=dmarketdb"
  export ConnectionStrings__cache="127.0.0.1:$redis_port"
  export DMarket__BaseUrl="http://127.0.0.1:$dm_port" Telegram__BotToken=$token Telegram__ApiBaseUrl="http://127.0.0.1:$tg_port"
  export DMarket__PublicKey=69ba1e9ba688ff707b40b142b2833c42b3bb66c8875aaae9a22b587df0e6bd7f
  export DMarket__SecretKey=ed665de04b6f5289b6f75cad24bed0df52752c1e21f2e2a95deea75ec15ea65b69ba1e9ba688ff707b40b142b2833c42b3bb66c8875aaae9a22b587df0e6bd7f
}
