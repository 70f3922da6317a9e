using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>GET /marketplace-api/v1/targets-by-title/{game}/{title}</c>: price is a cents string.</summary>
internal sealed record TargetsByTitleResponse(List<TargetsByTitleResponse.Order>? Orders)
{
    internal sealed record Order(
        [property: JsonConverter(typeof(LenientInt64Converter))] long Amount,
        [property: JsonConverter(typeof(CentsStringConverter))] long Price,
        string Title,
        Dictionary<string, System.Text.Json.JsonElement>? Attributes);
}
