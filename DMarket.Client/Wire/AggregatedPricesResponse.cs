using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>POST /marketplace-api/v1/aggregated-prices</c>: {Currency, Amount} with Amount a cents string.</summary>
internal sealed record AggregatedPricesResponse(List<AggregatedPricesResponse.TitlePrices>? AggregatedPrices, string? NextCursor)
{
    internal sealed record TitlePrices(
        string Title,
        CentsMoney? OrderBestPrice,
        [property: JsonConverter(typeof(LenientInt64Converter))] long OrderCount,
        CentsMoney? OfferBestPrice,
        [property: JsonConverter(typeof(LenientInt64Converter))] long OfferCount);

    internal sealed record CentsMoney(string? Currency, [property: JsonConverter(typeof(CentsStringConverter))] long Amount);
}
