using System.Threading.RateLimiting;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// How fast title lookups go: a minute's worth at once when the backlog starts (a cold start, when unknown titles are
/// most), then one every <c>minute / perMinute</c>. A sliding window spent its minute in a burst and then gave nothing
/// for most of a minute, every minute, so the costliest title met just after a burst waited up to a minute
/// (measured: a $745 listing 40% under worth shown after 16.6–19.2 s in four runs out of seven). Most discounted pages
/// start with one per game instead: a page read again right after the last tells nothing new.
/// </summary>
public static class TitleLookupPace
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The time between two permits at <paramref name="perMinute"/>.</summary>
    public static TimeSpan Interval(int perMinute) => Minute / perMinute;

    /// <param name="perMinute">Lookups a minute, at least one.</param>
    /// <param name="burst">How many may go at once; a minute's worth unless given.</param>
    /// <param name="replenishOnItsOwn">False in tests, which call <see cref="TokenBucketRateLimiter.TryReplenish"/> to move time on.</param>
    public static TokenBucketRateLimiter Create(int perMinute, int? burst = null, bool replenishOnItsOwn = true) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Clamp(burst ?? perMinute, 1, perMinute),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = Interval(perMinute),
        AutoReplenishment = replenishOnItsOwn,
        QueueLimit = 1,
    });
}
