using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Localization;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;

namespace DMarketAspire.BotService.Trading;

/// <summary>A sale as the user is told: price, the fee DMarket charged, the cost and the profit, to the cent.</summary>
public static class SaleCard
{
    public static string Sold(Trade trade, BotTexts t) => t.Format(t.SaleDone,
        Html.Escape(trade.Title),
        Money.DollarString(trade.PriceCents),
        Money.DollarString(trade.FeeCents),
        trade.CostCents is { } cost ? Money.Format(cost) : t.CostUnknown,
        trade.ProfitCents is { } profit ? PnlCommands.Signed(profit) : t.CostUnknown);
}
