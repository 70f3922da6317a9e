using System.Globalization;

namespace DMarketAspire.BotService.Commands;

/// <summary>Numbers as users type them: "1.50", "$1.50", "1,5"; never negative, never more than two decimals.</summary>
public static class UserInput
{
    private const int MaxDecimals = 2;

    public static bool TryParseDecimal(string text, out decimal value)
    {
        var normalized = text.Trim().TrimStart('$').TrimEnd('%');
        if (!normalized.Contains('.') && normalized.Count(c => c == ',') == 1)
        {
            normalized = normalized.Replace(',', '.');
        }

        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value.Scale <= MaxDecimals;
    }

    /// <summary>Dollars to cents, exactly: "1.50" → 150.</summary>
    public static bool TryParseDollars(string text, out long cents)
    {
        cents = 0;
        if (!TryParseDecimal(text, out var dollars) || dollars > 1_000_000m)
        {
            return false;
        }

        cents = DMarket.Client.Money.FromDollars(dollars);
        return true;
    }

    /// <summary>A price: dollars to cents, more than $0; a minus sign is "not positive" rather than "not money".</summary>
    public static PriceInput ParsePrice(string text, out long cents)
    {
        cents = 0;
        if (text.TrimStart('$').StartsWith('-'))
        {
            return PriceInput.NotPositive;
        }

        return !TryParseDollars(text, out cents) ? PriceInput.NotMoney : cents > 0 ? PriceInput.Valid : PriceInput.NotPositive;
    }

    public static bool TryParseInt(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>"23-7" → (23, 7).</summary>
    public static bool TryParseHours(string text, out int from, out int to)
    {
        from = to = 0;
        var parts = text.Split(['-', '–'], StringSplitOptions.TrimEntries);
        return parts.Length == 2 && TryParseInt(parts[0], out from) && TryParseInt(parts[1], out to) && from is >= 0 and < 24 && to is >= 0 and < 24;
    }
}
