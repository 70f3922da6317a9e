using System.Text.Json;
using System.Text.Json.Serialization;

namespace DMarketAspire.DMarket.Client.Json;

/// <summary>Unix seconds, as a number or a string ("1699876543").</summary>
public sealed class UnixSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeSeconds(JsonNumbers.ReadInt64(ref reader));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
}
