using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.DMarketSimulator.Market;

namespace DMarketAspire.DMarketSimulator.RateLimiting;

/// <summary>
/// DMarket's per-account limits as one-second windows per account and group, plus the counts tests assert on:
/// the most requests any one second saw (attempted and accepted) and the 429s given.
/// </summary>
public sealed class AccountRateLimiter(SimulatorClock clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Account, DMarketRateLimitGroup Group), Window> _windows = [];
    private readonly Dictionary<DMarketRateLimitGroup, Counters> _stats = Enum.GetValues<DMarketRateLimitGroup>().ToDictionary(g => g, _ => new Counters());

    /// <summary>Counts a request against its one-second window; <paramref name="arrival"/> picks the window (default: now).</summary>
    public RateDecision Check(string accountId, DMarketRateLimitGroup group, DateTimeOffset? arrival = null)
    {
        var limit = DMarketRateLimits.DefaultPerSecond(group);
        var second = (arrival ?? clock.UtcNow).ToUnixTimeMilliseconds() / 1000;
        lock (_gate)
        {
            if (!_windows.TryGetValue((accountId, group), out var window) || window.Second != second)
            {
                window = new Window { Second = second };
                _windows[(accountId, group)] = window;
            }

            var stats = _stats[group];
            if (stats.LastSecond != second)
            {
                stats.LastSecond = second;
                stats.ActiveSeconds++;
            }

            window.Attempted++;
            stats.MaxAttempted = Math.Max(stats.MaxAttempted, window.Attempted);
            if (window.Accepted >= limit)
            {
                stats.Rejected++;
                return new RateDecision(false, limit, 0);
            }

            window.Accepted++;
            stats.Accepted++;
            stats.MaxAccepted = Math.Max(stats.MaxAccepted, window.Accepted);
            return new RateDecision(true, limit, limit - window.Accepted);
        }
    }

    public IReadOnlyList<GroupStats> Stats()
    {
        lock (_gate)
        {
            return _stats.Select(s => new GroupStats(s.Key.ToString(), DMarketRateLimits.DefaultPerSecond(s.Key), s.Value.Accepted, s.Value.Rejected,
                s.Value.MaxAttempted, s.Value.MaxAccepted, s.Value.ActiveSeconds)).ToList();
        }
    }

    public void ResetStats()
    {
        lock (_gate)
        {
            foreach (var group in _stats.Keys)
            {
                _stats[group] = new Counters();
            }
        }
    }

    private sealed class Window
    {
        public long Second { get; init; }

        public int Attempted { get; set; }

        public int Accepted { get; set; }
    }

    private sealed class Counters
    {
        public long Accepted { get; set; }

        public long Rejected { get; set; }

        public int MaxAttempted { get; set; }

        public int MaxAccepted { get; set; }

        public long ActiveSeconds { get; set; }

        public long LastSecond { get; set; } = -1;
    }
}
