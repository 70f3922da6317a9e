using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>GET /marketplace-api/v2/offers</c>: <c>priceCents</c> (number or string), createdAt RFC 3339.</summary>
internal sealed record OffersV2Response(List<OffersV2Response.Item>? Items, [property: JsonConverter(typeof(LenientInt64Converter))] long Total, string? Cursor)
{
    internal sealed record Item(
        string OfferId,
        [property: JsonConverter(typeof(LenientInt64Converter))] long PriceCents,
        DateTimeOffset CreatedAt,
        bool Locked,
        ItemAttributes? Attributes);

    internal sealed record ItemAttributes(string? Title, string? GameId, Cs2Attributes? Cs2, Cs2Attributes? Cs2Attributes);

    internal sealed record Cs2Attributes(string? Exterior);
}
