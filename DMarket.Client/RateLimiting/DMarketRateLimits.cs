namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>
/// DMarket's published limits (requests per second, per account) and which group each path counts toward, as DMarket
/// counts it: its rate-limit table files the market listings, the v2 storefront and the aggregated prices together under
/// "market items". The simulator counts by this table; the client starts from it (see <see cref="DMarketRateGroups"/>).
/// </summary>
public static class DMarketRateLimits
{
    /// <summary>Path prefixes and their groups; a path no prefix matches counts as <see cref="DMarketRateLimitGroup.Other"/>.</summary>
    public static readonly IReadOnlyList<DMarketRateGroupRule> DefaultRules =
    [
        new("/exchange/v1/market/items", DMarketRateLimitGroup.MarketItems),
        new("/exchange/v1/offers-by-title", DMarketRateLimitGroup.MarketItems),
        new("/marketplace-api/v2/offers", DMarketRateLimitGroup.MarketItems),
        new("/marketplace-api/v1/aggregated-prices", DMarketRateLimitGroup.MarketItems),
        new("/price-aggregator/v1/aggregated-prices", DMarketRateLimitGroup.MarketItems),
        new("/trade-aggregator/v1/last-sales", DMarketRateLimitGroup.LastSales),
        new("/exchange/v1/customized-fees", DMarketRateLimitGroup.Fees),
    ];

    public static DMarketRateLimitGroup Classify(string path) => Classify(path, DefaultRules) ?? DMarketRateLimitGroup.Other;

    /// <summary>The group of the first rule whose path prefix <paramref name="path"/> starts with; null when none does.</summary>
    public static DMarketRateLimitGroup? Classify(string path, IEnumerable<DMarketRateGroupRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(path))
            {
                return rule.Group;
            }
        }

        return null;
    }

    public static int DefaultPerSecond(DMarketRateLimitGroup group) => group switch
    {
        DMarketRateLimitGroup.MarketItems => 10,
        DMarketRateLimitGroup.LastSales => 6,
        DMarketRateLimitGroup.Fees => 110,
        _ => 20,
    };
}
