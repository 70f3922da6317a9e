using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>PATCH /exchange/v1/offers-buy</c>: price amount is a cents string.</summary>
internal sealed record OffersBuyRequest([property: JsonPropertyName("offers")] IReadOnlyList<OffersBuyRequest.OfferEntry> Offers)
{
    internal sealed record OfferEntry(
        [property: JsonPropertyName("offerId")] string OfferId,
        [property: JsonPropertyName("price")] CentsPrice Price,
        [property: JsonPropertyName("type")] string Type);

    internal sealed record CentsPrice(
        [property: JsonPropertyName("amount"), JsonConverter(typeof(CentsStringConverter))] long Amount,
        [property: JsonPropertyName("currency")] string Currency);
}
