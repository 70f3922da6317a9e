using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Checks that the listings behind active opportunities are still there, without waiting for the next sweep of their
/// level: one aggregated-prices request answers for a hundred titles, and a title whose best offer is now above an
/// opportunity's price (or has no offer at all) has lost that listing (sold, delisted or repriced up). Those turn Gone at
/// once, with their outbox event. The most profitable come first: what users see on the first pages and in cards.
/// </summary>
public sealed partial class ListingWatch(
    DMarketDbContext db,
    OpportunityStore store,
    DMarketClient dmarket,
    MarketMemory memory,
    OpportunityAnnouncer announcer,
    ScannerMetrics metrics,
    TimeProvider time,
    IOptions<ScannerOptions> options,
    ILogger<ListingWatch> logger)
{
    public const string ListingGone = "ListingGone";

    /// <summary>Returns how many opportunities turned Gone.</summary>
    public async Task<int> CheckAsync(string gameId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var active = await db.Opportunities.AsNoTracking()
            .Where(o => o.GameId == gameId && o.Status == OpportunityStatus.Active)
            .OrderByDescending(o => o.ProfitCents).ThenByDescending(o => o.Id)
            .Select(o => new { o.Id, o.Title, o.BuyPriceCents, o.FirstSeenAt })
            .Take(settings.ListingWatchMaxOpportunities)
            .ToListAsync(cancellationToken);
        var titles = active.Select(o => o.Title).Distinct(StringComparer.Ordinal).Take(settings.ListingWatchMaxTitles).ToList();
        if (titles.Count == 0)
        {
            return 0;
        }

        var books = (await dmarket.GetAggregatedPricesAsync(gameId, titles, cancellationToken)).ToDictionary(b => b.Title, StringComparer.Ordinal);
        var booksAt = time.GetUtcNow();
        memory.RememberBooks(gameId, books.Values, booksAt);

        // Only a title DMarket answered for is judged, and only an opportunity older than the grace: a book read a moment
        // after a listing appeared may not show it yet.
        var gone = active.Where(o => booksAt - o.FirstSeenAt > settings.ListingWatchGrace
                && books.TryGetValue(o.Title, out var book) && (book.OfferCount == 0 || book.BestOfferCents > o.BuyPriceCents))
            .Select(o => o.Id).ToList();
        // One transaction for the round: hundreds go at once in the first rounds after start-up.
        var changes = await store.RetireAsync(gone, ListingGone, booksAt, cancellationToken);
        metrics.ListingsWatched(gameId, active.Count, changes.Gone);
        if (changes.Gone > 0)
        {
            await announcer.AnnounceAsync(changes.LastEventId);
            LogRetired(logger, gameId, changes.Gone, titles.Count);
        }

        return changes.Gone;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listing watch of {Game}: {Retired} opportunities gone, from {Titles} titles' books.")]
    private static partial void LogRetired(ILogger logger, string game, int retired, int titles);
}
