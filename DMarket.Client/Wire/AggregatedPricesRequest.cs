using System.Text.Json.Serialization;

namespace DMarketAspire.DMarket.Client.Wire;

internal sealed record AggregatedPricesRequest(
    [property: JsonPropertyName("filter")] AggregatedPricesRequest.PriceFilter Filter,
    [property: JsonPropertyName("limit")] string Limit,
    [property: JsonPropertyName("cursor")] string Cursor)
{
    internal sealed record PriceFilter([property: JsonPropertyName("game")] string Game, [property: JsonPropertyName("titles")] IReadOnlyList<string> Titles);
}
