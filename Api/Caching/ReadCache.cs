using System.Collections.Concurrent;

namespace DMarketAspire.Api.Caching;

/// <summary>
/// Serialized answers of hot reads. An answer stays valid until the scanner signals a change (<see cref="Invalidate"/>
/// starts a new generation); past its TTL it is still served while one refresh runs, so a lost signal costs seconds of
/// freshness, never a stampede. Misses are single-flight: however many requests arrive at once, one query runs.
/// </summary>
public sealed class ReadCache(IOptions<ApiOptions> options, TimeProvider time)
{
    // Hot reads have few distinct keys; past this many something unusual is asking, so start over rather than grow.
    private const int MaxKeys = 10_000;

    private readonly ConcurrentDictionary<string, Slot> _slots = new();
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public async ValueTask<byte[]> GetOrCreateAsync(string key, Func<CancellationToken, Task<byte[]>> create, CancellationToken cancellationToken)
    {
        if (_slots.Count > MaxKeys)
        {
            _slots.Clear();
        }

        var slot = _slots.GetOrAdd(key, _ => new Slot());
        var generation = Generation;
        var current = slot.Current;
        if (current is not null && current.Generation == generation)
        {
            if (current.Expires <= time.GetUtcNow())
            {
                _ = Refresh(slot, generation, create);
            }

            return current.Bytes;
        }

        return (await Refresh(slot, generation, create).WaitAsync(cancellationToken)).Bytes;
    }

    public void Invalidate() => Interlocked.Increment(ref _generation);

    private Task<Entry> Refresh(Slot slot, long generation, Func<CancellationToken, Task<byte[]>> create)
    {
        lock (slot)
        {
            if (slot.Refreshing is { IsCompleted: false } running && slot.RefreshingGeneration >= generation)
            {
                return running;
            }

            slot.RefreshingGeneration = generation;
            slot.Refreshing = Run();
            return slot.Refreshing;
        }

        async Task<Entry> Run()
        {
            // Shared by every waiting request, so no single request's cancellation may stop it.
            var bytes = await create(CancellationToken.None);
            var entry = new Entry(bytes, generation, time.GetUtcNow() + options.Value.CacheTtl);
            slot.Current = entry;
            return entry;
        }
    }

    private sealed class Slot
    {
        public volatile Entry? Current;

        public Task<Entry>? Refreshing { get; set; }

        public long RefreshingGeneration { get; set; }
    }

    private sealed record Entry(byte[] Bytes, long Generation, DateTimeOffset Expires);
}
