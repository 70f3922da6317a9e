using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>GET /marketplace-api/v1/user-targets</c>: PascalCase, price in dollars, Amount and Total strings.</summary>
internal sealed record UserTargetsV1Response(List<UserTargetsV1Response.Item>? Items, string? Total, string? Cursor)
{
    internal sealed record Item(
        string TargetId,
        string Title,
        [property: JsonConverter(typeof(LenientInt64Converter))] long Amount,
        string Status,
        string? GameId,
        MarketplaceMoney Price);
}
