using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.DMarket.RateLimiting;

/// <summary>Bound from <c>DMarket:RateLimits</c>. Defaults are DMarket's published limits.</summary>
public sealed class DMarketRateLimitOptions
{
    [Range(1, 1000)]
    public int MarketItemsPerSecond { get; set; } = DMarketRateLimits.DefaultPerSecond(DMarketRateLimitGroup.MarketItems);

    [Range(1, 1000)]
    public int LastSalesPerSecond { get; set; } = DMarketRateLimits.DefaultPerSecond(DMarketRateLimitGroup.LastSales);

    [Range(1, 1000)]
    public int FeesPerSecond { get; set; } = DMarketRateLimits.DefaultPerSecond(DMarketRateLimitGroup.Fees);

    [Range(1, 1000)]
    public int OtherPerSecond { get; set; } = DMarketRateLimits.DefaultPerSecond(DMarketRateLimitGroup.Other);

    /// <summary>
    /// Added to the one-second window so that jitter between our send and DMarket's count cannot put one request
    /// too many into a second.
    /// </summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many times one request waits out a 429 (for <c>RateLimit-Reset</c>) before giving up.</summary>
    [Range(0, 20)]
    public int MaxRateLimitedRetries { get; set; } = 3;

    /// <summary>The longest wait a 429 may impose; a larger <c>RateLimit-Reset</c> is capped.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    public int PerSecond(DMarketRateLimitGroup group) => group switch
    {
        DMarketRateLimitGroup.MarketItems => MarketItemsPerSecond,
        DMarketRateLimitGroup.LastSales => LastSalesPerSecond,
        DMarketRateLimitGroup.Fees => FeesPerSecond,
        _ => OtherPerSecond,
    };
}
