using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Attributes;
using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.DMarketSimulator.Apis;

/// <summary>
/// An item's attributes in the two shapes DMarket uses: the exchange's flat <c>extra</c> (exterior and phase in filter
/// spelling, <c>category</c> "stattrak™", trade lock in days and seconds) and the v2 per-game sub-objects.
/// </summary>
internal static class AttributesWire
{
    private const int SecondsPerDay = 86_400;

    public static string? ExteriorWire(ItemAttributes a) => ItemVocabulary.FindExterior(a.Exterior)?.Wire ?? a.Exterior?.ToLowerInvariant();

    public static string? PhaseWire(ItemAttributes a) => ItemVocabulary.Find(ItemVocabulary.Phases, a.Phase)?.Wire;

    public static object[] Stickers(ItemAttributes a) =>
        [.. Enumerable.Range(1, a.Stickers ?? 0).Select(i => new { name = $"Sticker | Simulated {i}", image = string.Empty })];

    /// <summary>The exchange's <c>extra</c> fields that describe the item (the caller adds offer and ownership fields).</summary>
    public static Dictionary<string, object?> Extra(string gameId, ItemAttributes a)
    {
        Dictionary<string, object?> extra = new()
        {
            ["tradeLock"] = a.TradeLockDays,
            ["tradeLockDuration"] = a.TradeLockDays * SecondsPerDay,
        };
        switch (gameId)
        {
            case DMarketGames.CounterStrike2:
                extra["exterior"] = ExteriorWire(a);
                extra["floatValue"] = a.FloatValue;
                extra["paintSeed"] = a.PaintSeed;
                extra["phase"] = PhaseWire(a) ?? string.Empty;
                extra["category"] = a.StatTrak ? "stattrak™" : a.Souvenir ? "souvenir" : "normal";
                extra["itemType"] = a.Category;
                extra["stickers"] = Stickers(a);
                break;
            case DMarketGames.Dota2:
                extra["hero"] = a.Hero?.ToLowerInvariant();
                extra["quality"] = a.Quality?.ToLowerInvariant();
                extra["rarity"] = a.Rarity?.ToLowerInvariant();
                break;
            case DMarketGames.TeamFortress2:
                extra["quality"] = a.Quality?.ToLowerInvariant();
                extra["killstreak"] = a.Killstreak?.ToLowerInvariant();
                extra["craftable"] = a.Craftable;
                break;
            default:
                extra["itemType"] = a.Category;
                break;
        }

        return extra;
    }

    public static object? Cs2(string gameId, ItemAttributes a) => gameId != DMarketGames.CounterStrike2 ? null : new
    {
        exterior = ExteriorWire(a),
        floatValue = a.FloatValue,
        paintSeed = a.PaintSeed,
        phase = PhaseWire(a) ?? string.Empty,
        category = a.StatTrak ? "stattrak_tm" : a.Souvenir ? "souvenir" : "normal",
        stickers = Stickers(a),
    };

    public static object? Dota2(string gameId, ItemAttributes a) =>
        gameId != DMarketGames.Dota2 ? null : new { hero = a.Hero?.ToLowerInvariant(), quality = a.Quality?.ToLowerInvariant(), rarity = a.Rarity?.ToLowerInvariant() };

    public static object? Tf2(string gameId, ItemAttributes a) =>
        gameId != DMarketGames.TeamFortress2 ? null : new { quality = a.Quality?.ToLowerInvariant(), killstreak = a.Killstreak?.ToLowerInvariant(), craftable = a.Craftable };

    public static object? Rust(string gameId, ItemAttributes a) => gameId != DMarketGames.Rust ? null : new { category = a.Category };
}
