using System.Globalization;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Alerts;

/// <summary>Fired price alerts as one Telegram message: the price that crossed, the threshold, a way to drop the alert.</summary>
public sealed class AlertCard(OpportunityCard opportunityCards)
{
    public string Render(IReadOnlyList<(PriceAlert Alert, long PriceCents)> fired, BotTexts t) =>
        t.AlertFiredHeader + "\n" + string.Join("\n", fired.Select(f => t.Format(t.AlertFiredLine, Html.Escape(f.Alert.Title), DMarketGames.Name(f.Alert.GameId),
            Money.DollarString(f.PriceCents), Direction(f.Alert.Direction, t), Money.DollarString(f.Alert.ThresholdCents))));

    /// <summary>One alert: the item on DMarket and "delete"; several: a "delete" each, numbered as listed.</summary>
    public InlineKeyboardMarkup Buttons(IReadOnlyList<(PriceAlert Alert, long PriceCents)> fired, BotTexts t)
    {
        if (fired.Count == 1)
        {
            var alert = fired[0].Alert;
            return new([[InlineKeyboardButton.WithUrl(t.OpenOnDMarket, opportunityCards.Link(alert.GameId, alert.Title)), DeleteButton(t.Format(t.ButtonDeleteAlert, string.Empty).Trim(), alert)]]);
        }

        return new(fired.Select((f, i) => new[] { DeleteButton(t.Format(t.ButtonDeleteAlert, i + 1), f.Alert) }));
    }

    public static string Direction(PriceAlertDirection direction, BotTexts t) => direction == PriceAlertDirection.Below ? t.AlertBelow : t.AlertAbove;

    private static InlineKeyboardButton DeleteButton(string text, PriceAlert alert) =>
        Keyboards.Button(text, AlertCommands.Prefix, AlertCommands.ForgetAction, alert.Id.ToString(CultureInfo.InvariantCulture));
}
