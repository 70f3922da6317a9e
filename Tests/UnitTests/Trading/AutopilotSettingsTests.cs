using DMarketAspire.BotService.Autopilots;
using DMarketAspire.Data.Domain;
using DMarketAspire.Trading.Autopilots;

namespace DMarketAspire.UnitTests.Trading;

/// <summary>Autopilot settings as typed in the chat and sent to the Api, checked the same way; its rules on an opportunity.</summary>
public sealed class AutopilotSettingsTests
{
    private static readonly string[] Levels = ["boost", "standard", "medium", "advanced", "pro"];

    [Theory]
    [InlineData("daily", "50", 5_000L)]
    [InlineData("daily", "$12.50", 1_250L)]
    [InlineData("daily", "12,5", 1_250L)]
    [InlineData("maxprice", "0.99", 99L)]
    [InlineData("reserve", "0", 0L)]
    [InlineData("loss", "20", 2_000L)]
    [InlineData("paper", "250", 25_000L)]
    [InlineData("minprofitusd", "1.5", 150L)]
    public void DollarsTypedBecomeExactCents(string key, string value, long cents)
    {
        var change = AutopilotSettingInput.Parse(key, [value]);
        Assert.NotNull(change);
        Assert.Empty(AutopilotSettingsRules.Validate(change, Levels));
        var autopilot = AutopilotDefaults.For(1, DateTimeOffset.UnixEpoch);
        AutopilotSettingsRules.Apply(autopilot, change);
        Assert.Equal(cents, key switch
        {
            "daily" => autopilot.DailySpendCents,
            "maxprice" => autopilot.MaxPriceCents,
            "reserve" => autopilot.ReserveCents,
            "loss" => autopilot.PauseAfterDailyLossCents,
            "paper" => autopilot.PaperBalanceCents,
            _ => autopilot.MinProfitCents,
        });
    }

    [Fact]
    public void ListsNumbersAndTheAfterBuyRuleApplyAndOnlyWhatWasTypedChanges()
    {
        var autopilot = AutopilotDefaults.For(1, DateTimeOffset.UnixEpoch);
        foreach (var (key, value) in new[] { ("games", "A8DB, 9a92"), ("levels", "standard,medium"), ("skip", "Sticker, case"), ("minprofit", "12.5%"), ("liquidity", "55"), ("positions", "7"), ("share", "30"), ("failures", "4"), ("sanity", "1.25x"), ("after", "Hold") })
        {
            var change = AutopilotSettingInput.Parse(key, value.Split(' '));
            Assert.NotNull(change);
            Assert.Empty(AutopilotSettingsRules.Validate(change, Levels));
            AutopilotSettingsRules.Apply(autopilot, change);
        }

        Assert.Equal(["a8db", "9a92"], autopilot.Games);
        Assert.Equal(["standard", "medium"], autopilot.Levels);
        Assert.Equal(["Sticker", "case"], autopilot.SkipWords);
        Assert.Equal((12.5m, 55, 7, 30m, 4, 1.25m, AutopilotAfterBuy.Hold), (autopilot.MinProfitPercent, autopilot.MinLiquidity, autopilot.MaxOpenPositions, autopilot.MaxBalanceSharePercent, autopilot.PauseAfterFailures, autopilot.SanityMultiple, autopilot.AfterBuy));
        Assert.Equal((AutopilotDefaults.DailySpendCents, AutopilotDefaults.MaxPriceCents), (autopilot.DailySpendCents, autopilot.MaxPriceCents));

        AutopilotSettingsRules.Apply(autopilot, AutopilotSettingInput.Parse("games", ["all"])!);
        Assert.Empty(autopilot.Games);
    }

    [Theory]
    [InlineData("daily", "lots")]
    [InlineData("daily", "-5")]
    [InlineData("daily", "1.234")]
    [InlineData("positions", "2.5")]
    [InlineData("liquidity", "many")]
    [InlineData("nosuchkey", "5")]
    [InlineData("daily", "")]
    public void WhatIsNotOfItsKindIsNotAChange(string key, string value) => Assert.Null(AutopilotSettingInput.Parse(key, value.Length == 0 ? [] : [value]));

    [Theory]
    [InlineData("games", "csgo")]
    [InlineData("levels", "ultra")]
    [InlineData("share", "150")]
    [InlineData("share", "0")]
    [InlineData("liquidity", "101")]
    [InlineData("failures", "0")]
    [InlineData("sanity", "0.5")]
    [InlineData("sanity", "11")]
    [InlineData("after", "sell")]
    [InlineData("paper", "0.50")]
    [InlineData("maxprice", "0")]
    [InlineData("minprofit", "1001")]
    public void OutOfRangeValuesAreNamedByTheirField(string key, string value)
    {
        var change = AutopilotSettingInput.Parse(key, [value]);
        Assert.NotNull(change);
        var problems = AutopilotSettingsRules.Validate(change, Levels);
        var problem = Assert.Single(problems);
        Assert.NotEmpty(problem.Value.Single());
    }

    [Fact]
    public void TooManyOrTooLongSkipWordsAreRefused()
    {
        Assert.Contains("skipWords", AutopilotSettingsRules.Validate(new AutopilotChange { SkipWords = [.. Enumerable.Range(0, 51).Select(i => $"w{i}")] }, Levels).Keys);
        Assert.Contains("skipWords", AutopilotSettingsRules.Validate(new AutopilotChange { SkipWords = [new string('x', 65)] }, Levels).Keys);
        Assert.Contains("skipWords", AutopilotSettingsRules.Validate(new AutopilotChange { SkipWords = [" "] }, Levels).Keys);
    }

    [Fact]
    public void TheRulesAdmitOnlyWhatEveryOneOfThemAdmits()
    {
        var autopilot = AutopilotDefaults.For(1, DateTimeOffset.UnixEpoch);
        autopilot.Games = ["a8db"];
        autopilot.Levels = ["standard"];
        autopilot.SkipWords = ["souvenir"];
        var good = new Opportunity
        {
            OfferId = "o", GameId = "a8db", Level = "standard", Title = "AK-47 | Redline (Field-Tested)", BuyPriceCents = 5_00, ProfitCents = 1_00, ProfitPercent = 20m, Liquidity = 60,
        };
        Assert.True(AutopilotRules.Wants(autopilot, good));
        Assert.False(AutopilotRules.Wants(autopilot, Copy(good, o => o.GameId = "9a92")));
        Assert.False(AutopilotRules.Wants(autopilot, Copy(good, o => o.Level = "medium")));
        Assert.False(AutopilotRules.Wants(autopilot, Copy(good, o => o.Title = "Souvenir AK-47 | Safari Mesh")));
        Assert.False(AutopilotRules.Wants(autopilot, Copy(good, o => o.ProfitPercent = 9.99m)));
        Assert.False(AutopilotRules.Wants(autopilot, Copy(good, o => o.ProfitCents = 49)));
        Assert.False(AutopilotRules.Wants(autopilot, Copy(good, o => o.Liquidity = 39)));
        Assert.False(AutopilotRules.Wants(autopilot, Copy(good, o => o.BuyPriceCents = AutopilotDefaults.MaxPriceCents + 1)));
        Assert.True(AutopilotRules.Wants(autopilot, Copy(good, o => o.BuyPriceCents = AutopilotDefaults.MaxPriceCents)));
    }

    [Theory]
    [InlineData("NotEnoughBalance", true)]
    [InlineData("KeysRefused", true)]
    [InlineData("NotTaken", true)]
    [InlineData("400", true)]
    [InlineData("OfferNotFound", false)]
    [InlineData("OfferPriceChanged", false)]
    [InlineData(AutopilotReasons.AlreadySold, false)]
    [InlineData(AutopilotReasons.TakenByAnother, false)]
    [InlineData(AutopilotReasons.MarketUnreadable, false)]
    public void OnlyFailuresThatSaySomethingIsWrongCountTowardsThePause(string reason, bool counts) =>
        Assert.Equal(counts, AutopilotReasons.CountsAsFailure(reason));

    private static Opportunity Copy(Opportunity o, Action<Opportunity> change)
    {
        var copy = new Opportunity
        {
            OfferId = o.OfferId, GameId = o.GameId, Level = o.Level, Title = o.Title, BuyPriceCents = o.BuyPriceCents, ProfitCents = o.ProfitCents, ProfitPercent = o.ProfitPercent, Liquidity = o.Liquidity,
        };
        change(copy);
        return copy;
    }
}
