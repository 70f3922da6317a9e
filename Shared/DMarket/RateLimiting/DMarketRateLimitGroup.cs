namespace DMarketAspire.DMarket.RateLimiting;

/// <summary>DMarket's official per-account rate-limit groups.</summary>
public enum DMarketRateLimitGroup
{
    MarketItems,
    LastSales,
    Fees,
    Other,
}
