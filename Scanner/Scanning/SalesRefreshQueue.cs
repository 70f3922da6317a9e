namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Titles whose sales the scanner wants, most promising first (the cheapest offer furthest under the best bid).
/// Scans add to it and never wait; <see cref="SalesRefreshWorker"/> drains it at DMarket's last-sales pace. A title
/// asked for again later (<see cref="WantLater"/>) is not taken before its time.
/// </summary>
public sealed class SalesRefreshQueue(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Game, string Title), Wanted> _wanted = [];
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
                // A title asked for now is wanted now, even if it was to be tried again later.
                if (!_wanted.TryGetValue((gameId, title), out var current) || current.Promise < promise || current.NotBefore is not null)
                {
                    _wanted[(gameId, title)] = new Wanted(itemId, Math.Max(promise, current?.Promise ?? promise), null);
                    added = true;
                }
            }
        }

        if (added)
        {
            _signal.Release();
        }
    }

    /// <summary>Asks for a title's sales again once <paramref name="delay"/> has passed, unless it is wanted sooner.</summary>
    public void WantLater(string gameId, string title, long itemId, double promise, TimeSpan delay)
    {
        lock (_gate)
        {
            if (!_wanted.ContainsKey((gameId, title)))
            {
                _wanted[(gameId, title)] = new Wanted(itemId, promise, time.GetUtcNow() + delay);
            }
        }

        _signal.Release();
    }

    /// <summary>Takes the most promising title whose time has come; waits while there is none.</summary>
    public async Task<(string Game, string Title, long ItemId, double Promise)> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset? next;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                var ready = _wanted.Where(w => w.Value.NotBefore is not { } at || at <= now).ToList();
                if (ready.Count > 0)
                {
                    var best = ready.MaxBy(w => w.Value.Promise);
                    _wanted.Remove(best.Key);

                    // One signal per addition: with several takers, the one woken passes it on while titles remain.
                    if (ready.Count > 1)
                    {
                        _signal.Release();
                    }

                    return (best.Key.Game, best.Key.Title, best.Value.ItemId, best.Value.Promise);
                }

                next = _wanted.Values.Min(w => w.NotBefore);
            }

            if (next is { } at)
            {
                // Woken early by a new title, or at the time of the one tried again later.
                await _signal.WaitAsync(Max(at - time.GetUtcNow(), TimeSpan.Zero), cancellationToken);
            }
            else
            {
                await _signal.WaitAsync(cancellationToken);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record Wanted(long ItemId, double Promise, DateTimeOffset? NotBefore);
}
