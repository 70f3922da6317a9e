using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// How far under what the title is worth a listing looks: its reference over its price. The reference is the best buy
/// order (anyone can sell into it) or, if higher, what the title is worth: the median of its known sales, else DMarket's
/// suggested price, else the cheapest other listing (one asker's price is the weakest evidence, so only as a last
/// resort). It only decides which titles' sales are fetched first: a resale is always priced from sales and buy orders,
/// never from a suggested or asked price.
/// </summary>
public static class ListingPromise
{
    public static double Of(long priceCents, OrderBook book, long? suggestedCents, long? otherAskCents, long? medianCents)
    {
        var worth = medianCents ?? suggestedCents ?? otherAskCents ?? 0;
        var reference = Math.Max(book.BestBuyOrderCents ?? 0, worth);

        // A ratio of two prices ranks listings; it is never money.
        return priceCents > 0 ? (double)reference / priceCents : 0;
    }

    /// <summary>Whether a listing at <paramref name="promise"/> looks underpriced: at most <paramref name="ratio"/> of its reference.</summary>
    public static bool LooksUnderpriced(double promise, double ratio) => promise > 0 && promise >= 1 / ratio;

    /// <summary>Whether a listing is under the title's best buy order: anyone can sell into that, whatever the sales say.</summary>
    public static bool UnderBid(long priceCents, OrderBook book) => book.BestBuyOrderCents > priceCents;
}
