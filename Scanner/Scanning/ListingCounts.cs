namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// How many listings each watched title had at the listing watch's last look, and how many have left since its
/// opportunities were last checked one by one. A title's book tells only its cheapest listing: an opportunity above it
/// (a cheaper trade-locked listing, or a second opportunity of the title) cannot be judged by the book, but a fall in
/// the title's listing count says some of its listings left, perhaps that one.
/// </summary>
public sealed class ListingCounts
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Game, string Title), (long Count, long Left)> _titles = [];

    /// <summary>Records a title's listing count; a fall from the last one adds to the listings left since the last check.</summary>
    public void Observe(string gameId, string title, long offerCount)
    {
        lock (_gate)
        {
            var left = _titles.TryGetValue((gameId, title), out var last) ? last.Left + Math.Max(0, last.Count - offerCount) : 0;
            _titles[(gameId, title)] = (offerCount, left);
        }
    }

    /// <summary>
    /// The chance that one of <paramref name="watched"/> listings of the title has left since the last check, roughly:
    /// each listing that left was any of the title's listings. Zero when none left.
    /// </summary>
    public double Suspicion(string gameId, string title, int watched)
    {
        lock (_gate)
        {
            if (!_titles.TryGetValue((gameId, title), out var known) || known.Left == 0)
            {
                return 0;
            }

            // A ratio of counts ranks titles; it is never money.
            var stay = 1 - Math.Min(1.0, (double)watched / Math.Max(1, known.Count + known.Left));
            return 1 - Math.Pow(stay, known.Left);
        }
    }

    /// <summary>The title's listings were checked one by one: nothing has left since.</summary>
    public void Cleared(string gameId, string title)
    {
        lock (_gate)
        {
            if (_titles.TryGetValue((gameId, title), out var known))
            {
                _titles[(gameId, title)] = (known.Count, 0);
            }
        }
    }

    /// <summary>The game's titles as known now: what <see cref="ListingCountsStore"/> keeps for the next round, wherever it runs.</summary>
    public IReadOnlyList<TitleListingCount> Of(string gameId)
    {
        lock (_gate)
        {
            return [.. _titles.Where(t => t.Key.Game == gameId).Select(t => new TitleListingCount(t.Key.Title, t.Value.Count, t.Value.Left))];
        }
    }

    /// <summary>Takes the game's titles as the last round left them (this replica's or another's), in place of what this one knew.</summary>
    public void Replace(string gameId, IEnumerable<TitleListingCount> titles)
    {
        lock (_gate)
        {
            foreach (var key in _titles.Keys.Where(k => k.Game == gameId).ToList())
            {
                _titles.Remove(key);
            }

            foreach (var title in titles)
            {
                _titles[(gameId, title.Title)] = (title.Count, title.Left);
            }
        }
    }

    /// <summary>Titles no active opportunity is on any more: nothing to remember them for.</summary>
    public void Forget(string gameId, IReadOnlySet<string> watched)
    {
        lock (_gate)
        {
            foreach (var key in _titles.Keys.Where(k => k.Game == gameId && !watched.Contains(k.Title)).ToList())
            {
                _titles.Remove(key);
            }
        }
    }
}
