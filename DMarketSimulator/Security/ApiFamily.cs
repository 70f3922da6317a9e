namespace DMarketAspire.DMarketSimulator.Security;

/// <summary>DMarket's path families, which differ in casing, units and error shape.</summary>
public enum ApiFamily
{
    /// <summary>Not a DMarket path (health, control API).</summary>
    None,

    /// <summary>/account, /exchange and /trade-aggregator: <c>{"code","message"}</c>.</summary>
    Exchange,

    /// <summary>/marketplace-api/v1: <c>{"Code","Message"}</c>.</summary>
    MarketplaceV1,

    /// <summary>/marketplace-api/v2: gRPC-gateway <c>{"error","code":int,"message"}</c>.</summary>
    MarketplaceV2,
}
