using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Prices listings from what is already known (cached sales, order books) and records the opportunities among them at
/// once: the fresh-listings pass for what was just listed, the sales refresher for listings that waited on sales. Books
/// are what this replica knows (<see cref="MarketMemory"/>); a listing a book read since it was seen shows gone is not
/// recorded, and one seen long ago has its title's book read again first (<see cref="ScannerOptions.RecheckListingsSeenBefore"/>).
/// </summary>
public sealed partial class ListingPricer(
    MarketDataStore marketData,
    OpportunityStore store,
    FeeProvider fees,
    OpportunityEngine engine,
    OpportunityAnnouncer announcer,
    MarketMemory memory,
    DMarketClient dmarket,
    ScannerMetrics metrics,
    TimeProvider time,
    IOptions<ScannerOptions> options,
    ILogger<ListingPricer> logger)
{
    /// <summary>Returns how many opportunities were new. A title with neither sales nor a buy order cannot be priced and is skipped.</summary>
    public async Task<int> PriceAsync(string gameId, IReadOnlyList<Listing> listings, IReadOnlyDictionary<string, IReadOnlyList<Sale>> sales,
        string source, CancellationToken cancellationToken)
    {
        if (listings.Count == 0)
        {
            return 0;
        }

        var (schedule, _) = await fees.GetAsync(gameId, cancellationToken);
        var now = time.GetUtcNow();
        Dictionary<string, TitleContext> contexts = new(StringComparer.Ordinal);
        List<(Listing Listing, Evaluation Evaluation)> opportunities = [];
        foreach (var listing in listings)
        {
            if (!contexts.TryGetValue(listing.Title, out var context))
            {
                var stats = sales.TryGetValue(listing.Title, out var known) ? SalesAnalyzer.Analyze(known, now, engine.Options) : TitleStats.None;
                contexts[listing.Title] = context = engine.Describe(listing.Title, stats, memory.Recall(gameId, listing.Title)?.Book ?? default);
            }

            if ((sales.ContainsKey(listing.Title) || context.ResaleCents is not null) && engine.Evaluate(listing.PriceCents, context, schedule, now) is { IsOpportunity: true } evaluation)
            {
                opportunities.Add((listing, evaluation));
            }
        }

        opportunities = await StillListedAsync(gameId, opportunities, source, cancellationToken);
        if (opportunities.Count == 0)
        {
            return 0;
        }

        var itemIds = await marketData.EnsureItemsAsync(gameId, opportunities.Select(o => o.Listing.Title).Distinct(StringComparer.Ordinal).ToList(), now, cancellationToken);
        var priced = opportunities.Select(o => new PricedOffer(o.Listing.OfferId, o.Listing.Title, itemIds[o.Listing.Title], o.Listing.PriceCents,
            contexts[o.Listing.Title].Book.BestBuyOrderCents, o.Evaluation, o.Listing.Attributes)).ToList();

        var changes = await store.RecordAsync(gameId, priced, now, cancellationToken);
        await announcer.AnnounceAsync(changes.LastEventId);
        var recorded = time.GetUtcNow();
        foreach (var (listing, _) in opportunities.Where(o => o.Listing.ListedAt != default))
        {
            metrics.ListingRecorded(gameId, source, recorded - listing.ListedAt);
        }

        return changes.FoundIds.Count;
    }

    /// <summary>
    /// The opportunities whose listing no book says has left: the books known, and for listings seen longer ago than
    /// <see cref="ScannerOptions.RecheckListingsSeenBefore"/> with no book that recent, one read now (one request answers for
    /// a hundred titles). Left waiting minutes for their title's sales, such listings were sold by the time they were
    /// shown, and stayed shown until the listing watch's next round past its grace.
    /// </summary>
    private async Task<List<(Listing Listing, Evaluation Evaluation)>> StillListedAsync(
        string gameId, List<(Listing Listing, Evaluation Evaluation)> opportunities, string source, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var grace = settings.ListingWatchGrace;
        var now = time.GetUtcNow();
        var recheck = settings.RecheckListingsSeenBefore;
        bool NeedsBook(Listing l) => now - l.SeenAt > recheck && (memory.Recall(gameId, l.Title)?.BookAt is not { } at || now - at > recheck);
        var stale = recheck > TimeSpan.Zero ? opportunities.Where(o => NeedsBook(o.Listing)).Select(o => o.Listing.Title).Distinct(StringComparer.Ordinal).ToList() : [];
        if (stale.Count > 0)
        {
            try
            {
                IReadOnlyList<AggregatedPrice> books;
                using (DMarketRateLane.Use(settings.ListingWatchLane))
                {
                    books = await dmarket.GetAggregatedPricesAsync(gameId, stale, cancellationToken);
                }

                memory.RememberBooks(gameId, books, time.GetUtcNow());
            }
            catch (DMarketApiException exception)
            {
                // Shown all the same: the listing watch judges it once it is.
                LogRecheckFailed(logger, gameId, stale.Count, exception.Message);
            }
        }

        var kept = opportunities.Where(o => !ListingDeparture.HasLeft(memory.Recall(gameId, o.Listing.Title), o.Listing, grace)).ToList();
        metrics.ListingsLeftBeforeRecorded(gameId, source, opportunities.Count - kept.Count);
        return kept;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the books of {Titles} {Game} titles again before showing their listings failed: {Reason}")]
    private static partial void LogRecheckFailed(ILogger logger, string game, int titles, string reason);
}
