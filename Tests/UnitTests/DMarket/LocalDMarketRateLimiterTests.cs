using System.Diagnostics;
using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.TestSupport;
using Microsoft.Extensions.Options;

namespace DMarketAspire.UnitTests.DMarket;

/// <summary>The in-process pacing ledger on its own; pacing against the simulator is in the integration tests.</summary>
public sealed class LocalDMarketRateLimiterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUnansweredRequestHoldsItsPlaceInEverySecondItSpans()
    {
        var limiter = new LocalDMarketRateLimiter(Options.Create(new DMarketRateLimitOptions { MarketItemsPerSecond = 3 }), TimeProvider.System);
        var held = new List<DMarketPermit>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(await limiter.AcquireAsync(DMarketRateLimitGroup.MarketItems, DMarketRateLane.Default, Ct));
        }

        // Three requests still in flight may all land in the next second: a fourth must wait for them, not for the clock.
        var fourth = limiter.AcquireAsync(DMarketRateLimitGroup.MarketItems, DMarketRateLane.Default, Ct).AsTask();
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        Assert.False(fourth.IsCompleted, "granted while three unanswered requests could still land in its second");

        var answered = Stopwatch.StartNew();
        held.ForEach(p => p.Complete());
        (await fourth).Complete();
        Assert.True(answered.Elapsed < TimeSpan.FromSeconds(1.2), $"granted {answered.Elapsed} after the answers: it should be the next second.");
    }

    [Fact]
    public async Task ALaneLendsWhatItLeavesUnspentLateInEachSecondAndKeepsTheStartOfEachSecondToItself()
    {
        var limiter = new LocalDMarketRateLimiter(Options.Create(LendingLaneScenario.Options()), TimeProvider.System);

        var scenario = await LendingLaneScenario.RunAsync(limiter, Ct);

        Assert.Empty(scenario.Problems());
    }
}
