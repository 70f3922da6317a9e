using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.DMarketSimulator.Apis;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DMarketAspire.IntegrationTests.DMarket;

/// <summary>
/// The group of every path the client calls, as the client paces it and as the simulator (DMarket's table) counts it,
/// and the client moving a path when DMarket's headers say it belongs to a smaller group. Class-own simulator: the
/// per-group counts read here are this class's alone.
/// </summary>
public sealed class DMarketRateGroupTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Calls => new()
    {
        { "balance", "/account/v1/balance", nameof(DMarketRateLimitGroup.Other) },
        { "user", "/account/v1/user", nameof(DMarketRateLimitGroup.Other) },
        { "market-items", "/exchange/v1/market/items", nameof(DMarketRateLimitGroup.MarketItems) },
        { "offers-v2", "/marketplace-api/v2/offers", nameof(DMarketRateLimitGroup.MarketItems) },
        { "aggregated-prices", "/marketplace-api/v1/aggregated-prices", nameof(DMarketRateLimitGroup.MarketItems) },
        { "last-sales", "/trade-aggregator/v1/last-sales", nameof(DMarketRateLimitGroup.LastSales) },
        { "customized-fees", "/exchange/v1/customized-fees", nameof(DMarketRateLimitGroup.Fees) },
        { "targets-by-title", "/marketplace-api/v1/targets-by-title/rust/Some Title", nameof(DMarketRateLimitGroup.Other) },
        { "create-targets", "/marketplace-api/v1/user-targets/create", nameof(DMarketRateLimitGroup.Other) },
        { "delete-targets", "/marketplace-api/v1/user-targets/delete", nameof(DMarketRateLimitGroup.Other) },
        { "user-targets", "/marketplace-api/v1/user-targets", nameof(DMarketRateLimitGroup.Other) },
        { "user-targets-v2", "/marketplace-api/v2/user/targets", nameof(DMarketRateLimitGroup.Other) },
        { "closed-targets", "/marketplace-api/v1/user-targets/closed", nameof(DMarketRateLimitGroup.Other) },
        { "offers-buy", "/exchange/v1/offers-buy", nameof(DMarketRateLimitGroup.Other) },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task EveryCallIsPacedInTheGroupDMarketCountsItIn(string call, string path, string group)
    {
        using var host = DMarketClientHost.Create(simulator.Address);
        var client = host.Client;
        var title = (await simulator.GetAsync<List<SimulatorControlApi.CatalogEntry>>($"/_sim/catalogue/{DMarketGames.Rust}"))[0].Title;
        await simulator.Control.PostAsync("/_sim/stats/reset", null, Ct);

        Task request = call switch
        {
            "balance" => client.GetBalanceAsync(Ct),
            "user" => client.GetUserAsync(Ct),
            "market-items" => client.GetMarketItemsPageAsync(new MarketItemsQuery(DMarketGames.Rust) { Limit = 1 }, cancellationToken: Ct),
            "offers-v2" => client.GetOffersPageAsync(new MarketItemsQuery(DMarketGames.Rust) { Limit = 1, OrderBy = "createdAt", OrderDir = "desc" }, cancellationToken: Ct),
            "aggregated-prices" => client.GetAggregatedPricesAsync(DMarketGames.Rust, [title], Ct),
            "last-sales" => client.GetLastSalesAsync(DMarketGames.Rust, title, 1, cancellationToken: Ct),
            "customized-fees" => client.GetCustomizedFeesAsync(DMarketGames.Rust, cancellationToken: Ct),
            "targets-by-title" => client.GetTargetsByTitleAsync(DMarketGames.Rust, title, Ct),
            "create-targets" => client.CreateTargetsAsync(DMarketGames.Rust, [new NewTarget(title, 1, 1)], Ct),
            "delete-targets" => client.DeleteTargetsAsync(["no-such-target"], Ct),
            "user-targets" => client.GetUserTargetsAsync(DMarketGames.Rust, cancellationToken: Ct).ToListAsync(Ct).AsTask(),
            "user-targets-v2" => client.GetUserTargetsV2Async(DMarketGames.Rust, Ct).ToListAsync(Ct).AsTask(),
            "closed-targets" => client.GetClosedTargetsAsync(Ct).ToListAsync(Ct).AsTask(),
            "offers-buy" => client.BuyOffersAsync([new OfferToBuy("no-such-offer", 100)], Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        };
        await request;

        var counted = (await simulator.GetAsync<SimulatorControlApi.SimulatorStats>("/_sim/stats")).Groups.Where(g => g.Accepted > 0).Select(g => g.Group).ToList();
        Assert.Equal([group], counted);
        Assert.Equal(group, host.Services.GetRequiredService<DMarketRateGroups>().Classify(path).ToString());
    }

    [Fact]
    public async Task APathDMarketLimitsMoreTightlyMovesToTheGroupOfThatLimitAndIsLoggedOnce()
    {
        var logs = new ErrorLog();
        const string path = "/marketplace-api/v1/aggregated-prices";
        // As the client once had it: aggregated prices paced with "other" (20/s), which DMarket counts as market items (10/s).
        using var host = DMarketClientHost.Create(simulator.Address, settings: new Dictionary<string, string?>
        {
            ["DMarket:RateLimits:Groups:0:Path"] = path,
            ["DMarket:RateLimits:Groups:0:Group"] = nameof(DMarketRateLimitGroup.Other),
        }, logs: logs);
        var groups = host.Services.GetRequiredService<DMarketRateGroups>();
        var title = (await simulator.GetAsync<List<SimulatorControlApi.CatalogEntry>>($"/_sim/catalogue/{DMarketGames.Rust}"))[0].Title;
        Assert.Equal(DMarketRateLimitGroup.Other, groups.Classify(path));

        for (var i = 0; i < 3; i++)
        {
            await host.Client.GetAggregatedPricesAsync(DMarketGames.Rust, [title], Ct);
        }

        Assert.Equal(DMarketRateLimitGroup.MarketItems, groups.Classify(path));
        var moved = logs.All.Where(l => l.Contains("pacing it in MarketItems", StringComparison.Ordinal)).ToList();
        Assert.Single(moved);
        Assert.Contains(path, moved[0], StringComparison.Ordinal);
    }
}
