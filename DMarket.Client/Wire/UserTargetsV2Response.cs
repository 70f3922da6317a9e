using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>GET /marketplace-api/v2/user/targets</c>: camelCase, <c>priceCents</c>.</summary>
internal sealed record UserTargetsV2Response(List<UserTargetsV2Response.Item>? Items, [property: JsonConverter(typeof(LenientInt64Converter))] long Total, string? Cursor)
{
    internal sealed record Item(
        string TargetId,
        string Title,
        [property: JsonConverter(typeof(LenientInt64Converter))] long Amount,
        string Status,
        [property: JsonConverter(typeof(LenientInt64Converter))] long PriceCents,
        DateTimeOffset? CreatedAt,
        ItemAttributes? Attributes);

    internal sealed record ItemAttributes(string? GameId);
}
