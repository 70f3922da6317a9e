namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>DMarket's official per-account rate-limit groups.</summary>
public enum DMarketRateLimitGroup
{
    MarketItems,
    LastSales,
    Fees,
    Other,
}
