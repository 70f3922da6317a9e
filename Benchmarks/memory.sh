#!/usr/bin/env bash
# Memory of the whole app as a self-hoster runs it: the AppHost started as `dotnet run --project AppHost` does (free
# ports), on a moving simulated market of 20,000 offers per game, sampled every 30 s for 30 minutes.
#
#   bash Benchmarks/memory.sh [minutes=30] [offers-per-game=20000]      (MEMORY_SAMPLES=file.csv keeps every sample)
#   MEMORY_MODE=lean bash Benchmarks/memory.sh ...                      (lean mode: no AppHost, DCP or dashboard)
#
# Prints, per process group, the proportional set size (PSS: each shared page split among the processes mapping it,
# so the sum is what the machine really spends) 90 s after every resource is up ("idle": start-up settled), after 10
# minutes and at the end, and the growth per hour from a least-squares line over the samples after minute 5 and over
# the second half (a leak shows as a slope that does not fall as the run gets longer: compare the two). The groups:
# the AppHost, DCP (its API server and controllers), DCP's process monitors (one per executable resource), the
# dashboard, each service, PostgreSQL (all its processes), Redis, and the two simulators with their monitors, which
# the totals leave out: they stand in for DMarket and Telegram. Also the DMarket requests the Scanner made per second
# over the run (market items and the others), so a memory setting that costs throughput shows.
# Targets: each .NET service under 100 MB idle; the app without the simulators under 700 MB idle.
# Lean mode (deploy/systemd/lean): PostgreSQL, Redis, the simulators, the migrations and the three services started as
# their systemd units start them (published as install-lean.sh publishes them, the configuration keys the AppHost would
# give them, no OTLP exporter), and measured the same way.
set -euo pipefail

minutes=${1:-30}
offers=${2:-20000}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib.sh
source "$root/Benchmarks/lib.sh"
bench_setup
mode=${MEMORY_MODE:-apphost}
if [ "$mode" = lean ]; then
  build_release DMarketSimulator TelegramSimulator
  # As install-lean.sh publishes them: ReadyToRun, the assemblies the services have in common shared.
  # shellcheck source=../deploy/systemd/common.sh
  source "$root/deploy/systemd/common.sh"
  echo "== publishing as lean mode does"
  publish_lean "$root" "$work/lean" MigrationService Scanner BotService Api
  lean_bin() { echo "$work/lean/$1/DMarketAspire.$1.dll"; }
  echo "== starting the app in lean mode (${offers} offers per game, moving market)"
  start_postgres
  start_redis
  start_simulators "$offers"
  export_lean_service_env
  dotnet "$(lean_bin MigrationService)" >"$work/migrate.log" 2>&1 || { tail -20 "$work/migrate.log"; exit 1; }
  for project in Scanner BotService Api; do
    port=$(free_port)
    ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$(lean_bin $project)" >"$work/$project.log" 2>&1 &
    pids+=($!)
    wait_http "http://127.0.0.1:$port/health"
  done
  sim="http://127.0.0.1:$dm_port"
  root_pid=$$
else
  build_release AppHost
  echo "== starting the app (${offers} offers per game, moving market)"
  start_apphost "$offers"
  sim=$(awk '$1 == "dmarket-simulator" { print $NF; exit }' "$log" | sed -E 's#^(https?://[^/]+).*#\1#')
  root_pid=$apphost
fi

python3 - "$root_pid" "$minutes" "$sim" <<'PY'
import collections, json, os, re, sys, time, urllib.request

apphost, minutes, sim = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
IDLE, EVERY = 90, 30
SIMULATORS = ("DMarket simulator", "Telegram simulator", "simulators' DCP monitors")

def proc_table():
    table = {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                stat = f.read()
            with open(f"/proc/{p}/cmdline", "rb") as f:
                args = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        table[int(p)] = (int(stat[stat.rindex(")") + 2:].split()[1]), args)
    return table

def started_by(root, table):
    """The AppHost, its children and DCP's (DCP detaches and names the AppHost with --monitor PID)."""
    roots = {root} | {p for p, (_, a) in table.items() if re.search(rf"--monitor {root}\b", a) and "monitor-process" not in a}
    found, frontier = set(roots), set(roots)
    while frontier:
        frontier = {p for p, (pp, _) in table.items() if pp in frontier} - found
        found |= frontier
    return found

def group(pid, table):
    if pid not in table:  # gone between the listing and now
        return None
    args = table[pid][1]
    if "monitor-process" in args:
        child = re.search(r"--child (\d+)", args)
        owner = (group(int(child.group(1)), table) or "") if child else ""
        return "simulators' DCP monitors" if "simulator" in owner else "DCP monitors"
    m = re.search(r"DMarketAspire\.(\w+)", args)
    if m:
        name = m.group(1)
        return {"DMarketSimulator": "DMarket simulator", "TelegramSimulator": "Telegram simulator"}.get(name, name)
    if "/dcp " in args or args.endswith("/dcp"):
        return "DCP"
    if "Aspire.Dashboard" in args:
        return "Dashboard"
    if "postgres" in args:
        return "PostgreSQL"
    if "redis" in args or "garnet" in args.lower():
        return "Redis"
    return None

def pss_mb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0

def sample():
    table = proc_table()
    sizes = collections.Counter()
    for pid in started_by(apphost, table):
        name = group(pid, table)
        if name:
            sizes[name] += pss_mb(pid)
    return sizes

def sim_stats():
    with urllib.request.urlopen(f"{sim}/_sim/stats", timeout=30) as r:
        return {g["group"]: g["accepted"] for g in json.load(r)["groups"]}

start = time.time()
samples = []  # (minutes since up, Counter)
time.sleep(IDLE)
requests_from, requests_at = sim_stats(), time.time()
duration = minutes * 60
while True:
    t = time.time() - start
    samples.append((t / 60, sample()))
    if len(samples) == 1 or abs(t - 600) < EVERY / 2 or t >= duration:
        total = sum(v for k, v in samples[-1][1].items() if k not in SIMULATORS)
        print(f"  {t / 60:5.1f} min: app without simulators {total:6.0f} MB PSS", flush=True)
    if t >= duration:
        break
    time.sleep(EVERY - (time.time() - start) % EVERY)
requests_to, requests_span = sim_stats(), time.time() - requests_at

def at(minute):
    return min(samples, key=lambda s: abs(s[0] - minute))[1]

def per_hour(values, since=5):
    """Least-squares slope of the samples after minute `since`, in MB per hour."""
    points = [(m, v) for (m, _), v in zip(samples, values) if m >= since]
    if len(points) < 3:
        return float("nan")
    mx = sum(m for m, _ in points) / len(points)
    my = sum(v for _, v in points) / len(points)
    den = sum((m - mx) ** 2 for m, _ in points)
    return 60 * sum((m - mx) * (v - my) for m, v in points) / den

names = sorted({k for _, s in samples for k in s}, key=lambda k: (k in SIMULATORS, -samples[-1][1][k]))
end = samples[-1][0]
idle, ten, last = samples[0][1], at(10), samples[-1][1]
print()
half = end / 2
print(f"== PSS in MB: {samples[0][0]:.1f} min after all up (idle), 10 min, {end:.0f} min; growth per hour after minute 5 and over the second half")
print(f"  {'process group':28} {'idle':>7} {'10 min':>7} {f'{end:.0f} min':>7} {'MB/h':>7} {f'{half:.0f}-{end:.0f}':>7}")
for name in names:
    values = [s[name] for _, s in samples]
    print(f"  {name:28} {idle[name]:7.0f} {ten[name]:7.0f} {last[name]:7.0f} {per_hour(values):7.1f} {per_hour(values, half):7.1f}")
for label, keep in (("app without simulators", lambda k: k not in SIMULATORS),
                    (".NET services", lambda k: k in ("Scanner", "BotService", "Api"))):
    totals = [sum(v for k, v in s.items() if keep(k)) for _, s in samples]
    print(f"  {label:28} {totals[0]:7.0f} {sum(v for k, v in ten.items() if keep(k)):7.0f} {totals[-1]:7.0f} {per_hour(totals):7.1f} {per_hour(totals, half):7.1f}")
print()
largest = max(("Scanner", "BotService", "Api"), key=lambda k: idle[k])
print(f"== targets (idle): largest .NET service {largest} {idle[largest]:.0f} MB (target < 100); "
      f"app without simulators {sum(v for k, v in idle.items() if k not in SIMULATORS):.0f} MB (target < 700)")
if os.environ.get("MEMORY_SAMPLES"):
    with open(os.environ["MEMORY_SAMPLES"], "w") as f:
        f.write("minute," + ",".join(names) + "\n")
        f.writelines(f"{m:.2f}," + ",".join(f"{s[n]:.1f}" for n in names) + "\n" for m, s in samples)
rates = {g: (requests_to[g] - requests_from.get(g, 0)) / requests_span for g in requests_to}
print("== DMarket requests the app made per second over the run: " + ", ".join(f"{g} {r:.1f}" for g, r in rates.items()))
PY

echo "== stopping the app"
if [ "$mode" != lean ]; then kill -TERM "$apphost"; wait "$apphost" 2>/dev/null || true; fi
