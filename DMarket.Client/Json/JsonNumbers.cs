using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DMarketAspire.DMarket.Client.Json;

/// <summary>DMarket sends numbers as JSON numbers or as strings, depending on the family; accept both.</summary>
internal static class JsonNumbers
{
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDecimal();
            case JsonTokenType.String:
                var text = reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray()) : Encoding.UTF8.GetString(reader.ValueSpan);
                if (text.Length == 0)
                {
                    return 0m;
                }

                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                throw new JsonException($"'{text}' is not a number.");
            case JsonTokenType.Null:
                return 0m;
            default:
                throw new JsonException($"Expected a number or a numeric string, got {reader.TokenType}.");
        }
    }

    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        var value = ReadDecimal(ref reader);
        if (value != decimal.Truncate(value))
        {
            throw new JsonException($"Expected a whole number, got {value}.");
        }

        return checked((long)value);
    }
}
