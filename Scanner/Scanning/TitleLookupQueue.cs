namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Titles the fresh pass knows nothing of, with their new listings, costliest first (with nothing known, they carry the
/// most money). The fresh pass adds to it and never waits; <see cref="TitleLookupWorker"/> drains it at its own pace.
/// A cold start meets thousands of such titles, so the queue keeps the costliest and lets listings that waited longer
/// than a sweep takes go: by then a sweep has priced them. It also tells which game's most discounted page is due: the
/// game whose titles have waited longest since its last page.
/// </summary>
public sealed class TitleLookupQueue(TimeProvider time, IOptions<ScannerOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Game, string Title), Wanted> _wanted = [];
    // The order titles came in, so that "since the last page" needs no clock (two adds can share a tick).
    private readonly Dictionary<string, long> _pagedUpTo = new(StringComparer.Ordinal);
    private readonly AddSignal _signal = new();
    private readonly AddSignal _pageSignal = new();
    private long _added;

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
                    _wanted[(gameId, listing.Title)] = same = new Wanted();
                }

                if (!same.Listings.Exists(l => l.OfferId == listing.OfferId))
                {
                    // A listing new since the game's last page was not on it, whatever its title's older listings were.
                    same.Listings.Add(listing);
                    same.Added = ++_added;
                    added = true;
                }
            }

            var over = _wanted.Count - options.Value.FreshLookupBacklog;
            if (over > 0)
            {
                foreach (var cheapest in _wanted.OrderBy(w => Costliest(w.Value.Listings)).Take(over).Select(w => w.Key).ToList())
                {
                    _wanted.Remove(cheapest);
                }
            }
        }

        if (added)
        {
            _signal.Added();
            _pageSignal.Added();
        }
    }

    /// <summary>
    /// The game whose most discounted page is due: at least <paramref name="minTitles"/> of its titles came since its
    /// last page (<see cref="MarkPaged"/>); of several, the one whose first such title has waited longest. Titles a page
    /// did not tell are not on it: another page soon after would not tell them either.
    /// </summary>
    public string? GameDueForPage(int minTitles)
    {
        lock (_gate)
        {
            return _wanted.Where(w => w.Value.Added > _pagedUpTo.GetValueOrDefault(w.Key.Game))
                .GroupBy(w => w.Key.Game, StringComparer.Ordinal)
                .Where(g => g.Count() >= minTitles)
                .MinBy(g => g.Min(w => w.Value.Added))?.Key;
        }
    }

    /// <summary>Waits until a game's most discounted page is due (<see cref="GameDueForPage"/>) and names it.</summary>
    public async Task<string> WaitForGameDueForPageAsync(int minTitles, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (GameDueForPage(minTitles) is { } game)
            {
                return game;
            }

            await _pageSignal.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The game's most discounted page is being read: the titles waiting now are on it, if anywhere.</summary>
    public void MarkPaged(string gameId)
    {
        lock (_gate)
        {
            _pagedUpTo[gameId] = _added;
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

            return [.. known.Select(w => (w.Key.Title, (IReadOnlyList<Listing>)w.Value.Listings))];
        }
    }

    /// <summary>
    /// Takes the title with the costliest listing among those listed within <see cref="ScannerOptions.FreshLookupMaxListingAge"/>
    /// and costing at least <paramref name="fromCents"/>; older titles stay for a page or a sweep to tell. With none, waits
    /// at most <paramref name="wait"/> for a title to be added and returns null if that one does not qualify either: the
    /// caller looks again, with what it may spend then.
    /// </summary>
    public async Task<(string Game, string Title, IReadOnlyList<Listing> Listings)?> TakeAsync(long fromCents, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (TryTake(fromCents) is { } next)
        {
            return next;
        }

        await _signal.WaitAsync(wait, cancellationToken);
        return TryTake(fromCents);
    }

    private (string Game, string Title, IReadOnlyList<Listing> Listings)? TryTake(long fromCents)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var oldest = now - options.Value.PendingMaxAge;
            foreach (var expired in _wanted.Where(w => w.Value.Listings.TrueForAll(l => l.ListedAt < oldest)).Select(w => w.Key).ToList())
            {
                _wanted.Remove(expired);
            }

            var recent = now - options.Value.FreshLookupMaxListingAge;
            var newer = _wanted.Where(w => w.Value.Listings.Exists(l => l.ListedAt >= recent)).ToList();
            if (newer.Count == 0)
            {
                return null;
            }

            var (key, wanted) = newer.MaxBy(w => Costliest(w.Value.Listings));
            if (Costliest(wanted.Listings) < fromCents)
            {
                return null;
            }

            _wanted.Remove(key);
            return (key.Game, key.Title, wanted.Listings);
        }
    }

    private static long Costliest(List<Listing> listings) => listings.Max(l => l.PriceCents);

    private sealed class Wanted
    {
        public List<Listing> Listings { get; } = [];

        /// <summary>When its newest listing came, in the order of adds.</summary>
        public long Added { get; set; }
    }
}
