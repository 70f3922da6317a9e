namespace DMarketAspire.Pricing;

/// <summary>
/// 0–100, how quickly and reliably a title resells: sales per week (30), days between sales (25), price stability
/// (20), buy-order depth to sell into (15), and little competing supply (10).
/// </summary>
public static class LiquidityScorer
{
    private const double SalesPerWeekForFull = 20;
    private const double DaysBetweenForZero = 30;
    private const double BuyOrdersForFull = 10;
    private const double OffersForZero = 100;

    public static int Score(in TitleStats stats, in OrderBook book)
    {
        var score =
            (30 * Math.Min(1, stats.SalesPerWeek / SalesPerWeekForFull))
            + (25 * Math.Max(0, 1 - (stats.AverageDaysBetweenSales / DaysBetweenForZero)))
            + (20 * stats.Stability)
            + (15 * Math.Min(1, book.BuyOrderCount / BuyOrdersForFull))
            + (10 * Math.Max(0, 1 - (book.OfferCount / OffersForZero)));
        return (int)Math.Round(Math.Clamp(score, 0, 100));
    }
}
