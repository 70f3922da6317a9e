using System.Globalization;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Notifications;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using DMarketAspire.Trading.Filters;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Commands;

/// <summary>
/// <c>/settings</c>: every filter and preference through inline keyboards (<c>st:...</c> callbacks), or typed as
/// <c>/settings key value</c>; each bad value gets a reply naming the problem and an example.
/// </summary>
public sealed class SettingsCommands(DMarketDbContext db, BotReplies replies, IOptions<NotificationOptions> notifications, IOptions<PricingOptions> pricing)
{
    private const int MaxWords = 30;
    private const int MinWordLength = 2;
    private const int MaxWordLength = 40;

    public const string Prefix = "st";
    private const decimal MaxProfitPercent = 1000m;
    private const long MaxPriceLimitCents = 100_000_000;
    private const int MaxDailyCap = 10_000;

    private static readonly decimal[] ProfitPercents = [1, 3, 5, 8, 10, 15, 20, 30];
    private static readonly long[] ProfitCents = [0, 25, 50, 100, 200, 500, 1000];
    private static readonly long[] MaxPrices = [0, 300, 1_000, 3_000, 10_000, 30_000, 100_000];
    private static readonly int[] Liquidities = [0, 20, 40, 60, 80];
    private static readonly string[] QuietHours = ["off", "22-8", "23-7", "0-8", "1-9"];
    private static readonly string[] TimeZones = ["UTC", "Europe/London", "Europe/Berlin", "Europe/Kyiv", "Europe/Moscow", "Asia/Almaty", "Asia/Shanghai", "America/New_York", "America/Los_Angeles"];

    public async Task SettingsAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var arguments = c.Command.Arguments;
        if (arguments.Count == 0)
        {
            await replies.SendAsync(c.ChatId, Summary(c.User, c.Texts), MainKeyboard(c.Texts), cancellationToken);
            return;
        }

        var t = BotTexts.For(c.User.Language);
        var problem = Apply(c.User, arguments[0].ToLowerInvariant(), arguments.Skip(1).ToArray(), t);
        if (problem is not null)
        {
            await replies.SendAsync(c.ChatId, problem, null, cancellationToken);
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        var texts = BotTexts.For(c.User.Language);
        await replies.SendAsync(c.ChatId, texts.Saved + "\n\n" + Summary(c.User, texts), MainKeyboard(texts), cancellationToken);
    }

    /// <summary>A press on a settings keyboard: opens a choice, or applies one and shows where the user is.</summary>
    public async Task<string?> PressAsync(CallbackContext c, CancellationToken cancellationToken)
    {
        var user = c.User;
        var section = c.Part(1);
        var value = string.Join(':', c.Data.Skip(2));
        if (section is "" or "main")
        {
            await c.ShowAsync(Summary(user, c.Texts), MainKeyboard(c.Texts), cancellationToken);
            return null;
        }

        if (section == "x")
        {
            await c.ShowAsync(c.Texts.Saved + "\n\n" + Summary(user, c.Texts), null, cancellationToken);
            return null;
        }

        if (ItemFilterSettings.Owns(section))
        {
            return await PressItemsAsync(c, section, value, cancellationToken);
        }

        if (value.Length > 0)
        {
            var problem = ApplyChoice(user, section, value);
            if (problem)
            {
                return c.Texts.ButtonExpired;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var t = BotTexts.For(user.Language);
        // Toggles keep their keyboard open; a single choice goes back to the overview.
        var stay = value.Length == 0 || section is "g" or "l";
        var (prompt, keyboard) = stay ? Choice(user, t, section) : (Summary(user, t), MainKeyboard(t));
        if (keyboard is null)
        {
            return t.ButtonExpired;
        }

        await c.ShowAsync(prompt, keyboard, cancellationToken);
        return value.Length > 0 ? t.Saved : null;
    }

    private async Task<string?> PressItemsAsync(CallbackContext c, string section, string value, CancellationToken cancellationToken)
    {
        var user = c.User;
        if (value.Length > 0 || section == "ireset")
        {
            if (ItemFilterSettings.ApplyChoice(user, section, value))
            {
                return c.Texts.ButtonExpired;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var t = BotTexts.For(user.Language);
        var stay = value.Length == 0 || ItemFilterSettings.Stays(section);
        var (prompt, keyboard) = ItemFilterSettings.Choice(user, t, stay ? section : ItemFilterSettings.Menu);
        if (keyboard is null)
        {
            return t.ButtonExpired;
        }

        await c.ShowAsync(prompt, keyboard, cancellationToken);
        return value.Length > 0 || section == "ireset" ? t.Saved : null;
    }

    public string Summary(BotUser u, BotTexts t)
    {
        var lines = new[]
        {
            t.SettingsTitle,
            $"{t.SettingsGames}: {(u.Games.Length == 0 ? t.All : string.Join(", ", u.Games.Select(DMarketGames.Name)))}",
            $"{t.SettingsLevels}: {(u.Levels.Length == 0 ? t.All : string.Join(", ", u.Levels))}",
            $"{t.SettingsMinProfit}: {u.MinProfitPercent.ToString("0.##", CultureInfo.InvariantCulture)}% · {Money.Format(u.MinProfitCents)}",
            $"{t.SettingsMaxPrice}: {(u.MaxPriceCents is { } max ? Money.Format(max) : t.NoLimit)}",
            $"{t.SettingsLiquidity}: {u.MinLiquidity}/100",
            $"{t.SettingsMode}: {ModeText(u, t)}",
            $"{t.SettingsQuietHours}: {(u.QuietFromHour is { } from && u.QuietToHour is { } to ? $"{from:00}:00–{to:00}:00" : t.Off)}",
            $"{t.SettingsTimeZone}: {Html.Escape(u.TimeZone)}",
            $"{t.SettingsDailyCap}: {u.DailyCap}",
            $"{t.SettingsSkipWords}: {(u.SkipWords.Length == 0 ? t.Off : Html.Escape(string.Join(", ", u.SkipWords)))}",
            $"{t.SettingsOnlyWords}: {(u.OnlyWords.Length == 0 ? t.Off : Html.Escape(string.Join(", ", u.OnlyWords)))}",
            ItemFilterSettings.Summary(u.ItemFilter, t),
            $"{t.SettingsLanguage}: {t.LanguageName}",
        };
        return string.Join('\n', lines);
    }

    private static InlineKeyboardMarkup MainKeyboard(BotTexts t) => new(
    [
        [Keyboards.Button("🎮 " + t.SettingsGames, Prefix, "g"), Keyboards.Button("📊 " + t.SettingsLevels, Prefix, "l")],
        [Keyboards.Button("% " + t.SettingsMinProfit, Prefix, "pp"), Keyboards.Button("$ " + t.SettingsMinProfit, Prefix, "pc")],
        [Keyboards.Button(t.SettingsMaxPrice, Prefix, "mp"), Keyboards.Button(t.SettingsLiquidity, Prefix, "lq")],
        [Keyboards.Button("🔔 " + t.SettingsMode, Prefix, "md"), Keyboards.Button("🌙 " + t.SettingsQuietHours, Prefix, "qh")],
        [Keyboards.Button("🕒 " + t.SettingsTimeZone, Prefix, "tz"), Keyboards.Button("🌐 " + t.SettingsLanguage, Prefix, "ln")],
        [Keyboards.Button("🎯 " + t.SettingsItems, Prefix, ItemFilterSettings.Menu)],
        [Keyboards.Button(t.ButtonDone, Prefix, "x")],
    ]);

    private (string Prompt, InlineKeyboardMarkup? Keyboard) Choice(BotUser u, BotTexts t, string section)
    {
        IEnumerable<(string Label, string Value)>? options = section switch
        {
            "g" => DMarketGames.All.Select(g => (Keyboards.Check(u.Games.Contains(g)) + DMarketGames.Name(g), GameAliases.ShortName(g))),
            "l" => pricing.Value.EffectiveLevels.Select(l => (Keyboards.Check(u.Levels.Contains(l.Name)) + l.Name, l.Name)),
            "pp" => ProfitPercents.Select(p => (Keyboards.Check(u.MinProfitPercent == p) + p.ToString(CultureInfo.InvariantCulture) + "%", p.ToString(CultureInfo.InvariantCulture))),
            "pc" => ProfitCents.Select(p => (Keyboards.Check(u.MinProfitCents == p) + Money.Format(p), p.ToString(CultureInfo.InvariantCulture))),
            "mp" => MaxPrices.Select(p => (Keyboards.Check((u.MaxPriceCents ?? 0) == p) + (p == 0 ? t.NoLimit : Money.Format(p)), p.ToString(CultureInfo.InvariantCulture))),
            "lq" => Liquidities.Select(l => (Keyboards.Check(u.MinLiquidity == l) + l.ToString(CultureInfo.InvariantCulture), l.ToString(CultureInfo.InvariantCulture))),
            "md" => new[] { (Keyboards.Check(u.Mode == NotificationMode.Instant) + t.ModeInstant, "instant"), (Keyboards.Check(u.Mode == NotificationMode.Off) + t.ModeOff, "off") }
                .Concat(notifications.Value.EffectiveDigestIntervals.Select(m => (Keyboards.Check(u.Mode == NotificationMode.Digest && u.DigestIntervalMinutes == m) + t.Format(t.ModeDigest, Period(m)), "d:" + m.ToString(CultureInfo.InvariantCulture)))),
            "qh" => QuietHours.Select(q => (Keyboards.Check(QuietText(u) == q) + (q == "off" ? t.Off : q), q)),
            "tz" => TimeZones.Select(z => (Keyboards.Check(u.TimeZone == z) + z, z)),
            "ln" => BotTexts.Languages.Select(l => (Keyboards.Check(u.Language == l) + BotTexts.For(l).LanguageName, l)),
            _ => null,
        };
        if (options is null)
        {
            return ("", null);
        }

        var prompt = section switch
        {
            "g" => t.ChooseGames,
            "l" => t.ChooseLevels,
            "pp" => t.ChooseMinProfitPercent,
            "pc" => t.ChooseMinProfitDollars,
            "mp" => t.ChooseMaxPrice,
            "lq" => t.ChooseLiquidity,
            "md" => t.ChooseMode,
            "qh" => t.Format(t.ChooseQuietHours, Html.Escape(u.TimeZone)),
            "tz" => t.ChooseTimeZone,
            _ => t.ChooseLanguage,
        };
        var rows = options.Select(o => Keyboards.Button(o.Label, Prefix, section, o.Value)).Chunk(section is "md" or "tz" ? 2 : 3)
            .Select(r => (IEnumerable<InlineKeyboardButton>)r).Append([Keyboards.Button(t.ButtonBack, Prefix, "main")]);
        return (t.SettingsTitle + "\n" + prompt, new InlineKeyboardMarkup(rows));
    }

    /// <summary>Applies a button's value; true when the value is not one the keyboard offers (a stale or forged press).</summary>
    private bool ApplyChoice(BotUser u, string section, string value)
    {
        var t = BotTexts.For(u.Language);
        var number = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        switch (section)
        {
            case "g" when GameAliases.Find(value) is { } game:
                u.Games = u.Games.Contains(game) ? [.. u.Games.Where(g => g != game)] : [.. u.Games.Append(game).Order()];
                return false;
            case "l" when pricing.Value.EffectiveLevels.Any(l => l.Name == value):
                u.Levels = u.Levels.Contains(value) ? [.. u.Levels.Where(l => l != value)] : [.. u.Levels.Append(value).Order()];
                return false;
            case "md" when value.StartsWith("d:", StringComparison.Ordinal):
                return Apply(u, "mode", ["digest", value[2..]], t) is not null;
            case "md" when value is "instant" or "off":
                return Apply(u, "mode", [value], t) is not null;
            case "pp" when ProfitPercents.Contains(number):
                return Apply(u, "profit", [value], t) is not null;
            case "pc" when ProfitCents.Contains(number):
                return Apply(u, "minprofit", [Money.DollarString(number)], t) is not null;
            case "mp" when MaxPrices.Contains(number):
                return Apply(u, "maxprice", [number == 0 ? "off" : Money.DollarString(number)], t) is not null;
            case "lq" when Liquidities.Contains((int)number):
                return Apply(u, "liquidity", [value], t) is not null;
            case "qh" when QuietHours.Contains(value):
                return Apply(u, "quiet", [value], t) is not null;
            case "tz" when TimeZones.Contains(value):
                return Apply(u, "tz", [value], t) is not null;
            case "ln" when BotTexts.Languages.Contains(value):
                return Apply(u, "lang", [value], t) is not null;
            default:
                return true;
        }
    }

    /// <summary>
    /// <c>/settings skip|only word, two words, …</c> (commas between entries, so an entry may hold spaces) or <c>off</c>:
    /// each entry 2–40 characters, at most <see cref="MaxWords"/>, kept lowercase.
    /// </summary>
    private static string? ApplyWords(string[] values, Action<string[]> set, string key, BotTexts t)
    {
        var text = string.Join(' ', values).Trim();
        if (text.Length == 0)
        {
            return t.Format(t.InvalidWords, key, MaxWords, MaxWordLength);
        }

        if (text is "off" or "none" or "-")
        {
            set([]);
            return null;
        }

        var words = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToLowerInvariant()).Distinct().ToArray();
        if (words.Length > MaxWords || words.Any(w => w.Length is < MinWordLength or > MaxWordLength))
        {
            return t.Format(t.InvalidWords, key, MaxWords, MaxWordLength);
        }

        set(words);
        return null;
    }

    /// <summary>Applies <c>/settings key value</c>; returns the reply naming the problem, or null when applied.</summary>
    private string? Apply(BotUser u, string key, string[] values, BotTexts t)
    {
        var value = values.Length > 0 ? values[0] : "";
        switch (key)
        {
            case "profit":
                if (!UserInput.TryParseDecimal(value, out var percent))
                {
                    return t.Format(t.InvalidNumber, Html.Escape(value), "<code>/settings profit 7.5</code>");
                }

                if (percent > MaxProfitPercent)
                {
                    return t.Format(t.InvalidRange, t.SettingsMinProfit, "0%", $"{MaxProfitPercent}%");
                }

                u.MinProfitPercent = percent;
                return null;
            case "minprofit":
                if (!UserInput.TryParseDollars(value, out var minProfit))
                {
                    return t.Format(t.InvalidMoney, Html.Escape(value), "<code>/settings minprofit 1.50</code>");
                }

                u.MinProfitCents = minProfit;
                return null;
            case "maxprice":
                if (value is "off" or "none" or "0")
                {
                    u.MaxPriceCents = null;
                    return null;
                }

                if (!UserInput.TryParseDollars(value, out var maxPrice))
                {
                    return t.Format(t.InvalidMoney, Html.Escape(value), "<code>/settings maxprice 100</code>");
                }

                if (maxPrice is <= 0 or > MaxPriceLimitCents)
                {
                    return t.Format(t.InvalidRange, t.SettingsMaxPrice, "$0.01", Money.Format(MaxPriceLimitCents));
                }

                u.MaxPriceCents = maxPrice;
                return null;
            case "liquidity":
                if (!UserInput.TryParseInt(value, out var liquidity) || liquidity > 100)
                {
                    return t.Format(t.InvalidRange, t.SettingsLiquidity, 0, 100);
                }

                u.MinLiquidity = liquidity;
                return null;
            case "cap":
                if (!UserInput.TryParseInt(value, out var cap) || cap is < 1 or > MaxDailyCap)
                {
                    return t.Format(t.InvalidRange, t.SettingsDailyCap, 1, MaxDailyCap);
                }

                u.DailyCap = cap;
                return null;
            case "games":
                return ApplyList(value, GameAliases.Find, found => u.Games = found, "cs2, dota2, tf2, rust", t);
            case "levels":
                return ApplyList(value, l => pricing.Value.EffectiveLevels.FirstOrDefault(x => x.Name.Equals(l, StringComparison.OrdinalIgnoreCase))?.Name, found => u.Levels = found, string.Join(", ", pricing.Value.EffectiveLevels.Select(l => l.Name)), t);
            case "mode":
                return ApplyMode(u, value.ToLowerInvariant(), values.Length > 1 ? values[1] : null, t);
            case "quiet":
                if (value is "off" or "none")
                {
                    u.QuietFromHour = u.QuietToHour = null;
                    return null;
                }

                if (!UserInput.TryParseHours(value, out var from, out var to))
                {
                    return t.Format(t.InvalidQuietHours, Html.Escape(value));
                }

                (u.QuietFromHour, u.QuietToHour) = (from, to);
                return null;
            case "tz" or "timezone":
                if (value.Length is 0 or > 64 || !UserClock.IsKnownZone(value))
                {
                    return t.Format(t.InvalidTimeZone, Html.Escape(value.Length > 64 ? value[..64] + "…" : value));
                }

                u.TimeZone = TimeZoneInfo.FindSystemTimeZoneById(value).Id;
                return null;
            case "skip" or "only":
                return ApplyWords(values, words => { if (key == "skip") { u.SkipWords = words; } else { u.OnlyWords = words; } }, key, t);
            case "lang" or "language":
                if (!BotTexts.Languages.Contains(value.ToLowerInvariant()))
                {
                    return t.Format(t.InvalidChoice, Html.Escape(value), string.Join(", ", BotTexts.Languages));
                }

                u.Language = value.ToLowerInvariant();
                return null;
            case "items":
            case var _ when ItemFilterInput.IsKey(key):
                return ItemFilterSettings.ApplyText(u, key, string.Join(' ', values), t);
            default:
                return t.Format(t.InvalidChoice, Html.Escape(key.Length > 32 ? key[..32] + "…" : key), "profit, minprofit, maxprice, liquidity, games, levels, mode, quiet, tz, cap, skip, only, lang, items, " + string.Join(", ", ItemFilterInput.Keys)) + "\n\n" + t.SettingsUsage;
        }
    }

    private string? ApplyMode(BotUser u, string mode, string? minutes, BotTexts t)
    {
        var intervals = notifications.Value.EffectiveDigestIntervals;
        switch (mode)
        {
            case "instant":
                u.Mode = NotificationMode.Instant;
                return null;
            case "off":
                u.Mode = NotificationMode.Off;
                return null;
            case "digest":
                var interval = minutes is null ? u.DigestIntervalMinutes : UserInput.TryParseInt(minutes, out var parsed) ? parsed : -1;
                if (!intervals.Contains(interval))
                {
                    interval = minutes is null ? intervals[0] : -1;
                }

                if (interval < 0)
                {
                    return t.Format(t.InvalidChoice, Html.Escape(minutes ?? ""), string.Join(", ", intervals));
                }

                u.Mode = NotificationMode.Digest;
                u.DigestIntervalMinutes = interval;
                return null;
            default:
                return t.Format(t.InvalidChoice, Html.Escape(mode), "instant, digest, off");
        }
    }

    private static string? ApplyList(string value, Func<string, string?> find, Action<string[]> set, string valid, BotTexts t)
    {
        if (value is "all" or "")
        {
            set([]);
            return null;
        }

        List<string> found = [];
        foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (find(item) is not { } known)
            {
                return t.Format(t.InvalidChoice, Html.Escape(item.Length > 32 ? item[..32] + "…" : item), valid);
            }

            found.Add(known);
        }

        set([.. found.Distinct().Order()]);
        return null;
    }

    private static string ModeText(BotUser u, BotTexts t) => u.Mode switch
    {
        NotificationMode.Digest => t.Format(t.ModeDigest, Period(u.DigestIntervalMinutes)),
        NotificationMode.Off => t.ModeOff,
        _ => t.ModeInstant,
    };

    private static string Period(int minutes) => minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes} min";

    private static string QuietText(BotUser u) => u.QuietFromHour is { } f && u.QuietToHour is { } to ? $"{f}-{to}" : "off";

}
