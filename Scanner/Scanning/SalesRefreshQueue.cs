namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Titles whose sales the scanner wants, most promising first (the cheapest offer furthest under the best bid).
/// Scans add to it and never wait; <see cref="SalesRefreshWorker"/> drains it at DMarket's last-sales pace.
/// </summary>
public sealed class SalesRefreshQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Game, string Title), (long ItemId, double Promise)> _wanted = [];
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

    public void Want(string gameId, IEnumerable<(string Title, long ItemId, double Promise)> titles)
    {
        var added = false;
        lock (_gate)
        {
            foreach (var (title, itemId, promise) in titles)
            {
                if (!_wanted.TryGetValue((gameId, title), out var current) || current.Promise < promise)
                {
                    _wanted[(gameId, title)] = (itemId, promise);
                    added = true;
                }
            }
        }

        if (added)
        {
            _signal.Release();
        }
    }

    /// <summary>Takes up to <paramref name="count"/> titles, best first; waits while there are none.</summary>
    public async Task<IReadOnlyList<(string Game, string Title, long ItemId)>> TakeAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_wanted.Count > 0)
                {
                    var taken = _wanted.OrderByDescending(w => w.Value.Promise).Take(count).ToList();
                    foreach (var entry in taken)
                    {
                        _wanted.Remove(entry.Key);
                    }

                    // One signal per addition: with several takers, the one woken passes it on while titles remain.
                    if (_wanted.Count > 0)
                    {
                        _signal.Release();
                    }

                    return taken.Select(t => (t.Key.Game, t.Key.Title, t.Value.ItemId)).ToList();
                }
            }

            await _signal.WaitAsync(cancellationToken);
        }
    }
}
