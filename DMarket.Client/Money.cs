using System.Globalization;

namespace DMarketAspire.DMarket.Client;

/// <summary>
/// Money is <c>long</c> cents inside the app. DMarket's endpoint families each use another unit (cents strings,
/// dollar floats, dollar strings); these are the only conversions, made at the boundary.
/// </summary>
public static class Money
{
    private const decimal CentsPerDollar = 100m;

    /// <summary>Dollars (as DMarket sends them: 10.5, "12.34") to cents. A fraction of a cent is rounded half away from zero.</summary>
    public static long FromDollars(decimal dollars) =>
        checked((long)decimal.Round(dollars * CentsPerDollar, 0, MidpointRounding.AwayFromZero));

    /// <summary>Cents to dollars as an exact decimal: 1050 → 10.5.</summary>
    public static decimal ToDollars(long cents) => cents / CentsPerDollar;

    /// <summary>Cents as DMarket's shortest dollar number text: 1050 → "10.5", 1200 → "12", 5 → "0.05".</summary>
    public static string DollarNumberText(long cents)
    {
        var whole = Math.DivRem(Math.Abs(cents), 100, out var fraction);
        var sign = cents < 0 ? "-" : string.Empty;
        return fraction == 0
            ? $"{sign}{whole}"
            : $"{sign}{whole}.{fraction.ToString("00", CultureInfo.InvariantCulture).TrimEnd('0')}";
    }

    /// <summary>Cents as a two-decimal dollar string: 1234 → "12.34".</summary>
    public static string DollarString(long cents) => ToDollars(cents).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Format(long cents) => "$" + DollarString(cents);
}
