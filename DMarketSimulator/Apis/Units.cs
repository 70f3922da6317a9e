using System.Globalization;
using DMarketAspire.DMarket.Client;

namespace DMarketAspire.DMarketSimulator.Apis;

/// <summary>Each family's unit, spelled out where the simulator writes it (DMarket API reference §3.3).</summary>
internal static class Units
{
    /// <summary>exchange, balance, aggregated prices, targets-by-title: cents as a string ("1250").</summary>
    public static string CentsString(long cents) => cents.ToString(CultureInfo.InvariantCulture);

    /// <summary>marketplace-api v1 Money.Amount: dollars as a JSON number (12.5).</summary>
    public static decimal Dollars(long cents) => Money.ToDollars(cents);

    /// <summary>trade-aggregator last-sales: dollars as a decimal string ("12.50").</summary>
    public static string DollarString(long cents) => Money.DollarString(cents);

    public static string UnixString(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
