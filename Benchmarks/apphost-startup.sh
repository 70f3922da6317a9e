#!/usr/bin/env bash
# From a built tree: how long the AppHost takes until every resource is up (PostgreSQL, Redis, the migration step
# finished, simulator, Scanner, Api: its "All resources are up" line), how long SIGTERM takes until every process it
# started is gone, and
# each process's memory once idle. Run 1 uses a fresh data folder (initdb and all migrations), runs 2..N reuse it.
# It runs the AppHost as `dotnet run --project AppHost` would (the http launch profile's settings), on free ports.
# Usage: bash Benchmarks/apphost-startup.sh [runs=4] [configuration=Release]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-4}
configuration=${2:-Release}
work=$(mktemp -d)
chmod 711 "$work"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/AppHost" -c "$configuration" -v q -nologo >/dev/null
dll="$root/AppHost/bin/$configuration/net10.0/DMarketAspire.AppHost.dll"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Every process the AppHost started: its children, and DCP (which detaches and names the AppHost with --monitor PID).
started_by() {
  local all roots=() found=() frontier next
  all=$(ps -eo pid=,ppid=,args=)
  roots+=($(awk -v p="$1" '$2==p {print $1}' <<<"$all"))
  roots+=($(awk -v p="$1" '{ for (i=3;i<NF;i++) if ($i=="--monitor" && $(i+1)==p) { print $1; break } }' <<<"$all"))
  frontier=("${roots[@]+"${roots[@]}"}"); found=("${roots[@]+"${roots[@]}"}")
  while [ ${#frontier[@]} -gt 0 ]; do
    next=()
    for p in "${frontier[@]}"; do
      for c in $(awk -v p="$p" '$2==p {print $1}' <<<"$all"); do found+=("$c"); next+=("$c"); done
    done
    frontier=("${next[@]+"${next[@]}"}")
  done
  printf '%s\n' "${found[@]+"${found[@]}"}" | sort -un
}

# From its own folder, as `dotnet run --project AppHost` runs it: the AppHost reads appsettings.json from there.
cd "$root/AppHost"
printf '%-5s %-8s %10s %12s %10s\n' run data wall_up_s reported_s stop_s
for run in $(seq 1 "$runs"); do
  log="$work/run$run.log"; : >"$log"
  start=$(date +%s.%N)
  AppHost__DataDirectory="$work/data" DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development \
    ASPNETCORE_URLS="http://localhost:$(free_port)" ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$(free_port)" \
    ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$(free_port)" ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    DcpPublisher__RandomizePorts=true \
    dotnet "$dll" >"$log" 2>&1 </dev/null &
  apphost=$!
  until grep -q "All resources are up after" "$log"; do
    kill -0 "$apphost" 2>/dev/null || { echo "AppHost exited early:"; tail -40 "$log"; exit 1; }
    sleep 0.05
  done
  up=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')
  reported=$(grep -o "All resources are up after [0-9.]*" "$log" | awk '{print $NF}')
  if [ "$run" = "$runs" ]; then
    sleep 15
    echo; echo "Idle memory after 15 s (run $run), RSS:"
    # PSS shares each shared page among the processes that map it: the sum is what the whole app really costs.
    total_pss=$(awk '/^Pss:/ {print $2}' /proc/$apphost/smaps_rollup)
    for p in $(started_by "$apphost"); do
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
      [ -z "$rss" ] && continue
      total_pss=$((total_pss + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
      name=$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | awk '{ for (i=1;i<=NF;i++) if ($i ~ /(\.dll|\.csproj|DMarketAspire\.[A-Za-z]+)$/) { n=split($i,a,"/"); print $1 ~ /dotnet$/ && $2 == "run" ? "dotnet run " a[n] : a[n]; exit } n=split($1,a,"/"); print a[n] " " $2 }')
      [ "$rss" -gt 20000 ] && printf '  %-60s %6d MB\n' "$name" $((rss / 1024))
    done
    apphost_rss=$(awk '/VmRSS/ {print $2}' /proc/$apphost/status)
    printf '  %-60s %6d MB\n' "AppHost" $((apphost_rss / 1024))
    printf '  %-60s %6d MB\n' "everything (AppHost and all it started), PSS" $((total_pss / 1024))
    echo
  fi
  # The stop lasts until every process the AppHost started is gone (DCP may finish after the AppHost exits).
  started=$(started_by "$apphost")
  stop_start=$(date +%s.%N)
  kill -TERM "$apphost"; wait "$apphost" || true
  for p in $started; do while kill -0 "$p" 2>/dev/null; do sleep 0.05; done; done
  stop=$(awk -v a="$stop_start" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')
  printf '%-5s %-8s %10.1f %12s %10.1f\n' "$run" "$([ "$run" = 1 ] && echo fresh || echo reused)" "$up" "$reported" "$stop"
done
