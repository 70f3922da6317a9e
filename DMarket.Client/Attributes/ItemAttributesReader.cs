using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.DMarket.Client.Attributes;

/// <summary>
/// Makes an item's attributes canonical from what an endpoint sent, falling back on the title where DMarket's fields
/// are missing (a StatTrak™ or Souvenir prefix, the exterior in brackets, a TF2 killstreak tier or "Non-Craftable"),
/// so a filter on them works whichever endpoint family saw the listing. Unknown spellings are kept, never dropped.
/// </summary>
internal static class ItemAttributesReader
{
    private const string StatTrakMark = "StatTrak™";
    private const string SouvenirMark = "Souvenir ";
    private const string NonCraftableMark = "Non-Craftable";

    public static ItemAttributes Read(string gameId, string title, RawAttributes raw) => gameId switch
    {
        DMarketGames.CounterStrike2 => Cs2(title, raw),
        DMarketGames.Dota2 => new ItemAttributes
        {
            Hero = Canonical(ItemVocabulary.DotaHeroes, raw.Hero),
            Quality = Canonical(ItemVocabulary.DotaQualities, raw.Quality) ?? Leading(ItemVocabulary.DotaQualities, title) ?? "Standard",
            Rarity = Canonical(ItemVocabulary.DotaRarities, raw.Rarity),
            TradeLockDays = Days(raw),
        },
        DMarketGames.TeamFortress2 => new ItemAttributes
        {
            Quality = Canonical(ItemVocabulary.Tf2Qualities, raw.Quality) ?? Leading(ItemVocabulary.Tf2Qualities, WithoutCraftability(title)) ?? "Unique",
            Killstreak = Canonical(ItemVocabulary.Killstreaks, raw.Killstreak) ?? Contained(ItemVocabulary.Killstreaks, title),
            Craftable = raw.Craftable ?? !title.Contains(NonCraftableMark, StringComparison.OrdinalIgnoreCase),
            TradeLockDays = Days(raw),
        },
        DMarketGames.Rust => new ItemAttributes
        {
            Category = Canonical(ItemVocabulary.RustCategories, raw.ItemType ?? FirstSegment(raw.CategoryPath))?.ToLowerInvariant(),
            TradeLockDays = Days(raw),
        },
        _ => new ItemAttributes { TradeLockDays = Days(raw) },
    };

    private static ItemAttributes Cs2(string title, RawAttributes raw)
    {
        var category = raw.Category?.Trim().ToLowerInvariant();
        var exterior = ItemVocabulary.FindExterior(raw.Exterior)?.Name ?? BracketedExterior(title);
        return new ItemAttributes
        {
            Exterior = exterior,
            FloatValue = raw.FloatValue is >= 0 and <= 1 ? raw.FloatValue : null,
            PaintSeed = raw.PaintSeed,
            Phase = Canonical(ItemVocabulary.Phases, raw.Phase),
            StatTrak = category is "stattrak_tm" or "stattrak™" or "stattrak" || title.Contains(StatTrakMark, StringComparison.Ordinal),
            Souvenir = category is "souvenir" || title.StartsWith(SouvenirMark, StringComparison.Ordinal),
            Category = Canonical(ItemVocabulary.Cs2Categories, raw.ItemType ?? FirstSegment(raw.CategoryPath))?.ToLowerInvariant(),
            Stickers = raw.Stickers,
            TradeLockDays = Days(raw),
        };
    }

    /// <summary>The vocabulary's name for a known value; an unknown one as sent (trimmed), so nothing DMarket adds is lost.</summary>
    private static string? Canonical(IReadOnlyList<Term> terms, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : ItemVocabulary.Find(terms, value)?.Name ?? value.Trim();

    private static string? Leading(IReadOnlyList<Term> terms, string title) =>
        terms.FirstOrDefault(t => title.StartsWith(t.Name + " ", StringComparison.OrdinalIgnoreCase))?.Name;

    private static string WithoutCraftability(string title) =>
        title.StartsWith(NonCraftableMark + " ", StringComparison.OrdinalIgnoreCase) ? title[(NonCraftableMark.Length + 1)..] : title;

    private static string? Contained(IReadOnlyList<Term> terms, string title) =>
        terms.FirstOrDefault(t => title.Contains(t.Name + " ", StringComparison.OrdinalIgnoreCase))?.Name;

    private static string? BracketedExterior(string title)
    {
        var open = title.LastIndexOf('(');
        return open >= 0 && title.EndsWith(')') ? ItemVocabulary.FindExterior(title[(open + 1)..^1])?.Name : null;
    }

    private static string? FirstSegment(string? categoryPath) =>
        string.IsNullOrWhiteSpace(categoryPath) ? null : categoryPath.Split('/', 2)[0];

    private static int Days(RawAttributes raw) => Math.Max(0, raw.TradeLockDays ?? 0);
}
