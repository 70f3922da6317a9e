namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Listings that looked underpriced on titles whose sales were not cached yet: they wait here for the sales refresher,
/// which prices them the moment the sales arrive instead of leaving them to the next sweep minutes later.
/// </summary>
public sealed class PendingListings(IOptions<ScannerOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Game, string Title), Waiting> _waiting = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Values.Sum(w => w.Listings.Count);
            }
        }
    }

    public void Add(string gameId, IEnumerable<Listing> listings)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var listing in listings)
            {
                if (!_waiting.TryGetValue((gameId, listing.Title), out var same))
                {
                    _waiting[(gameId, listing.Title)] = same = new Waiting(now);
                }

                same.Listings[listing.OfferId] = listing;
            }

            // Waiting too long: their sales never came (the refresher is behind), and a sweep will meet them again.
            foreach (var key in _waiting.Where(w => now - w.Value.Since > options.Value.PendingMaxAge).Select(w => w.Key).ToList())
            {
                _waiting.Remove(key);
            }
        }
    }

    public bool IsWaiting(string gameId, string title)
    {
        lock (_gate)
        {
            return _waiting.ContainsKey((gameId, title));
        }
    }

    /// <summary>Takes the listings waiting on these titles' sales.</summary>
    public IReadOnlyList<Listing> Take(string gameId, IEnumerable<string> titles)
    {
        List<Listing> taken = [];
        lock (_gate)
        {
            foreach (var title in titles)
            {
                if (_waiting.Remove((gameId, title), out var waiting))
                {
                    taken.AddRange(waiting.Listings.Values);
                }
            }
        }

        return taken;
    }

    private sealed record Waiting(DateTimeOffset Since)
    {
        public Dictionary<string, Listing> Listings { get; } = new(StringComparer.Ordinal);
    }
}
