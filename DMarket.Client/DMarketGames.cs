namespace DMarketAspire.DMarket.Client;

/// <summary>The four games DMarket Aspire trades, by DMarket's <c>gameId</c>.</summary>
public static class DMarketGames
{
    public const string CounterStrike2 = "a8db";
    public const string Dota2 = "9a92";
    public const string TeamFortress2 = "tf2";
    public const string Rust = "rust";

    public static readonly IReadOnlyList<string> All = [CounterStrike2, Dota2, TeamFortress2, Rust];

    public static bool IsKnown(string? gameId) => gameId is not null && All.Contains(gameId);

    public static string Name(string gameId) => gameId switch
    {
        CounterStrike2 => "CS2",
        Dota2 => "Dota 2",
        TeamFortress2 => "TF2",
        Rust => "Rust",
        _ => gameId,
    };
}
