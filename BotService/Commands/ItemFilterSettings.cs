using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Localization;
using DMarketAspire.Data.Domain;
using DMarketAspire.DMarket.Client.Attributes;
using DMarketAspire.Trading.Filters;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Commands;

/// <summary>
/// The item-attribute part of <c>/settings</c>: typed (<c>/settings float 0-0.07</c>, <c>/settings exterior fn, mw</c>)
/// or pressed in the "🎯 Items" keyboard (sections <c>st:i…</c>). Lists toggle and stay open; single choices return to
/// the items menu. Heroes are typed only: Dota 2 has too many for a keyboard.
/// </summary>
public sealed class ItemFilterSettings
{
    public const string Menu = "i";
    private const string SettingsPrefix = SettingsCommands.Prefix;
    private static readonly string[] FloatPresets = ["off", "0-0.07", "0.07-0.15", "0-0.15", "0.15-0.38", "0-0.38", "0.38-1"];
    private static readonly string[] TradeLocks = ["off", "0", "1", "3", "7"];

    /// <summary>Sections whose buttons toggle a list (the keyboard stays open): the values offered, the list, how to set it.</summary>
    private static readonly Dictionary<string, ListSection> Lists = new()
    {
        ["iex"] = new(() => ItemVocabulary.Exteriors.Select(e => (e.Code, e.Name)), f => f.Exteriors, (f, l) => f with { Exteriors = l }),
        ["iph"] = new(() => Terms(ItemVocabulary.Phases), f => f.Phases, (f, l) => f with { Phases = l }),
        ["ica"] = new(() => Terms(ItemVocabulary.Cs2Categories).Concat(Terms(ItemVocabulary.RustCategories)).Select(v => (v.Code, v.Name.ToLowerInvariant())),
            f => [.. f.Cs2Categories.Concat(f.RustCategories)],
            (f, l) => f with
            {
                Cs2Categories = [.. l.Where(c => ItemVocabulary.Find(ItemVocabulary.Cs2Categories, c) is not null)],
                RustCategories = [.. l.Where(c => ItemVocabulary.Find(ItemVocabulary.RustCategories, c) is not null)],
            }),
        ["idq"] = new(() => Terms(ItemVocabulary.DotaQualities), f => f.DotaQualities, (f, l) => f with { DotaQualities = l }),
        ["itq"] = new(() => Terms(ItemVocabulary.Tf2Qualities), f => f.Tf2Qualities, (f, l) => f with { Tf2Qualities = l }),
        ["ira"] = new(() => Terms(ItemVocabulary.DotaRarities), f => f.DotaRarities, (f, l) => f with { DotaRarities = l }),
        ["iks"] = new(() => Terms(ItemVocabulary.Killstreaks), f => f.Killstreaks, (f, l) => f with { Killstreaks = l }),
    };

    /// <summary>Sections with one choice among a few, with the filter key each sets.</summary>
    private static readonly Dictionary<string, (string Key, string[] Values)> Singles = new()
    {
        ["ist"] = ("stattrak", ["any", "only", "no"]),
        ["isv"] = ("souvenir", ["any", "only", "no"]),
        ["isk"] = ("stickers", ["any", "only", "no"]),
        ["icr"] = ("craftable", ["any", "only"]),
        ["ifl"] = ("float", FloatPresets),
        ["itl"] = ("tradelock", TradeLocks),
    };

    public static bool Owns(string section) => section.StartsWith(Menu, StringComparison.Ordinal);

    /// <summary>The settings summary's lines for item attributes; one "any" line when there are none.</summary>
    public static string Summary(ItemFilter f, BotTexts t)
    {
        var parts = ItemFilterInput.Describe(f);
        return parts.Count == 0
            ? $"{t.SettingsItems}: {t.All}"
            : $"{t.SettingsItems}: " + string.Join(" · ", parts.Select(p => $"{p.Key} {Html.Escape(p.Value)}"));
    }

    /// <summary><c>/settings key value</c> for an attribute key; the reply naming the problem, or null when applied.</summary>
    public static string? ApplyText(BotUser u, string key, string value, BotTexts t)
    {
        if (key == "items" && value.Trim().ToLowerInvariant() is "off" or "any" or "reset")
        {
            u.ItemFilter = ItemFilter.Any;
            return null;
        }

        var problem = ItemFilterInput.Apply(u.ItemFilter, key, value, out var updated);
        if (problem is null)
        {
            u.ItemFilter = updated;
            return null;
        }

        var shown = Html.Escape(problem.Value.Length > 40 ? problem.Value[..40] + "…" : problem.Value);
        return problem.Kind switch
        {
            ItemFilterProblemKind.NotANumber => t.Format(t.InvalidNumber, shown, $"<code>/settings {problem.Key} {Html.Escape(problem.Valid)}</code>"),
            ItemFilterProblemKind.BadRange when problem.Key == "float" => t.Format(t.InvalidFloatRange, shown),
            ItemFilterProblemKind.BadRange => t.Format(t.InvalidRange, problem.Key, 0, ItemFilterInput.MaxTradeLockDays),
            _ => t.Format(t.InvalidChoice, shown, Html.Escape(problem.Valid)),
        };
    }

    public static InlineKeyboardMarkup MenuKeyboard(BotTexts t) => new(
    [
        [Button(t.ItemsExterior, "iex"), Button(t.ItemsFloat, "ifl"), Button("StatTrak™", "ist")],
        [Button("Souvenir", "isv"), Button(t.ItemsStickers, "isk"), Button(t.ItemsPhase, "iph")],
        [Button(t.ItemsCategory, "ica"), Button(t.ItemsTradeLock, "itl")],
        [Button("Dota 2 · " + t.ItemsQuality, "idq"), Button("Dota 2 · " + t.ItemsRarity, "ira")],
        [Button("TF2 · " + t.ItemsQuality, "itq"), Button("TF2 · Killstreak", "iks"), Button("TF2 · Craftable", "icr")],
        [Button(t.ItemsReset, "ireset"), Keyboards.Button(t.ButtonBack, SettingsPrefix, "main")],
    ]);

    /// <summary>A press inside the items keyboard: applies it (true when it is not a value offered: stale or forged).</summary>
    public static bool ApplyChoice(BotUser u, string section, string value)
    {
        if (section == "ireset")
        {
            u.ItemFilter = ItemFilter.Any;
            return false;
        }

        if (Lists.TryGetValue(section, out var list) && list.Values().FirstOrDefault(v => v.Code == value) is { Code: not null } chosen)
        {
            var current = list.Current(u.ItemFilter);
            u.ItemFilter = list.Set(u.ItemFilter, current.Contains(chosen.Name) ? [.. current.Where(c => c != chosen.Name)] : [.. current.Append(chosen.Name)]);
            return false;
        }

        return !(Singles.TryGetValue(section, out var single) && single.Values.Contains(value))
            || ApplyText(u, single.Key, value, BotTexts.For(u.Language)) is not null;
    }

    /// <summary>Whether a press in this section keeps its keyboard open (a list toggle).</summary>
    public static bool Stays(string section) => Lists.ContainsKey(section);

    public static (string Prompt, InlineKeyboardMarkup? Keyboard) Choice(BotUser u, BotTexts t, string section)
    {
        if (section is Menu or "ireset")
        {
            return (t.SettingsTitle + "\n" + Summary(u.ItemFilter, t) + "\n\n" + t.ItemsHelp, MenuKeyboard(t));
        }

        IEnumerable<(string Label, string Value)> options;
        if (Lists.TryGetValue(section, out var list))
        {
            var current = list.Current(u.ItemFilter);
            options = list.Values().Select(v => (Keyboards.Check(current.Contains(v.Name)) + v.Name, v.Code));
        }
        else if (Singles.TryGetValue(section, out var single))
        {
            var described = ItemFilterInput.Describe(u.ItemFilter).Where(p => p.Key == single.Key).Select(p => p.Value).FirstOrDefault();
            options = single.Values.Select(v => (Keyboards.Check((described ?? "off") == v || (described is null && v == "any")) + Label(v, t), v));
        }
        else
        {
            return ("", null);
        }

        var rows = options.Select(o => Keyboards.Button(o.Label, SettingsPrefix, section, o.Value)).Chunk(section is "ica" or "idq" or "iph" ? 3 : 2)
            .Select(r => (IEnumerable<InlineKeyboardButton>)r).Append([Keyboards.Button(t.ButtonBack, SettingsPrefix, Menu)]);
        return (t.SettingsTitle + "\n" + Summary(u.ItemFilter, t), new InlineKeyboardMarkup(rows));
    }

    private sealed record ListSection(Func<IEnumerable<(string Code, string Name)>> Values, Func<ItemFilter, string[]> Current, Func<ItemFilter, string[], ItemFilter> Set);

    private static string Label(string value, BotTexts t) => value switch
    {
        "any" or "off" => t.Off,
        "only" => t.ItemsOnly,
        "no" => t.ItemsWithout,
        _ => value,
    };

    private static IEnumerable<(string Code, string Name)> Terms(IReadOnlyList<Term> terms) => terms.Select(t => (t.Code, t.Name));

    private static InlineKeyboardButton Button(string label, string section) => Keyboards.Button(label, SettingsPrefix, section);

}
