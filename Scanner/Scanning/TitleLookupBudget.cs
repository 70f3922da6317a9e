namespace DMarketAspire.Scanner.Scanning;

/// <summary>How many title lookups the last minute saw (<see cref="TitleLookup"/>), shared by every round of the fresh pass.</summary>
public sealed class TitleLookupBudget(TimeProvider time, IOptions<ScannerOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _gate = new();

    /// <summary>Takes one lookup if the last minute has room for it.</summary>
    public bool TryTake()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_recent.TryPeek(out var at) && now - at >= Window)
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= options.Value.FreshLookupsPerMinute)
            {
                return false;
            }

            _recent.Enqueue(now);
            return true;
        }
    }
}
