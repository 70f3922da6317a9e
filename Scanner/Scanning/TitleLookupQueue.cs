namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Titles the fresh pass knows nothing of, with their new listings, costliest first (with nothing known, they carry the
/// most money). The fresh pass adds to it and never waits; <see cref="TitleLookupWorker"/> drains it at its own pace.
/// A cold start meets thousands of such titles, so the queue keeps the costliest and lets listings that waited longer
/// than a sweep takes go: by then a sweep has priced them.
/// </summary>
public sealed class TitleLookupQueue(TimeProvider time, IOptions<ScannerOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Game, string Title), List<Listing>> _wanted = [];
    private readonly SemaphoreSlim _signal = new(0);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _wanted.Count;
            }
        }
    }

    public void Add(string gameId, IEnumerable<Listing> listings)
    {
        var added = false;
        lock (_gate)
        {
            foreach (var listing in listings)
            {
                if (!_wanted.TryGetValue((gameId, listing.Title), out var same))
                {
                    _wanted[(gameId, listing.Title)] = same = [];
                }

                if (!same.Exists(l => l.OfferId == listing.OfferId))
                {
                    same.Add(listing);
                    added = true;
                }
            }

            var over = _wanted.Count - options.Value.FreshLookupBacklog;
            if (over > 0)
            {
                foreach (var cheapest in _wanted.OrderBy(w => Costliest(w.Value)).Take(over).Select(w => w.Key).ToList())
                {
                    _wanted.Remove(cheapest);
                }
            }
        }

        if (added)
        {
            _signal.Release();
        }
    }

    /// <summary>The games with at least <paramref name="minTitles"/> titles waiting, by name.</summary>
    public IReadOnlyList<string> GamesWithAtLeast(int minTitles)
    {
        lock (_gate)
        {
            return [.. _wanted.Keys.GroupBy(k => k.Game, StringComparer.Ordinal).Where(g => g.Count() >= minTitles).Select(g => g.Key).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Takes every title of <paramref name="gameId"/> that <paramref name="isKnown"/> now, with its listings.</summary>
    public IReadOnlyList<(string Title, IReadOnlyList<Listing> Listings)> TakeKnown(string gameId, Func<string, bool> isKnown)
    {
        lock (_gate)
        {
            var known = _wanted.Where(w => w.Key.Game == gameId && isKnown(w.Key.Title)).ToList();
            foreach (var (key, _) in known)
            {
                _wanted.Remove(key);
            }

            return [.. known.Select(w => (w.Key.Title, (IReadOnlyList<Listing>)w.Value))];
        }
    }

    /// <summary>Waits until a title is waiting, without taking it.</summary>
    public async Task WaitForTitlesAsync(CancellationToken cancellationToken)
    {
        while (Count == 0)
        {
            await _signal.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Takes the title with the costliest listing that has not waited too long; waits while there is none.</summary>
    public async Task<(string Game, string Title, IReadOnlyList<Listing> Listings)> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                var oldest = time.GetUtcNow() - options.Value.PendingMaxAge;
                foreach (var expired in _wanted.Where(w => w.Value.TrueForAll(l => l.ListedAt < oldest)).Select(w => w.Key).ToList())
                {
                    _wanted.Remove(expired);
                }

                if (_wanted.Count > 0)
                {
                    var (key, listings) = _wanted.MaxBy(w => Costliest(w.Value));
                    _wanted.Remove(key);
                    return (key.Game, key.Title, listings);
                }
            }

            await _signal.WaitAsync(cancellationToken);
        }
    }

    private static long Costliest(List<Listing> listings) => listings.Max(l => l.PriceCents);
}
