namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Sends listings only their title's sales can judge to the front of the sales queue; they wait in
/// <see cref="PendingListings"/> and are priced the moment the sales come (<see cref="SalesRefreshWorker"/>).
/// </summary>
public sealed class SalesWait(PendingListings pending, PendingListingsStore store, SalesRefreshQueue queue, MarketDataStore marketData, TimeProvider time,
    IOptions<ScannerOptions> options)
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
        var priorities = waiting.GroupBy(w => w.Listing.Title, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(w => w.Promise) + (g.All(w => w.UnderBid) ? 0 : options.Value.FreshPriorityBoost), StringComparer.Ordinal);
        List<PendingListing> sent = [.. waiting.Select(w => new PendingListing(w.Listing, ids[w.Listing.Title], priorities[w.Listing.Title]))];
        Wait(gameId, sent);
        await store.SaveAsync(gameId, sent);
    }

    /// <summary>
    /// Asks again for the sales that listings were waiting on when the last leader of the fresh pass stopped (a restart,
    /// or another replica): it paged back only to its predecessor's newest listing, so it would not meet them again.
    /// </summary>
    public async Task<int> ResumeAsync(string gameId)
    {
        var saved = await store.LoadAsync(gameId);
        Wait(gameId, saved);
        return saved.Count;
    }

    private void Wait(string gameId, IReadOnlyCollection<PendingListing> listings)
    {
        pending.Add(gameId, listings.Select(l => l.Listing));
        queue.Want(gameId, listings.GroupBy(l => l.Listing.Title, StringComparer.Ordinal).Select(g => (g.Key, g.First().ItemId, g.Max(l => l.Priority))));
    }
}
