using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarketSimulator.Market;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DMarketAspire.UnitTests.DMarket;

/// <summary>The simulator's trading on its own: buys into the inventory, listings, simulated buyers, the fee kept.</summary>
public sealed class MarketModelSellingTests
{
    private static (MarketModel Market, FakeTimeProvider Time, Account Account) NewMarket(TimeSpan buyerDelay)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var market = new MarketModel(Options.Create(new SimulatorOptions { OffersPerGame = 40, Dynamics = false, BuyerDelay = buyerDelay }), new SimulatorClock(time));
        return (market, time, market.AddAccount(new string('a', 64), "trader", 100_00));
    }

    [Fact]
    public void TheMovingMarketsRandomBuyersLeaveAListingKeptListedAndTakeOthers()
    {
        var (market, _, _) = NewMarket(TimeSpan.FromSeconds(60));
        var kept = market.Plant(new PlantOfferRequest(DMarketGames.Rust, "Kept Crate", 10_00, BypassBuyOrders: true, KeepListed: true))!;
        var other = market.Plant(new PlantOfferRequest(DMarketGames.Rust, "Other Crate", 10_00, BypassBuyOrders: true))!;

        // About forty listings a game and one bought a tick: a listing the buyers may take outlives 400 ticks once in 25,000.
        for (var tick = 0; tick < 400; tick++)
        {
            market.Tick();
        }

        Assert.Equal([kept.OfferId], market.Listed([kept.OfferId, other.OfferId]));
    }

    [Fact]
    public void TheMovingMarketSellsOnlyATitlesLowestAskAndADearerListingLeavesWithoutASale()
    {
        var (market, time, _) = NewMarket(TimeSpan.FromSeconds(60));
        long[] prices = [10_00, 12_00, 14_00, 16_00, 18_00, 20_00];
        var ids = prices.Select(p => market.Plant(new PlantOfferRequest(DMarketGames.Rust, "Ladder Crate", p, FairPriceCents: 10_00, BypassBuyOrders: true))!.OfferId).ToList();

        // Each tick: which of the six left, and whether it was the title's lowest ask just before (new listings may join).
        List<long> expectedSales = [];
        var delisted = 0;
        for (var tick = 0; tick < 5_000 && market.Listed(ids).Count > 0; tick++)
        {
            var before = market.ListingsOf(DMarketGames.Rust, "Ladder Crate");
            var lowest = before.Min(l => l.PriceCents);
            market.Tick();
            var after = market.ListingsOf(DMarketGames.Rust, "Ladder Crate").Select(l => l.OfferId).ToHashSet();
            foreach (var left in before.Where(l => !after.Contains(l.OfferId)))
            {
                if (left.PriceCents == lowest)
                {
                    expectedSales.Add(left.PriceCents);
                }
                else
                {
                    delisted++;
                }
            }
        }

        Assert.Empty(market.Listed(ids));
        Assert.True(delisted > 0, "No dearer listing left: the test saw nothing to tell apart.");
        var sales = market.LastSales(DMarketGames.Rust, "Ladder Crate", 0, 100, ["Offer"]).Where(s => s.Date == time.GetUtcNow()).Select(s => s.PriceCents).Reverse();
        Assert.Equal(expectedSales, sales);
    }

    [Fact]
    public void ABoughtItemIsHeldTradeLockedAndCanBeListedOnceThenABuyerTakesItAfterTheDelay()
    {
        var (market, time, account) = NewMarket(TimeSpan.FromSeconds(60));
        var offer = market.Plant(new PlantOfferRequest(DMarketGames.Rust, "Unit Crate", 10_00, FairPriceCents: 20_00, BypassBuyOrders: true))!;
        Assert.True(market.Buy(account, [(offer.OfferId, 10_00)]).Success);

        var held = Assert.Single(market.Inventory(account, DMarketGames.Rust, null));
        Assert.Equal((offer.AssetId, time.GetUtcNow().AddDays(7)), (held.AssetId, held.TradeLockUntil!.Value));
        Assert.Equal(90_00, account.BalanceCents);

        var listed = Assert.Single(market.CreateOffers(account, [(held.AssetId, 15_00)]));
        Assert.NotNull(listed.OfferId);
        Assert.Equal("AlreadyOnSale", Assert.Single(market.CreateOffers(account, [(held.AssetId, 15_00)])).FailCode);

        // Nobody else lists the title: the next buyer pays its fair price ($20), so $15 waits 60 s × (15/20)² = 33.75 s.
        time.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal(0, market.SellToBuyers());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, market.SellToBuyers());

        var sale = Assert.Single(market.ClosedOffers(account));
        Assert.Equal((15_00L, 1_50L), (sale.PriceCents, sale.FeeCents));
        Assert.Equal(90_00 + 13_50, account.BalanceCents);
        Assert.Empty(market.Inventory(account, DMarketGames.Rust, null));
    }

    [Fact]
    public void AListingAboveTheCheapestOtherWaitsAndADepositUnderATradeLockIsRefused()
    {
        var (market, time, account) = NewMarket(TimeSpan.FromSeconds(10));
        var first = market.Plant(new PlantOfferRequest(DMarketGames.Rust, "Unit Case", 10_00, FairPriceCents: 20_00, BypassBuyOrders: true))!;
        market.Buy(account, [(first.OfferId, 10_00)]);
        market.Plant(new PlantOfferRequest(DMarketGames.Rust, "Unit Case", 17_00, BypassBuyOrders: true));
        var asset = market.Inventory(account, DMarketGames.Rust, null).Single().AssetId;

        var listing = market.CreateOffers(account, [(asset, 18_00)]).Single().OfferId!;
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, market.SellToBuyers());
        Assert.Equal(listing, market.UpdateOffers(account, [(listing, 16_99)]).Single().OfferId);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, market.SellToBuyers());

        var deposit = market.Deposit(account, DMarketGames.Rust, "Unit Case", TimeSpan.FromDays(3));
        Assert.Equal("TradeLocked", market.CreateOffers(account, [(deposit.AssetId, 5_00)]).Single().FailCode);
        Assert.Equal("AssetNotFound", market.CreateOffers(account, [("nope", 5_00)]).Single().FailCode);
    }
}
