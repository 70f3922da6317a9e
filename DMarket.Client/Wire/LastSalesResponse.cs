using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>GET /trade-aggregator/v1/last-sales</c>: price is a USD decimal string, date unix seconds as a string.</summary>
internal sealed record LastSalesResponse(List<LastSalesResponse.SaleEntry>? Sales)
{
    internal sealed record SaleEntry(
        [property: JsonConverter(typeof(DollarStringConverter))] long Price,
        [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset Date,
        string? TxOperationType);
}
