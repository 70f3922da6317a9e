using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.Pricing;

/// <summary>Turns a title's recent sales into <see cref="TitleStats"/>; once per title, not per offer.</summary>
public static class SalesAnalyzer
{
    private const double DaysPerWeek = 7;
    private static readonly TimeSpan AverageWindow = TimeSpan.FromDays(7);

    // A MAD of zero (identical prices) would make every other sale an outlier; floor it at 1% of the median.
    private const double MinDeviationShare = 0.01;

    public static TitleStats Analyze(IReadOnlyList<Sale> sales, DateTimeOffset now, PricingOptions options)
    {
        if (sales.Count == 0)
        {
            return TitleStats.None;
        }

        var recent = sales.OrderByDescending(s => s.Date).Take(options.SalesWindow).ToList();
        var prices = recent.Select(s => s.PriceCents).ToArray();
        var median = Median(prices);
        var deviations = prices.Select(p => Math.Abs(p - median)).ToArray();
        var mad = Math.Max(Median(deviations), median * MinDeviationShare);
        var kept = prices.Where(p => Math.Abs(p - median) <= options.OutlierDeviations * mad).ToArray();
        var robustMedian = kept.Length >= options.MinSales ? Median(kept) : (long?)null;

        var lastWeek = sales.Where(s => now - s.Date <= AverageWindow).Select(s => s.PriceCents).ToArray();
        long? average7Days = lastWeek.Length > 0 ? (long)Math.Round(lastWeek.Average()) : null;

        var span = recent.Count > 1 ? (recent[0].Date - recent[^1].Date).TotalDays : double.PositiveInfinity;
        var daysBetween = recent.Count > 1 ? span / (recent.Count - 1) : double.PositiveInfinity;
        var perWeek = recent.Count > 1 && span > 0 ? recent.Count / span * DaysPerWeek : lastWeek.Length;

        var mean = kept.Length > 0 ? kept.Average() : 0;
        var stdDev = kept.Length > 1 ? Math.Sqrt(kept.Sum(p => (p - mean) * (p - mean)) / (kept.Length - 1)) : 0;
        var stability = mean > 0 ? Math.Clamp(1 - (stdDev / mean), 0, 1) : 0;

        return new TitleStats(robustMedian, kept.Length, prices.Length - kept.Length, average7Days, perWeek, daysBetween, stability);
    }

    private static long Median(long[] values)
    {
        var sorted = (long[])values.Clone();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
