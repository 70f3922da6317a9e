using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// One look at a game's newest listings (v2 offers, newest first), paging only until a page holds an offer seen before.
/// Each new listing is priced at once from what is known: under the best buy order after the fee it is an opportunity
/// whatever the sales say; with cached sales it is priced from them. A listing that looks underpriced on a title with no
/// cached sales sends that title to the front of the sales queue and waits for its sales in <see cref="PendingListings"/>.
/// A first look (a new leader) pages back to the newest listing the last leader saw (<see cref="FreshWatermarks"/>).
/// </summary>
public sealed partial class FreshListingsScanner(
    DMarketClient dmarket,
    SalesProvider sales,
    SalesWait salesWait,
    MarketMemory memory,
    FreshWatermarks watermarks,
    TitleLookupQueue lookups,
    ListingPricer pricer,
    MarketDataStore marketData,
    OpportunityEngine engine,
    ScannerMetrics metrics,
    TimeProvider time,
    IOptions<ScannerOptions> options,
    ILogger<FreshListingsScanner> logger)
{
    public const string Source = "fresh";

    /// <summary>Returns how many new listings the game had since the last look.</summary>
    public async Task<int> ScanAsync(string gameId, SeenOffers seen, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (listed, newIds, newest) = await NewListingsAsync(gameId, seen, settings, cancellationToken);
        var listedAt = time.GetUtcNow();
        metrics.FreshListingsSeen(gameId, listed.Count);
        // Listings a sweep has priced by now are let go.
        // (They are seen already, so no new listing repeats one.)
        var carried = seen.AwaitingBooks.Where(l => listedAt - l.ListedAt <= settings.PendingMaxAge).ToList();
        List<Listing> priced = [.. carried, .. listed];
        // A catch-up look (a new leader paging back to its predecessor's newest listing) reads every book at once: its
        // listings are older already, and carried over several looks they would keep each new listing's book waiting.
        var bookTitles = seen.Primed ? settings.FreshBookTitlesPerLook : int.MaxValue;
        seen.AwaitingBooks = priced.Count > 0 ? await PriceAsync(gameId, priced, carried, bookTitles, listedAt, settings, cancellationToken) : [];

        // Only now are they seen: a look that failed half-way (DMarket, the database) is made again next round, and the
        // next leader pages back to here.
        foreach (var id in newIds)
        {
            seen.Add(id);
        }

        if (newest is { } newestListedAt)
        {
            await watermarks.SetAsync(gameId, newestListedAt);
        }

        seen.Primed = true;
        return listed.Count;
    }

    /// <summary>Returns the listings whose titles' books wait for the next look (<see cref="ScannerOptions.FreshBookTitlesPerLook"/>).</summary>
    private async Task<IReadOnlyList<Listing>> PriceAsync(string gameId, List<Listing> listed, IReadOnlyList<Listing> carried, int bookTitles,
        DateTimeOffset listedAt, ScannerOptions settings, CancellationToken cancellationToken)
    {
        var titles = listed.Select(l => l.Title).Distinct(StringComparer.Ordinal).ToList();
        var known = await sales.GetCachedAsync(gameId, titles);
        var now = time.GetUtcNow();

        // What the title's other listings ask, taken before the books below are read again: once a listing undercuts the
        // best offer, the book shows only the listing itself.
        var asks = listed.ToDictionary(l => l.OfferId, l => memory.Recall(gameId, l.Title)?.OtherAskThan(l));

        // Books: read for titles never seen, and again for promising listings whose book is not recent (the bid decides).
        // At most a look's worth: titles seen before first (their listings look promising), then those the last look had
        // no room for, then the costliest. The rest are priced at the next look: without its book no listing is judged
        // against its bid.
        var waited = carried.Select(l => l.Title).ToHashSet(StringComparer.Ordinal);
        var wanted = listed
            .Where(l => memory.Recall(gameId, l.Title) is not { BookAt: { } at } || (LooksUnderpriced(l) && now - at > settings.FreshBookMaxAge))
            .GroupBy(l => l.Title, StringComparer.Ordinal)
            .OrderBy(t => memory.Recall(gameId, t.Key) is { BookAt: not null } ? 0 : waited.Contains(t.Key) ? 1 : 2)
            .ThenByDescending(t => t.Max(l => l.PriceCents))
            .Select(t => t.Key).ToList();
        var stale = wanted.Take(bookTitles).ToList();
        var later = wanted.Skip(bookTitles).ToHashSet(StringComparer.Ordinal);
        List<Listing> awaiting = [.. listed.Where(l => later.Contains(l.Title))];
        listed = [.. listed.Where(l => !later.Contains(l.Title))];
        var books = stale.Count > 0 ? await dmarket.GetAggregatedPricesAsync(gameId, stale, cancellationToken) : [];
        var booksAt = time.GetUtcNow();
        memory.RememberBooks(gameId, books, booksAt);

        var found = await pricer.PriceAsync(gameId, listed, known, Source, cancellationToken);

        // Off the opportunities' path, right after it: the latest prices the bot's price alerts watch, so a cheaper
        // listing reaches them now and not at the next sweep. Only what moves a best offer is written: the books just
        // read, and listings under the best offer remembered (most new listings are not).
        var read = stale.ToHashSet(StringComparer.Ordinal);
        var cheaper = listed.Where(l => !read.Contains(l.Title) && (memory.Recall(gameId, l.Title)?.Book.BestOfferCents is not { } best || l.PriceCents < best)).ToList();
        var itemIds = await marketData.EnsureItemsAsync(gameId, [.. books.Select(b => b.Title).Concat(cheaper.Select(l => l.Title)).Distinct(StringComparer.Ordinal)],
            time.GetUtcNow(), cancellationToken);
        await marketData.SavePricesAsync(books, itemIds, booksAt, cancellationToken);
        await marketData.LowerBestOffersAsync([.. cheaper.Select(l => (itemIds[l.Title], l.PriceCents))], listedAt, cancellationToken);

        // Titles nothing is known of yet (no sales, no suggested price, no other listing, no bid over the listing) are
        // queued for a lookup, so that their listings can be ranked like the rest; this round does not wait for it.
        var blind = settings.TellsUnknownTitles ? listed.Where(l => !known.ContainsKey(l.Title) && asks[l.OfferId] is null && IsBlind(l)).ToList() : [];
        lookups.Add(gameId, blind);

        // Waiting on sales: listings that look underpriced now that the book is known, on titles with no cached sales.
        var waiting = listed.Where(l => !known.ContainsKey(l.Title)).Select(l => new WaitingListing(l, Promise(l), UnderBid(l)))
            .Where(w => ListingPromise.LooksUnderpriced(w.Promise, settings.UnderpricedRatio)).ToList();
        await salesWait.SendAsync(gameId, waiting, itemIds, cancellationToken);

        LogFresh(logger, gameId, listed.Count, found, waiting.Count, blind.Count, awaiting.Count);
        return awaiting;

        double Promise(Listing listing) => this.Promise(gameId, listing, known, asks[listing.OfferId]);
        bool LooksUnderpriced(Listing listing) => ListingPromise.LooksUnderpriced(Promise(listing), settings.UnderpricedRatio);
        bool UnderBid(Listing listing) => ListingPromise.UnderBid(listing.PriceCents, memory.Recall(gameId, listing.Title)?.Book ?? default);
        // A listing whose title's book (just read, or earlier) shows a cheaper offer is not its title's cheapest: no
        // lookup can make it look underpriced. Queued all the same, such listings took the lookups (30 a minute) from
        // the cheapest of their titles (measured: a $745 listing 40% under its title's worth not looked up in 90 s).
        bool IsBlind(Listing listing) => memory.Recall(gameId, listing.Title) is var title
            && title is not { KnowsWorth: true }
            && (title?.LookedUpAt is not { } at || now - at > settings.FreshLookupMaxAge)
            && !ListingPromise.UnderBid(listing.PriceCents, title?.Book ?? default)
            && !(title?.Book.BestOfferCents < listing.PriceCents);
    }

    private async Task<(List<Listing> Listed, List<string> NewIds, DateTimeOffset? Newest)> NewListingsAsync(
        string gameId, SeenOffers seen, ScannerOptions settings, CancellationToken cancellationToken)
    {
        // A first look resumes from the last leader's newest listing when there is one; else it reads one page (the
        // sweeps cover the market as it was).
        var resumeFrom = seen.Primed ? null : await watermarks.GetAsync(gameId);
        var maxPages = resumeFrom is null ? settings.FreshMaxPages : settings.FreshCatchUpMaxPages;
        var query = new MarketItemsQuery(gameId) { OrderBy = "createdAt", OrderDir = "desc", Limit = settings.FreshPageSize }.WithinLevels(engine.Levels);

        List<Listing> listed = [];
        List<string> newIds = [];
        DateTimeOffset? newest = null;
        string? cursor = null;
        for (var page = 0; page < maxPages; page++)
        {
            var offers = await dmarket.GetOffersPageAsync(query, cursor, cancellationToken);
            var pageAt = time.GetUtcNow();
            newest ??= offers.Items.FirstOrDefault()?.CreatedAt; // newest first: the first page's first
            var reachedSeen = false;
            foreach (var offer in offers.Items)
            {
                if (seen.Contains(offer.OfferId))
                {
                    reachedSeen = true;
                    continue;
                }

                newIds.Add(offer.OfferId);
                // Listed before the last leader's newest: it was seen then. The same second is looked at again (DMarket
                // dates listings to the second); pricing a listing twice records it once.
                if (offer.CreatedAt < resumeFrom)
                {
                    reachedSeen = true;
                    continue;
                }

                if (!offer.Locked && engine.LevelOf(offer.PriceCents) is not null)
                {
                    listed.Add(new Listing(offer.OfferId, offer.Title, offer.PriceCents, offer.CreatedAt, offer.Attributes, pageAt));
                }
            }

            // Newest first: past an offer seen before, everything is older still.
            cursor = offers.Cursor;
            if (reachedSeen || cursor is null || (!seen.Primed && resumeFrom is null))
            {
                break;
            }
        }

        return (listed, newIds, newest);
    }

    private double Promise(string gameId, Listing listing, IReadOnlyDictionary<string, IReadOnlyList<Sale>> known, long? otherAsk)
    {
        var title = memory.Recall(gameId, listing.Title);
        var median = known.TryGetValue(listing.Title, out var s) ? SalesAnalyzer.Analyze(s, time.GetUtcNow(), engine.Options).MedianCents : title?.MedianCents;
        return ListingPromise.Of(listing.PriceCents, title?.Book ?? default, title?.SuggestedCents, otherAsk, median);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fresh listings of {Game}: {Listed} priced, {Found} opportunities found, {Waiting} waiting on sales, {Blind} on titles to look up, {Later} priced at the next look.")]
    private static partial void LogFresh(ILogger logger, string game, int listed, int found, int waiting, int blind, int later);
}
