using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;
using Microsoft.Extensions.Options;

namespace DMarketAspire.UnitTests.Pricing;

/// <summary>Hand-computed cases: each would fail on a cent's error or on a boundary taken the wrong way.</summary>
public sealed class OpportunityEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly OpportunityEngine Engine = new(Options.Create(new PricingOptions()));

    // 2% on "Reduced" for resale prices $5–$20 until tomorrow; 3% on "Expired" until an hour ago; default 10%.
    private static readonly FeeSchedule Fees = new(new FeeTable(0.10m, 1,
    [
        new ReducedFee("Reduced", 0.02m, 500, 2_000, Now.AddDays(1)),
        new ReducedFee("Expired", 0.03m, 0, 100_000, Now.AddHours(-1)),
    ]), 0.10m);

    private static TitleContext Title(string title, long? median, long? bestBid = null, long? average7Days = null) =>
        Engine.Describe(title, new TitleStats(median, 20, 0, average7Days, 20, 0.35, 0.95), new OrderBook(bestBid, 5, 900, 12));

    [Fact]
    public void AReducedFeeAppliesInsideItsPriceWindow()
    {
        // Resale $10.00 at 2%: fee 20, proceeds 980; bought at $8.00: profit 180 = 22.50%.
        var evaluation = Engine.Evaluate(800, Title("Reduced", 1_000), Fees, Now);

        Assert.Equal((OfferVerdict.Opportunity, 200, 180L, 22.50m), (evaluation.Verdict, evaluation.FeeBasisPoints, evaluation.ProfitCents, evaluation.ProfitPercent));
        Assert.Equal("standard", evaluation.Level!.Name);
    }

    [Fact]
    public void OutsideItsWindowTheDefaultFeeApplies()
    {
        // Resale $25.00 is above the $20 window: 10%, fee 250, proceeds 2250; bought at $20.00: profit 250 = 12.50%.
        var evaluation = Engine.Evaluate(2_000, Title("Reduced", 2_500), Fees, Now);

        Assert.Equal((1_000, 250L, 12.50m), (evaluation.FeeBasisPoints, evaluation.ProfitCents, evaluation.ProfitPercent));
    }

    [Fact]
    public void AnExpiredReducedFeeNoLongerApplies()
    {
        var evaluation = Engine.Evaluate(800, Title("Expired", 1_000), Fees, Now);

        Assert.Equal((1_000, 100L), (evaluation.FeeBasisPoints, evaluation.ProfitCents));
    }

    [Theory]
    // Resale $10.01 at 10%: the fee 100.1 rounds up to 101, proceeds 900. A buy at 899 earns 1 cent; at 900, nothing.
    [InlineData(899, OfferVerdict.Opportunity, 1)]
    [InlineData(900, OfferVerdict.NotProfitable, 0)]
    public void TheFeeRoundsUpToTheCent(long price, OfferVerdict verdict, long profit)
    {
        var engine = new OpportunityEngine(Options.Create(new PricingOptions { Levels = [new ScanLevel("any", 1, 100_000, 0m)] }));

        var evaluation = engine.Evaluate(price, engine.Describe("Plain", new TitleStats(1_001, 20, 0, null, 20, 0.35, 0.95), default), Fees, Now);

        Assert.Equal((verdict, profit), (evaluation.Verdict, evaluation.ProfitCents));
    }

    [Fact]
    public void OutlierSalesDoNotMoveTheResaleEstimate()
    {
        // Eight sales at $10.00 and two fat-finger sales ($0.10 and $50.00).
        Sale[] sales = [.. Enumerable.Range(1, 8).Select(i => new Sale(1_000, Now.AddHours(-i), "Offer")), new Sale(10, Now.AddHours(-9), "Offer"), new Sale(5_000, Now.AddHours(-10), "Offer")];

        var stats = SalesAnalyzer.Analyze(sales, Now, new PricingOptions());

        Assert.Equal((1_000L, 2, 8), (stats.MedianCents!.Value, stats.OutliersDropped, stats.SalesConsidered));
    }

    [Fact]
    public void TheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo()
    {
        Sale[] sales = [new(1_000, Now.AddHours(-1), "Offer"), new(1_002, Now.AddHours(-2), "Offer"), new(1_004, Now.AddHours(-3), "Offer"), new(1_006, Now.AddHours(-4), "Offer")];

        Assert.Equal(1_003, SalesAnalyzer.Analyze(sales, Now, new PricingOptions()).MedianCents);
    }

    [Fact]
    public void ABuyOrderAboveTheMedianSetsTheFloorAndAloneCanPriceAThinTitle()
    {
        Assert.Equal(1_200, Title("Plain", median: 1_000, bestBid: 1_200).ResaleCents);
        Assert.Equal(1_000, Title("Plain", median: 1_000, bestBid: 700).ResaleCents);
        Assert.Equal(700, Title("Plain", median: null, bestBid: 700).ResaleCents);

        var unknown = Engine.Evaluate(500, Title("Plain", median: null), Fees, Now);
        Assert.Equal(OfferVerdict.NoPriceData, unknown.Verdict);
    }

    [Theory]
    [InlineData("Sticker | Crown (Foil)", true)]
    [InlineData("Sealed Graffiti | Lambda (Blood Red)", true)]
    [InlineData("StatTrak™ Music Kit | Daniel Sadowski, Crimson Assault", true)]
    [InlineData("Operation Breakout Weapon Case", true)]
    [InlineData("Mann Co. Supply Crate Key", true)]
    [InlineData("Operation Hydra Pass", true)]
    [InlineData("AK-47 | Case Hardened (Field-Tested)", false)]
    [InlineData("Keyboard Warrior", false)]
    [InlineData("Tempered AK47", false)]
    public void TheBlacklistMatchesItemTypesNotSkinNames(string title, bool blacklisted)
    {
        Assert.Equal(blacklisted, Engine.Describe(title, default, default).Blacklisted);
        if (blacklisted)
        {
            Assert.Equal(OfferVerdict.Blacklisted, Engine.Evaluate(400, Title(title, 1_000), Fees, Now).Verdict);
        }
    }

    [Theory]
    [InlineData(1_500, OfferVerdict.Opportunity)]
    [InlineData(1_501, OfferVerdict.FailsSanityCheck)]
    public void ABuyAboveOneAndAHalfTimesTheWeeksAverageIsSkipped(long price, OfferVerdict verdict)
    {
        // Sold for $10.00 on average this week; the median says $30.00 (a thin, jumpy title).
        var evaluation = Engine.Evaluate(price, Title("Plain", median: 3_000, average7Days: 1_000), Fees, Now);

        Assert.Equal(verdict, evaluation.Verdict);
    }

    [Theory]
    [InlineData(49, null)]
    [InlineData(50, "boost")]
    [InlineData(299, "boost")]
    [InlineData(300, "standard")]
    [InlineData(99_999, "pro")]
    [InlineData(100_000, null)]
    public void LevelsIncludeTheirLowerBoundAndExcludeTheirUpper(long price, string? level) =>
        Assert.Equal(level, Engine.LevelOf(price)?.Name);

    [Fact]
    public void ProfitUnderTheLevelsMinimumIsNotAnOpportunity()
    {
        // Standard wants 5%. Resale $10.00 at 10%: proceeds 900. At 858 the profit is 42 = 4.89%; at 857, 43 = 5.01%.
        Assert.Equal(OfferVerdict.BelowMinProfit, Engine.Evaluate(858, Title("Plain", 1_000), Fees, Now).Verdict);
        Assert.Equal(OfferVerdict.Opportunity, Engine.Evaluate(857, Title("Plain", 1_000), Fees, Now).Verdict);
    }

    [Fact]
    public void LiquidityRewardsFrequentSteadySalesAndDepth()
    {
        var busy = LiquidityScorer.Score(new TitleStats(1_000, 20, 0, 1_000, 40, 0.2, 0.98), new OrderBook(900, 20, 1_000, 5));
        var quiet = LiquidityScorer.Score(new TitleStats(1_000, 3, 0, null, 0.5, 20, 0.6), new OrderBook(null, 0, 1_000, 80));

        Assert.InRange(busy, 90, 100);
        Assert.InRange(quiet, 0, 30);
        Assert.Equal(0, LiquidityScorer.Score(TitleStats.None, new OrderBook(null, 0, null, 200)));
    }
}
