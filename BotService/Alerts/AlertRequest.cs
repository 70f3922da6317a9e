using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.Data.Domain;

namespace DMarketAspire.BotService.Alerts;

/// <summary>
/// <c>/alert &lt;title&gt; below|above &lt;price&gt;</c> as typed: the title may hold spaces, so the price and the direction
/// are the last two words. "under", "&lt;", "ниже" and "over", "&gt;", "выше" say the same. Dollars, at most two decimals.
/// </summary>
public sealed record AlertRequest(string Text, PriceAlertDirection Direction, long ThresholdCents)
{
    private static readonly string[] BelowWords = ["below", "under", "<", "<=", "ниже"];
    private static readonly string[] AboveWords = ["above", "over", ">", ">=", "выше"];

    /// <summary>The request, or the reply that says what is wrong with it.</summary>
    public static (AlertRequest? Request, string? Problem) Parse(IReadOnlyList<string> arguments, BotTexts t)
    {
        if (arguments.Count < 3)
        {
            return (null, t.AlertUsage);
        }

        var direction = ParseDirection(arguments[^2]);
        if (direction is null)
        {
            return (null, t.AlertBadDirection);
        }

        var priceText = arguments[^1];
        switch (UserInput.ParsePrice(priceText, out var cents))
        {
            case PriceInput.NotPositive:
                return (null, t.Format(t.AlertPriceNotPositive, Html.Escape(priceText)));
            case PriceInput.NotMoney:
                return (null, t.Format(t.InvalidMoney, Html.Escape(priceText), "/alert redline field below 12.50"));
        }

        var text = string.Join(' ', arguments.Take(arguments.Count - 2)).Trim();
        return text.Length == 0 ? (null, t.AlertUsage) : (new AlertRequest(text, direction.Value, cents), null);
    }

    /// <summary>The short form button data carries: b or a.</summary>
    public static string Code(PriceAlertDirection direction) => direction == PriceAlertDirection.Below ? "b" : "a";

    public static PriceAlertDirection? FromCode(string code) => code switch { "b" => PriceAlertDirection.Below, "a" => PriceAlertDirection.Above, _ => null };

    private static PriceAlertDirection? ParseDirection(string word) =>
        BelowWords.Contains(word, StringComparer.OrdinalIgnoreCase) ? PriceAlertDirection.Below
        : AboveWords.Contains(word, StringComparer.OrdinalIgnoreCase) ? PriceAlertDirection.Above
        : null;
}
