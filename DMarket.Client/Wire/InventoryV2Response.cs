using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary>
/// <c>GET /marketplace-api/v2/user/inventory</c>: open <c>attributes</c> (asset id, title, trade lock in days and, where
/// given, until when) and suggested prices as <c>typeCommonMoney</c>, USD decimal strings.
/// </summary>
internal sealed record InventoryV2Response(List<InventoryV2Response.Item>? Items, [property: JsonConverter(typeof(LenientInt64Converter))] long Total, string? Cursor)
{
    internal sealed record Item(ItemAttributes? Attributes, CommonMoney? SuggestedPrice, DateTimeOffset? CreatedAt, bool? InMarket);

    internal sealed record ItemAttributes(
        string? AssetId,
        string? Title,
        string? GameId,
        [property: JsonConverter(typeof(LenientInt64Converter))] long TradeLock,
        DateTimeOffset? TradeLockUntil);

    internal sealed record CommonMoney(string? Currency, [property: JsonConverter(typeof(DollarStringConverter))] long Amount);
}
