using DMarketAspire.Data.Domain;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Trading.Filters;

namespace DMarketAspire.UnitTests.Trading;

/// <summary>Item filters as typed (the chat and the Api share the syntax) and as applied per game in memory.</summary>
public sealed class ItemFilterTests
{
    private static readonly OpportunityAttributes StatTrakFactoryNew = new()
    {
        Exterior = "Factory New", FloatValue = 0.03, StatTrak = true, Category = "rifle", Stickers = 0,
    };

    private static ItemFilter Typed(params (string Key, string Value)[] settings)
    {
        var filter = ItemFilter.Any;
        foreach (var (key, value) in settings)
        {
            Assert.Null(ItemFilterInput.Apply(filter, key, value, out filter));
        }

        return filter;
    }

    [Fact]
    public void TypedSettingsBecomeCanonicalValues()
    {
        var f = Typed(("exterior", "fn, Minimal Wear"), ("float", "0-0.07"), ("stattrak", "only"), ("phase", "p2, ruby, black-pearl"),
            ("category", "knife, clothing"), ("hero", "anti-mage, Pudge"), ("quality", "genuine, strange"), ("killstreak", "pro"), ("craftable", "only"), ("tradelock", "0"));

        Assert.Equal(["Factory New", "Minimal Wear"], f.Exteriors);
        Assert.Equal((null, 0.07), (f.FloatFrom, f.FloatTo));
        Assert.Equal(Presence.Only, f.StatTrak);
        Assert.Equal(["Phase 2", "Ruby", "Black Pearl"], f.Phases);
        Assert.Equal(["knife"], f.Cs2Categories);
        Assert.Equal(["clothing"], f.RustCategories);
        Assert.Equal(["Anti-Mage", "Pudge"], f.Heroes);
        Assert.Equal(["Genuine"], f.DotaQualities);
        Assert.Equal(["Genuine", "Strange"], f.Tf2Qualities);
        Assert.Equal(["Professional Killstreak"], f.Killstreaks);
        Assert.True(f.CraftableOnly);
        Assert.Equal(0, f.MaxTradeLockDays);
        Assert.Contains(("float", "0-0.07"), ItemFilterInput.Describe(f));

        // Genuine is a quality in both games: a prefix keeps it to one.
        var dotaOnly = Typed(("quality", "dota2:genuine, tf2:unusual"));
        Assert.Equal(["Genuine"], dotaOnly.DotaQualities);
        Assert.Equal(["Unusual"], dotaOnly.Tf2Qualities);
        Assert.Contains(("quality", "dota2:Genuine, tf2:Unusual"), ItemFilterInput.Describe(dotaOnly));

        var cleared = Typed(("exterior", "fn"), ("exterior", "off"), ("float", "0.1-0.2"), ("float", "any"));
        Assert.True(cleared.IsAny);
    }

    [Theory]
    [InlineData("float", "0.9-0.1", ItemFilterProblemKind.BadRange)]
    [InlineData("float", "0.1-0.1", ItemFilterProblemKind.BadRange)]
    [InlineData("float", "0-1.5", ItemFilterProblemKind.BadRange)]
    [InlineData("float", "0.07", ItemFilterProblemKind.BadRange)]
    [InlineData("float", "abc", ItemFilterProblemKind.NotANumber)]
    [InlineData("float", "0-abc", ItemFilterProblemKind.NotANumber)]
    [InlineData("exterior", "fn, shiny", ItemFilterProblemKind.UnknownValue)]
    [InlineData("stattrak", "maybe", ItemFilterProblemKind.UnknownValue)]
    [InlineData("craftable", "no", ItemFilterProblemKind.UnknownValue)]
    [InlineData("hero", "nobody", ItemFilterProblemKind.UnknownValue)]
    [InlineData("phase", "phase 9", ItemFilterProblemKind.UnknownValue)]
    [InlineData("tradelock", "-1", ItemFilterProblemKind.NotANumber)]
    [InlineData("tradelock", "99", ItemFilterProblemKind.BadRange)]
    public void BadInputIsNamedAndChangesNothing(string key, string value, ItemFilterProblemKind kind)
    {
        var before = Typed(("exterior", "mw"));

        var problem = ItemFilterInput.Apply(before, key, value, out var after);

        Assert.NotNull(problem);
        Assert.Equal(kind, problem.Kind);
        Assert.Same(before, after);
        if (kind == ItemFilterProblemKind.UnknownValue && value.Contains(',', StringComparison.Ordinal))
        {
            Assert.Equal("shiny", problem.Value);
        }
    }

    [Fact]
    public void TheFnStatTrakUnderPointZeroSevenUserGetsItAndTheNoStatTrakUserDoesNot()
    {
        var wantsIt = Typed(("exterior", "fn"), ("stattrak", "only"), ("float", "0-0.07"));
        var noStatTrak = Typed(("stattrak", "no"));

        Assert.True(ItemFilterRules.Admits(wantsIt, DMarketGames.CounterStrike2, StatTrakFactoryNew));
        Assert.False(ItemFilterRules.Admits(noStatTrak, DMarketGames.CounterStrike2, StatTrakFactoryNew));
        Assert.False(ItemFilterRules.Admits(wantsIt, DMarketGames.CounterStrike2, new OpportunityAttributes { Exterior = "Factory New", FloatValue = 0.0701, StatTrak = true }));
        // A sticker has no float: a float range admits only items that have one.
        Assert.False(ItemFilterRules.Admits(Typed(("float", "0-0.07")), DMarketGames.CounterStrike2, new OpportunityAttributes()));
    }

    [Fact]
    public void EachConstraintBindsOnlyItsGame()
    {
        var cs2Only = Typed(("exterior", "fn"), ("stattrak", "only"), ("float", "0-0.07"), ("phase", "ruby"));
        var dota = new OpportunityAttributes { Hero = "Pudge", Quality = "Genuine", Rarity = "Immortal" };

        Assert.True(ItemFilterRules.Admits(cs2Only, DMarketGames.Dota2, dota));
        Assert.True(ItemFilterRules.Admits(Typed(("hero", "pudge"), ("quality", "genuine")), DMarketGames.Dota2, dota));
        Assert.False(ItemFilterRules.Admits(Typed(("hero", "invoker")), DMarketGames.Dota2, dota));
        Assert.True(ItemFilterRules.Admits(Typed(("hero", "invoker")), DMarketGames.CounterStrike2, StatTrakFactoryNew));

        var tf2 = new OpportunityAttributes { Quality = "Strange", Killstreak = "Professional Killstreak", Craftable = false };
        Assert.True(ItemFilterRules.Admits(Typed(("killstreak", "pro")), DMarketGames.TeamFortress2, tf2));
        Assert.False(ItemFilterRules.Admits(Typed(("craftable", "only")), DMarketGames.TeamFortress2, tf2));
        Assert.False(ItemFilterRules.Admits(Typed(("quality", "unusual")), DMarketGames.TeamFortress2, tf2));

        Assert.True(ItemFilterRules.Admits(Typed(("category", "weapon")), DMarketGames.Rust, new OpportunityAttributes { Category = "weapon" }));
        Assert.False(ItemFilterRules.Admits(Typed(("category", "weapon")), DMarketGames.Rust, new OpportunityAttributes { Category = "clothing" }));

        // A trade lock binds every game.
        Assert.False(ItemFilterRules.Admits(Typed(("tradelock", "1")), DMarketGames.Rust, new OpportunityAttributes { Category = "weapon", TradeLockDays = 3 }));
    }
}
