using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>GET /marketplace-api/v1/user-targets/closed</c>: dollars, unix-second strings.</summary>
internal sealed record ClosedTargetsResponse(List<ClosedTargetsResponse.Trade>? Trades, string? Total, string? Cursor)
{
    internal sealed record Trade(
        string? OfferId,
        string TargetId,
        string? AssetId,
        MarketplaceMoney Price,
        string Title,
        [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset ClosedAt,
        string Status);
}
