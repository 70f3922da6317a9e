using DMarketAspire.DMarketSimulator.Apis;
using System.Diagnostics;
using System.Net.Http.Json;
using DMarketAspire.DMarket;
using DMarketAspire.DMarket.Models;
using DMarketAspire.DMarketSimulator.Faults;
using DMarketAspire.DMarketSimulator.RateLimiting;

using DMarketAspire.Tests.Infrastructure;

namespace DMarketAspire.Tests.DMarket;

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
        var stopwatch = Stopwatch.StartNew();

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
        // 25 at 10/s cannot finish in under two seconds without breaking the limit.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(2), $"Finished in {stopwatch.Elapsed}: pacing did not hold.");
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
