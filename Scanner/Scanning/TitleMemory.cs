using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// A title as last seen: order book (null <see cref="BookAt"/>: never read), DMarket's suggested price, cheapest listing,
/// the median of its sales as last analyzed (this run's sweeps, or an earlier run's sales in PostgreSQL), and when the
/// fresh pass last looked the title up itself (<see cref="TitleLookup"/>).
/// </summary>
public sealed record TitleMemory(OrderBook Book, DateTimeOffset? BookAt, long? SuggestedCents, long? CheapestCents, long? MedianCents = null, DateTimeOffset? LookedUpAt = null)
{
    /// <summary>Whether something says what the title is worth (its sales median or DMarket's suggested price), so no lookup is needed.</summary>
    public bool KnowsWorth => MedianCents is not null || SuggestedCents is not null;

    /// <summary>
    /// What another listing of the title asks: the cheapest a sweep saw, unless it is this one; else the best offer of a
    /// book read before this listing appeared (the fresh pass reads one for every title it meets, so it knows titles no
    /// sweep has reached yet).
    /// </summary>
    public long? OtherAskThan(Listing listing)
    {
        if (CheapestCents is { } cheapest && cheapest != listing.PriceCents)
        {
            return cheapest;
        }

        return BookAt is { } at && at < listing.ListedAt && Book.BestOfferCents is { } best && best > listing.PriceCents ? best : null;
    }
}
