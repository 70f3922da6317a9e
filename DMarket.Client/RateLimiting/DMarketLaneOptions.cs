using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>A share of one group's budget reserved for the requests sent in a lane (see <see cref="DMarketRateLane"/>).</summary>
public sealed class DMarketLaneOptions
{
    public DMarketRateLimitGroup Group { get; set; } = DMarketRateLimitGroup.MarketItems;

    [Range(0.01, 0.99)]
    public double Share { get; set; } = 0.5;
}
