using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Attributes;
using DMarketAspire.DMarketSimulator.Market;
using Microsoft.Extensions.Options;

namespace DMarketAspire.UnitTests.DMarket;

/// <summary>
/// Item attributes: the client makes DMarket's spellings canonical (and reads the title where fields are missing), and
/// the simulator draws them as the real market has them (floats inside their exterior's band, phases only on Doppler).
/// </summary>
public sealed class ItemAttributesTests
{
    [Fact]
    public void Cs2FieldsInDMarketsSpellingBecomeCanonicalNames()
    {
        var a = ItemAttributesReader.Read(DMarketGames.CounterStrike2, "★ StatTrak™ Karambit | Doppler (Factory New)",
            new RawAttributes(Exterior: "factory new", FloatValue: 0.0312, PaintSeed: 661, Phase: "phase-2", Category: "stattrak_tm", CategoryPath: "knife/karambit", Stickers: 0, TradeLockDays: 3));

        Assert.Equal("Factory New", a.Exterior);
        Assert.Equal(0.0312, a.FloatValue);
        Assert.Equal(661, a.PaintSeed);
        Assert.Equal("Phase 2", a.Phase);
        Assert.True(a.StatTrak);
        Assert.False(a.Souvenir);
        Assert.Equal("knife", a.Category);
        Assert.Equal(3, a.TradeLockDays);
    }

    [Fact]
    public void TheTitleFillsInWhatTheFieldsLeaveOut()
    {
        var cs2 = ItemAttributesReader.Read(DMarketGames.CounterStrike2, "Souvenir AWP | Safari Mesh (Battle-Scarred)", new RawAttributes(FloatValue: 1.7));
        Assert.Equal("Battle-Scarred", cs2.Exterior);
        Assert.True(cs2.Souvenir);
        Assert.Null(cs2.FloatValue);

        var tf2 = ItemAttributesReader.Read(DMarketGames.TeamFortress2, "Non-Craftable Strange Professional Killstreak Rocket Launcher", new RawAttributes());
        Assert.Equal("Strange", tf2.Quality);
        Assert.Equal("Professional Killstreak", tf2.Killstreak);
        Assert.False(tf2.Craftable);

        var plain = ItemAttributesReader.Read(DMarketGames.TeamFortress2, "Team Captain", new RawAttributes());
        Assert.Equal("Unique", plain.Quality);
        Assert.Null(plain.Killstreak);
        Assert.True(plain.Craftable);

        var dota = ItemAttributesReader.Read(DMarketGames.Dota2, "Inscribed Dragonclaw Hook", new RawAttributes(Hero: "pudge", Rarity: "immortal"));
        Assert.Equal(("Pudge", "Inscribed", "Immortal"), (dota.Hero, dota.Quality, dota.Rarity));
    }

    [Fact]
    public void AnUnknownValueIsKeptAsSentNotDropped()
    {
        var a = ItemAttributesReader.Read(DMarketGames.Dota2, "Some Item", new RawAttributes(Hero: "Brand New Hero", Quality: "Infused"));

        Assert.Equal("Brand New Hero", a.Hero);
        Assert.Equal("Infused", a.Quality);
    }

    [Fact]
    public void TheSimulatorDrawsAttributesAsTheMarketHasThem()
    {
        var market = new MarketModel(Options.Create(new SimulatorOptions { OffersPerGame = 3000, Dynamics = false }), new SimulatorClock(TimeProvider.System));
        var offers = DMarketGames.All.ToDictionary(g => g, g => market.QueryOffers(new OfferQuery(g, 100_000)).Page);

        var cs2 = offers[DMarketGames.CounterStrike2];
        Assert.All(cs2, o =>
        {
            var exterior = ItemVocabulary.FindExterior(o.Attributes.Exterior);
            Assert.NotNull(exterior);
            Assert.True(exterior.Holds(o.Attributes.FloatValue!.Value), $"{o.Title}: float {o.Attributes.FloatValue} outside {exterior.Name}");
            Assert.Equal(o.Title.Contains("Doppler", StringComparison.Ordinal), o.Attributes.Phase is not null);
            Assert.Equal(o.Title.Contains("StatTrak™", StringComparison.Ordinal), o.Attributes.StatTrak);
            Assert.Equal(o.Title.StartsWith("Souvenir ", StringComparison.Ordinal), o.Attributes.Souvenir);
            Assert.False(o.Attributes.StatTrak && o.Attributes.Souvenir);
            Assert.NotNull(o.Attributes.Category);
            if (o.Attributes.Category is "knife" or "gloves")
            {
                Assert.Equal(0, o.Attributes.Stickers);
                Assert.StartsWith("★", o.Title, StringComparison.Ordinal);
            }

            if (o.Title.Contains("Gamma Doppler", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(o.Attributes.Phase, new[] { "Ruby", "Sapphire", "Black Pearl" });
            }
        });
        Assert.InRange(cs2.Count(o => o.Attributes.StatTrak) / (double)cs2.Count, 0.05, 0.30);
        Assert.Contains(cs2, o => o.Attributes.Category == "knife");
        Assert.Contains(cs2, o => o.Attributes.Stickers > 0);

        Assert.All(offers[DMarketGames.Dota2], o =>
        {
            Assert.EndsWith(" of " + o.Attributes.Hero, o.Title.Split(" #")[0], StringComparison.Ordinal);
            Assert.NotNull(ItemVocabulary.Find(ItemVocabulary.DotaQualities, o.Attributes.Quality));
            Assert.NotNull(ItemVocabulary.Find(ItemVocabulary.DotaRarities, o.Attributes.Rarity));
        });
        Assert.All(offers[DMarketGames.TeamFortress2], o =>
        {
            Assert.Equal(o.Title.StartsWith("Non-Craftable", StringComparison.Ordinal), o.Attributes.Craftable == false);
            Assert.Equal(o.Attributes.Killstreak is not null, o.Title.Contains("Killstreak ", StringComparison.Ordinal));
        });
        Assert.All(offers[DMarketGames.Rust], o => Assert.NotNull(ItemVocabulary.Find(ItemVocabulary.RustCategories, o.Attributes.Category)));
        Assert.All(offers.Values.SelectMany(o => o), o => Assert.InRange(o.Attributes.TradeLockDays, 0, 7));
        Assert.Contains(offers.Values.SelectMany(o => o), o => o.Attributes.TradeLockDays > 0);
    }
}
