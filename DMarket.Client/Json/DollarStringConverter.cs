using System.Text.Json;
using System.Text.Json.Serialization;

namespace DMarketAspire.DMarket.Client.Json;

/// <summary>USD dollars as a decimal string ("12.34" = 1234 cents), trade-aggregator sales and v2 common money; the property holds cents.</summary>
public sealed class DollarStringConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Money.FromDollars(JsonNumbers.ReadDecimal(ref reader));

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Money.DollarString(value));
}
