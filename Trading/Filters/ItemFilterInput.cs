using System.Globalization;
using DMarketAspire.Data.Domain;
using DMarketAspire.DMarket.Client.Attributes;

namespace DMarketAspire.Trading.Filters;

/// <summary>
/// Reads a filter setting typed as <c>key value</c>, the same in the chat (<c>/settings float 0-0.07</c>) and in the
/// Api's query string (<c>?float=0-0.07</c>): lists are comma-separated codes or names (<c>fn, mw</c>), yes/no
/// attributes take <c>only</c>, <c>no</c> or <c>any</c>, and <c>off</c> clears a setting.
/// </summary>
public static class ItemFilterInput
{
    public const int MaxTradeLockDays = 30;

    public static readonly IReadOnlyList<string> Keys =
        ["exterior", "float", "phase", "stattrak", "souvenir", "stickers", "category", "hero", "quality", "rarity", "killstreak", "craftable", "tradelock"];

    private const string DotaPrefix = "dota2:";
    private const string Tf2Prefix = "tf2:";
    private static readonly string QualityValid = "inscribed, genuine, autographed… (Dota 2), strange, unusual, vintage… (TF2); dota2:genuine or tf2:genuine for one game";

    private static readonly string[] Clear = ["off", "any", "all", "none", "-", ""];

    public static bool IsKey(string key) => Keys.Contains(key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Applies one setting to <paramref name="filter"/>; returns the problem, or null with <paramref name="updated"/> set.</summary>
    public static ItemFilterProblem? Apply(ItemFilter filter, string key, string text, out ItemFilter updated)
    {
        updated = filter;
        key = key.ToLowerInvariant();
        text = text.Trim();
        var clear = Clear.Contains(text.ToLowerInvariant());
        switch (key)
        {
            case "exterior":
                return Split(key, text, clear, v => ItemVocabulary.FindExterior(v)?.Name, string.Join(", ", ItemVocabulary.Exteriors.Select(e => e.Code)), filter,
                    (f, l) => f with { Exteriors = l }, out updated);
            case "phase":
                return Split(key, text, clear, v => ItemVocabulary.Find(ItemVocabulary.Phases, v)?.Name, Codes(ItemVocabulary.Phases), filter, (f, l) => f with { Phases = l }, out updated);
            case "hero":
                return Split(key, text, clear, v => ItemVocabulary.Find(ItemVocabulary.DotaHeroes, v)?.Name, "pudge, anti-mage, crystal-maiden…", filter, (f, l) => f with { Heroes = l }, out updated);
            case "rarity":
                return Split(key, text, clear, v => ItemVocabulary.Find(ItemVocabulary.DotaRarities, v)?.Name, Codes(ItemVocabulary.DotaRarities), filter, (f, l) => f with { DotaRarities = l }, out updated);
            case "killstreak":
                return Split(key, text, clear, v => ItemVocabulary.Find(ItemVocabulary.Killstreaks, v)?.Name, Codes(ItemVocabulary.Killstreaks), filter, (f, l) => f with { Killstreaks = l }, out updated);
            case "category":
                // One key for both games' categories: the vocabularies do not overlap, so each value finds its game.
                return Split(key, text, clear, v => Find(v, ItemVocabulary.Cs2Categories, ItemVocabulary.RustCategories)?.ToLowerInvariant(),
                    Codes(ItemVocabulary.Cs2Categories) + ", " + Codes(ItemVocabulary.RustCategories), filter,
                    (f, l) => f with
                    {
                        Cs2Categories = [.. l.Where(c => ItemVocabulary.Find(ItemVocabulary.Cs2Categories, c) is not null)],
                        RustCategories = [.. l.Where(c => ItemVocabulary.Find(ItemVocabulary.RustCategories, c) is not null)],
                    }, out updated);
            case "quality":
                // Dota 2 and TF2 share some names (Genuine): a bare value applies to every game that has it, "dota2:" or
                // "tf2:" before it to one game only.
                return Split(key, text, clear, Quality, QualityValid, filter,
                    (f, l) => f with
                    {
                        DotaQualities = [.. l.Where(q => !q.StartsWith(Tf2Prefix, StringComparison.Ordinal)).Select(q => q.Replace(DotaPrefix, "", StringComparison.Ordinal))
                            .Where(q => ItemVocabulary.Find(ItemVocabulary.DotaQualities, q) is not null).Distinct()],
                        Tf2Qualities = [.. l.Where(q => !q.StartsWith(DotaPrefix, StringComparison.Ordinal)).Select(q => q.Replace(Tf2Prefix, "", StringComparison.Ordinal))
                            .Where(q => ItemVocabulary.Find(ItemVocabulary.Tf2Qualities, q) is not null).Distinct()],
                    }, out updated);
            case "stattrak" or "souvenir" or "stickers":
                if (ParsePresence(text) is not { } presence)
                {
                    return new ItemFilterProblem(ItemFilterProblemKind.UnknownValue, key, text, "only, no, any");
                }

                updated = key switch
                {
                    "stattrak" => filter with { StatTrak = presence },
                    "souvenir" => filter with { Souvenir = presence },
                    _ => filter with { Stickers = presence },
                };
                return null;
            case "craftable":
                if (ParsePresence(text) is not { } craftable || craftable == Presence.Without)
                {
                    return new ItemFilterProblem(ItemFilterProblemKind.UnknownValue, key, text, "only, any");
                }

                updated = filter with { CraftableOnly = craftable == Presence.Only };
                return null;
            case "tradelock":
                if (clear)
                {
                    updated = filter with { MaxTradeLockDays = null };
                    return null;
                }

                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
                {
                    return new ItemFilterProblem(ItemFilterProblemKind.NotANumber, key, text, $"0–{MaxTradeLockDays}");
                }

                if (days > MaxTradeLockDays)
                {
                    return new ItemFilterProblem(ItemFilterProblemKind.BadRange, key, text, $"0–{MaxTradeLockDays}");
                }

                updated = filter with { MaxTradeLockDays = days };
                return null;
            case "float":
                return Float(filter, key, text, clear, out updated);
            default:
                return new ItemFilterProblem(ItemFilterProblemKind.UnknownValue, key, key, string.Join(", ", Keys));
        }
    }

    /// <summary>A human summary of a filter's settings in input form (<c>exterior fn, mw · float 0-0.07</c>); empty when any.</summary>
    public static IReadOnlyList<(string Key, string Value)> Describe(ItemFilter f)
    {
        List<(string, string)> parts = [];
        void Add(string key, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0)
            {
                parts.Add((key, string.Join(", ", list)));
            }
        }

        Add("exterior", f.Exteriors);
        if (f.FloatFrom is not null || f.FloatTo is not null)
        {
            parts.Add(("float", $"{Number(f.FloatFrom ?? 0)}-{Number(f.FloatTo ?? 1)}"));
        }

        Add("phase", f.Phases);
        Add("stattrak", f.StatTrak == Presence.Any ? [] : [PresenceText(f.StatTrak)]);
        Add("souvenir", f.Souvenir == Presence.Any ? [] : [PresenceText(f.Souvenir)]);
        Add("stickers", f.Stickers == Presence.Any ? [] : [PresenceText(f.Stickers)]);
        Add("category", f.Cs2Categories.Concat(f.RustCategories));
        Add("hero", f.Heroes);
        Add("quality", f.DotaQualities.Select(q => DotaPrefix + q).Concat(f.Tf2Qualities.Select(q => Tf2Prefix + q)));
        Add("rarity", f.DotaRarities);
        Add("killstreak", f.Killstreaks);
        Add("craftable", f.CraftableOnly ? ["only"] : []);
        Add("tradelock", f.MaxTradeLockDays is { } d ? [d.ToString(CultureInfo.InvariantCulture)] : []);
        return parts;
    }

    public static string PresenceText(Presence p) => p switch
    {
        Presence.Only => "only",
        Presence.Without => "no",
        _ => "any",
    };

    private static ItemFilterProblem? Float(ItemFilter filter, string key, string text, bool clear, out ItemFilter updated)
    {
        updated = filter;
        if (clear)
        {
            updated = filter with { FloatFrom = null, FloatTo = null };
            return null;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return new ItemFilterProblem(TryNumber(text, out _) ? ItemFilterProblemKind.BadRange : ItemFilterProblemKind.NotANumber, key, text, "0-0.07");
        }

        if (!TryNumber(parts[0], out var from) || !TryNumber(parts[1], out var to))
        {
            return new ItemFilterProblem(ItemFilterProblemKind.NotANumber, key, text, "0-0.07");
        }

        if (from < 0 || to > 1 || from >= to)
        {
            return new ItemFilterProblem(ItemFilterProblemKind.BadRange, key, text, "0-0.07");
        }

        updated = filter with { FloatFrom = from == 0 ? null : from, FloatTo = to == 1 ? null : to };
        return null;
    }

    private static ItemFilterProblem? Split(string key, string text, bool clear, Func<string, string?> find, string valid, ItemFilter filter,
        Func<ItemFilter, string[], ItemFilter> set, out ItemFilter updated)
    {
        updated = filter;
        if (clear)
        {
            updated = set(filter, []);
            return null;
        }

        List<string> found = [];
        foreach (var value in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (find(value) is not { } known)
            {
                return new ItemFilterProblem(ItemFilterProblemKind.UnknownValue, key, value, valid);
            }

            found.Add(known);
        }

        updated = set(filter, [.. found.Distinct(StringComparer.Ordinal)]);
        return null;
    }

    /// <summary>A quality as typed: bare (every game that has it), or with a game prefix kept so the setter can tell.</summary>
    private static string? Quality(string value)
    {
        var lower = value.ToLowerInvariant();
        if (lower.StartsWith(DotaPrefix, StringComparison.Ordinal) || lower.StartsWith("dota:", StringComparison.Ordinal))
        {
            return ItemVocabulary.Find(ItemVocabulary.DotaQualities, value[(value.IndexOf(':') + 1)..]) is { } dota ? DotaPrefix + dota.Name : null;
        }

        if (lower.StartsWith(Tf2Prefix, StringComparison.Ordinal))
        {
            return ItemVocabulary.Find(ItemVocabulary.Tf2Qualities, value[Tf2Prefix.Length..]) is { } tf2 ? Tf2Prefix + tf2.Name : null;
        }

        return Find(value, ItemVocabulary.DotaQualities, ItemVocabulary.Tf2Qualities);
    }

    private static string? Find(string value, params IReadOnlyList<Term>[] vocabularies) =>
        vocabularies.Select(v => ItemVocabulary.Find(v, value)?.Name).FirstOrDefault(n => n is not null);

    private static Presence? ParsePresence(string text) => text.ToLowerInvariant() switch
    {
        "only" or "yes" or "on" => Presence.Only,
        "no" or "without" or "exclude" => Presence.Without,
        "any" or "off" or "" => Presence.Any,
        _ => null,
    };

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Codes(IReadOnlyList<Term> terms) => string.Join(", ", terms.Select(t => t.Code));
}
