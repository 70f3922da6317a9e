using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Whether a book of a listing's title says the listing has left the market: read more than the grace after a page showed
/// the listing (DMarket's books may not show a listing for a moment after it appears), it has no offer at or under the
/// listing's price. The listing watch judges shown opportunities by the same rule; this one keeps a listing that left
/// while it was being priced (a sweep's pages, then its books; or minutes waiting for its title's sales) from being shown.
/// </summary>
public static class ListingDeparture
{
    public static bool HasLeft(OrderBook book, DateTimeOffset bookAt, long priceCents, DateTimeOffset seenAt, TimeSpan grace) =>
        bookAt - seenAt > grace && book.HasNoOfferAtOrUnder(priceCents);

    public static bool HasLeft(TitleMemory? known, Listing listing, TimeSpan grace) =>
        known is { BookAt: { } at } && HasLeft(known.Book, at, listing.PriceCents, listing.SeenAt, grace);
}
