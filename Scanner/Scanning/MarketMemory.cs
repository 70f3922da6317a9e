using System.Collections.Concurrent;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// What this replica last learned about each title: its order book and when, DMarket's suggested price, the cheapest
/// listing a full sweep saw and what its sales said. The fresh-listings pass judges a new listing by it before spending
/// any request on it.
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

    /// <summary>
    /// Order books an earlier run stored, known as read at <paramref name="readAt"/> at the latest: a stored row's time
    /// is also moved by a cheaper listing lowering its best offer, so it does not say how old its bid is. Given a time
    /// older than the fresh pass's book age, a listing that looks underpriced on a recalled book has its book read again
    /// before it is priced, while the rest need none. A book this run already read is newer and kept.
    /// </summary>
    public void RecallBooks(string gameId, IEnumerable<(string Title, OrderBook Book, DateTimeOffset ObservedAt)> books, DateTimeOffset readAt)
    {
        foreach (var (title, book, observedAt) in books)
        {
            var at = observedAt < readAt ? observedAt : readAt;
            _titles.AddOrUpdate((gameId, title), _ => new TitleMemory(book, at, null, null),
                (_, known) => known.BookAt >= at ? known : known with { Book = book, BookAt = at });
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

    /// <summary>Each title's sales median (a sweep's analysis, or an earlier run's sales): what the title is worth, to rank listings by.</summary>
    public void RememberMedians(string gameId, IEnumerable<(string Title, long MedianCents)> medians)
    {
        foreach (var (title, median) in medians)
        {
            _titles.AddOrUpdate((gameId, title), _ => new TitleMemory(default, null, null, null, median), (_, known) => known with { MedianCents = median });
        }
    }

    /// <summary>
    /// DMarket's suggested price per title as a sweep's pages come, before the sweep ends: on a cold start the first
    /// sweep takes minutes, and each page tells the fresh pass what some more titles are worth.
    /// </summary>
    public void RememberSuggested(string gameId, IEnumerable<MarketItem> page)
    {
        foreach (var title in page.Where(o => o.SuggestedPriceCents is > 0).GroupBy(o => o.Title, StringComparer.Ordinal))
        {
            var suggested = title.First().SuggestedPriceCents;
            _titles.AddOrUpdate((gameId, title.Key), _ => new TitleMemory(default, null, suggested, null), (_, known) => known with { SuggestedCents = suggested });
        }
    }

    /// <summary>
    /// What a look at one title's own listings told (<see cref="TitleLookup"/>): its suggested price and the cheapest
    /// listing other than the one that asked; both kept as known when the look found none.
    /// </summary>
    public void RememberLookup(string gameId, string title, long? suggestedCents, long? otherAskCents, DateTimeOffset at) =>
        _titles.AddOrUpdate((gameId, title), _ => new TitleMemory(default, null, suggestedCents, otherAskCents, LookedUpAt: at),
            (_, known) => known with { SuggestedCents = suggestedCents ?? known.SuggestedCents, CheapestCents = otherAskCents ?? known.CheapestCents, LookedUpAt = at });
}
