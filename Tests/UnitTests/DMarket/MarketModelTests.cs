using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarketSimulator.Market;
using Microsoft.Extensions.Options;

namespace DMarketAspire.UnitTests.DMarket;

/// <summary>The simulator's market model on its own: paging orders, ground truth, fills.</summary>
public sealed class MarketModelTests
{
    private static MarketModel NewMarket(int offersPerGame = 300) =>
        new(Options.Create(new SimulatorOptions { OffersPerGame = offersPerGame, Dynamics = false }), new SimulatorClock(TimeProvider.System));

    public static TheoryData<string?, string?, long?, long?> Orders() => new()
    {
        { null, null, null, null },
        { "price", "desc", null, null },
        { "price", "asc", 200, 5000 },
        { "price", "desc", 200, 5000 },
        { "title", "asc", null, null },
        { "title", "desc", 100, null },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void PagingByKeyMatchesAFullSort(string? orderBy, string? orderDir, long? priceFrom, long? priceTo)
    {
        var market = NewMarket();
        var query = new OfferQuery(DMarketGames.CounterStrike2, 13) { OrderBy = orderBy, OrderDir = orderDir, PriceFromCents = priceFrom, PriceToCents = priceTo };

        List<Offer> paged = [];
        string? cursor = null;
        int total;
        do
        {
            (var page, cursor, total) = market.QueryOffers(query with { Cursor = cursor });
            paged.AddRange(page);
        }
        while (cursor is not null);

        var all = market.QueryOffers(query with { Limit = 100_000 }).Page
            .Where(o => (priceFrom is null || o.PriceCents >= priceFrom) && (priceTo is null || o.PriceCents <= priceTo));
        var byTitle = orderBy == "title";
        var sorted = (byTitle
                ? all.OrderBy(o => o.Title, StringComparer.Ordinal).ThenBy(o => o.OfferId, StringComparer.Ordinal)
                : all.OrderBy(o => o.PriceCents).ThenBy(o => o.OfferId, StringComparer.Ordinal)).ToList();
        if (orderDir == "desc")
        {
            sorted.Reverse();
        }

        Assert.Equal(sorted.Select(o => o.OfferId), paged.Select(o => o.OfferId));
        Assert.Equal(sorted.Count, total);
    }

    [Fact]
    public void GroundTruthIsResaleAtFairAfterTheFeeMinusThePrice()
    {
        var market = NewMarket();
        var fair = 10_000L;
        var offer = market.Plant(new PlantOfferRequest(DMarketGames.Rust, $"Truth {Guid.NewGuid():N}", 7_000, fair))!;

        var truth = market.GroundTruth(DMarketGames.Rust, 0, null, null).Single(g => g.OfferId == offer.OfferId);

        // $100 resold at a 10% fee brings $90; bought at $70 that is $20, 28.57%.
        Assert.Equal((0.10m, 2_000L, 28.57m), (truth.FeeFraction, truth.ProfitCents, truth.ProfitPercent));
    }

    [Fact]
    public void ANewListingAtOrUnderABuyOrderFillsItInsteadOfListing()
    {
        var market = NewMarket();
        var account = market.AddAccount(DMarketAspire.DMarket.Client.Signing.DMarketKeys.FromSeed(new byte[32]).PublicKeyHex, "buyer", 10_000);
        var title = $"Fill {Guid.NewGuid():N}";
        market.AddTarget(account, DMarketGames.TeamFortress2, title, 500, 1, null, null, null);

        Assert.Null(market.Plant(new PlantOfferRequest(DMarketGames.TeamFortress2, title, 450)));
        Assert.NotNull(market.Plant(new PlantOfferRequest(DMarketGames.TeamFortress2, title, 450)));

        Assert.Equal(10_000 - 500, account.BalanceCents);
        Assert.Equal(500, Assert.Single(market.ClosedTargets(account)).PriceCents);
        Assert.Equal(500, market.LastSales(DMarketGames.TeamFortress2, title, 0, 20, ["Target"]).Single().PriceCents);
    }

    [Fact]
    public void TheSameSeedDrawsTheSameMarket()
    {
        var first = NewMarket().QueryOffers(new OfferQuery(DMarketGames.Dota2, 50)).Page;
        var second = NewMarket().QueryOffers(new OfferQuery(DMarketGames.Dota2, 50)).Page;

        Assert.Equal(first.Select(o => (o.OfferId, o.Title, o.PriceCents)), second.Select(o => (o.OfferId, o.Title, o.PriceCents)));
    }

    [Fact]
    public void ADepartedListingSaysWhenItLeftAndWhetherACheaperOneOfItsTitleRemains()
    {
        var market = NewMarket();
        var title = $"Departure {Guid.NewGuid():N}";
        var cheap = market.Plant(new PlantOfferRequest(DMarketGames.Rust, title, 400, BypassBuyOrders: true))!;
        var dear = market.Plant(new PlantOfferRequest(DMarketGames.Rust, title, 600, BypassBuyOrders: true))!;
        var before = market.Now;

        Assert.Empty(market.Departures([cheap.OfferId, dear.OfferId]));
        Assert.True(market.RemoveOffer(dear.OfferId));
        var hidden = Assert.Single(market.Departures([cheap.OfferId, dear.OfferId, "never-listed"]));
        Assert.Equal((dear.OfferId, title, 600L, true), (hidden.OfferId, hidden.Title, hidden.PriceCents, hidden.CheaperStillListed));
        Assert.InRange(hidden.LeftAt, before, market.Now);

        Assert.True(market.RemoveOffer(cheap.OfferId));
        Assert.All(market.Departures([cheap.OfferId, dear.OfferId]), d => Assert.False(d.CheaperStillListed));
    }
}
