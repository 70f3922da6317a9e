using DMarketAspire.Coordination;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.Scanner.Infrastructure;
using DMarketAspire.Scanner.Scanning;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.TestSupport;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DMarketAspire.IntegrationTests.Scanner;

/// <summary>The limiter and the leases on both servers the project supports: Debian's Redis and Microsoft's Garnet.</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class RedisCoordinationTests(RedisServers servers) : IClassFixture<RedisServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReplicasSharingTheLimiterNeverExceedTheLimitInAnySecond(bool garnet)
    {
        var server = await servers.GetAsync(garnet);
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var prefix = $"test:{Guid.NewGuid():N}:";
        var limiters = Enumerable.Range(0, 3).Select(_ => Limiter(redis, prefix)).ToArray();
        List<(DateTimeOffset Sent, DateTimeOffset Answered)> sends = [];

        // Three replicas, 30 requests of a 10/s group at once, each answered 5-40 ms later: three seconds of budget.
        await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var permit = await limiters[i % 3].AcquireAsync(DMarketRateLimitGroup.MarketItems, DMarketRateLane.Default, Ct);
            var sent = DateTimeOffset.UtcNow;
            await Task.Delay(5 + (i * 7 % 35), Ct);
            lock (sends)
            {
                sends.Add((sent, DateTimeOffset.UtcNow));
            }
        }));

        // DMarket counts calendar seconds on arrival, somewhere between send and answer: count every second a request spans.
        var perSecond = sends.SelectMany(s => Enumerable.Range(0, (int)(s.Answered.ToUnixTimeSeconds() - s.Sent.ToUnixTimeSeconds()) + 1).Select(k => s.Sent.ToUnixTimeSeconds() + k))
            .GroupBy(second => second).Max(g => g.Count());
        Assert.Equal(30, sends.Count);
        Assert.InRange(perSecond, 1, 10);
        var seconds = sends.Select(s => s.Sent.ToUnixTimeSeconds()).Distinct().Count();
        Assert.True(seconds >= 3, $"30 sends in {seconds} calendar seconds: faster than 10/s allows.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnUnansweredRequestOfOneReplicaHoldsItsPlaceForTheOthers(bool garnet)
    {
        var server = await servers.GetAsync(garnet);
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var prefix = $"test:{Guid.NewGuid():N}:";
        var options = new DMarketRateLimitOptions { MarketItemsPerSecond = 3 };
        var first = Limiter(redis, prefix, options);
        var second = Limiter(redis, prefix, options);
        var held = new List<DMarketPermit>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(await first.AcquireAsync(DMarketRateLimitGroup.MarketItems, DMarketRateLane.Default, Ct));
        }

        var fourth = second.AcquireAsync(DMarketRateLimitGroup.MarketItems, DMarketRateLane.Default, Ct).AsTask();
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        Assert.False(fourth.IsCompleted, "granted while three unanswered requests of another replica could still land in its second");

        held.ForEach(p => p.Complete());
        using var granted = await fourth.WaitAsync(TimeSpan.FromSeconds(2.5), Ct);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ALaneLendsWhatItLeavesUnspentLateInEachSecondToReplicasSharingTheBudget(bool garnet)
    {
        var server = await servers.GetAsync(garnet);
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var prefix = $"test:{Guid.NewGuid():N}:";
        var limiter = Limiter(redis, prefix, LendingLaneScenario.Options());

        var scenario = await LendingLaneScenario.RunAsync(limiter, Ct);

        Assert.Empty(scenario.Problems());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ALeaseIsExclusiveAndExpiresWhenItsHolderStopsRenewing(bool garnet)
    {
        var server = await servers.GetAsync(garnet);
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

    private static RedisDMarketRateLimiter Limiter(IConnectionMultiplexer redis, string prefix, DMarketRateLimitOptions? options = null) => new(
        redis,
        Options.Create(options ?? new DMarketRateLimitOptions()),
        Options.Create(new ScannerOptions { RedisKeyPrefix = prefix }),
        TimeProvider.System);
}
