using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// How far under what the title is worth a listing looks: the best reference (best buy order, DMarket's suggested
/// price, the cheapest other listing, the median of known sales) over its price. It only decides which titles' sales are
/// fetched first: a resale is always priced from sales and buy orders, never from a suggested or asked price.
/// </summary>
public static class ListingPromise
{
    public static double Of(long priceCents, OrderBook book, long? suggestedCents, long? otherAskCents, long? medianCents)
    {
        long reference = 0;
        foreach (var candidate in new[] { book.BestBuyOrderCents, suggestedCents, otherAskCents, medianCents })
        {
            if (candidate is { } value && value > reference)
            {
                reference = value;
            }
        }

        // A ratio of two prices ranks listings; it is never money.
        return priceCents > 0 ? (double)reference / priceCents : 0;
    }

    /// <summary>Whether a listing at <paramref name="promise"/> looks underpriced: at most <paramref name="ratio"/> of its reference.</summary>
    public static bool LooksUnderpriced(double promise, double ratio) => promise > 0 && promise >= 1 / ratio;
}
