using DMarketAspire.Coordination;
using System.Diagnostics;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Scanner.Infrastructure;
using Scan = DMarketAspire.Data.Domain.Scan;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using StackExchange.Redis;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// One pass over a game and level: page the market's offers in the level's price band, read every title's order book,
/// bring sales data up to date within budget, price every offer, and record what changed.
/// </summary>
public sealed partial class MarketScanner(
    DMarketClient dmarket,
    DMarketDbContext db,
    MarketDataStore marketData,
    OpportunityStore opportunities,
    FeeProvider fees,
    SalesProvider sales,
    SalesRefreshQueue refreshQueue,
    PendingListings pending,
    MarketMemory memory,
    OpportunityAnnouncer announcer,
    OpportunityEngine engine,
    IConnectionMultiplexer redis,
    RedisLeases leases,
    ScannerMetrics metrics,
    TimeProvider time,
    IOptions<ScannerOptions> options,
    ILogger<MarketScanner> logger)
{
    public const string ActivitySourceName = "DMarketAspire.Scanner";

    /// <summary>What the sweeps' listings are counted as where the Scanner's metrics say how a listing was priced.</summary>
    public const string Source = "sweep";

    private static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    // Listings whose suggested prices are remembered at a time while a sweep pages: one market-items page.
    private const int RememberEvery = 100;

    public async Task<Scan> ScanAsync(ScanUnit unit, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity($"scan {unit.Key}");
        var stopwatch = Stopwatch.StartNew();
        var scan = new Scan { GameId = unit.GameId, Level = unit.Level.Name, Replica = leases.Owner, StartedAt = time.GetUtcNow(), Status = "Running" };
        db.Scans.Add(scan);
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            var (schedule, fetchedFees) = await fees.GetAsync(unit.GameId, cancellationToken);
            if (fetchedFees is not null)
            {
                await marketData.ReplaceFeesAsync(unit.GameId, fetchedFees, time.GetUtcNow(), cancellationToken);
            }

            var listedSince = time.GetUtcNow();
            var (listed, seenAt) = await ListOffersAsync(unit, cancellationToken);
            var titles = listed.Select(o => o.Title).Distinct(StringComparer.Ordinal).ToList();
            var now = time.GetUtcNow();
            var itemIds = titles.Count > 0 ? await marketData.EnsureItemsAsync(unit.GameId, titles, now, cancellationToken) : [];
            var fetchedBooks = titles.Count > 0 ? await dmarket.GetAggregatedPricesAsync(unit.GameId, titles, cancellationToken) : [];
            var booksAt = time.GetUtcNow();
            memory.RememberBooks(unit.GameId, fetchedBooks, booksAt);
            var books = fetchedBooks.ToDictionary(p => p.Title, StringComparer.Ordinal);
            await marketData.SavePricesAsync(fetchedBooks, itemIds, booksAt, cancellationToken);
            listed = StillListed(unit, listed, books, booksAt, seenAt);
            memory.RememberListings(unit.GameId, listed);
            var salesByTitle = await SalesAsync(unit, listed, books, itemIds, seenAt);

            now = time.GetUtcNow();
            var contexts = titles.ToDictionary(t => t, t => engine.Describe(t, salesByTitle.TryGetValue(t, out var s) ? SalesAnalyzer.Analyze(s, now, engine.Options) : TitleStats.None, Book(books, t)), StringComparer.Ordinal);
            memory.RememberMedians(unit.GameId, contexts.Where(c => c.Value.Stats.MedianCents is not null).Select(c => (c.Key, c.Value.Stats.MedianCents!.Value)));
            await SaveSnapshotsAsync(unit, contexts, itemIds, now, cancellationToken);

            var priced = listed.Select(o =>
            {
                var context = contexts[o.Title];
                Evaluation? evaluation = salesByTitle.ContainsKey(o.Title) || context.ResaleCents is not null ? engine.Evaluate(o.PriceCents, context, schedule, now) : null;
                return new PricedOffer(o.OfferId, o.Title, itemIds[o.Title], o.PriceCents, context.Book.BestBuyOrderCents, evaluation, o.Attributes);
            }).ToList();

            var changes = await opportunities.ApplyAsync(unit, scan.Id, priced, time.GetUtcNow(), listedSince, cancellationToken);
            await announcer.AnnounceAsync(changes.LastEventId);

            scan.OffersPriced = priced.Count(p => p.Evaluation is not null);
            scan.OpportunitiesFound = changes.FoundIds.Count;
            scan.OpportunitiesUpdated = changes.Updated;
            scan.OpportunitiesGone = changes.Gone;
            scan.Status = "Completed";
            metrics.ScanCompleted(unit, stopwatch.Elapsed, scan.OffersPriced, changes.FoundIds.Count, changes.Active);
            LogScanned(logger, unit.Key, listed.Count, scan.OffersPriced, changes.FoundIds.Count, changes.Updated, changes.Gone, stopwatch.Elapsed.TotalSeconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            scan.Status = "Failed";
            scan.Error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
            scan.Errors++;
            metrics.ScanFailed(unit);
            throw;
        }
        finally
        {
            scan.FinishedAt = time.GetUtcNow();
            db.Scans.Update(scan);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return scan;
    }

    /// <summary>The level's listings, and when a page showed each.</summary>
    private async Task<(List<MarketItem> Offers, Dictionary<string, DateTimeOffset> SeenAt)> ListOffersAsync(ScanUnit unit, CancellationToken cancellationToken)
    {
        // DMarket's price bounds are inclusive; the level's upper bound is not.
        var query = new MarketItemsQuery(unit.GameId) { PriceFromCents = unit.Level.MinPriceCents, PriceToCents = unit.Level.MaxPriceCents - 1 };
        List<MarketItem> offers = [];
        Dictionary<string, DateTimeOffset> seenAt = new(StringComparer.Ordinal);
        List<MarketItem> fresh = [];
        await foreach (var item in dmarket.GetMarketItemsAsync(query, cancellationToken))
        {
            fresh.Add(item);
            if (unit.Level.Contains(item.PriceCents))
            {
                offers.Add(item);
                seenAt[item.OfferId] = time.GetUtcNow();
            }

            if (fresh.Count == RememberEvery)
            {
                memory.RememberSuggested(unit.GameId, fresh);
                fresh.Clear();
            }
        }

        memory.RememberSuggested(unit.GameId, fresh);
        return (offers, seenAt);
    }

    /// <summary>
    /// The listings the books read after the pages do not show gone: paging a level takes a while, and a listing sold
    /// meanwhile was shown as an opportunity until the listing watch's next round past its grace.
    /// </summary>
    private List<MarketItem> StillListed(ScanUnit unit, List<MarketItem> listed, Dictionary<string, AggregatedPrice> books, DateTimeOffset booksAt,
        Dictionary<string, DateTimeOffset> seenAt)
    {
        var grace = options.Value.ListingWatchGrace;
        var kept = listed.Where(o => !books.TryGetValue(o.Title, out var book) || !ListingDeparture.HasLeft(OrderBook.Of(book), booksAt, o.PriceCents, seenAt[o.OfferId], grace)).ToList();
        metrics.ListingsLeftBeforeRecorded(unit.GameId, Source, listed.Count - kept.Count);
        return kept;
    }

    /// <summary>
    /// The cached sales of the listed titles. Titles without are queued for the sales refresher, the most underpriced
    /// looking first (see <see cref="ListingPromise"/>); the listings that look underpriced wait for those sales in
    /// <see cref="PendingListings"/> and are priced the moment they come: a scan never waits on last-sales.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<Sale>>> SalesAsync(
        ScanUnit unit, List<MarketItem> listed, Dictionary<string, AggregatedPrice> books, Dictionary<string, long> itemIds, Dictionary<string, DateTimeOffset> seenAt)
    {
        var titles = itemIds.Keys.ToList();
        var known = titles.Count > 0 ? await sales.GetCachedAsync(unit.GameId, titles) : [];
        List<(string Title, long ItemId, double Promise)> wanted = [];
        List<Listing> waiting = [];
        foreach (var title in listed.Where(o => !known.ContainsKey(o.Title)).GroupBy(o => o.Title, StringComparer.Ordinal))
        {
            var byPrice = title.OrderBy(o => o.PriceCents).ToList();
            var cheapest = byPrice[0];
            var promise = ListingPromise.Of(cheapest.PriceCents, Book(books, title.Key), cheapest.SuggestedPriceCents, byPrice.Count > 1 ? byPrice[1].PriceCents : null, null);
            wanted.Add((title.Key, itemIds[title.Key], promise));
            if (ListingPromise.LooksUnderpriced(promise, options.Value.UnderpricedRatio))
            {
                // Old listings: no creation time to measure from, so they stay out of the freshness figures.
                waiting.AddRange(byPrice.TakeWhile(o => ListingPromise.LooksUnderpriced(ListingPromise.Of(o.PriceCents, Book(books, title.Key), o.SuggestedPriceCents, null, null), options.Value.UnderpricedRatio) || o == cheapest)
                    .Select(o => new Listing(o.OfferId, o.Title, o.PriceCents, default, o.Attributes, seenAt[o.OfferId])));
            }
        }

        pending.Add(unit.GameId, waiting);
        refreshQueue.Want(unit.GameId, wanted);
        return known;
    }

    private async Task SaveSnapshotsAsync(ScanUnit unit, Dictionary<string, TitleContext> contexts, Dictionary<string, long> itemIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // At most one snapshot per title per interval, whichever replica or level gets there first.
        var redisDb = redis.GetDatabase();
        var claims = contexts.Keys.Select(t => (Title: t, Claim: redisDb.StringSetAsync($"{options.Value.RedisKeyPrefix}snapshot:{unit.GameId}:{t}", 1, options.Value.SnapshotInterval, When.NotExists))).ToList();
        await Task.WhenAll(claims.Select(c => c.Claim));
        var due = claims.Where(c => c.Claim.Result).Select(c => (itemIds[c.Title], contexts[c.Title].Book, contexts[c.Title].Stats.MedianCents)).ToList();
        await marketData.SaveSnapshotsAsync(due, now, cancellationToken);
    }

    private static OrderBook Book(Dictionary<string, AggregatedPrice> books, string title) =>
        books.TryGetValue(title, out var p) ? OrderBook.Of(p) : default;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scanned {Unit}: {Listed} offers listed, {Priced} priced, {Found} found, {Updated} updated, {Gone} gone in {Seconds:0.0} s.")]
    private static partial void LogScanned(ILogger logger, string unit, int listed, int priced, int found, int updated, int gone, double seconds);
}
