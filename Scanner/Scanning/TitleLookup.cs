using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Looks at the own listings of titles the fresh pass knows nothing of (no sales, no suggested price, no other listing
/// seen, no buy order over the listing): one market search of the title, cheapest first, tells DMarket's suggested price
/// and what the next listing asks, enough to rank the new listing for the sales queue. Without it a title whose other
/// listings all ask above the top price level waits for a sweep that never lists it (measured: missed in four runs of
/// the freshness benchmark). The costliest listings are looked at first: with nothing known, they carry the most money.
/// </summary>
public sealed partial class TitleLookup(
    DMarketClient dmarket,
    MarketMemory memory,
    TitleLookupBudget budget,
    ScannerMetrics metrics,
    TimeProvider time,
    IOptions<ScannerOptions> options,
    ILogger<TitleLookup> logger)
{
    /// <summary>Looks up at most a round's and a minute's share of the titles of <paramref name="blind"/>; returns the titles looked at.</summary>
    public async Task<IReadOnlySet<string>> LookUpAsync(string gameId, IEnumerable<Listing> blind, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var titles = blind
            .Where(l => memory.Recall(gameId, l.Title)?.LookedUpAt is not { } at || now - at > settings.FreshLookupMaxAge)
            .GroupBy(l => l.Title, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(l => l.PriceCents))
            .Take(settings.FreshLookupsPerRound)
            .ToList();

        HashSet<string> looked = new(StringComparer.Ordinal);
        foreach (var title in titles)
        {
            if (!budget.TryTake())
            {
                break;
            }

            try
            {
                var query = new MarketItemsQuery(gameId) { Title = title.Key, Limit = settings.FreshLookupPageSize };
                var page = await dmarket.GetMarketItemsPageAsync(query, cancellationToken: cancellationToken);

                // DMarket's title filter matches by words, so other titles may come; only this one's listings say anything.
                var same = page.Items.Where(i => string.Equals(i.Title, title.Key, StringComparison.Ordinal)).ToList();
                var askers = title.Select(l => l.OfferId).ToHashSet(StringComparer.Ordinal);
                var suggested = same.Select(i => i.SuggestedPriceCents).FirstOrDefault(p => p is > 0);
                var otherAsk = same.Where(i => !askers.Contains(i.OfferId)).Select(i => (long?)i.PriceCents).Min();
                memory.RememberLookup(gameId, title.Key, suggested, otherAsk, time.GetUtcNow());
                metrics.TitleLookedUp(gameId);
                looked.Add(title.Key);
            }
            catch (DMarketApiException ex)
            {
                // Only a ranking is lost: the title is looked at again with its next listing, or a sweep prices it.
                LogLookupFailed(logger, gameId, title.Key, ex.Message);
            }
        }

        return looked;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking up {Game} title {Title} failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, string game, string title, string reason);
}
