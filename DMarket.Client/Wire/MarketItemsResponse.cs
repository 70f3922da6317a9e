using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>GET /exchange/v1/market/items</c>: prices are cents strings under "USD".</summary>
internal sealed record MarketItemsResponse(List<MarketItemsResponse.MarketObject>? Objects, MarketItemsResponse.Totals? Total, string? Cursor)
{
    internal sealed record MarketObject(
        string ItemId,
        string Title,
        string GameId,
        [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset CreatedAt,
        CoinPrice? Price,
        CoinPrice? SuggestedPrice,
        CoinPrice? InstantPrice,
        ItemFees? Fees,
        ItemExtra? Extra);

    internal sealed record CoinPrice([property: JsonPropertyName("USD"), JsonConverter(typeof(CentsStringConverter))] long Usd);

    /// <summary>DMarket sends <c>tradeLock</c> in days and <c>tradeLockDuration</c> in seconds; either may be missing.</summary>
    internal sealed record ItemExtra(
        string? OfferId,
        string? Exterior,
        double? FloatValue,
        bool? Tradable,
        int? PaintSeed,
        string? Phase,
        string? Category,
        string? ItemType,
        string? CategoryPath,
        List<Sticker>? Stickers,
        string? Hero,
        string? Quality,
        string? Rarity,
        string? Killstreak,
        bool? Craftable,
        int? TradeLock,
        long? TradeLockDuration);

    internal sealed record Sticker(string? Name);

    internal sealed record ItemFees(FeeFamily? Dmarket);

    internal sealed record FeeFamily(FeeKind? Sell);

    internal sealed record FeeKind(FeeDefault? Default);

    internal sealed record FeeDefault([property: JsonConverter(typeof(LenientDecimalConverter))] decimal Percentage);

    internal sealed record Totals([property: JsonConverter(typeof(LenientInt64Converter))] long Offers, [property: JsonConverter(typeof(LenientInt64Converter))] long Items);
}
