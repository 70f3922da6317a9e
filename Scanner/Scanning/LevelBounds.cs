using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>A market search bounded to the prices the levels cover: what the fresh pass and the most discounted page read.</summary>
public static class LevelBounds
{
    /// <summary>DMarket's price bounds are inclusive; the top level's upper bound is not.</summary>
    public static MarketItemsQuery WithinLevels(this MarketItemsQuery query, IReadOnlyList<ScanLevel> levels) =>
        query with { PriceFromCents = levels.Min(l => l.MinPriceCents), PriceToCents = levels.Max(l => l.MaxPriceCents) - 1 };
}
