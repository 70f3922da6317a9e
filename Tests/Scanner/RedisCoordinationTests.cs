using DMarketAspire.Infrastructure;
using DMarketAspire.DMarket.RateLimiting;
using DMarketAspire.Scanner.Infrastructure;
using DMarketAspire.Scanner.Scanning;
using DMarketAspire.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DMarketAspire.Tests.Scanner;

/// <summary>The limiter and the leases on both servers the project supports: Debian's Redis and Microsoft's Garnet.</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class RedisCoordinationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReplicasSharingTheLimiterNeverExceedTheLimitInAnySecond(bool garnet)
    {
        await using var server = await StartAsync(garnet);
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var prefix = $"test:{Guid.NewGuid():N}:";
        var limiters = Enumerable.Range(0, 3).Select(_ => Limiter(redis, prefix)).ToArray();
        List<DateTimeOffset> sends = [];

        // Three replicas, 30 requests of a 10/s group at once: three seconds of budget.
        await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            await limiters[i % 3].AcquireAsync(DMarketRateLimitGroup.MarketItems, Ct);
            lock (sends)
            {
                sends.Add(DateTimeOffset.UtcNow);
            }
        }));

        sends.Sort();
        var busiestSecond = sends.Max(start => sends.Count(t => t >= start && t < start.AddSeconds(1)));
        Assert.Equal(30, sends.Count);
        Assert.InRange(busiestSecond, 1, 10);
        Assert.True(sends[^1] - sends[0] >= TimeSpan.FromSeconds(2), $"30 sends took {sends[^1] - sends[0]}: faster than 10/s allows.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ALeaseIsExclusiveAndExpiresWhenItsHolderStopsRenewing(bool garnet)
    {
        await using var server = await StartAsync(garnet);
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var prefix = $"test:{Guid.NewGuid():N}:";
        var first = new RedisLeases(redis, prefix, "first");
        var second = new RedisLeases(redis, prefix, "second");

        Assert.True(await first.TryAcquireAsync("a8db:boost", TimeSpan.FromMilliseconds(800)));
        Assert.False(await second.TryAcquireAsync("a8db:boost", TimeSpan.FromSeconds(10)));
        Assert.False(await second.RenewAsync("a8db:boost", TimeSpan.FromSeconds(10)));
        Assert.False(await second.ReleaseAsync("a8db:boost", TimeSpan.Zero));
        Assert.True(await first.RenewAsync("a8db:boost", TimeSpan.FromMilliseconds(800)));

        // The first replica "dies": it stops renewing, and the lease passes on by expiry.
        await Task.Delay(TimeSpan.FromSeconds(1.2), Ct);
        Assert.True(await second.TryAcquireAsync("a8db:boost", TimeSpan.FromSeconds(10)));
        Assert.Equal("second", await second.HolderAsync("a8db:boost"));
    }

    private static Task<RedisServer> StartAsync(bool garnet) => RedisServer.StartAsync(garnet);

    private static RedisDMarketRateLimiter Limiter(IConnectionMultiplexer redis, string prefix) => new(
        redis,
        Options.Create(new DMarketRateLimitOptions()),
        Options.Create(new ScannerOptions { RedisKeyPrefix = prefix }),
        TimeProvider.System);
}
