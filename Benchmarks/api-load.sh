#!/usr/bin/env bash
# Load on GET /api/opportunities (served from the read cache) next to a bare Kestrel endpoint that serves the very same
# bytes: requests/s and p99 for each, with wrk (Debian package), same threads, connections and duration.
# wrk shares the machine's cores with the server, and this machine's speed drifts by a third within a minute, so one
# long pair says little: after a warm-up of each, the two are measured in short turns, ROUNDS times (bare, Api, Api,
# bare, …: neither always goes first), and the median of the rounds' ratios is the figure. The server's CPU time per
# request is printed beside it. Target: the Api at 80% or more of the bare ceiling, with p99 under 5 ms.
#
#   bash Benchmarks/api-load.sh [seconds] [connections]     (defaults: 5 s a turn, 32 connections, 2 wrk threads, ROUNDS=8)
#   API_ENV="DOTNET_X=1" bash Benchmarks/api-load.sh        (a runtime setting for the Api alone)
set -euo pipefail

duration=${1:-5}
connections=${2:-32}
threads=${THREADS:-2}
rounds=${ROUNDS:-8}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"
bench_setup
build_release MigrationService Api Benchmarks

start_redis
start_postgres

export ConnectionStrings__dmarketdb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=dmarketdb"
export ConnectionStrings__cache="127.0.0.1:$redis_port"
export Logging__LogLevel__Default=Warning
dotnet "$(bin MigrationService)" >"$work/migrate.log" 2>&1

# 20,000 active opportunities over the four games and five levels.
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d dmarketdb -q <<'SQL'
INSERT INTO items (game_id, title, first_seen_at, updated_at)
SELECT (ARRAY['a8db','9a92','tf2','rust'])[1 + i % 4], 'Load title ' || i, now(), now() FROM generate_series(1, 2000) AS i;
INSERT INTO opportunities (offer_id, game_id, level, title, item_id, buy_price_cents, resale_cents, fee_fraction, profit_cents,
  profit_percent, liquidity, status, first_seen_at, last_seen_at, last_scan_id)
SELECT 'load-' || i, it.game_id, (ARRAY['boost','standard','medium','advanced','pro'])[1 + i % 5], it.title, it.id,
  1000 + i % 900, 1300 + i % 700, 0.1, 50 + i % 400, round((5 + i % 60)::numeric, 2), i % 100, 'Active', now() - (i || ' seconds')::interval, now(), 1
FROM generate_series(1, 20000) AS i JOIN items it ON it.id = 1 + i % 2000;
SQL

api_port=$(free_port)
# The runtime setting the AppHost and the lean units give the Api (AppHost/Extensions/TieredCompilationExtensions.cs);
# API_ENV="NAME=value …" adds settings for the Api alone (the bare ceiling keeps the defaults).
read -r -a api_env <<<"${API_ENV:-}"
env ${api_env[@]+"${api_env[@]}"} DOTNET_TC_CallCountThreshold=${DOTNET_TC_CallCountThreshold:-1000} ASPNETCORE_ENVIRONMENT=Production Api__PermitsPerSecond=1000000 Api__Burst=1000000 \
  dotnet "$(bin Api)" --urls "http://127.0.0.1:$api_port" >"$work/api.log" 2>&1 &
pids+=($!)
api_pid=$!
api="http://127.0.0.1:$api_port/api/opportunities"
wait_http "$api"
curl -sf "$api" -o "$work/body.json"

bare_port=$(free_port)
dotnet "$(bin Benchmarks)" bare-kestrel "$work/body.json" "http://127.0.0.1:$bare_port" >"$work/bare.log" 2>&1 &
pids+=($!)
bare_pid=$!
bare="http://127.0.0.1:$bare_port/api/opportunities"
wait_http "$bare"
cmp -s "$work/body.json" <(curl -sf "$bare") || { echo "the bare endpoint does not serve the same bytes" >&2; exit 1; }

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system time of a process, in clock ticks

run() { # name url pid -> "rps p99 errors cpu-µs-per-request"
  local before after
  before=$(cpu_ticks "$3")
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$2" > "$work/$1.wrk"
  after=$(cpu_ticks "$3")
  python3 - "$work/$1.wrk" "$((after - before))" "$(getconf CLK_TCK)" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
cpu_seconds = int(sys.argv[2]) / int(sys.argv[3])
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
requests = int(re.search(r"(\d+) requests in", text).group(1))
print(rps, ms, errors.group(1) if errors else 0, cpu_seconds * 1e6 / requests)
PY
}

echo "== wrk: ${threads} threads, ${connections} connections, ${duration} s each, ${rounds} rounds, $(wc -c < "$work/body.json") bytes per response"
for url in "$bare" "$api"; do wrk -t"$threads" -c"$connections" -d10s "$url" >/dev/null; done # warm-up (JIT, caches)
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then order=(bare api); else order=(api bare); fi
  for name in "${order[@]}"; do
    url=$bare pid=$bare_pid; [ "$name" = api ] && url=$api pid=$api_pid
    read -r rps p99 errors cpu < <(run "$name" "$url" "$pid")
    echo "$round $name $rps $p99 $errors $cpu" >> "$work/results"
  done
done
python3 - "$work/results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    round_, name, rps, p99, errors, cpu = line.split()
    rows.setdefault(int(round_), {})[name] = (float(rps), float(p99), int(errors), float(cpu))
print(f"{'round':>5} {'bare req/s':>11} {'p99':>8} {'CPU/req':>8} {'Api req/s':>11} {'p99':>8} {'CPU/req':>8} {'Api/bare':>9}")
ratios, p99s, cpus, errors = [], [], [], 0
for round_, r in sorted(rows.items()):
    (b, bp, _, bc), (a, ap, e, ac) = r["bare"], r["api"]
    ratios.append(a / b); p99s.append(ap); cpus.append((bc, ac)); errors += e
    print(f"{round_:>5} {b:>11,.0f} {bp:>6.2f}ms {bc:>6.1f}µs {a:>11,.0f} {ap:>6.2f}ms {ac:>6.1f}µs {a / b:>9.0%}")
print(f"GET /api/opportunities at {statistics.median(ratios):.0%} of bare Kestrel (median of {len(ratios)} rounds; "
      f"{min(ratios):.0%}-{max(ratios):.0%}); Api p99 median {statistics.median(p99s):.2f} ms; non-2xx responses: {errors}")
bare_cpu, api_cpu = statistics.median(c[0] for c in cpus), statistics.median(c[1] for c in cpus)
print(f"server CPU per request (median): bare {bare_cpu:.1f} µs, Api {api_cpu:.1f} µs (+{api_cpu - bare_cpu:.1f} µs, "
      f"{bare_cpu / api_cpu:.0%} of the Api's rate at equal CPU)")
PY
