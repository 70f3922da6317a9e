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

    /// <summary>The spec's example says <c>cs2Attributes</c>; real traffic sends <c>cs2</c> / <c>dota2</c>: both are read.</summary>
    internal sealed record ItemAttributes(
        string? Title,
        string? GameId,
        string? CategoryPath,
        int? TradeLockDays,
        Cs2Attributes? Cs2,
        Cs2Attributes? Cs2Attributes,
        DotaAttributes? Dota2,
        Tf2Attributes? Tf2,
        RustAttributes? Rust);

    internal sealed record Cs2Attributes(string? Exterior, double? FloatValue, int? PaintSeed, string? Phase, string? Category, List<MarketItemsResponse.Sticker>? Stickers);

    internal sealed record DotaAttributes(string? Hero, string? Quality, string? Rarity);

    internal sealed record Tf2Attributes(string? Quality, string? Killstreak, bool? Craftable);

    internal sealed record RustAttributes(string? Category);
}
