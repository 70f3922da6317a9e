using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>A share of one group's budget reserved for the requests sent in a lane (see <see cref="DMarketRateLane"/>).</summary>
public sealed class DMarketLaneOptions
{
    public DMarketRateLimitGroup Group { get; set; } = DMarketRateLimitGroup.MarketItems;

    [Range(0.01, 0.99)]
    public double Share { get; set; } = 0.5;

    /// <summary>
    /// How far into a second the lane's unspent requests are lent to the group's requests outside any lane; null: never.
    /// For a lane kept for what comes at random moments: it has the start of each second to itself, and what it leaves
    /// is not lost.
    /// </summary>
    public TimeSpan? LendAfter { get; set; }
}
