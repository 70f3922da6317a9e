using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>GET /marketplace-api/v1/user-offers/closed</c>: price and fee in dollars, unix-second strings.</summary>
internal sealed record ClosedOffersResponse(List<ClosedOffersResponse.Trade>? Trades, string? Total, string? Cursor)
{
    internal sealed record Trade(
        string OfferId,
        string? AssetId,
        MarketplaceMoney Price,
        string Title,
        TradeFee? Fee,
        [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset OfferClosedAt,
        string? Status);

    internal sealed record TradeFee(MarketplaceMoney? Amount, string? Percent);
}
