using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;

namespace DMarketAspire.BotService.Targets;

/// <summary>
/// <c>/target &lt;title&gt; &lt;price&gt; [amount]</c> as typed: the title may hold spaces, so the price (and the amount,
/// when the last two words are both numbers) are read from the end. Dollars with at most two decimals; cents inside.
/// </summary>
public sealed record TargetRequest(string Title, long PriceCents, int Amount)
{
    public const int MaxAmount = 100;

    /// <summary>The request, or the reply that says what is wrong with it.</summary>
    public static (TargetRequest? Request, string? Problem) Parse(IReadOnlyList<string> arguments, BotTexts t)
    {
        if (arguments.Count < 2)
        {
            return (null, t.TargetUsage);
        }

        var amountText = arguments.Count >= 3 && UserInput.TryParseInt(arguments[^1], out _) && LooksLikePrice(arguments[^2]) ? arguments[^1] : null;
        var priceText = amountText is null ? arguments[^1] : arguments[^2];
        var title = string.Join(' ', arguments.Take(arguments.Count - (amountText is null ? 1 : 2)));

        switch (UserInput.ParsePrice(priceText, out var cents))
        {
            case PriceInput.NotPositive:
                return (null, t.Format(t.TargetPriceNotPositive, Cards.Html.Escape(priceText)));
            case PriceInput.NotMoney:
                return (null, t.Format(t.InvalidMoney, Cards.Html.Escape(priceText), "/target AK-47 | Redline (Field-Tested) 12.50"));
        }

        var amount = 1;
        if (amountText is not null && (!UserInput.TryParseInt(amountText, out amount) || amount is < 1 or > MaxAmount))
        {
            return (null, t.Format(t.InvalidRange, t.TargetAmountName, 1, MaxAmount));
        }

        return string.IsNullOrWhiteSpace(title) ? (null, t.TargetUsage) : (new TargetRequest(title.Trim(), cents, amount), null);
    }

    private static bool LooksLikePrice(string text) => text.StartsWith('$') || text.Contains('.') || text.Contains(',') || UserInput.TryParseInt(text, out _);
}
