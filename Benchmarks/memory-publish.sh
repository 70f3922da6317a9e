#!/usr/bin/env bash
# How the services are put on disk, side by side: the Scanner, the BotService and the Api started together on one
# PostgreSQL, Redis and moving simulated market (lean mode's settings), in turns from
#   build   each service's own Release build (what lean mode ran before),
#   shared  the same files, the assemblies the services have in common hard-linked to one file,
#   lean    as install-lean.sh publishes them: ReadyToRun for this machine, and shared,
# each measured after a settle time: PSS per service (shared pages split among the processes mapping them), the CPU
# each used, and the DMarket requests the simulator accepted (so a variant that costs throughput shows).
#
#   bash Benchmarks/memory-publish.sh [rounds=2] [seconds=120] [offers-per-game=20000]
#
# A change's before and after: BEFORE=<another checkout, built in Release> VARIANTS="before build" runs that checkout's
# build against this one's, in turns (each round in the opposite order of the last, so neither always goes first).
# A runtime setting: VARIANT_ENV="DOTNET_X=1 DOTNET_Y=2" VARIANTS="build env" runs this build with and without it.
set -euo pipefail

rounds=${1:-2}
seconds=${2:-120}
offers=${3:-20000}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"
# shellcheck source=../deploy/systemd/common.sh
source "$root/deploy/systemd/common.sh"
bench_setup
services=(Scanner BotService Api)
build_release MigrationService "${services[@]}" DMarketSimulator TelegramSimulator
read -r -a variants <<<"${VARIANTS:-build shared lean}"
if [[ " ${variants[*]} " == *" before "* ]]; then
  [[ -n ${BEFORE:-} && -f "$BEFORE/Api/bin/Release/net10.0/DMarketAspire.Api.dll" ]] || { echo "BEFORE must name a checkout built in Release"; exit 1; }
fi
echo "== preparing the variants"
if [[ " ${variants[*]} " == *" shared "* ]]; then
  mkdir -p "$work/shared"
  for project in "${services[@]}"; do cp -r "$root/$project/bin/Release/net10.0" "$work/shared/$project"; done
  share_identical_files "$work/shared" "${services[@]}"
fi
if [[ " ${variants[*]} " == *" lean "* ]]; then publish_lean "$root" "$work/lean" "${services[@]}"; fi
program() { # variant, project
  case $1 in
    build | env) bin "$2" ;;
    before) echo "$BEFORE/$2/bin/Release/net10.0/DMarketAspire.$2.dll" ;;
    *) echo "$work/$1/$2/DMarketAspire.$2.dll" ;;
  esac
}

start_postgres
start_redis
start_simulators "$offers"
export_lean_service_env
dotnet "$(bin MigrationService)" >"$work/migrate.log" 2>&1 || { tail -20 "$work/migrate.log"; exit 1; }

pss() { awk '/^Pss:/ { print int($2 / 1024) }' "/proc/$1/smaps_rollup"; }
# Where a service's PSS is (benchlib.pss_split): a setting that cuts one part shows there, not lost in the sum's spread.
pss_where() { python3 -c "import sys; sys.path.insert(0, '$root/Benchmarks'); from benchlib import pss_split; print('   ', sys.argv[1] + ':', ', '.join(f'{k} {v}' for k, v in sorted(pss_split(int(sys.argv[2])).items(), key=lambda kv: -kv[1])))" "$1" "$2"; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }
accepted() { curl -s "$sim/_sim/stats" | python3 -c 'import json, sys; g = {x["group"]: x for x in json.load(sys.stdin)["groups"]}; print(g["MarketItems"]["accepted"], g["LastSales"]["accepted"])'; }
sim="http://127.0.0.1:$dm_port"

echo "== $seconds s after start, $offers offers per game; PSS MB and CPU s per service; DMarket requests accepted"
printf '%-8s %-6s %16s %16s %16s %7s %14s\n' variant round Scanner BotService Api "PSS sum" "items / sales"
for round in $(seq 1 "$rounds"); do
  order=("${variants[@]}")
  if ((round % 2 == 0)); then mapfile -t order < <(printf '%s\n' "${variants[@]}" | tac); fi
  for variant in "${order[@]}"; do
    curl -s -XPOST "$sim/_sim/stats/reset" >/dev/null
    started=()
    for project in "${services[@]}"; do
      settings=()
      if [[ $variant == env ]]; then read -r -a settings <<<"${VARIANT_ENV:?set VARIANT_ENV for the env variant}"; fi
      env "${settings[@]}" ASPNETCORE_URLS="http://127.0.0.1:$(free_port)" dotnet "$(program "$variant" "$project")" >"$work/$project-$variant.log" 2>&1 &
      started+=($!)
    done
    sleep "$seconds"
    row=(); sum=0
    for pid in "${started[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "a service of $variant exited:"; tail -20 "$work"/*-"$variant".log; exit 1; }
      m=$(pss "$pid"); sum=$((sum + m)); row+=("$m MB, $(cpu_seconds "$pid") s")
    done
    printf '%-8s %-6s %16s %16s %16s %7s %14s\n' "$variant" "$round" "${row[@]}" "$sum" "$(accepted | sed 's/ / \/ /')"
    for i in "${!services[@]}"; do pss_where "${services[$i]}" "${started[$i]}"; done
    kill "${started[@]}"; wait "${started[@]}" 2>/dev/null || true
    sleep 3
  done
done
