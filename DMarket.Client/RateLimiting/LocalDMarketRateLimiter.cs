using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>
/// One process's pacing: a <see cref="SecondLedger"/> per group and lane, so no calendar second of DMarket's clock
/// receives more than a group's limit, and each lane keeps its share.
/// </summary>
public sealed class LocalDMarketRateLimiter(IOptions<DMarketRateLimitOptions> options, TimeProvider time) : IDMarketRateLimiter
{
    private readonly GroupState[] _groups = Enum.GetValues<DMarketRateLimitGroup>().Select(_ => new GroupState()).ToArray();

    public async ValueTask<DMarketPermit> AcquireAsync(DMarketRateLimitGroup group, string lane, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var state = _groups[(int)group];
        var laneName = limits.LaneOf(group, lane);
        while (true)
        {
            var now = time.GetUtcNow();
            long retryAtMs;
            lock (state)
            {
                var nowMs = now.ToUnixTimeMilliseconds();
                if (state.PausedUntil > now)
                {
                    retryAtMs = state.PausedUntil.ToUnixTimeMilliseconds();
                }
                else
                {
                    var entry = Ledger(state, limits, group, laneName).TryGrant(nowMs, out retryAtMs);
                    entry ??= Borrow(state, limits, group, laneName, nowMs, ref retryAtMs);
                    if (entry is not null)
                    {
                        return new Permit(state, entry, time);
                    }
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, retryAtMs - now.ToUnixTimeMilliseconds())), time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void OnRateLimited(DMarketRateLimitGroup group, DateTimeOffset until) => _groups[(int)group].PauseUntil(until);

    public void OnBudgetExhausted(DMarketRateLimitGroup group, DateTimeOffset until)
    {
        var state = _groups[(int)group];
        int ours;
        lock (state)
        {
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            ours = state.Lanes.Values.Sum(l => l.TouchingNow(nowMs));
        }

        if (ours < options.Value.PerSecond(group))
        {
            state.PauseUntil(until);
        }
    }

    /// <summary>
    /// A request outside any lane, its share spent, takes what a lending lane left unspent this second once the second is
    /// far enough on (<see cref="DMarketLaneOptions.LendAfter"/>); counted in that lane, so no second gets more than the group's
    /// limit. Else <paramref name="retryAtMs"/> is moved to the earliest lending moment still to come.
    /// </summary>
    private static SecondLedger.Entry? Borrow(GroupState state, DMarketRateLimitOptions limits, DMarketRateLimitGroup group, string laneName, long nowMs, ref long retryAtMs)
    {
        foreach (var (lender, lendsFromMs) in limits.Lenders(group, laneName, nowMs))
        {
            if (nowMs < lendsFromMs)
            {
                retryAtMs = Math.Min(retryAtMs, lendsFromMs);
            }
            else if (Ledger(state, limits, group, lender).TryGrant(nowMs, out _) is { } entry)
            {
                return entry;
            }
        }

        return null;
    }

    private static SecondLedger Ledger(GroupState state, DMarketRateLimitOptions limits, DMarketRateLimitGroup group, string laneName)
    {
        if (!state.Lanes.TryGetValue(laneName, out var ledger))
        {
            state.Lanes[laneName] = ledger = new SecondLedger(limits.LaneQuota(group, laneName), (long)limits.ClockTolerance.TotalMilliseconds);
        }

        return ledger;
    }

    private sealed class GroupState
    {
        public Dictionary<string, SecondLedger> Lanes { get; } = new(StringComparer.OrdinalIgnoreCase);

        public DateTimeOffset PausedUntil { get; private set; }

        public void PauseUntil(DateTimeOffset until)
        {
            lock (this)
            {
                if (until > PausedUntil)
                {
                    PausedUntil = until;
                }
            }
        }
    }

    private sealed class Permit(GroupState state, SecondLedger.Entry entry, TimeProvider time) : DMarketPermit
    {
        protected override void OnCompleted()
        {
            lock (state)
            {
                entry.AnsweredMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            }
        }
    }
}
