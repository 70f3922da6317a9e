using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Looks at the own listings of a title the fresh pass knows nothing of (no sales, no suggested price, no other listing
/// seen, no buy order over the listing): one market search of the title, cheapest first, tells DMarket's suggested price
/// and what the next listing asks, enough to rank the new listings for the sales queue. Without it a title whose other
/// listings all ask above the top price level waits for a sweep that never lists it (measured: missed in four runs of
/// the freshness benchmark).
/// </summary>
public sealed partial class TitleLookup(
    DMarketClient dmarket,
    MarketMemory memory,
    SalesWait salesWait,
    OpportunityEngine engine,
    ScannerMetrics metrics,
    TimeProvider time,
    IOptions<ScannerOptions> options,
    ILogger<TitleLookup> logger)
{
    /// <summary>Looks the title up and sends those of its <paramref name="listings"/> that now look underpriced to the sales queue; returns how many.</summary>
    public async Task<int> LookUpAsync(string gameId, string title, IReadOnlyList<Listing> listings, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // DMarket's search matches titles by prefix: from the asking listings' price up, so that cheaper listings of
        // longer titles ("… #2", "… #3") cannot fill the page (measured: "Genuine Sniper Rifle" looked up, nothing seen).
        var query = new MarketItemsQuery(gameId) { Title = title, PriceFromCents = listings.Min(l => l.PriceCents), Limit = settings.FreshLookupPageSize };
        Page<MarketItem> page;
        try
        {
            page = await dmarket.GetMarketItemsPageAsync(query, cancellationToken: cancellationToken);
        }
        catch (DMarketApiException ex)
        {
            // Only a ranking is lost: the title is looked at again with its next listing, or a sweep prices it.
            LogLookupFailed(logger, gameId, title, ex.Message);
            return 0;
        }

        // DMarket's title filter matches by words, so other titles may come; only this one's listings say anything.
        var same = page.Items.Where(i => string.Equals(i.Title, title, StringComparison.Ordinal)).ToList();
        var askers = listings.Select(l => l.OfferId).ToHashSet(StringComparer.Ordinal);
        var suggested = same.Select(i => i.SuggestedPriceCents).FirstOrDefault(p => p is > 0);
        var otherAsk = same.Where(i => !askers.Contains(i.OfferId)).Select(i => (long?)i.PriceCents).Min();
        memory.RememberLookup(gameId, title, suggested, otherAsk, time.GetUtcNow());
        // The longer titles the search matched come with their suggested prices too: titles no lookup is needed for now.
        memory.RememberSuggested(gameId, page.Items.Where(i => !string.Equals(i.Title, title, StringComparison.Ordinal)));
        metrics.TitleLookedUp(gameId);

        var waiting = await SendPromisingAsync(gameId, listings, _ => otherAsk, cancellationToken);
        LogLookedUp(logger, gameId, title, suggested, otherAsk, waiting);
        return waiting;
    }

    /// <summary>
    /// DMarket's most discounted listings of the game within the levels (<c>best_discount</c>): a new listing far under
    /// its title's suggested price is among them, whatever else a cold start has queued, and one request tells the
    /// suggested price of up to a hundred titles. The suggested price only ranks listings for the sales queue; the sales
    /// still price the resale.
    /// </summary>
    public async Task ReadMostDiscountedAsync(string gameId, CancellationToken cancellationToken)
    {
        var query = new MarketItemsQuery(gameId) { OrderBy = MarketItemsQuery.BestDiscount, OrderDir = "desc", Limit = options.Value.FreshDiscountPageSize }
            .WithinLevels(engine.Levels);
        try
        {
            var page = await dmarket.GetMarketItemsPageAsync(query, cancellationToken: cancellationToken);
            memory.RememberSuggested(gameId, page.Items);
            metrics.DiscountPageRead(gameId);
            LogDiscountPage(logger, gameId, page.Items.Count);
        }
        catch (DMarketApiException ex)
        {
            // Only a ranking is lost: the titles wait for their lookups, or a sweep prices their listings.
            LogDiscountPageFailed(logger, gameId, ex.Message);
        }
    }

    /// <summary>
    /// A title queued while nothing was known of it, that a sweep's pages or sales have told the worth of since (most of
    /// the backlog a cold start builds, once the first sweep has passed): its listings are judged from what is known,
    /// without a request. Returns false, judging nothing, when the title is still unknown.
    /// </summary>
    public async Task<bool> TryJudgeFromMemoryAsync(string gameId, string title, IReadOnlyList<Listing> listings, CancellationToken cancellationToken)
    {
        if (memory.Recall(gameId, title) is not { KnowsWorth: true } known)
        {
            return false;
        }

        var waiting = await SendPromisingAsync(gameId, listings, known.OtherAskThan, cancellationToken);
        LogJudgedFromMemory(logger, gameId, title, waiting);
        return true;
    }

    /// <summary>
    /// Titles a most discounted page (or a sweep) has just told the worth of, all judged from what is known and sent to
    /// the sales queue in one batch: a page tells up to a hundred, and one batch stores their items in one round trip.
    /// </summary>
    public async Task JudgeFromMemoryAsync(string gameId, IReadOnlyList<(string Title, IReadOnlyList<Listing> Listings)> told, CancellationToken cancellationToken)
    {
        var waiting = await SendPromisingAsync(gameId, [.. told.SelectMany(t => t.Listings)], l => memory.Recall(gameId, l.Title)?.OtherAskThan(l), cancellationToken);
        LogJudgedManyFromMemory(logger, gameId, told.Count, waiting);
    }

    /// <summary>The sales still decide: a listing that now looks underpriced only jumps the sales queue.</summary>
    private async Task<int> SendPromisingAsync(string gameId, IReadOnlyList<Listing> listings, Func<Listing, long?> otherAsk, CancellationToken cancellationToken)
    {
        var waiting = listings
            .Select(l => (Listing: l, Known: memory.Recall(gameId, l.Title)))
            .Select(k => new WaitingListing(k.Listing, ListingPromise.Of(k.Listing.PriceCents, k.Known?.Book ?? default, k.Known?.SuggestedCents, otherAsk(k.Listing), k.Known?.MedianCents), UnderBid: false))
            .Where(w => ListingPromise.LooksUnderpriced(w.Promise, options.Value.UnderpricedRatio))
            .ToList();
        await salesWait.SendAsync(gameId, waiting, new Dictionary<string, long>(), cancellationToken);
        return waiting.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read the most discounted page of {Game}: {Listings} listings.")]
    private static partial void LogDiscountPage(ILogger logger, string game, int listings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the most discounted listings of {Game} failed: {Reason}")]
    private static partial void LogDiscountPageFailed(ILogger logger, string game, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking up {Game} title {Title} failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, string game, string title, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Looked up {Game} title {Title}: suggested {SuggestedCents}c, next ask {OtherAskCents}c; {Waiting} listings sent for sales.")]
    private static partial void LogLookedUp(ILogger logger, string game, string title, long? suggestedCents, long? otherAskCents, int waiting);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Told by a most discounted page or a sweep: {Titles} {Game} titles; {Waiting} listings sent for sales.")]
    private static partial void LogJudgedManyFromMemory(ILogger logger, string game, int titles, int waiting);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Known by now, not looked up: {Game} title {Title}; {Waiting} listings sent for sales.")]
    private static partial void LogJudgedFromMemory(ILogger logger, string game, string title, int waiting);
}
