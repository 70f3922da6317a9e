namespace DMarketAspire.DMarket.RateLimiting;

/// <summary>Which group a path counts toward, and DMarket's published limits (requests per second, per account).</summary>
public static class DMarketRateLimits
{
    public static DMarketRateLimitGroup Classify(string path) => path switch
    {
        _ when path.StartsWith("/exchange/v1/market/items", StringComparison.OrdinalIgnoreCase) => DMarketRateLimitGroup.MarketItems,
        _ when path.StartsWith("/exchange/v1/offers-by-title", StringComparison.OrdinalIgnoreCase) => DMarketRateLimitGroup.MarketItems,
        _ when path.Equals("/marketplace-api/v2/offers", StringComparison.OrdinalIgnoreCase) => DMarketRateLimitGroup.MarketItems,
        _ when path.StartsWith("/trade-aggregator/v1/last-sales", StringComparison.OrdinalIgnoreCase) => DMarketRateLimitGroup.LastSales,
        _ when path.StartsWith("/exchange/v1/customized-fees", StringComparison.OrdinalIgnoreCase) => DMarketRateLimitGroup.Fees,
        _ => DMarketRateLimitGroup.Other,
    };

    public static int DefaultPerSecond(DMarketRateLimitGroup group) => group switch
    {
        DMarketRateLimitGroup.MarketItems => 10,
        DMarketRateLimitGroup.LastSales => 6,
        DMarketRateLimitGroup.Fees => 110,
        _ => 20,
    };
}
