using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>GET /marketplace-api/v2/user/offers</c>: <c>priceCents</c>, the asset id among the open attributes.</summary>
internal sealed record UserOffersV2Response(List<UserOffersV2Response.Item>? Items, [property: JsonConverter(typeof(LenientInt64Converter))] long Total, string? Cursor)
{
    internal sealed record Item(string OfferId, [property: JsonConverter(typeof(LenientInt64Converter))] long PriceCents, DateTimeOffset CreatedAt, ItemAttributes? Attributes);

    internal sealed record ItemAttributes(string? AssetId, string? Title, string? GameId);
}
