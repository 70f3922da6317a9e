using DMarketAspire.DMarketSimulator.Apis;
using System.Diagnostics;
using System.Net.Http.Json;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.DMarketSimulator.Faults;
using DMarketAspire.DMarketSimulator.RateLimiting;
using DMarketAspire.DMarket.Client.RateLimiting;

using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DMarketAspire.IntegrationTests.DMarket;

/// <summary>Rate limits and faults, counted at the simulator (class-own simulator: its counts are this class's alone).</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class DMarketPacingTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    [Fact]
    public async Task ConcurrentRequestsStayWithinEachGroupsLimit()
    {
        await simulator.Control.PostAsync("/_sim/stats/reset", null, Ct);
        using var host = DMarketClientHost.Create(simulator.Address);
        var title = (await simulator.GetAsync<List<DMarketAspire.DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>($"/_sim/catalogue/{DMarketGames.Rust}"))[0].Title;
        // 25 market-items requests (10/s) and 12 last-sales requests (6/s), all at once.
        var market = Enumerable.Range(0, 25).Select(_ => host.Client.GetMarketItemsPageAsync(new MarketItemsQuery(DMarketGames.Rust) { Limit = 5 }, cancellationToken: Ct));
        var sales = Enumerable.Range(0, 12).Select(_ => host.Client.GetLastSalesAsync(DMarketGames.Rust, title, 5, cancellationToken: Ct));
        await Task.WhenAll(market.Cast<Task>().Concat(sales));

        var stats = await simulator.GetAsync<SimulatorControlApi.SimulatorStats>("/_sim/stats");
        var marketItems = stats.Groups.Single(g => g.Group == "MarketItems");
        var lastSales = stats.Groups.Single(g => g.Group == "LastSales");
        Assert.Equal((25L, 0L), (marketItems.Accepted, marketItems.Rejected));
        Assert.Equal((12L, 0L), (lastSales.Accepted, lastSales.Rejected));
        Assert.InRange(marketItems.MaxAttemptedPerSecond, 1, 10);
        Assert.InRange(lastSales.MaxAttemptedPerSecond, 1, 6);
        // DMarket counts calendar seconds: 25 at 10/s need three of them.
        Assert.True(marketItems.ActiveSeconds >= 3, $"25 market-items requests arrived in {marketItems.ActiveSeconds} seconds: pacing did not hold.");
        Assert.True(lastSales.ActiveSeconds >= 2, $"12 last-sales requests arrived in {lastSales.ActiveSeconds} seconds: pacing did not hold.");
    }

    [Fact]
    public async Task UnderFullLoadTheQuotaIsSpentToTheLastPercentWithNo429AndEachLaneGetsItsShare()
    {
        // An account of its own: requests still in flight when this test stops must not spend the next test's budget.
        var account = (await (await simulator.Control.PostAsJsonAsync("/_sim/accounts", new SimulatorControlApi.NewAccountRequest("load", 100_000), Ct)).Content
            .ReadFromJsonAsync<SimulatorControlApi.NewAccount>(Ct))!;
        using var host = DMarketClientHost.Create(simulator.Address, DMarketAspire.DMarket.Client.Signing.DMarketKeys.Parse(account.PublicKey, account.SecretKey), settings: new Dictionary<string, string?>
        {
            ["DMarket:RateLimits:Lanes:fresh:Group"] = "MarketItems",
            ["DMarket:RateLimits:Lanes:fresh:Share"] = "0.5",
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        long fresh = 0, other = 0;
        var measuring = false;

        // Twelve callers in each lane, each sending as fast as pacing lets it: far more demand than 10/s.
        var loops = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            using var lane = i % 2 == 0 ? DMarketRateLane.Use("fresh") : null;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await host.Client.GetMarketItemsPageAsync(new MarketItemsQuery(DMarketGames.Rust) { Limit = 1 }, cancellationToken: stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref i % 2 == 0 ? ref fresh : ref other);
                }
            }
        }, Ct)).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        await simulator.Control.PostAsync("/_sim/stats/reset", null, Ct);
        Volatile.Write(ref measuring, true);
        var window = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(8), Ct);
        var stats = await simulator.GetAsync<SimulatorControlApi.SimulatorStats>("/_sim/stats");
        var seconds = window.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        // What was cancelled in flight may still arrive: let it, before the next test resets the counts.
        await Task.Delay(TimeSpan.FromSeconds(1.1), Ct);

        var marketItems = stats.Groups.Single(g => g.Group == "MarketItems");
        var used = marketItems.Accepted / (10 * seconds);
        Assert.Equal(0, marketItems.Rejected);
        Assert.InRange(marketItems.MaxAttemptedPerSecond, 1, 10);
        Assert.True(used >= 0.95, $"{marketItems.Accepted} accepted in {seconds:0.00} s: {used:P1} of the quota.");
        // Each lane's half: 5/s, give or take the partial seconds at the window's edges.
        Assert.InRange(fresh / seconds, 4.4, 5.6);
        Assert.InRange(other / seconds, 4.4, 5.6);
    }

    [Fact]
    public async Task ARequestSentWithAPermitHeldBeforehandSpendsItInsteadOfWaitingAndOneLeftUnspentIsGivenBack()
    {
        // An account of its own: its last request must not spend the next test's second of the shared account.
        var account = (await (await simulator.Control.PostAsJsonAsync("/_sim/accounts", new SimulatorControlApi.NewAccountRequest("held", 100_000), Ct)).Content
            .ReadFromJsonAsync<SimulatorControlApi.NewAccount>(Ct))!;
        await simulator.Control.PostAsync("/_sim/stats/reset", null, Ct);
        using var host = DMarketClientHost.Create(simulator.Address, DMarketAspire.DMarket.Client.Signing.DMarketKeys.Parse(account.PublicKey, account.SecretKey),
            settings: new Dictionary<string, string?> { ["DMarket:RateLimits:LastSalesPerSecond"] = "1" });
        var limiter = host.Services.GetRequiredService<IDMarketRateLimiter>();
        var title = (await simulator.GetAsync<List<SimulatorControlApi.CatalogEntry>>($"/_sim/catalogue/{DMarketGames.Rust}"))[0].Title;

        // The whole budget is the held permit: a request that asked the limiter again would wait for it to be answered.
        var permit = await limiter.AcquireAsync(DMarketRateLimitGroup.LastSales, DMarketRateLane.Default, Ct);
        var sent = Stopwatch.StartNew();
        using (DMarketHeldPermit.Hold(DMarketRateLimitGroup.LastSales, permit))
        {
            await host.Client.GetLastSalesAsync(DMarketGames.Rust, title, 5, cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
            Assert.True(sent.Elapsed < TimeSpan.FromSeconds(0.5), $"sent {sent.Elapsed} after: it waited for a permit");

            // Spent once: the next request asks the limiter.
            await host.Client.GetLastSalesAsync(DMarketGames.Rust, title, 5, cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
        }

        // One held and never spent is answered when the scope ends: the budget goes on.
        var unspent = await limiter.AcquireAsync(DMarketRateLimitGroup.LastSales, DMarketRateLane.Default, Ct);
        using (DMarketHeldPermit.Hold(DMarketRateLimitGroup.LastSales, unspent))
        {
        }

        await host.Client.GetLastSalesAsync(DMarketGames.Rust, title, 5, cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
        var stats = await simulator.GetAsync<SimulatorControlApi.SimulatorStats>("/_sim/stats");
        Assert.Equal(0, stats.Groups.Single(g => g.Group == "LastSales").Rejected);
    }

    [Fact]
    public async Task A429BurstIsWaitedOutAndTheRequestSucceeds()
    {
        using var host = DMarketClientHost.Create(simulator.Address);
        await simulator.PostAsync("/_sim/faults", new FaultSettings { RateLimitBurst = 2 });
        try
        {
            var balance = await host.Client.GetBalanceAsync(Ct);

            Assert.True(balance.UsdCents > 0);
            Assert.Equal(0, (await simulator.GetAsync<FaultSettings>("/_sim/faults")).RateLimitBurst);
        }
        finally
        {
            await simulator.Control.DeleteAsync("/_sim/faults", Ct);
        }
    }

    [Fact]
    public async Task ServerErrorsAreRetriedUntilTheyPass()
    {
        using var host = DMarketClientHost.Create(simulator.Address);
        await simulator.PostAsync("/_sim/faults", new FaultSettings { ErrorRate = 0.5, ErrorStatus = 503 });
        try
        {
            for (var i = 0; i < 10; i++)
            {
                Assert.True((await host.Client.GetBalanceAsync(Ct)).UsdCents > 0);
            }

            Assert.True((await simulator.GetAsync<SimulatorControlApi.SimulatorStats>("/_sim/stats")).FaultsInjected > 0);
        }
        finally
        {
            await simulator.Control.DeleteAsync("/_sim/faults", Ct);
        }
    }

    [Fact]
    public async Task AMalformedBodyIsAProtocolErrorAndTheNextCallRecovers()
    {
        using var host = DMarketClientHost.Create(simulator.Address);
        await simulator.PostAsync("/_sim/faults", new FaultSettings { MalformedRate = 1 });
        try
        {
            await Assert.ThrowsAsync<DMarketProtocolException>(() => host.Client.GetBalanceAsync(Ct));
        }
        finally
        {
            await simulator.Control.DeleteAsync("/_sim/faults", Ct);
        }

        Assert.True((await host.Client.GetBalanceAsync(Ct)).UsdCents > 0);
    }

    [Fact]
    public async Task PersistentServerErrorsSurfaceAsATypedError()
    {
        using var host = DMarketClientHost.Create(simulator.Address, settings: new Dictionary<string, string?> { ["Resilience:DMarketClient:Retry:MaxRetryAttempts"] = "1" });
        await simulator.PostAsync("/_sim/faults", new FaultSettings { ErrorRate = 1, ErrorStatus = 500 });
        try
        {
            var error = await Assert.ThrowsAsync<DMarketApiException>(() => host.Client.GetBalanceAsync(Ct));

            Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
            Assert.Equal("InternalServerError", error.Code);
        }
        finally
        {
            await simulator.Control.DeleteAsync("/_sim/faults", Ct);
        }
    }
}
