using System.Text.Json;
using System.Text.Json.Serialization;
using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

/// <summary>A user's item filter as the JSON of its jsonb column.</summary>
internal sealed class ItemFilterJsonConverter() : ValueConverter<ItemFilter, string>(f => ToJson(f), json => FromJson(json))
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static string ToJson(ItemFilter filter) => JsonSerializer.Serialize(filter, JsonOptions);

    private static ItemFilter FromJson(string json) => JsonSerializer.Deserialize<ItemFilter>(json, JsonOptions) ?? ItemFilter.Any;
}
