using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarket.RateLimiting;

/// <summary>
/// An exact sliding window per group: a request may go when fewer than N were sent in the last second (plus a
/// safety margin). Unlike a token bucket, no one-second span ever sees more than N, whatever the alignment.
/// </summary>
public sealed class LocalDMarketRateLimiter(IOptions<DMarketRateLimitOptions> options, TimeProvider time) : IDMarketRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly GroupWindow[] _groups = Enum.GetValues<DMarketRateLimitGroup>()
        .Select(g => new GroupWindow(options.Value.PerSecond(g)))
        .ToArray();

    public async ValueTask AcquireAsync(DMarketRateLimitGroup group, CancellationToken cancellationToken)
    {
        var window = _groups[(int)group];
        await window.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = window.WaitBeforeNext(now, Window + options.Value.SafetyMargin);
                if (wait <= TimeSpan.Zero)
                {
                    window.Record(now);
                    return;
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            window.Gate.Release();
        }
    }

    public void OnRateLimited(DMarketRateLimitGroup group, DateTimeOffset until) => _groups[(int)group].PauseUntil(until);

    public void OnBudgetExhausted(DMarketRateLimitGroup group, DateTimeOffset until)
    {
        var window = _groups[(int)group];
        if (window.SentWithin(time.GetUtcNow(), Window + options.Value.SafetyMargin) < window.Limit)
        {
            window.PauseUntil(until);
        }
    }

    private sealed class GroupWindow(int limit)
    {
        public int Limit => limit;

        // Send times of the last `limit` requests, oldest first.
        private readonly Queue<DateTimeOffset> _sent = new(limit);

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset PausedUntil { get; set; }

        public void PauseUntil(DateTimeOffset until)
        {
            lock (this)
            {
                if (until > PausedUntil)
                {
                    PausedUntil = until;
                }
            }
        }

        public int SentWithin(DateTimeOffset now, TimeSpan window)
        {
            lock (this)
            {
                return _sent.Count(sent => now - sent < window);
            }
        }

        public TimeSpan WaitBeforeNext(DateTimeOffset now, TimeSpan window)
        {
            lock (this)
            {
                var wait = PausedUntil - now;
                if (_sent.Count >= limit)
                {
                    var slotFree = _sent.Peek() + window - now;
                    wait = slotFree > wait ? slotFree : wait;
                }

                return wait;
            }
        }

        public void Record(DateTimeOffset now)
        {
            lock (this)
            {
                if (_sent.Count >= limit)
                {
                    _sent.Dequeue();
                }

                _sent.Enqueue(now);
            }
        }
    }
}
