using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DMarketAspire.DMarket.Client.Json;

/// <summary>A decimal read from a number or a string, written as a string: fee fractions ("0.02").</summary>
public sealed class LenientDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonNumbers.ReadDecimal(ref reader);

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
