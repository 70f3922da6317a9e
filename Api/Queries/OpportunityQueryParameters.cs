using System.Globalization;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Pricing;
using Microsoft.AspNetCore.Mvc;

namespace DMarketAspire.Api.Queries;

/// <summary>The query string as sent; <see cref="TryParse"/> names every bad parameter and says what it accepts.</summary>
public sealed record OpportunityQueryParameters(
    [FromQuery] string? Game,
    [FromQuery] string? Level,
    [FromQuery] string? MinProfitPercent,
    [FromQuery] string? MinProfitUsd,
    [FromQuery] string? MinLiquidity,
    [FromQuery] string? Status,
    [FromQuery] string? Sort,
    [FromQuery] string? Cursor,
    [FromQuery] string? Limit,
    [FromQuery] string? Exterior = null,
    [FromQuery] string? Float = null,
    [FromQuery] string? Phase = null,
    [FromQuery] string? StatTrak = null,
    [FromQuery] string? Souvenir = null,
    [FromQuery] string? Stickers = null,
    [FromQuery] string? Category = null,
    [FromQuery] string? Hero = null,
    [FromQuery] string? Quality = null,
    [FromQuery] string? Rarity = null,
    [FromQuery] string? Killstreak = null,
    [FromQuery] string? Craftable = null,
    [FromQuery] string? TradeLock = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public bool TryParse(IReadOnlyList<ScanLevel> levels, out OpportunityQuery? query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        query = null;

        if (Game is not null && !DMarketGames.IsKnown(Game))
        {
            errors["game"] = [$"'{Game}' is not a game; use one of {string.Join(", ", DMarketGames.All)}."];
        }

        if (Level is not null && levels.All(l => l.Name != Level))
        {
            errors["level"] = [$"'{Level}' is not a level; use one of {string.Join(", ", levels.Select(l => l.Name))}."];
        }

        var minPercent = ParseDecimal(MinProfitPercent, "minProfitPercent", 0, 10_000, errors);
        var minUsd = ParseDecimal(MinProfitUsd, "minProfitUsd", 0, 1_000_000, errors);
        var minLiquidity = ParseInt(MinLiquidity, "minLiquidity", 0, 100, errors);
        var limit = ParseInt(Limit, "limit", 1, MaxLimit, errors) ?? DefaultLimit;

        OpportunityStatus? status = Status switch
        {
            null or "active" => OpportunityStatus.Active,
            "gone" => OpportunityStatus.Gone,
            "all" => null,
            _ => Invalid<OpportunityStatus?>(errors, "status", $"'{Status}' is not a status; use active, gone or all."),
        };

        var sort = Sort ?? Sorts.Profit;
        if (!Sorts.All.Contains(sort))
        {
            errors["sort"] = [$"'{Sort}' is not a sort; use one of {string.Join(", ", Sorts.All)}."];
        }

        Queries.Cursor? after = null;
        if (Cursor is not null && (!Queries.Cursor.TryDecode(Cursor, out after) || after!.Sort != sort))
        {
            errors["cursor"] = ["Not a cursor of this sort: pass back the nextCursor of the previous page, with the same sort."];
        }

        var items = ItemFilterQuery.Parse(
            [("exterior", Exterior), ("float", Float), ("phase", Phase), ("stattrak", StatTrak), ("souvenir", Souvenir), ("stickers", Stickers),
             ("category", Category), ("hero", Hero), ("quality", Quality), ("rarity", Rarity), ("killstreak", Killstreak), ("craftable", Craftable),
             ("tradelock", TradeLock)], errors);

        if (errors.Count > 0)
        {
            return false;
        }

        query = new OpportunityQuery(Game, Level, minPercent, minUsd is { } usd ? Money.FromDollars(usd) : null, minLiquidity, status, sort, after, limit, items);
        return true;
    }

    private static decimal? ParseDecimal(string? text, string name, decimal min, decimal max, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        return Invalid<decimal?>(errors, name, $"'{text}' is not a number from {min} to {max}.");
    }

    private static int? ParseInt(string? text, string name, int min, int max, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        return Invalid<int?>(errors, name, $"'{text}' is not a whole number from {min} to {max}.");
    }

    private static T Invalid<T>(Dictionary<string, string[]> errors, string name, string message)
    {
        errors[name] = [message];
        return default!;
    }
}
