using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Localization;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Trading.Autopilots;

namespace DMarketAspire.BotService.Autopilots;

/// <summary>What the autopilot did, in the user's words: a buy (paper or live), a listing lost to another user, a refusal, a pause.</summary>
public static class AutopilotCard
{
    public static string Told(AutopilotDecision decision, BotTexts t)
    {
        var title = Html.Escape(decision.Title);
        var price = Money.DollarString(decision.PriceCents);
        var listing = decision.ResaleCents > 0 ? t.Format(t.AutopilotListingAt, Money.DollarString(decision.ResaleCents)) : string.Empty;
        return decision.Outcome switch
        {
            AutopilotOutcome.Bought when decision.Mode == AutopilotMode.Paper => t.Format(t.AutopilotPaperBought, title, price, listing),
            AutopilotOutcome.Bought => t.Format(t.AutopilotBought, title, price, listing),
            AutopilotOutcome.Lost => t.Format(t.AutopilotLost, title, price),
            _ => t.Format(t.AutopilotFailed, title, price, Html.Escape(decision.Reason ?? "?")),
        };
    }

    public static string Paused(string reason, BotTexts t) => t.Format(t.AutopilotPausedTold, Reason(reason, t));

    public static string Reason(string reason, BotTexts t) => reason switch
    {
        AutopilotReasons.FailuresInRow => t.AutopilotReasonFailures,
        AutopilotReasons.DailyLoss => t.AutopilotReasonDailyLoss,
        _ => Html.Escape(reason),
    };
}
