namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Sends listings only their title's sales can judge to the front of the sales queue; they wait in
/// <see cref="PendingListings"/> and are priced the moment the sales come (<see cref="SalesRefreshWorker"/>).
/// </summary>
public sealed class SalesWait(PendingListings pending, SalesRefreshQueue queue, MarketDataStore marketData, TimeProvider time, IOptions<ScannerOptions> options)
{
    /// <param name="itemIds">Item ids already stored this round; a title missing from it is stored first.</param>
    public async Task SendAsync(string gameId, IReadOnlyCollection<WaitingListing> waiting, IReadOnlyDictionary<string, long> itemIds, CancellationToken cancellationToken)
    {
        if (waiting.Count == 0)
        {
            return;
        }

        Dictionary<string, long> ids = new(itemIds, StringComparer.Ordinal);
        var unstored = waiting.Select(w => w.Listing.Title).Where(t => !ids.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (unstored.Count > 0)
        {
            foreach (var (title, id) in await marketData.EnsureItemsAsync(gameId, unstored, time.GetUtcNow(), cancellationToken))
            {
                ids[title] = id;
            }
        }

        // Jumping the queue is for listings only their title's sales can judge: one under the best bid is recorded
        // already, its sales only refine the resale, and ahead of the others it kept them waiting (measured).
        pending.Add(gameId, [.. waiting.Select(w => w.Listing)]);
        queue.Want(gameId, waiting.GroupBy(w => w.Listing.Title).Select(g => (g.Key, ids[g.Key],
            g.Max(w => w.Promise) + (g.All(w => w.UnderBid) ? 0 : options.Value.FreshPriorityBoost))));
    }
}
