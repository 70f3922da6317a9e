using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Prices listings from what is already known (cached sales, order books) and records the opportunities among them at
/// once: the fresh-listings pass for what was just listed, the sales refresher for listings that waited on sales.
/// </summary>
public sealed class ListingPricer(
    MarketDataStore marketData,
    OpportunityStore store,
    FeeProvider fees,
    OpportunityEngine engine,
    OpportunityAnnouncer announcer,
    ScannerMetrics metrics,
    TimeProvider time)
{
    /// <summary>Returns how many opportunities were new. A title with neither sales nor a buy order cannot be priced and is skipped.</summary>
    public async Task<int> PriceAsync(string gameId, IReadOnlyList<Listing> listings, IReadOnlyDictionary<string, IReadOnlyList<Sale>> sales,
        Func<string, OrderBook> book, string source, CancellationToken cancellationToken)
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
                contexts[listing.Title] = context = engine.Describe(listing.Title, stats, book(listing.Title));
            }

            if ((sales.ContainsKey(listing.Title) || context.ResaleCents is not null) && engine.Evaluate(listing.PriceCents, context, schedule, now) is { IsOpportunity: true } evaluation)
            {
                opportunities.Add((listing, evaluation));
            }
        }

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
}
