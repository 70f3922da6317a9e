using DMarketAspire.DMarket.Client;

namespace DMarketAspire.BotService.Cards;

/// <summary>What users type for a game, and the short codes used in callback data.</summary>
public static class GameAliases
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cs2"] = DMarketGames.CounterStrike2,
        ["cs"] = DMarketGames.CounterStrike2,
        ["csgo"] = DMarketGames.CounterStrike2,
        ["a8db"] = DMarketGames.CounterStrike2,
        ["dota2"] = DMarketGames.Dota2,
        ["dota"] = DMarketGames.Dota2,
        ["9a92"] = DMarketGames.Dota2,
        ["tf2"] = DMarketGames.TeamFortress2,
        ["rust"] = DMarketGames.Rust,
    };

    public static string? Find(string text) => Aliases.GetValueOrDefault(text.Trim());

    public static string ShortName(string gameId) => gameId switch
    {
        DMarketGames.CounterStrike2 => "cs2",
        DMarketGames.Dota2 => "dota2",
        DMarketGames.TeamFortress2 => "tf2",
        DMarketGames.Rust => "rust",
        _ => gameId,
    };

    /// <summary>The game's slug in DMarket's item-list addresses.</summary>
    public static string SiteSlug(string gameId) => gameId switch
    {
        DMarketGames.CounterStrike2 => "csgo-skins",
        DMarketGames.Dota2 => "dota2-skins",
        DMarketGames.TeamFortress2 => "team-fortress-2-skins",
        DMarketGames.Rust => "rust-skins",
        _ => "csgo-skins",
    };
}
