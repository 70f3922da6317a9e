using Microsoft.AspNetCore.Http;

namespace DMarketAspire.DMarketSimulator.Security;

public static class ApiFamilies
{
    public static ApiFamily Of(PathString path) => path.Value switch
    {
        { } p when p.StartsWith("/marketplace-api/v2/", StringComparison.OrdinalIgnoreCase) => ApiFamily.MarketplaceV2,
        { } p when p.StartsWith("/marketplace-api/v1/", StringComparison.OrdinalIgnoreCase) => ApiFamily.MarketplaceV1,
        { } p when p.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("/exchange/", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("/trade-aggregator/", StringComparison.OrdinalIgnoreCase) => ApiFamily.Exchange,
        _ => ApiFamily.None,
    };
}
