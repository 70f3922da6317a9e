using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.DMarketSimulator.Apis;
using DMarketAspire.DMarketSimulator.Market;

namespace DMarketAspire.IntegrationTests.DMarket;

/// <summary>The client against the simulator over real HTTP, endpoint by endpoint.</summary>
public sealed class DMarketContractTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string Cs2 = DMarketGames.CounterStrike2;
    private readonly DMarketClientHost _host = DMarketClientHost.Create(simulator.Address);

    private DMarketClient Client => _host.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ATwelveFiftyItemIsTwelveHundredFiftyCentsOnEveryPath()
    {
        var title = $"AK-47 | Units Check {Guid.NewGuid():N} (Field-Tested)";
        var planted = await Plant(title, 1250);

        // exchange: cents strings.
        var item = await FindMarketItem(title);
        Assert.Equal(1250, item.PriceCents);
        Assert.Equal(planted, item.OfferId);

        // v2 storefront: priceCents.
        var offer = (await Client.GetOffersPageAsync(new MarketItemsQuery(Cs2) { Title = title }, cancellationToken: Ct)).Items.Single();
        Assert.Equal(1250, offer.PriceCents);

        // aggregated prices: {Currency, Amount} with a cents string.
        var aggregated = (await Client.GetAggregatedPricesAsync(Cs2, [title], Ct)).Single();
        Assert.Equal(1250, aggregated.BestOfferCents);
        Assert.Equal(1, aggregated.OfferCount);
        Assert.Null(aggregated.BestBuyOrderCents);

        // marketplace v1 targets: dollars (12.5) on the way in and out; v2: priceCents; targets-by-title: cents strings.
        var created = Assert.Single(await Client.CreateTargetsAsync(Cs2, [new NewTarget(title, 1250)], Ct));
        Assert.True(created.Successful, created.ErrorMessage);
        Assert.Equal(1250, (await ActiveTargetsV1()).Single(t => t.TargetId == created.TargetId).PriceCents);
        Assert.Equal(1250, (await ActiveTargetsV2()).Single(t => t.TargetId == created.TargetId).PriceCents);
        Assert.Equal(1250, (await Client.GetTargetsByTitleAsync(Cs2, title, Ct)).Single().PriceCents);
        Assert.Equal(1250, (await Client.GetAggregatedPricesAsync(Cs2, [title], Ct)).Single().BestBuyOrderCents);

        // offers-buy: cents string price.
        var bought = await Client.BuyOffersAsync([new OfferToBuy(planted, 1250)], Ct);
        Assert.Equal("TxSuccess", bought.Status);

        // last sales: dollar strings ("12.50").
        var sale = (await Client.GetLastSalesAsync(Cs2, title, cancellationToken: Ct)).First();
        Assert.Equal(1250, sale.PriceCents);

        // A new listing at or under the buy order fills it: closed targets report dollars.
        await Plant(title, 1200);
        var closed = await ToListAsync(Client.GetClosedTargetsAsync(Ct));
        Assert.Equal(1250, closed.Single(c => c.TargetId == created.TargetId).PriceCents);
    }

    [Fact]
    public async Task EachFamilyWritesItsOwnUnitOnTheWire()
    {
        var title = $"M4A4 | Raw Units {Guid.NewGuid():N} (Minimal Wear)";
        await Plant(title, 1250);
        var http = _host.SignedHttpClient();
        var escapedTitle = Uri.EscapeDataString(title);

        var items = await http.GetStringAsync($"/exchange/v1/market/items?gameId={Cs2}&title={escapedTitle}&limit=5", Ct);
        Assert.Contains("\"price\":{\"USD\":\"1250\"", items);

        var v2 = await http.GetStringAsync($"/marketplace-api/v2/offers?gameId={Cs2}&title={escapedTitle}&limit=5", Ct);
        Assert.Contains("\"priceCents\":1250", v2);

        var aggregated = await (await http.PostAsJsonAsync("/marketplace-api/v1/aggregated-prices", new { filter = new { game = Cs2, titles = new[] { title } }, limit = "100", cursor = "" }, Ct))
            .Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"offerBestPrice\":{\"Currency\":\"USD\",\"Amount\":\"1250\"}", aggregated);

        Assert.True((await Client.CreateTargetsAsync(Cs2, [new NewTarget(title, 1250)], Ct)).Single().Successful);
        var targets = await http.GetStringAsync($"/marketplace-api/v1/user-targets?GameID={Cs2}&BasicFilters.Status=TargetStatusActive&Limit=100", Ct);
        Assert.Contains("\"Price\":{\"Currency\":\"USD\",\"Amount\":12.5}", targets);

        await simulator.Control.DeleteAsync($"/_sim/offers/{(await FindMarketItem(title)).OfferId}", Ct);
        var sales = await http.GetStringAsync($"/trade-aggregator/v1/last-sales?gameId={Cs2}&title={escapedTitle}&limit=1", Ct);
        Assert.Contains("\"price\":\"12.50\"", sales);

        var balance = await http.GetStringAsync("/account/v1/balance", Ct);
        Assert.Matches("\"usd\":\"\\d+\"", balance);
    }

    [Fact]
    public async Task PagesThroughTheWholeMarketWithoutGapsOrRepeatsWhileItChanges()
    {
        var query = new MarketItemsQuery(DMarketGames.Rust) { Limit = 7 };
        var before = await ToListAsync(Client.GetMarketItemsAsync(query with { Limit = 100 }, Ct));

        List<MarketItem> seen = [];
        string? cursor = null;
        var page = 0;
        do
        {
            var result = await Client.GetMarketItemsPageAsync(query, cursor, Ct);
            seen.AddRange(result.Items);
            cursor = result.Cursor;

            // The market moves between pages: one seen offer is bought, one cheap offer is listed.
            if (page++ % 5 == 0 && result.Items.Count > 0)
            {
                await simulator.Control.DeleteAsync($"/_sim/offers/{result.Items[0].OfferId}", Ct);
                await Plant($"Churn {Guid.NewGuid():N}", 1, DMarketGames.Rust);
            }
        }
        while (cursor is not null);

        // No repeats, and no gaps: every offer listed before paging began was seen (those bought meanwhile were
        // bought after their page was read). New 1-cent listings sort before the cursor, so they are rightly not seen.
        Assert.True(page > 10, $"Only {page} pages: the test needs many pages to mean anything.");
        Assert.Equal(seen.Count, seen.Select(i => i.OfferId).Distinct().Count());
        var seenIds = seen.Select(i => i.OfferId).ToHashSet();
        Assert.All(before, i => Assert.Contains(i.OfferId, seenIds));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.PriceCents <= p.Second.PriceCents), "Pages must follow price order.");
    }

    [Fact]
    public async Task TheMostDiscountedListingsComeFirst()
    {
        var query = new MarketItemsQuery(DMarketGames.Rust) { OrderBy = MarketItemsQuery.BestDiscount, OrderDir = "desc", Limit = 50 };
        var title = (await Client.GetMarketItemsPageAsync(query, cancellationToken: Ct)).Items[^1].Title;

        // Past the title's buy orders: one at a cent or more would fill a 1-cent listing at once.
        var planted = await Plant(title, 1, DMarketGames.Rust, bypassBuyOrders: true);

        var page = (await Client.GetMarketItemsPageAsync(query, cancellationToken: Ct)).Items;
        Assert.Equal(planted, page[0].OfferId);
        var discounts = page.Select(i => (i.SuggestedPriceCents!.Value - i.PriceCents) * 10_000 / i.SuggestedPriceCents.Value).ToList();
        Assert.True(discounts.Zip(discounts.Skip(1)).All(p => p.First >= p.Second), "Pages must follow the discount under the suggested price, largest first.");
    }

    [Theory]
    [InlineData("createdAt", "desc")]
    [InlineData("createdAt", "asc")]
    [InlineData(MarketItemsQuery.BestDiscount, "desc")]
    [InlineData("title", "asc")]
    public async Task PagesInEveryOrderCoverTheMarketOnceInThatOrder(string orderBy, string orderDir)
    {
        var everyListing = await ToListAsync(Client.GetMarketItemsAsync(new MarketItemsQuery(DMarketGames.Rust) { Limit = 100 }, Ct));
        var query = new MarketItemsQuery(DMarketGames.Rust) { OrderBy = orderBy, OrderDir = orderDir, Limit = 37 };

        List<MarketItem> seen = [];
        string? cursor = null;
        do
        {
            var page = await Client.GetMarketItemsPageAsync(query, cursor, Ct);
            seen.AddRange(page.Items);
            cursor = page.Cursor;
        }
        while (cursor is not null);

        Assert.Equal(everyListing.Select(i => i.OfferId).Order(), seen.Select(i => i.OfferId).Order());
        var sign = orderDir == "desc" ? -1 : 1;
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.True(sign * Compare(pair.First, pair.Second) <= 0,
            $"{pair.First.OfferId} came before {pair.Second.OfferId} in {orderBy} {orderDir}."));

        int Compare(MarketItem a, MarketItem b) => orderBy switch
        {
            "createdAt" => a.CreatedAt.CompareTo(b.CreatedAt),
            "title" => string.CompareOrdinal(a.Title, b.Title),
            _ => Discount(a).CompareTo(Discount(b)),
        };

        static long Discount(MarketItem i) => (i.SuggestedPriceCents!.Value - i.PriceCents) * 10_000 / i.SuggestedPriceCents.Value;
    }

    [Fact]
    public async Task ALimitOverOneHundredGetsDMarketsOwnBadRequest()
    {
        using var response = await _host.SignedHttpClient().GetAsync($"/exchange/v1/market/items?gameId={Cs2}&limit=500", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"code":"BadRequest","message":"limit: must be no greater than 100."}""", await response.Content.ReadAsStringAsync(Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.GetMarketItemsPageAsync(new MarketItemsQuery(Cs2) { Limit = 500 }, cancellationToken: Ct));
    }

    [Fact]
    public async Task BalanceAndUserDescribeTheDemoAccount()
    {
        var user = await Client.GetUserAsync(Ct);
        var balance = await Client.GetBalanceAsync(Ct);

        Assert.Equal(DMarketAspire.DMarket.Client.Signing.DMarketKeys.Demo.PublicKeyHex, user.PublicKey);
        Assert.True(user.TargetsLimit > 0);
        Assert.True(balance.UsdCents > 0);
        Assert.Equal(balance.UsdCents, balance.TradableCents);
    }

    [Fact]
    public async Task BuyingDebitsTheBalanceAndAStaleOrSoldOfferFailsInA200()
    {
        var title = $"AWP | Buy Check {Guid.NewGuid():N} (Factory New)";
        var offerId = await Plant(title, 777);
        var before = (await Client.GetBalanceAsync(Ct)).UsdCents;

        var stale = await Client.BuyOffersAsync([new OfferToBuy(offerId, 700)], Ct);
        Assert.Equal("TxFailed", stale.Status);
        Assert.Equal("OfferPriceChanged", stale.FailReasonCode);

        var bought = await Client.BuyOffersAsync([new OfferToBuy(offerId, 777)], Ct);
        Assert.True(bought.Succeeded);
        Assert.Equal(before - 777, (await Client.GetBalanceAsync(Ct)).UsdCents);

        var again = await Client.BuyOffersAsync([new OfferToBuy(offerId, 777)], Ct);
        Assert.Equal("OfferNotFound", again.FailReasonCode);
    }

    [Fact]
    public async Task TargetBatchesReportFailuresPerItemAndListInBothVersions()
    {
        var title = $"Glock-18 | Targets {Guid.NewGuid():N} (Well-Worn)";

        var results = await Client.CreateTargetsAsync(Cs2, [new NewTarget(title, 321, 2), new NewTarget("", 100), new NewTarget(title, 100, 500)], Ct);

        Assert.True(results[0].Successful);
        Assert.Equal("TitleRequired", results[1].ErrorCode);
        Assert.Equal("InvalidAmount", results[2].ErrorCode);
        var v1 = (await ActiveTargetsV1()).Single(t => t.TargetId == results[0].TargetId);
        var v2 = (await ActiveTargetsV2()).Single(t => t.TargetId == results[0].TargetId);
        Assert.Equal((2, 321L, title), (v1.Amount, v1.PriceCents, v1.Title));
        Assert.Equal((2, 321L, title), (v2.Amount, v2.PriceCents, v2.Title));
        Assert.True(v1.IsActive && v2.IsActive);

        var deleted = await Client.DeleteTargetsAsync([results[0].TargetId!, "not-a-target"], Ct);
        Assert.True(deleted[0].Successful);
        Assert.False(deleted[1].Successful);
        Assert.DoesNotContain(await ActiveTargetsV1(), t => t.TargetId == results[0].TargetId);
    }

    [Fact]
    public async Task TargetsByTitleSignsTheDecodedPathOfATitleWithSpacesPipesAndParentheses()
    {
        var title = $"StatTrak™ AK-47 | Redline {Guid.NewGuid():N} (Field-Tested)";
        Assert.True((await Client.CreateTargetsAsync(Cs2, [new NewTarget(title, 4200, 3)], Ct)).Single().Successful);

        var orders = await Client.GetTargetsByTitleAsync(Cs2, title, Ct);

        var order = Assert.Single(orders);
        Assert.Equal((4200L, 3L, title), (order.PriceCents, order.Amount, order.Title));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.GetTargetsByTitleAsync(Cs2, "AC/DC", Ct));
    }

    [Fact]
    public async Task FeeTableMatchesTheModel()
    {
        var fees = await Client.GetCustomizedFeesAsync(DMarketGames.Dota2, cancellationToken: Ct);

        Assert.Equal(MarketModel.DefaultFeeFraction, fees.DefaultFraction);
        Assert.NotEmpty(fees.ReducedFees);
        Assert.All(fees.ReducedFees, f =>
        {
            Assert.InRange(f.Fraction, 0.01m, 0.09m);
            Assert.True(f.MinPriceCents < f.MaxPriceCents);
        });
    }

    [Fact]
    public async Task AggregatedPricesAskInBatchesOfOneHundred()
    {
        var catalogue = await simulator.GetAsync<List<SimulatorControlApi.CatalogEntry>>($"/_sim/catalogue/{DMarketGames.TeamFortress2}");
        var titles = catalogue.Take(100 + 50).Select(c => c.Title).ToList();

        var prices = await Client.GetAggregatedPricesAsync(DMarketGames.TeamFortress2, titles, Ct);

        Assert.Equal(titles.Order(), prices.Select(p => p.Title).Order());
        Assert.All(prices, p => Assert.True(p.OfferCount == 0 || p.BestOfferCents > 0));
    }

    [Fact]
    public async Task LastSalesAreNewestFirstAndCapped()
    {
        var title = (await simulator.GetAsync<List<SimulatorControlApi.CatalogEntry>>($"/_sim/catalogue/{Cs2}"))[0].Title;

        var sales = await Client.GetLastSalesAsync(Cs2, title, 20, cancellationToken: Ct);

        Assert.NotEmpty(sales);
        Assert.True(sales.Zip(sales.Skip(1)).All(p => p.First.Date >= p.Second.Date));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.GetLastSalesAsync(Cs2, title, 21, cancellationToken: Ct));
    }

    public static TheoryData<string, string, ItemAttributes> PlantedAttributes => new()
    {
        {
            DMarketGames.CounterStrike2, "StatTrak™ AK-47 | Attr {0} (Factory New)",
            new ItemAttributes { Exterior = "Factory New", FloatValue = 0.031245, PaintSeed = 661, StatTrak = true, Category = "rifle", Stickers = 3, TradeLockDays = 2 }
        },
        {
            DMarketGames.CounterStrike2, "★ Karambit | Doppler {0} (Minimal Wear)",
            new ItemAttributes { Exterior = "Minimal Wear", FloatValue = 0.0812, PaintSeed = 12, Phase = "Black Pearl", Category = "knife", Stickers = 0 }
        },
        { DMarketGames.Dota2, "Genuine Attr {0} of Pudge", new ItemAttributes { Hero = "Pudge", Quality = "Genuine", Rarity = "Immortal", TradeLockDays = 7 } },
        {
            DMarketGames.TeamFortress2, "Non-Craftable Strange Professional Killstreak Attr {0}",
            new ItemAttributes { Quality = "Strange", Killstreak = "Professional Killstreak", Craftable = false }
        },
        { DMarketGames.Rust, "Attr {0} AK47", new ItemAttributes { Category = "weapon", TradeLockDays = 1 } },
    };

    [Theory]
    [MemberData(nameof(PlantedAttributes))]
    public async Task BothStorefrontsCarryAnItemsAttributesInTheirOwnShape(string game, string titleFormat, ItemAttributes planted)
    {
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, titleFormat, Guid.NewGuid().ToString("N")[..8]);
        using var response = await simulator.PostAsync("/_sim/offers", new PlantOfferRequest(game, title, 1250, Attributes: planted));
        response.EnsureSuccessStatusCode();

        var exchange = (await Client.GetMarketItemsPageAsync(new MarketItemsQuery(game) { Title = title }, cancellationToken: Ct)).Items.Single();
        var v2 = (await Client.GetOffersPageAsync(new MarketItemsQuery(game) { Title = title }, cancellationToken: Ct)).Items.Single();

        Assert.Equal(planted, exchange.Attributes);
        Assert.Equal(planted, v2.Attributes);
        // The wire spells them DMarket's way: filter-style exterior and phase, "stattrak™"/"stattrak_tm", lowercase heroes.
        if (game == DMarketGames.CounterStrike2)
        {
            var http = _host.SignedHttpClient();
            var raw = await http.GetStringAsync($"/exchange/v1/market/items?gameId={game}&title={Uri.EscapeDataString(title)}&limit=5", Ct);
            Assert.Contains($"\"exterior\":\"{planted.Exterior!.ToLowerInvariant()}\"", raw);
            var rawV2 = await http.GetStringAsync($"/marketplace-api/v2/offers?gameId={game}&title={Uri.EscapeDataString(title)}&limit=5", Ct);
            Assert.Contains(planted.StatTrak ? "\"category\":\"stattrak_tm\"" : "\"category\":\"normal\"", rawV2);
        }
    }

    private async Task<string> Plant(string title, long priceCents, string game = Cs2, bool bypassBuyOrders = false)
    {
        using var response = await simulator.PostAsync("/_sim/offers", new PlantOfferRequest(game, title, priceCents, BypassBuyOrders: bypassBuyOrders));
        response.EnsureSuccessStatusCode();
        var planted = await response.Content.ReadFromJsonAsync<SimulatorControlApi.PlantedOffer>(Ct);
        return planted!.OfferId ?? string.Empty;
    }

    private async Task<MarketItem> FindMarketItem(string title) =>
        (await Client.GetMarketItemsPageAsync(new MarketItemsQuery(Cs2) { Title = title }, cancellationToken: Ct)).Items.Single();

    private Task<List<UserTarget>> ActiveTargetsV1() => ToListAsync(Client.GetUserTargetsAsync(Cs2, cancellationToken: Ct));

    private Task<List<UserTarget>> ActiveTargetsV2() => ToListAsync(Client.GetUserTargetsV2Async(Cs2, Ct));

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        List<T> list = [];
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
