using DMarketAspire.Data.Domain;
using DMarketAspire.Trading.Filters;

namespace DMarketAspire.Api.Queries;

/// <summary>Item-attribute parameters (query string or a settings body) read as the bot reads <c>/settings</c>, each problem named.</summary>
public static class ItemFilterQuery
{
    public static ItemFilter Parse(IEnumerable<(string Key, string? Value)> values, Dictionary<string, string[]> errors, ItemFilter? start = null)
    {
        var filter = start ?? ItemFilter.Any;
        foreach (var (key, value) in values)
        {
            if (value is null)
            {
                continue;
            }

            if (ItemFilterInput.Apply(filter, key, value, out var updated) is { } problem)
            {
                errors[Name(key)] = [Message(problem)];
                continue;
            }

            filter = updated;
        }

        return filter;
    }

    /// <summary>The parameter's spelling in the Api (camelCase), from the bot's key.</summary>
    public static string Name(string key) => key switch
    {
        "stattrak" => "statTrak",
        "tradelock" => "tradeLock",
        _ => key,
    };

    private static string Message(ItemFilterProblem p) => p.Kind switch
    {
        ItemFilterProblemKind.NotANumber => $"'{p.Value}' is not a number; for example {p.Valid}.",
        ItemFilterProblemKind.BadRange when p.Key == "float" => $"'{p.Value}' is not a float range: from-to between 0 and 1, the smaller first, for example 0-0.07.",
        ItemFilterProblemKind.BadRange => $"'{p.Value}' is out of range: {p.Valid}.",
        _ => $"'{p.Value}' is not one of: {p.Valid}.",
    };
}
