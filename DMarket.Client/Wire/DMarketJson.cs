using System.Text.Json;
using System.Text.Json.Serialization;

namespace DMarketAspire.DMarket.Client.Wire;

internal static class DMarketJson
{
    /// <summary>Responses are read case-insensitively (families mix camelCase and PascalCase); requests name every property.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
