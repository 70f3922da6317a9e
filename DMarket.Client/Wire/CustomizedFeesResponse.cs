using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>GET /exchange/v1/customized-fees</c>: fractions are strings, price windows cents, expiry unix seconds.</summary>
internal sealed record CustomizedFeesResponse(CustomizedFeesResponse.DefaultFeeEntry? DefaultFee, List<CustomizedFeesResponse.ReducedFeeEntry>? ReducedFees)
{
    internal sealed record DefaultFeeEntry(
        [property: JsonConverter(typeof(LenientDecimalConverter))] decimal Fraction,
        [property: JsonConverter(typeof(LenientInt64Converter))] long MinAmount);

    internal sealed record ReducedFeeEntry(
        string Title,
        [property: JsonConverter(typeof(LenientDecimalConverter))] decimal Fraction,
        [property: JsonConverter(typeof(LenientInt64Converter))] long MinPrice,
        [property: JsonConverter(typeof(LenientInt64Converter))] long MaxPrice,
        [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset ExpiresAt);
}
