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

    /// <summary>Takes the most promising title; waits while there is none.</summary>
    public async Task<(string Game, string Title, long ItemId)> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_wanted.Count > 0)
                {
                    var best = _wanted.MaxBy(w => w.Value.Promise);
                    _wanted.Remove(best.Key);

                    // One signal per addition: with several takers, the one woken passes it on while titles remain.
                    if (_wanted.Count > 0)
                    {
                        _signal.Release();
                    }

                    return (best.Key.Game, best.Key.Title, best.Value.ItemId);
                }
            }

            await _signal.WaitAsync(cancellationToken);
        }
    }
}
