using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Localization;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Trading.Buying;

namespace DMarketAspire.BotService.Trading;

/// <summary>What a buy came to, in the user's words: after a confirmation, and after a reconciliation settled it.</summary>
public static class BuyCard
{
    public static string Outcome(Buy buy, BuyOutcome outcome, BotTexts t)
    {
        var title = Html.Escape(buy.Title);
        var price = Money.DollarString(buy.PriceCents);
        return outcome switch
        {
            BuyOutcome.Bought => t.Format(t.BuyBought, title, price),
            BuyOutcome.AlreadySold => t.Format(t.BuyAlreadySold, title, price),
            BuyOutcome.NotEnoughBalance => t.Format(t.BuyNotEnoughBalance, title, price),
            BuyOutcome.KeysRefused => t.BuyKeysRefused,
            BuyOutcome.Checking => t.Format(t.BuyChecking, title, price),
            BuyOutcome.AlreadyConfirmed => t.BuyAlreadyConfirmed,
            BuyOutcome.Expired => t.BuyExpired,
            BuyOutcome.InFlight => t.BuyInFlight,
            BuyOutcome.NotBought => t.Format(t.BuyNotBought, title, price, Html.Escape(buy.FailReason ?? "?")),
            _ => t.Format(t.BuyRefused, title, Html.Escape(buy.FailReason ?? "?")),
        };
    }

    /// <summary>A buy reconciliation settled, told through the outbox.</summary>
    public static string Settled(Buy buy, BotTexts t) => buy.Status == BuyStatus.Bought
        ? t.Format(t.BuyReconciledBought, Html.Escape(buy.Title), Money.DollarString(buy.PriceCents))
        : Outcome(buy, BuyOutcome.NotBought, t);
}
