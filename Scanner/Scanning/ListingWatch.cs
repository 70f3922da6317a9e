using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Checks that the listings behind active opportunities are still there, without waiting for the next sweep of their
/// level: one aggregated-prices request answers for a hundred titles, and a title whose best offer is now above an
/// opportunity's price (or has no offer at all) has lost that listing (sold, delisted or repriced up). Those turn Gone at
/// once, with their outbox event. The most profitable come first: what users see on the first pages and in cards.
/// An opportunity above its title's cheapest listing is checked by a search of the title once the title's listing count
/// falls (<see cref="ListingCounts"/>).
/// </summary>
public sealed partial class ListingWatch(
    DMarketDbContext db,
    OpportunityStore store,
    DMarketClient dmarket,
    MarketMemory memory,
    ListingCounts counts,
    ListingCountsStore countsStore,
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
            .Select(o => new WatchedOpportunity(o.Id, o.OfferId, o.Title, o.BuyPriceCents, o.FirstSeenAt))
            .Take(settings.ListingWatchMaxOpportunities)
            .ToListAsync(cancellationToken);
        var titles = active.Select(o => o.Title).Distinct(StringComparer.Ordinal).Take(settings.ListingWatchMaxTitles).ToList();
        if (titles.Count == 0)
        {
            return 0;
        }

        var books = (await dmarket.GetAggregatedPricesAsync(gameId, titles, cancellationToken)).ToDictionary(b => b.Title, StringComparer.Ordinal);
        var booksAt = time.GetUtcNow();
        // As the last round left them, here or at another replica: listings that left while no one watched count too.
        await countsStore.RestoreAsync(gameId, counts);
        memory.RememberBooks(gameId, books.Values, booksAt);
        counts.Forget(gameId, titles.ToHashSet(StringComparer.Ordinal));
        foreach (var book in books.Values)
        {
            counts.Observe(gameId, book.Title, book.OfferCount);
        }

        // Only a title DMarket answered for is judged, and only an opportunity older than the grace: a book read a moment
        // after a listing appeared may not show it yet.
        bool PastGrace(WatchedOpportunity o) => booksAt - o.FirstSeenAt > settings.ListingWatchGrace;
        var judged = active.Where(o => PastGrace(o) && books.ContainsKey(o.Title)).ToList();
        var gone = judged.Where(o => OrderBook.Of(books[o.Title]).HasNoOfferAtOrUnder(o.BuyPriceCents)).Select(o => o.Id).ToList();

        // Above the title's cheapest listing the book cannot tell; a title that lost a listing has those checked one by one.
        var unjudged = judged.Where(o => books[o.Title].BestOfferCents < o.BuyPriceCents).ToList();
        // A title with an opportunity inside the grace keeps its falls: that one is judged only at a later round, and a
        // fall seen now may be its listing (it was: a restarted Scanner's first round came within the grace of its
        // predecessor's finds, cleared what left meanwhile, and the sold one stayed shown).
        var young = active.Where(o => !PastGrace(o)).Select(o => o.Title);
        foreach (var title in books.Keys.Except(unjudged.Select(o => o.Title).Concat(young), StringComparer.Ordinal))
        {
            // Its opportunities are its cheapest listings: the book judges them, whatever left before.
            counts.Cleared(gameId, title);
        }

        gone.AddRange(await CheckOneByOneAsync(gameId, unjudged, settings, cancellationToken));

        // One transaction for the round: hundreds go at once in the first rounds after start-up.
        var changes = await store.RetireAsync(gone, ListingGone, booksAt, cancellationToken);
        // Only once those are retired: a crash before leaves the falls to be searched again, not forgotten.
        await countsStore.SaveAsync(gameId, counts);
        metrics.ListingsWatched(gameId, active.Count, changes.Gone);
        if (changes.Gone > 0)
        {
            await announcer.AnnounceAsync(changes.LastEventId);
            LogRetired(logger, gameId, changes.Gone, titles.Count);
        }

        return changes.Gone;
    }

    /// <summary>
    /// Opportunities above their title's cheapest listing, on titles whose listing count fell (a listing left, perhaps
    /// theirs): a search of the title's listings in their price range shows which are still there. At most
    /// <see cref="ScannerOptions.ListingWatchSearches"/> titles a round, the likeliest to have lost one first (most profitable
    /// first left the cheap ones unchecked: they were most of what stayed shown after selling).
    /// </summary>
    private async Task<List<long>> CheckOneByOneAsync(string gameId, List<WatchedOpportunity> unjudged, ScannerOptions settings, CancellationToken cancellationToken)
    {
        List<long> gone = [];
        // Where a search most likely finds a sold listing: the titles whose count fell most against how many they have.
        var suspects = unjudged.GroupBy(o => o.Title, StringComparer.Ordinal)
            .Select(t => (Title: t, Suspicion: counts.Suspicion(gameId, t.Key, t.Count())))
            .Where(t => t.Suspicion > 0).OrderByDescending(t => t.Suspicion).Take(settings.ListingWatchSearches).Select(t => t.Title);
        foreach (var title in suspects)
        {
            var query = new MarketItemsQuery(gameId)
            {
                Title = title.Key,
                PriceFromCents = title.Min(o => o.BuyPriceCents),
                PriceToCents = title.Max(o => o.BuyPriceCents),
                Limit = MarketItemsQuery.MaxLimit,
            };
            Page<MarketItem> page;
            try
            {
                page = await dmarket.GetMarketItemsPageAsync(query, cancellationToken: cancellationToken);
            }
            catch (DMarketApiException exception)
            {
                // Still a suspect: checked again next round.
                LogSearchFailed(logger, gameId, title.Key, exception.Message);
                continue;
            }

            // Cheapest first: a full page tells nothing above its last listing's price (DMarket's search matches by prefix,
            // so longer titles' listings may take room).
            var listed = page.Items.Where(i => string.Equals(i.Title, title.Key, StringComparison.Ordinal)).Select(i => i.OfferId).ToHashSet(StringComparer.Ordinal);
            var complete = page.Cursor is null || page.Items.Count < query.Limit;
            var seenUpTo = complete ? long.MaxValue : page.Items.Max(i => i.PriceCents);
            gone.AddRange(title.Where(o => o.BuyPriceCents < seenUpTo && !listed.Contains(o.OfferId)).Select(o => o.Id));
            counts.Cleared(gameId, title.Key);
        }

        return gone;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listing watch of {Game}: {Retired} opportunities gone, from {Titles} titles' books.")]
    private static partial void LogRetired(ILogger logger, string game, int retired, int titles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Searching the listings of {Game} title {Title} for the listing watch failed: {Reason}")]
    private static partial void LogSearchFailed(ILogger logger, string game, string title, string reason);

    private sealed record WatchedOpportunity(long Id, string OfferId, string Title, long BuyPriceCents, DateTimeOffset FirstSeenAt);
}
