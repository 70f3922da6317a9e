#!/usr/bin/env bash
# From a built tree: how long the AppHost takes until every resource is healthy (PostgreSQL, Redis, the migration step
# finished, simulator, Scanner, Api), how long Ctrl+C (SIGTERM) takes to stop everything, and each process's memory
# once idle. Runs 1 (a fresh data folder: initdb and all migrations) and runs 2..N (the same folder reused).
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

descendants() { # every process below $1
  local all; all=$(ps -eo pid=,ppid=)
  local frontier=("$1") found=()
  while [ ${#frontier[@]} -gt 0 ]; do
    local next=()
    for p in "${frontier[@]}"; do
      for c in $(awk -v p="$p" '$2==p {print $1}' <<<"$all"); do found+=("$c"); next+=("$c"); done
    done
    frontier=("${next[@]+"${next[@]}"}")
  done
  echo "${found[@]+"${found[@]}"}"
}

printf '%-5s %-10s %12s %10s\n' run data up_s stop_s
for run in $(seq 1 "$runs"); do
  log="$work/run$run.log"
  start=$(date +%s.%N)
  AppHost__DataDirectory="$work/data" AppHost__RandomizePorts=true DOTNET_ENVIRONMENT=Development \
    dotnet "$dll" >"$log" 2>&1 </dev/null &
  apphost=$!
  until grep -q "All resources are up after" "$log"; do
    kill -0 "$apphost" 2>/dev/null || { echo "AppHost exited early:"; tail -40 "$log"; exit 1; }
    sleep 0.05
  done
  up=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')
  if [ "$run" = "$runs" ]; then
    sleep 15
    echo; echo "Idle memory after 15 s (run $run):"
    for p in $(descendants "$apphost"); do
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
      name=$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | awk '{ for (i=1;i<=NF;i++) if ($i ~ /\.dll$/) { n=split($i,a,"/"); print a[n]; exit } print $1 }')
      [ -n "$rss" ] && [ "$rss" -gt 20000 ] && printf '  %-45s %6d MB\n' "$name" $((rss / 1024))
    done
    printf '  %-45s %6d MB\n' "AppHost" $(($(awk '/VmRSS/ {print $2}' /proc/$apphost/status) / 1024))
    echo
  fi
  stop_start=$(date +%s.%N)
  kill -TERM "$apphost"; wait "$apphost" || true
  stop=$(awk -v a="$stop_start" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')
  printf '%-5s %-10s %12.1f %10.1f\n' "$run" "$([ "$run" = 1 ] && echo fresh || echo reused)" "$up" "$stop"
done
