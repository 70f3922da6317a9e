using DMarketAspire.DMarket.Client.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace DMarketAspire.UnitTests.DMarket;

/// <summary>How a path is classified into a rate-limit group, without a server: configured rules, and limits no group has.</summary>
public sealed class DMarketRateGroupRuleTests
{
    [Fact]
    public void ALimitNoGroupHasIsReportedOnceAndThePathStaysWhereItWas()
    {
        var logs = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var groups = new DMarketRateGroups(Options.Create(new DMarketRateLimitOptions()), factory.CreateLogger<DMarketRateGroups>());

        groups.Observe("/account/v1/balance", DMarketRateLimitGroup.Other, 5);
        groups.Observe("/account/v1/balance", DMarketRateLimitGroup.Other, 5);
        // A larger limit than assumed is no reason to send faster.
        groups.Observe("/trade-aggregator/v1/last-sales", DMarketRateLimitGroup.LastSales, 20);

        Assert.Equal(DMarketRateLimitGroup.Other, groups.Classify("/account/v1/balance"));
        Assert.Equal(DMarketRateLimitGroup.LastSales, groups.Classify("/trade-aggregator/v1/last-sales"));
        Assert.Single(logs.GetSnapshot(), l => l.Message.Contains("no group has that limit", StringComparison.Ordinal));
    }

    [Fact]
    public void ConfiguredRulesComeFirstAndMatchWholeSegments()
    {
        var options = new DMarketRateLimitOptions { Groups = [new DMarketRateGroupRule("/account/v1/balance", DMarketRateLimitGroup.Fees)] };
        var groups = new DMarketRateGroups(Options.Create(options), NullLogger<DMarketRateGroups>.Instance);

        Assert.Equal(DMarketRateLimitGroup.Fees, groups.Classify("/account/v1/balance"));
        Assert.Equal(DMarketRateLimitGroup.Other, groups.Classify("/account/v1/balances"));
        Assert.Equal(DMarketRateLimitGroup.MarketItems, groups.Classify("/exchange/v1/market/items"));
        Assert.Equal(DMarketRateLimitGroup.Other, groups.Classify("/exchange/v1/market/items-history"));
    }
}
