namespace DMarketAspire.Pricing;

/// <summary>What a title's recent sales say: a robust median, the 7-day average, and how often and steadily it sells.</summary>
public readonly record struct TitleStats(
    long? MedianCents,
    int SalesConsidered,
    int OutliersDropped,
    long? Average7DaysCents,
    double SalesPerWeek,
    double AverageDaysBetweenSales,
    double Stability)
{
    public static TitleStats None => new(null, 0, 0, null, 0, double.PositiveInfinity, 0);
}
