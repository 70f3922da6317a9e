using System.Collections.Concurrent;

namespace DMarketAspire.Api.Caching;

/// <summary>
/// Serialized answers of hot reads, kept until the scanner signals a change (<see cref="Invalidate"/>) and never longer
/// than the TTL, so a lost signal costs freshness for seconds, never correctness for long. Bytes are cached, so a hit
/// touches neither the database nor the serializer.
/// </summary>
public sealed class ReadCache(IOptions<ApiOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public async ValueTask<byte[]> GetOrCreateAsync(string key, Func<CancellationToken, Task<byte[]>> create, CancellationToken cancellationToken)
    {
        var generation = Generation;
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.Expires > now)
        {
            return entry.Bytes;
        }

        var bytes = await create(cancellationToken);
        _entries[key] = new Entry(bytes, generation, now + options.Value.CacheTtl);
        return bytes;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(byte[] Bytes, long Generation, DateTimeOffset Expires);
}
