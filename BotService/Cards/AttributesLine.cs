using System.Globalization;
using DMarketAspire.BotService.Localization;
using DMarketAspire.Data.Domain;
using DMarketAspire.DMarket.Client;

namespace DMarketAspire.BotService.Cards;

/// <summary>
/// The attributes that matter for an item's game on one card line: exterior, float, phase, StatTrak™/Souvenir and
/// stickers (CS2); quality, hero and rarity (Dota 2); quality, killstreak, craftability (TF2); category (Rust); a trade
/// lock for all. Every value is escaped: they come from the market.
/// </summary>
public static class AttributesLine
{
    public static string? Render(string gameId, OpportunityAttributes a, BotTexts t)
    {
        List<string?> parts = gameId switch
        {
            DMarketGames.CounterStrike2 =>
            [
                a.StatTrak ? "StatTrak™" : null,
                a.Souvenir ? "Souvenir" : null,
                a.Exterior,
                a.FloatValue is { } f ? "float " + f.ToString("0.0000", CultureInfo.InvariantCulture) : null,
                a.Phase,
                a.PaintSeed is { } seed && a.Phase is null && a.Category is "knife" ? $"seed {seed}" : null,
                a.Stickers is > 0 and var n ? t.Format(t.CardStickers, n) : null,
            ],
            DMarketGames.Dota2 => [a.Quality is "Standard" ? null : a.Quality, a.Hero, a.Rarity],
            DMarketGames.TeamFortress2 => [a.Quality is "Unique" ? null : a.Quality, a.Killstreak, a.Craftable == false ? "Non-Craftable" : null],
            _ => [a.Category is { } c ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(c) : null],
        };
        if (a.TradeLockDays > 0)
        {
            parts.Add("🔒 " + t.Format(t.CardTradeLock, a.TradeLockDays));
        }

        var shown = parts.OfType<string>().Where(p => p.Length > 0).Select(Html.Escape).ToList();
        return shown.Count == 0 ? null : string.Join(" · ", shown);
    }
}
