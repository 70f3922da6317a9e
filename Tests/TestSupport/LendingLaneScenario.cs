using DMarketAspire.DMarket.Client.RateLimiting;

namespace DMarketAspire.TestSupport;

/// <summary>
/// What either DMarket limiter (in-process or shared through Redis) must do with a lane that lends: last sales at 6 a
/// second, 2 of them kept for a lane that lends what it leaves from half a second on. Eight senders outside the lane keep
/// the rest busy for a few seconds; one request in the lane comes early in one second. <see cref="Problems"/> says what
/// went wrong, if anything.
/// </summary>
public sealed class LendingLaneScenario
{
    public const string Lane = "lending";
    private const int PerSecond = 6;
    private const int OwnQuota = 4;
    private static readonly TimeSpan LendAfter = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Run = TimeSpan.FromSeconds(3.5);
    private static readonly TimeSpan LaneRequestAt = TimeSpan.FromMilliseconds(100);

    private readonly List<DateTimeOffset> _others = [];
    private DateTimeOffset _laneAsked;
    private DateTimeOffset _laneGranted;

    public static DMarketRateLimitOptions Options() => new()
    {
        LastSalesPerSecond = PerSecond,
        Lanes = { [Lane] = new DMarketLaneOptions { Group = DMarketRateLimitGroup.LastSales, Share = 0.34, LendAfter = LendAfter } },
    };

    public static async Task<LendingLaneScenario> RunAsync(IDMarketRateLimiter limiter, CancellationToken cancellationToken)
    {
        var scenario = new LendingLaneScenario();
        // Start just after a second begins, so the lane's request comes early in the second after next.
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromMilliseconds(1000 - now.Millisecond + 50), cancellationToken);
        var start = DateTimeOffset.UtcNow;
        var end = start + Run;
        var senders = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (DateTimeOffset.UtcNow < end)
            {
                using var permit = await limiter.AcquireAsync(DMarketRateLimitGroup.LastSales, DMarketRateLane.Default, cancellationToken);
                lock (scenario._others)
                {
                    scenario._others.Add(DateTimeOffset.UtcNow);
                }

                await Task.Delay(20, cancellationToken);
            }
        }, cancellationToken)).ToList();

        var secondStart = start - TimeSpan.FromMilliseconds(start.Millisecond) + TimeSpan.FromSeconds(2);
        await Task.Delay(secondStart + LaneRequestAt - DateTimeOffset.UtcNow, cancellationToken);
        scenario._laneAsked = DateTimeOffset.UtcNow;
        using (await limiter.AcquireAsync(DMarketRateLimitGroup.LastSales, Lane, cancellationToken))
        {
            scenario._laneGranted = DateTimeOffset.UtcNow;
        }

        await Task.WhenAll(senders);
        return scenario;
    }

    /// <summary>Each second the senders had whole: what they were granted, and when the lane's request was granted.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        var laneSecond = _laneGranted.ToUnixTimeSeconds();
        var seconds = _others.GroupBy(t => t.ToUnixTimeSeconds()).OrderBy(g => g.Key).ToList();
        // The first and the last second are partly outside the run.
        foreach (var second in seconds.Skip(1).SkipLast(1))
        {
            var grants = second.OrderBy(t => t).ToList();
            var expected = second.Key == laneSecond ? PerSecond - 1 : PerSecond;
            if (grants.Count != expected)
            {
                problems.Add($"second {second.Key}: {grants.Count} granted outside the lane, not {expected} (4 of their own, the rest lent)");
            }

            var early = grants.Skip(OwnQuota).Where(t => t.Millisecond < LendAfter.TotalMilliseconds).ToList();
            if (early.Count > 0)
            {
                problems.Add($"second {second.Key}: lent at {string.Join(", ", early.Select(t => $"{t.Millisecond} ms"))}, before {LendAfter.TotalMilliseconds} ms");
            }
        }

        var waited = _laneGranted - _laneAsked;
        if (waited > TimeSpan.FromMilliseconds(150))
        {
            problems.Add($"the lane's own request, made {_laneAsked.Millisecond} ms into a second, waited {waited.TotalMilliseconds:0} ms");
        }

        return problems;
    }
}
