using System.Collections.Concurrent;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// What this replica last learned about each title: its order book and when, DMarket's suggested price, and the cheapest
/// listing a full sweep saw. The fresh-listings pass judges a new listing by it before spending any request on it.
/// </summary>
public sealed class MarketMemory
{
    private readonly ConcurrentDictionary<(string Game, string Title), TitleMemory> _titles = new();

    public TitleMemory? Recall(string gameId, string title) => _titles.GetValueOrDefault((gameId, title));

    public void RememberBooks(string gameId, IEnumerable<AggregatedPrice> books, DateTimeOffset at)
    {
        foreach (var price in books)
        {
            var book = OrderBook.Of(price);
            _titles.AddOrUpdate((gameId, price.Title), _ => new TitleMemory(book, at, null, null), (_, known) => known with { Book = book, BookAt = at });
        }
    }

    /// <summary>From a full sweep's listings: each title's suggested price and cheapest listing.</summary>
    public void RememberListings(string gameId, IEnumerable<MarketItem> listed)
    {
        foreach (var title in listed.GroupBy(o => o.Title, StringComparer.Ordinal))
        {
            var suggested = title.Select(o => o.SuggestedPriceCents).FirstOrDefault(p => p is > 0);
            var cheapest = title.Min(o => o.PriceCents);
            _titles.AddOrUpdate((gameId, title.Key), _ => new TitleMemory(default, null, suggested, cheapest),
                (_, known) => known with { SuggestedCents = suggested ?? known.SuggestedCents, CheapestCents = cheapest });
        }
    }
}
