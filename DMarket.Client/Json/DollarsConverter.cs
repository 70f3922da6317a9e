using System.Text.Json;
using System.Text.Json.Serialization;

namespace DMarketAspire.DMarket.Client.Json;

/// <summary>USD dollars as a JSON number (10.5 = 1050 cents), marketplace-api v1 <c>Money.Amount</c>; the property holds cents.</summary>
public sealed class DollarsConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Money.FromDollars(JsonNumbers.ReadDecimal(ref reader));

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Money.DollarNumberText(value));
}
