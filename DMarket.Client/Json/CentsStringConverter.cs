using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DMarketAspire.DMarket.Client.Json;

/// <summary>Cents written as a string ("1250"), read from a string or a number: exchange, balance, aggregated prices.</summary>
public sealed class CentsStringConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonNumbers.ReadInt64(ref reader);

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
