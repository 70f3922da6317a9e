namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Titles whose sales the scanner wants, most promising first (the cheapest offer furthest under the best bid).
/// Scans add to it and never wait; <see cref="SalesRefreshWorker"/> drains it at DMarket's last-sales pace. A title
/// asked for again later (<see cref="WantLater"/>) is not taken before its time. A title taken is held by its fetcher
/// until the fetcher's request is granted, and is still the queue's to give until then (<see cref="Exchange"/>).
/// </summary>
public sealed class SalesRefreshQueue(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Game, string Title), Wanted> _wanted = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly AddSignal _urgentSignal = new();
    private double _urgentPromise = double.PositiveInfinity;
    private bool _urgentTakerWaiting;
    // The title an addition handed to the waiting fresh listings' fetcher; no other fetcher takes it.
    private (string Game, string Title)? _reserved;
    // Titles taken by fetchers still waiting for their request to be granted (a handful: one per fetcher).
    private readonly List<HeldTitle> _held = [];

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
                // A title a fetcher holds goes out with the first request granted if it is now the most promising.
                if (_held.Find(h => h.Key == (gameId, title)) is { } held)
                {
                    held.Raise(promise);
                    continue;
                }

                // A title asked for now is wanted now, even if it was to be tried again later.
                if (!_wanted.TryGetValue((gameId, title), out var current) || current.Promise < promise || current.NotBefore is not null)
                {
                    _wanted[(gameId, title)] = new Wanted(itemId, Math.Max(promise, current?.Promise ?? promise), null);
                    added = true;
                }
            }

            ReserveForUrgentTaker();
        }

        if (added)
        {
            _signal.Release();
            _urgentSignal.Added();
        }
    }

    /// <summary>Hands the most promising title the waiting fresh listings' fetcher would take to it, under the gate.</summary>
    private void ReserveForUrgentTaker()
    {
        if (!_urgentTakerWaiting || _reserved is not null || BestReady(_urgentPromise) is not { } best)
        {
            return;
        }

        _reserved = best.Key;
        _urgentTakerWaiting = false;
    }

    /// <summary>The most promising title from <paramref name="minPromise"/> whose time has come, not the one handed over.</summary>
    private KeyValuePair<(string Game, string Title), Wanted>? BestReady(double minPromise)
    {
        var now = time.GetUtcNow();
        KeyValuePair<(string Game, string Title), Wanted>? best = null;
        foreach (var wanted in _wanted)
        {
            if (wanted.Value.Promise >= minPromise && wanted.Key != _reserved && (wanted.Value.NotBefore is not { } notBefore || notBefore <= now)
                && (best is null || wanted.Value.Promise > best.Value.Value.Promise))
            {
                best = wanted;
            }
        }

        return best;
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

    /// <summary>
    /// Takes the most promising title whose time has come, but not one handed to the waiting fresh listings' fetcher
    /// (<see cref="TakeUrgentAsync"/>); waits while there is none. The other fetchers are free again every few hundred
    /// milliseconds: taking every such title first, they waited for the next second's budget with it, and the fetcher of
    /// their own seldom had one (measured: from such a listing sent to its sales priced, 0.92 s median with that fetcher,
    /// 0.88 s without it).
    /// </summary>
    public async Task<HeldTitle> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset? next;
            lock (_gate)
            {
                // One pass, no copy: in the first minutes the queue holds thousands of titles and is taken from several times a second.
                var now = time.GetUtcNow();
                KeyValuePair<(string Game, string Title), Wanted>? best = null;
                var ready = 0;
                next = null;
                foreach (var wanted in _wanted)
                {
                    if (wanted.Value.NotBefore is { } notBefore && notBefore > now)
                    {
                        next = next is { } soonest && soonest <= notBefore ? soonest : notBefore;
                        continue;
                    }

                    if (wanted.Key == _reserved)
                    {
                        continue;
                    }

                    ready++;
                    if (best is null || wanted.Value.Promise > best.Value.Value.Promise)
                    {
                        best = wanted;
                    }
                }

                if (best is { } taken)
                {
                    _wanted.Remove(taken.Key);

                    // One signal per addition: with several takers, the one woken passes it on while titles remain.
                    if (ready > 1)
                    {
                        _signal.Release();
                    }

                    return Hold(taken);
                }
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

    /// <summary>
    /// Takes the most promising title whose promise is at least <paramref name="minPromise"/> (the listings that jump the
    /// queue) and whose time has come; waits while there is none. Titles asked for again later are left to
    /// <see cref="TakeAsync"/>, which waits for their time.
    /// </summary>
    public async Task<HeldTitle> TakeUrgentAsync(double minPromise, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                _urgentPromise = minPromise;
                var taken = _reserved is { } reserved && _wanted.TryGetValue(reserved, out var wanted)
                    ? new KeyValuePair<(string Game, string Title), Wanted>(reserved, wanted)
                    : BestReady(minPromise);
                _reserved = null;
                _urgentTakerWaiting = taken is null;
                if (taken is { } title)
                {
                    _wanted.Remove(title.Key);
                    return Hold(title);
                }
            }

            await _urgentSignal.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// For a fetcher whose request has been granted: the most promising title of this moment, its own (<paramref name="held"/>)
    /// or a better one. A better one still queued is taken and its own goes back; one another fetcher holds while it waits
    /// is sent now, and that fetcher holds this one's title instead. The grant takes seconds (the sweeps' fetchers share
    /// their lane's few requests a second), and a fetcher that took a listing's title as it freed up held it through its
    /// turn (measured: a fifth of the fresh listings waiting on sales, 1.0–1.8 s median, up to 6.9 s).
    /// </summary>
    public (string Game, string Title, long ItemId, double Promise) Exchange(HeldTitle held)
    {
        lock (_gate)
        {
            _held.Remove(held);
            var queued = BestReady(held.Promise) is { } ready && ready.Value.Promise > held.Promise ? ready : (KeyValuePair<(string Game, string Title), Wanted>?)null;
            var promise = queued?.Value.Promise ?? held.Promise;
            if (_held.Where(h => h.Promise > promise).MaxBy(h => h.Promise) is { } other)
            {
                var sent = other.Contents;
                other.Set(held.Game, held.Title, held.ItemId, held.Promise);
                return sent;
            }

            if (queued is not { } better)
            {
                return held.Contents;
            }

            _wanted.Remove(better.Key);
            PutBack(held);
            return (better.Key.Game, better.Key.Title, better.Value.ItemId, better.Value.Promise);
        }
    }

    /// <summary>For a fetcher that will not send its title after all (its request was not granted): the title is wanted again.</summary>
    public void Return(HeldTitle held)
    {
        lock (_gate)
        {
            _held.Remove(held);
            PutBack(held);
        }

        _signal.Release();
    }

    private void PutBack(HeldTitle held) =>
        _wanted[held.Key] = _wanted.TryGetValue(held.Key, out var again)
            ? again with { Promise = Math.Max(again.Promise, held.Promise), NotBefore = null }
            : new Wanted(held.ItemId, held.Promise, null);

    private HeldTitle Hold(KeyValuePair<(string Game, string Title), Wanted> taken)
    {
        var held = new HeldTitle(taken.Key.Game, taken.Key.Title, taken.Value.ItemId, taken.Value.Promise);
        _held.Add(held);
        return held;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record Wanted(long ItemId, double Promise, DateTimeOffset? NotBefore);
}
