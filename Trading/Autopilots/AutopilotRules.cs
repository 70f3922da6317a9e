using DMarketAspire.Data.Domain;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>What an autopilot wants to buy: games, levels, profit (% and $), liquidity, max price, words to skip.</summary>
public static class AutopilotRules
{
    public static bool Wants(Autopilot autopilot, Opportunity o) =>
        (autopilot.Games.Length == 0 || autopilot.Games.Contains(o.GameId))
        && (autopilot.Levels.Length == 0 || autopilot.Levels.Contains(o.Level))
        && o.ProfitPercent >= autopilot.MinProfitPercent
        && o.ProfitCents >= autopilot.MinProfitCents
        && o.BuyPriceCents <= autopilot.MaxPriceCents
        && o.Liquidity >= autopilot.MinLiquidity
        && !autopilot.SkipWords.Any(w => o.Title.Contains(w, StringComparison.OrdinalIgnoreCase));
}
