using DMarketAspire.Api;
using DMarketAspire.Api.Caching;
using Microsoft.Extensions.Options;

namespace DMarketAspire.UnitTests.Api;

public sealed class ReadCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentMissesRunOneQuery()
    {
        var cache = new ReadCache(Options.Create(new ApiOptions()), TimeProvider.System);
        var calls = 0;
        var release = new TaskCompletionSource();

        var readers = Enumerable.Range(0, 50).Select(_ => cache.GetOrCreateAsync("k", async _ =>
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return [1, 2, 3];
        }, Ct).AsTask()).ToList();
        release.SetResult();
        var answers = await Task.WhenAll(readers);

        Assert.Equal(1, calls);
        Assert.All(answers, a => Assert.Equal([1, 2, 3], a));
    }

    [Fact]
    public async Task AnExpiredAnswerIsServedWhileOneRefreshRunsAndAnInvalidatedOneIsNot()
    {
        var cache = new ReadCache(Options.Create(new ApiOptions { CacheTtl = TimeSpan.Zero }), TimeProvider.System);
        var version = 1;
        var refresh = new TaskCompletionSource();
        Task<byte[]> Create(CancellationToken _) => version == 1 ? Task.FromResult(new byte[] { 1 }) : refresh.Task.ContinueWith(_ => new byte[] { (byte)version });

        Assert.Equal([1], await cache.GetOrCreateAsync("k", Create, Ct));
        version = 2;
        // Expired at once (TTL zero), same generation: the old answer comes back while the refresh is still running.
        Assert.Equal([1], await cache.GetOrCreateAsync("k", Create, Ct));
        refresh.SetResult();
        await Task.Delay(50, Ct);

        version = 3;
        cache.Invalidate();
        Assert.Equal([3], await cache.GetOrCreateAsync("k", Create, Ct));
    }
}
