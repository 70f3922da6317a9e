using System.Net.Http.Json;
using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.DMarketSimulator.RateLimiting;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using DMarketAspire.Scanner.Scanning;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DMarketAspire.IntegrationTests.Scanner;

/// <summary>
/// The Scanner against the simulator with real PostgreSQL and Redis. One test, in stages, because a full round over
/// both games' levels (sales at DMarket's 6/s) is the expensive part and every stage builds on it.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class ScannerTests(InfrastructureFixture infrastructure, ScannerSimulatorFixture simulator) : IClassFixture<ScannerSimulatorFixture>
{
    private const int Units = 2 * 5;
    private const int Attempts = 3;
    private const string PagesLane = "discount-pages";
    private static readonly string[] Games = ["a8db", "rust"];
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindsTheGroundTruthMarksBoughtOffersGoneAndNeverDuplicates()
    {
        var database = await MigratedDatabaseAsync();
        using var meters = new ScannerMeterRecorder();
        // A simulator of its own: the shared one's sales history holds the other tests' planted listings, bought at
        // prices far from the model's, which move the medians the ground truth is judged by.
        await using var own = new ScannerSimulatorFixture();
        await own.InitializeAsync();
        // The listing watch is off here: stage 2 is about the sweeps (the watch has its own test).
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, own.Address, $"test:{Guid.NewGuid():N}:", "replica-a",
            ("Scanner:ListingWatchInterval", "00:00:00"));

        // Stage 1: once sales data has caught up, the scanner's active opportunities match the model's ground truth.
        await WaitForRoundsAsync(database, 1);
        var (truth, found, recall, precision) = await MeasureAsync(own, database);
        var deadline = DateTime.UtcNow + RoundTimeout;
        while (recall < 0.95 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, Ct);
            (truth, found, recall, precision) = await MeasureAsync(own, database);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Ground truth within levels: {truth.Count}; found: {found.Count}; recall {recall:P1}; precision {precision:P1}.");
        Assert.True(truth.Count >= 10, $"Only {truth.Count} ground-truth offers: too few to measure recall.");
        Assert.True(recall >= 0.95, $"Recall {recall:P1} of {truth.Count}; missed: {string.Join("; ", truth.Where(t => !found.ContainsKey(t.OfferId)).Select(t => $"{t.Title} {t.PriceCents}c {t.ProfitPercent}%"))}");
        Assert.True(precision >= 0.8, $"Precision {precision:P1}; not in the ground truth: {string.Join("; ", found.Values.Where(o => truth.All(t => t.OfferId != o.OfferId)).Select(o => $"{o.Title} {o.BuyPriceCents}c resale {o.ResaleCents}c {o.ProfitPercent}%"))}");

        // The scanner's meter carries its own figures and the DMarket client's request counters.
        Assert.Superset(
            new HashSet<string>
            {
                "scanner.scan.duration", "scanner.offers.priced", "scanner.opportunities.found", "scanner.opportunities.active",
                "dmarket.client.requests", "dmarket.client.rate_budget.used",
            },
            meters.Measured());
        Assert.Contains("dmarket.client.rate_limited", meters.Published());

        // Stage 2: an opportunity bought by someone else is marked gone at the next scan of its unit.
        var bought = found.Values.OrderByDescending(o => o.ProfitPercent).First();
        (await own.Control.DeleteAsync($"/_sim/offers/{bought.OfferId}", Ct)).EnsureSuccessStatusCode();
        await WaitUntilAsync(async () => (await OpportunityAsync(database, bought.OfferId)).Status == OpportunityStatus.Gone);
        var gone = await OpportunityAsync(database, bought.OfferId);
        Assert.Equal(OpportunityStore.OfferGone, gone.GoneReason);

        // Stage 3: re-scans update rows; they never add a second row or a second "found" for an offer.
        await WaitForRoundsAsync(database, 3);
        await using var db = SchemaTests.NewContext(database);
        var rows = await db.Opportunities.CountAsync(Ct);
        var distinctOffers = await db.Opportunities.Select(o => o.OfferId).Distinct().CountAsync(Ct);
        var foundEvents = await db.OpportunityEvents.Where(e => e.Kind == OpportunityEventKind.Found).GroupBy(e => e.OpportunityId).Select(g => g.Count()).ToListAsync(Ct);
        Assert.Equal(distinctOffers, rows);
        Assert.All(foundEvents, count => Assert.Equal(1, count));
        Assert.Equal(rows, foundEvents.Count);
        Assert.Contains(await db.OpportunityEvents.ToListAsync(Ct), e => e.Kind == OpportunityEventKind.Gone && e.OpportunityId == gone.Id);
        Assert.True(await db.PriceSnapshots.AnyAsync(Ct), "No price snapshot was persisted.");
        Assert.True(await db.Sales.AnyAsync(Ct), "No sale was persisted.");
        Assert.True(await db.Fees.AnyAsync(Ct), "No fee was persisted.");

        // Every title seen has its latest book (what price alerts watch), from this run's answers.
        var prices = await db.ItemPrices.ToListAsync(Ct);
        Assert.Equal(await db.Items.CountAsync(Ct), prices.Count);
        Assert.All(prices, p => Assert.True(p.BestOfferCents > 0 && p.OfferCount > 0 && p.ObservedAt > DateTimeOffset.UtcNow.AddMinutes(-10), $"item {p.ItemId}: {p.BestOfferCents}c × {p.OfferCount} at {p.ObservedAt}"));
    }

    [Fact]
    public async Task TwoReplicasShareOneBudgetAndSplitTheWork()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";

        // A simulator of its own, so its counts are these two replicas' alone (no request of an earlier test's scanner).
        await using var own = new ScannerSimulatorFixture();
        await own.InitializeAsync();
        await using (var first = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, own.Address, prefix, "replica-1"))
        await using (var second = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, own.Address, prefix, "replica-2"))
        {
            await WaitForRoundsAsync(database, 3);
        }

        var stats = (await own.Control.GetFromJsonAsync<DMarketAspire.DMarketSimulator.Apis.SimulatorControlApi.SimulatorStats>("/_sim/stats", Ct))!;
        foreach (var group in stats.Groups)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{group.Group}: {group.Accepted} accepted, {group.Rejected} rejected, at most {group.MaxAttemptedPerSecond}/s of {group.LimitPerSecond}/s.");
            Assert.Equal(0, group.Rejected);
            Assert.True(group.MaxAttemptedPerSecond <= group.LimitPerSecond, $"{group.Group} saw {group.MaxAttemptedPerSecond} requests in one second; the limit is {group.LimitPerSecond}.");
        }

        await using var db = SchemaTests.NewContext(database);
        var replicas = await db.Scans.Where(s => s.Status == "Completed").Select(s => s.Replica).Distinct().ToListAsync(Ct);
        Assert.Equal(["replica-1", "replica-2"], replicas.Order());
        Assert.Equal(await db.Opportunities.CountAsync(Ct), await db.Opportunities.Select(o => o.OfferId).Distinct().CountAsync(Ct));
        var foundPerOpportunity = await db.OpportunityEvents.Where(e => e.Kind == OpportunityEventKind.Found).GroupBy(e => e.OpportunityId).Select(g => g.Count()).ToListAsync(Ct);
        Assert.All(foundPerOpportunity, count => Assert.Equal(1, count));
    }

    private static async Task<(List<GroundTruthOffer> Truth, Dictionary<string, Opportunity> Found, double Recall, double Precision)> MeasureAsync(ScannerSimulatorFixture market, string database)
    {
        var truth = await GroundTruthAsync(market);
        var found = await ActiveOpportunitiesAsync(database);
        var recall = truth.Count == 0 ? 0 : (double)truth.Count(t => found.ContainsKey(t.OfferId)) / truth.Count;
        var precision = found.Count == 0 ? 0 : (double)found.Keys.Count(id => truth.Any(t => t.OfferId == id)) / found.Count;
        return (truth, found, recall, precision);
    }

    [Fact]
    public async Task KeepsGoingThroughADMarketOutageAndRecordsTheFailedScans()
    {
        var database = await MigratedDatabaseAsync();
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, $"test:{Guid.NewGuid():N}:", "replica-faults");
        using var client = scanner.CreateClient();
        await WaitForRoundsAsync(database, 1);

        // DMarket answers every request with a 503: retries run out, scans fail and say why.
        await simulator.Control.PostAsJsonAsync("/_sim/faults", new DMarketAspire.DMarketSimulator.Faults.FaultSettings { ErrorRate = 1, ErrorStatus = 503 }, Ct);
        long lastFailed;
        try
        {
            await WaitUntilAsync(async () =>
            {
                await using var db = SchemaTests.NewContext(database);
                return await db.Scans.AnyAsync(s => s.Status == "Failed" && s.Error != null, Ct);
            });
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/alive", Ct)).StatusCode);
        }
        finally
        {
            await simulator.Control.DeleteAsync("/_sim/faults", Ct);
        }

        await using (var db = SchemaTests.NewContext(database))
        {
            lastFailed = await db.Scans.Where(s => s.Status == "Failed").MaxAsync(s => s.Id, Ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"Recorded failure: {await db.Scans.Where(s => s.Id == lastFailed).Select(s => s.Error).SingleAsync(Ct)}");
        }

        // The outage ends (the circuit breaker lets a trial through after its break): scanning carries on by itself.
        await WaitUntilAsync(async () =>
        {
            await using var db = SchemaTests.NewContext(database);
            return await db.Scans.AnyAsync(s => s.Id > lastFailed && s.Status == "Completed", Ct);
        });
    }


    [Fact]
    public async Task TheFreshPassPricesANewListingWithinSecondsWhileTheFullSweepsAreUnderWay()
    {
        var database = await MigratedDatabaseAsync();
        // A slow budget (2/s, half of it the fresh lane's) keeps the sweeps busy for the whole test.
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, $"test:{Guid.NewGuid():N}:", "replica-fresh",
            ("DMarket:RateLimits:MarketItemsPerSecond", "2"), ("Scanner:FreshShare", "0.5"), ("Scanner:ListingWatchInterval", "00:00:00"));
        await WaitUntilAsync(async () =>
        {
            await using var db = SchemaTests.NewContext(database);
            return await db.Scans.AnyAsync(s => s.Status == "Running", Ct);
        });

        var catalogue = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>("/_sim/catalogue/rust", Ct);
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions()));
        var titles = catalogue!.Where(c => c.BestBuyOrderCents >= 200 && !engine.Describe(c.Title, default, default).Blacklisted).Take(Attempts).ToList();
        var (found, _, price) = await PlantUntilTheFreshPassRecordsAsync(database, titles, t => t.BestBuyOrderCents!.Value * 6 / 10);
        await using var check = SchemaTests.NewContext(database);
        Assert.True(await check.Scans.AnyAsync(s => s.StartedAt <= found.FirstSeenAt && (s.FinishedAt == null || s.FinishedAt >= found.FirstSeenAt), Ct),
            "no full sweep was under way when the fresh pass found it");
        // Price alerts hear of it as soon: the title's latest best offer is the new listing.
        Assert.Equal(price, (await check.ItemPrices.SingleAsync(p => p.ItemId == found.ItemId, Ct)).BestOfferCents);
    }

    [Fact]
    public async Task AListingUnderItsTitlesWorthButAboveTheBestBidIsRecordedByTheFreshPassWithinSeconds()
    {
        var database = await MigratedDatabaseAsync();
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, $"test:{Guid.NewGuid():N}:", "replica-worth",
            ("DMarket:RateLimits:MarketItemsPerSecond", "2"), ("Scanner:FreshShare", "0.5"), ("Scanner:ListingWatchInterval", "00:00:00"));

        // Once every level of the game has been swept the Scanner knows what each title is asked and suggested at, but
        // not the sales of most: the fresh pass must fetch those first, not leave the listing to the next sweep.
        var titles = await UnderWorthTitlesOnceRustIsSweptAsync(database, skip: 0);
        var (found, _, price) = await PlantUntilTheFreshPassRecordsAsync(database, titles, UnderWorth);

        // Resold at what the sales say, not at the buy order (there is none that high).
        Assert.True(found.ResaleCents > price, $"resale {found.ResaleCents}c is not above the price {price}c");
        Assert.True(found.BestBuyOrderCents is null || found.BestBuyOrderCents < price, "the listing was under the best bid after all");
        await using var check = SchemaTests.NewContext(database);
        Assert.True(await check.Scans.AnyAsync(s => s.StartedAt <= found.FirstSeenAt && (s.FinishedAt == null || s.FinishedAt >= found.FirstSeenAt), Ct),
            "no full sweep was under way when the fresh pass found it");
    }

    [Fact]
    public async Task AListingOnlyItsSalesCanJudgeIsFetchedInALaneOfItsOwnWhileTheSweepsTitlesTakeEveryOtherSalesRequest()
    {
        var database = await MigratedDatabaseAsync();
        // A last-sales budget of 2/s, one of them reserved, the other kept busy by the sweeps' titles (a hundred at a start,
        // four fetchers): sharing it, a listing that jumps the queue waits for one of them to free up and for the next
        // second's budget.
        var prefix = $"test:{Guid.NewGuid():N}:";
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-fresh-sales",
            ("DMarket:RateLimits:LastSalesPerSecond", "2"), ("Scanner:FreshSalesShare", "0.5"), ("Scanner:ListingWatchInterval", "00:00:00"));
        using var lanes = new LaneRequestCounter(scanner.Services, "last-sales");

        // Titles whose sales a sweep's fetch has cached already are priced at the look, with no sales to fetch.
        var redis = scanner.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry> titles = [];
        foreach (var title in await UnderWorthTitlesOnceRustIsSweptAsync(database, skip: 0, count: 50))
        {
            if (titles.Count < Attempts && !await redis.KeyExistsAsync($"{prefix}sales:rust:{title.Title}"))
            {
                titles.Add(title);
            }
        }

        var queue = scanner.Services.GetRequiredService<SalesRefreshQueue>();
        Assert.True(queue.Count > 0, "the sweeps' titles had all been fetched: nothing competed for the budget");
        var before = lanes.In("fresh-sales");

        var (found, plantedAt, _) = await PlantUntilTheFreshPassRecordsAsync(database, titles, UnderWorth);

        Assert.True(lanes.In("fresh-sales") > before, "its sales were not fetched in the fresh listings' lane");
        Assert.True(found.FirstSeenAt - plantedAt < TimeSpan.FromSeconds(4), $"recorded {found.FirstSeenAt - plantedAt} after listing");
    }

    [Fact]
    public async Task AListingOnlyItsSalesCanJudgeIsFetchedWithTheNextSalesRequestGrantedNotAfterTheTitlesTheFetchersWaitedWith()
    {
        var database = await MigratedDatabaseAsync();
        // No lane of its own, one last-sales request a second and ten fetchers: each waits about ten seconds for its turn
        // with a sweep's title in hand. The listing's title must go out with the next request granted, whichever fetcher
        // it is, not wait for a fetcher to free up and then for its own turn.
        var prefix = $"test:{Guid.NewGuid():N}:";
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-next-request",
            ("DMarket:RateLimits:LastSalesPerSecond", "1"), ("Scanner:FreshSalesShare", "0"), ("Scanner:SalesFetchConcurrency", "10"),
            ("Scanner:ListingWatchInterval", "00:00:00"));

        var redis = scanner.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry> titles = [];
        foreach (var title in await UnderWorthTitlesOnceRustIsSweptAsync(database, skip: 0, count: 50))
        {
            if (titles.Count < Attempts && !await redis.KeyExistsAsync($"{prefix}sales:rust:{title.Title}"))
            {
                titles.Add(title);
            }
        }

        Assert.True(scanner.Services.GetRequiredService<SalesRefreshQueue>().Count > 0, "the sweeps' titles had all been fetched: nothing competed for the budget");
        foreach (var title in titles)
        {
            var (found, plantedAt, price) = await PlantAndWaitAsync(database, title, UnderWorth(title));
            var after = found.FirstSeenAt - plantedAt;
            TestContext.Current.TestOutputHelper?.WriteLine($"Planted {title.Title} at {price}c (fair {title.FairPriceCents}c): recorded {after.TotalSeconds:0.0} s later, resale {found.ResaleCents}c.");
            Assert.True(after < TimeSpan.FromSeconds(3.5), $"recorded {after} after listing");
        }
    }

    [Fact]
    public async Task AfterARestartTheFreshPassJudgesNewListingsByWhatEarlierRunsLearnedBeforeAnySweep()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        var catalogue = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>("/_sim/catalogue/rust", Ct);
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions()));
        var titles = catalogue!.Where(c => c.FairPriceCents >= 500 && (c.BestBuyOrderCents ?? 0) < c.FairPriceCents * 6 / 10 && !engine.Describe(c.Title, default, default).Blacklisted)
            .Skip(Attempts).Take(2).ToList();

        await StoreEarlierSalesAsync(database, titles);

        // Another replica holds every sweep's lease, so this one runs only the fresh pass: no sweep tells it what these
        // titles are asked or suggested at, and they have no buy order at the listings' price.
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);

        // Listed about 40% under their worth just before the restart: its first look sees them.
        List<(string OfferId, long Price)> planted = [];
        foreach (var title in titles)
        {
            planted.Add((await PlantAsync("rust", title.Title, title.FairPriceCents * 6 / 10), title.FairPriceCents * 6 / 10));
        }

        try
        {
            var started = DateTimeOffset.UtcNow;
            await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-restarted",
                ("Scanner:ListingWatchInterval", "00:00:00"));
            List<Opportunity> found = [];
            await WaitUntilAsync(async () =>
            {
                await using var db = SchemaTests.NewContext(database);
                var ids = planted.Select(p => p.OfferId).ToList();
                found = await db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.OfferId)).ToListAsync(Ct);
                return found.Count == planted.Count;
            });

            foreach (var opportunity in found)
            {
                var price = planted.Single(p => p.OfferId == opportunity.OfferId).Price;
                TestContext.Current.TestOutputHelper?.WriteLine($"{opportunity.Title} at {price}c: recorded {(opportunity.FirstSeenAt - started).TotalSeconds:0.0} s after the start, resale {opportunity.ResaleCents}c.");
                Assert.True(opportunity.FirstSeenAt - started < TimeSpan.FromSeconds(20), $"recorded {opportunity.FirstSeenAt - started} after the start");
                Assert.True(opportunity.ResaleCents > price, $"resale {opportunity.ResaleCents}c is not above the price {price}c");
            }

            await using var check = SchemaTests.NewContext(database);
            Assert.False(await check.Scans.AnyAsync(Ct), "a sweep ran: the recalled sales were not what judged the listings");
        }
        finally
        {
            await RemoveOffersAsync(planted.Select(p => p.OfferId));
        }
    }

    [Fact]
    public async Task AfterARestartTheFreshPassReadsNoBookAnEarlierRunStoredButReadsItAgainBeforeTrustingItsBid()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        var catalogue = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>("/_sim/catalogue/rust", Ct);
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions()));
        // Two titles with no buy order at all: read again, their books say nothing is bid for them.
        var titles = catalogue!.Where(c => c.FairPriceCents is >= 500 and < 50_000 && c.BestBuyOrderCents is null && !engine.Describe(c.Title, default, default).Blacklisted).Take(2).ToList();
        var (plain, tempting) = (titles[0], titles[1]);

        // An earlier run stored both titles' books a minute ago: the plain one asked at its fair price, the tempting one
        // bid at its fair price (a bid gone since).
        var observedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        var stored = new Dictionary<string, ItemPrice>();
        await using (var db = SchemaTests.NewContext(database))
        {
            foreach (var (title, bid) in new[] { (plain, plain.FairPriceCents / 2), (tempting, tempting.FairPriceCents) })
            {
                var item = new Item { GameId = "rust", Title = title.Title, FirstSeenAt = observedAt.AddDays(-1), UpdatedAt = observedAt };
                db.Items.Add(item);
                await db.SaveChangesAsync(Ct);
                stored[title.Title] = new ItemPrice { ItemId = item.Id, BestOfferCents = title.FairPriceCents, OfferCount = 3, BestBuyOrderCents = bid, BuyOrderCount = 1, ObservedAt = observedAt };
                db.ItemPrices.Add(stored[title.Title]);
            }

            await db.SaveChangesAsync(Ct);
        }

        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);
        // The plain listing asks more than the title's other listings: nothing about it needs a book. The tempting one is
        // 40% under the stored bid.
        var offers = new List<string>();
        var temptingPrice = tempting.FairPriceCents * 6 / 10;
        foreach (var (title, price) in new[] { (plain, plain.FairPriceCents * 13 / 10), (tempting, temptingPrice) })
        {
            offers.Add(await PlantAsync("rust", title.Title, price));
        }

        try
        {
            var started = DateTimeOffset.UtcNow;
            await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-recalling-books",
                ("Scanner:ListingWatchInterval", "00:00:00"));
            // The tempting listing is worth buying all the same (40% under what the title sells for): once it is recorded,
            // the look that met both listings is over.
            var found = await WaitForOpportunityAsync(database, offers[1]);

            TestContext.Current.TestOutputHelper?.WriteLine($"{tempting.Title} at {temptingPrice}c: recorded {(found.FirstSeenAt - started).TotalSeconds:0.0} s after the start, best bid {found.BestBuyOrderCents}c, resale {found.ResaleCents}c.");
            Assert.True(found.FirstSeenAt - started < TimeSpan.FromSeconds(20), $"recorded {found.FirstSeenAt - started} after the start");
            await using var check = SchemaTests.NewContext(database);
            // The stored bid was not trusted: the book was read again, and DMarket's shows none.
            Assert.Null(found.BestBuyOrderCents);
            Assert.Null((await check.ItemPrices.AsNoTracking().SingleAsync(p => p.ItemId == stored[tempting.Title].ItemId, Ct)).BestBuyOrderCents);
            // The plain title's stored book was enough: not read again, its row is as the earlier run left it.
            var row = await check.ItemPrices.AsNoTracking().SingleAsync(p => p.ItemId == stored[plain.Title].ItemId, Ct);
            Assert.Equal((plain.FairPriceCents / 2, observedAt.ToUnixTimeMilliseconds()), (row.BestBuyOrderCents, row.ObservedAt.ToUnixTimeMilliseconds()));
            Assert.False(await check.Scans.AnyAsync(Ct), "a sweep ran");
        }
        finally
        {
            await RemoveOffersAsync(offers);
        }
    }

    [Fact]
    public async Task AListingWaitingOnItsTitlesSalesWhenTheScannerStopsIsPricedByTheNextLeaderWithoutASweep()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        var eligible = await TitlesOnlyTheirSalesJudgeAsync();
        var title = eligible[^1];
        var filler = eligible.First(c => c.Title != title.Title);
        // What the title sold for is known from an earlier run, so the listing looks underpriced at once; only its sales,
        // fetched again, can price it, and DMarket answers none while the first replica runs.
        await StoreEarlierSalesAsync(database, [title]);
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);
        var redis = sweeper.GetDatabase();
        var watermark = $"{prefix}fresh:newest:rust";
        List<string> planted = [];
        try
        {
            await simulator.Control.PostAsJsonAsync("/_sim/faults", new DMarketAspire.DMarketSimulator.Faults.FaultSettings
            {
                ErrorRate = 1, ErrorStatus = 503, Path = "/trade-aggregator/v1/last-sales",
            }, Ct);
            var price = title.FairPriceCents * 6 / 10;
            string offerId;
            await using (var first = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-stopping",
                ("Scanner:ListingWatchInterval", "00:00:00")))
            {
                await WaitUntilAsync(async () => (await redis.StringGetAsync(watermark)).HasValue);
                offerId = await PlantAsync("rust", title.Title, price);
                planted.Add(offerId);
                await WaitUntilAsync(async () => await redis.HashExistsAsync($"{prefix}pending:rust", offerId));

                // A newer listing the first replica sees too: the next leader pages back only to it, not to the waiting one.
                var seenUpTo = (long)await redis.StringGetAsync(watermark);
                await Task.Delay(TimeSpan.FromSeconds(1.1), Ct);
                planted.Add(await PlantAsync("rust", filler.Title, filler.FairPriceCents * 3 / 2));
                await WaitUntilAsync(async () => (long)await redis.StringGetAsync(watermark) > seenUpTo);
            }

            // Stopped mid-round, it handed the fresh pass over at once rather than when its lease would lapse.
            Assert.False(await redis.KeyExistsAsync($"{prefix}lease:{FreshListingsWorker.LeaseName}"), "the stopped replica still holds the fresh pass's lease");
            await simulator.Control.DeleteAsync("/_sim/faults", Ct);
            await using (var check = SchemaTests.NewContext(database))
            {
                Assert.False(await check.Opportunities.AnyAsync(o => o.OfferId == offerId, Ct), "recorded before its sales came");
            }

            var started = DateTimeOffset.UtcNow;
            await using var next = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-next",
                ("Scanner:ListingWatchInterval", "00:00:00"));
            var found = await WaitForOpportunityAsync(database, offerId);

            TestContext.Current.TestOutputHelper?.WriteLine($"{title.Title} at {price}c, left waiting on its sales: recorded {(found.FirstSeenAt - started).TotalSeconds:0.0} s after the next start, resale {found.ResaleCents}c.");
            Assert.True(found.FirstSeenAt - started < TimeSpan.FromSeconds(20), $"recorded {found.FirstSeenAt - started} after the start");
            Assert.True(found.ResaleCents > price, $"resale {found.ResaleCents}c is not above the price {price}c");
            await using var after = SchemaTests.NewContext(database);
            Assert.False(await after.Scans.AnyAsync(Ct), "a sweep ran: it, not the resumed wait, may have found the listing");
            // Priced, it no longer waits: a later leader does not ask for its sales again.
            await WaitUntilAsync(async () => !await redis.HashExistsAsync($"{prefix}pending:rust", offerId));
        }
        finally
        {
            await simulator.Control.DeleteAsync("/_sim/faults", Ct);
            await RemoveOffersAsync(planted);
        }
    }

    [Fact]
    public async Task AListingSoldWhileItWaitedForItsTitlesSalesIsNotShownWhenTheyCome()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        var eligible = await TitlesOnlyTheirSalesJudgeAsync();
        // Two titles whose sales an earlier run stored, so their listings look underpriced at once; only their sales,
        // fetched again, price them, and DMarket answers none for a while.
        var (sold, kept) = (eligible[^1], eligible[^2]);
        await StoreEarlierSalesAsync(database, [sold, kept]);
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);
        var redis = sweeper.GetDatabase();
        List<string> planted = [];
        try
        {
            await simulator.Control.PostAsJsonAsync("/_sim/faults", new DMarketAspire.DMarketSimulator.Faults.FaultSettings
            {
                ErrorRate = 1, ErrorStatus = 503, Path = "/trade-aggregator/v1/last-sales",
            }, Ct);
            // The listing watch is off: whatever is recorded stays, so only the pricing can have left the sold one out.
            await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-recheck",
                ("Scanner:ListingWatchInterval", "00:00:00"), ("Scanner:RecheckListingsSeenBefore", "00:00:02"));
            await WaitUntilAsync(async () => (await redis.StringGetAsync($"{prefix}fresh:newest:rust")).HasValue);
            var soldId = await PlantAsync("rust", sold.Title, sold.FairPriceCents * 6 / 10);
            var keptId = await PlantAsync("rust", kept.Title, kept.FairPriceCents * 6 / 10);
            planted.AddRange([soldId, keptId]);
            await WaitUntilAsync(async () => await redis.HashExistsAsync($"{prefix}pending:rust", soldId) && await redis.HashExistsAsync($"{prefix}pending:rust", keptId));

            // Another trader buys one while both wait; their sales come once the page that showed them is older than the
            // recheck and the grace a book needs to show a listing.
            (await simulator.Control.DeleteAsync($"/_sim/offers/{soldId}", Ct)).EnsureSuccessStatusCode();
            await Task.Delay(TimeSpan.FromSeconds(3.5), Ct);
            await simulator.Control.DeleteAsync("/_sim/faults", Ct);

            var found = await WaitForOpportunityAsync(database, keptId);
            await WaitUntilAsync(async () => !await redis.HashExistsAsync($"{prefix}pending:rust", soldId));
            await using var db = SchemaTests.NewContext(database);
            TestContext.Current.TestOutputHelper?.WriteLine($"{kept.Title} recorded at a resale of {found.ResaleCents}c; {sold.Title}, sold while waiting, priced and left out.");
            Assert.False(await db.Opportunities.AnyAsync(o => o.OfferId == soldId, Ct), "the listing sold while it waited for its sales was recorded");
            Assert.False(await db.Scans.AnyAsync(Ct), "a sweep ran");
        }
        finally
        {
            await simulator.Control.DeleteAsync("/_sim/faults", Ct);
            await RemoveOffersAsync(planted);
        }
    }

    [Fact]
    public async Task TheFreshPassKeepsItsLeaseThroughLooksLongerThanTheLease()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);
        using var meters = new ScannerMeterRecorder();
        try
        {
            // Every page of newest listings answered 2.5 s late: each game's look outlasts the 2 s lease.
            await simulator.Control.PostAsJsonAsync("/_sim/faults", new DMarketAspire.DMarketSimulator.Faults.FaultSettings
            {
                LatencyMs = 2500, Path = "/marketplace-api/v2/offers",
            }, Ct);
            await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-slow-looks",
                ("Scanner:FreshLeaseDuration", "00:00:02"), ("Scanner:ListingWatchInterval", "00:00:00"));
            await WaitUntilAsync(() => Task.FromResult(meters.Count("scanner.fresh.round.duration") >= 2));

            // Taken once: a lease lost between looks is taken again as a new leader's, whose first look pages back.
            Assert.Equal(1, meters.Count("scanner.fresh.leads"));
            Assert.Equal("replica-slow-looks", await new DMarketAspire.Coordination.RedisLeases(sweeper, prefix).HolderAsync(FreshListingsWorker.LeaseName));
        }
        finally
        {
            await simulator.Control.DeleteAsync("/_sim/faults", Ct);
        }
    }

    /// <summary>An earlier run stored what these titles sold for: about their fair price, ten sales over two days.</summary>
    /// <summary>
    /// Rust titles between $5 and $500 whose buy orders are all under 60% of their worth and that are not blacklisted: a
    /// listing at 60% of the worth is an opportunity only its title's sales can tell.
    /// </summary>
    private async Task<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>> TitlesOnlyTheirSalesJudgeAsync()
    {
        var catalogue = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>("/_sim/catalogue/rust", Ct);
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions()));
        return catalogue!.Where(c => c.FairPriceCents is >= 500 and < 50_000 && (c.BestBuyOrderCents ?? 0) < c.FairPriceCents * 6 / 10
            && !engine.Describe(c.Title, default, default).Blacklisted).ToList();
    }

    private static async Task StoreEarlierSalesAsync(string database, IEnumerable<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry> titles)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = SchemaTests.NewContext(database);
        foreach (var title in titles)
        {
            var item = new Item { GameId = "rust", Title = title.Title, FirstSeenAt = now.AddDays(-1), UpdatedAt = now.AddHours(-1) };
            db.Items.Add(item);
            await db.SaveChangesAsync(Ct);
            db.Sales.AddRange(Enumerable.Range(1, 10).Select(i => new Sale { ItemId = item.Id, PriceCents = title.FairPriceCents + (i % 3) - 1, SoldAt = now.AddHours(-i * 5), OperationType = "Offer" }));
        }

        await db.SaveChangesAsync(Ct);
    }

    /// <summary>
    /// Plants a listing of each title in turn until the fresh pass, not a sweep, records one within seconds: a sweep paging
    /// that very price range at that moment may get there first, which is a race and not a failure.
    /// </summary>
    /// <summary>About 40% under the fair price (what the title's sales say).</summary>
    private static long UnderWorth(DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry title) => title.FairPriceCents * 6 / 10;

    /// <summary>Once every Rust level is swept: Rust titles with no buy order at or above <see cref="UnderWorth"/>.</summary>
    private async Task<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>> UnderWorthTitlesOnceRustIsSweptAsync(string database, int skip, int count = Attempts)
    {
        var levels = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions())).Levels.Count;
        await WaitUntilAsync(async () =>
        {
            await using var db = SchemaTests.NewContext(database);
            return await db.Scans.Where(s => s.GameId == "rust" && s.Status == "Completed").Select(s => s.Level).Distinct().CountAsync(Ct) == levels;
        });

        var catalogue = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>("/_sim/catalogue/rust", Ct);
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions()));
        return [.. catalogue!.Where(c => c.FairPriceCents >= 500 && (c.BestBuyOrderCents ?? 0) < UnderWorth(c) && !engine.Describe(c.Title, default, default).Blacklisted)
            .Skip(skip).Take(count)];
    }

    private async Task<(Opportunity Found, DateTimeOffset PlantedAt, long PriceCents)> PlantUntilTheFreshPassRecordsAsync(string database,
        IReadOnlyList<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry> titles, Func<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry, long> price)
    {
        for (var attempt = 0; ; attempt++)
        {
            var title = titles[attempt];
            var (found, plantedAt, planted) = await PlantAndWaitAsync(database, title, price(title));
            var after = found.FirstSeenAt - plantedAt;
            TestContext.Current.TestOutputHelper?.WriteLine($"Planted {title.Title} at {planted}c (fair {title.FairPriceCents}c, best bid {title.BestBuyOrderCents}c): an opportunity {after.TotalSeconds:0.0} s later, " +
                $"recorded by {(found.LastScanId == 0 ? "the fresh pass" : $"sweep {found.LastScanId}")}, resale {found.ResaleCents}c.");
            Assert.True(after < TimeSpan.FromSeconds(10), $"found {after} after listing");
            if (found.LastScanId != 0 && attempt < titles.Count - 1)
            {
                continue;
            }

            // A sweep's row would carry its scan's id.
            Assert.Equal(0, found.LastScanId);
            return (found, plantedAt, planted);
        }
    }

    /// <summary>Holds every sweep's lease as another replica would, so the scanner under test runs only its fresh pass.</summary>
    [Fact]
    public async Task AFreshPassThatTakesOverPagesBackToTheListingsItsPredecessorNeverSaw()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        var eligible = await PricedRustTitlesAsync();
        var title = eligible.Where(c => c.BestBuyOrderCents >= 400).Skip(Attempts + 2).First();
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);
        var watermark = $"{prefix}fresh:newest:rust";

        // A first run leads the fresh pass and leaves where it got to.
        await using (var before = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-before",
            ("Scanner:ListingWatchInterval", "00:00:00")))
        {
            await WaitUntilAsync(async () => (await sweeper.GetDatabase().StringGetAsync(watermark)).HasValue);
        }

        // While no one leads it: a listing under the title's best bid, then more listings than a page holds (DMarket
        // dates them to the second, hence the pauses), so that the newest page no longer shows it.
        List<string> planted = [];
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1.1), Ct);
            var tempting = await BuryUnderNewerListingsAsync(title, eligible.Where(c => c.Title != title.Title).ToList(), planted);

            var started = DateTimeOffset.UtcNow;
            await using var after = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-after",
                ("Scanner:ListingWatchInterval", "00:00:00"));
            var found = await WaitForOpportunityAsync(database, tempting);

            TestContext.Current.TestOutputHelper?.WriteLine($"{title.Title}, listed under its bid behind {planted.Count - 1} newer listings: recorded {(found.FirstSeenAt - started).TotalSeconds:0.0} s after the start.");
            Assert.True(found.FirstSeenAt - started < TimeSpan.FromSeconds(20), $"recorded {found.FirstSeenAt - started} after the start");
            await using var check = SchemaTests.NewContext(database);
            Assert.False(await check.Scans.AnyAsync(Ct), "a sweep ran: the fresh pass was not what found it");
        }
        finally
        {
            await RemoveOffersAsync(planted);
        }
    }

    [Fact]
    public async Task AColdStartsFirstLookReadsOnlyTheNewestPageAndLeavesTheMarketAsItWasToTheSweeps()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        var eligible = await PricedRustTitlesAsync();
        var underBid = eligible.Where(c => c.BestBuyOrderCents >= 400).Skip(Attempts + 8).Take(2).ToList();
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);
        var watermark = $"{prefix}fresh:newest:rust";

        // Before any run: a listing under its title's bid, then more listings than a page holds, so that it is on the
        // second page of the newest. No leader ever recorded where it got to.
        List<string> planted = [];
        try
        {
            var buried = await BuryUnderNewerListingsAsync(underBid[0], eligible.Where(c => !underBid.Contains(c)).ToList(), planted);

            Assert.False((await sweeper.GetDatabase().StringGetAsync(watermark)).HasValue, "a watermark was left from before");
            await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-cold",
                ("Scanner:ListingWatchInterval", "00:00:00"), ("Scanner:FreshLookupsPerMinute", "0"), ("Scanner:FreshDiscountPagesPerMinute", "0"));
            // The watermark is written once Rust's first look has priced what it read.
            await WaitUntilAsync(async () => (await sweeper.GetDatabase().StringGetAsync(watermark)).HasValue);
            var fresh = await PlantAsync("rust", underBid[1].Title, underBid[1].BestBuyOrderCents!.Value * 6 / 10);
            planted.Add(fresh);
            var found = await WaitForOpportunityAsync(database, fresh);

            // A first look with nothing to resume from reads the newest page only (the market as it was is the sweeps'), so
            // the listings after start-up are looked at within seconds instead of after every game's history and its books.
            await using var check = SchemaTests.NewContext(database);
            Assert.False(await check.Opportunities.AnyAsync(o => o.OfferId == buried, Ct), "the first look paged back past the newest page");
            Assert.False(await check.Scans.AnyAsync(Ct), "a sweep ran");
            Assert.Equal(0, found.LastScanId);
        }
        finally
        {
            await RemoveOffersAsync(planted);
        }
    }

    [Fact]
    public async Task ALookWithMoreUnknownTitlesThanItsBooksAllowPricesTheRestAtTheNextLookTheirBooksFirst()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        var eligible = await PricedRustTitlesAsync();
        // Two titles no look has read the book of, the dearer listing first.
        var underBid = eligible.Where(c => c.BestBuyOrderCents >= 400).Skip(Attempts + 6).Take(2).OrderByDescending(c => c.BestBuyOrderCents).ToList();
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);
        var watermark = $"{prefix}fresh:newest:rust";
        List<string> planted = [];
        try
        {
            // The newest page at start-up is other titles' (the first look reads their books only).
            await PlantAboveWorthAsync([.. eligible.Where(c => !underBid.Contains(c))], 100, planted);
            await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-books",
                ("Scanner:FreshBookTitlesPerLook", "1"), ("Scanner:ListingWatchInterval", "00:00:00"), ("Scanner:FreshLookupsPerMinute", "0"),
                ("Scanner:FreshDiscountPagesPerMinute", "0"));
            await WaitUntilAsync(async () => (await sweeper.GetDatabase().StringGetAsync(watermark)).HasValue);

            var dearer = await PlantAsync("rust", underBid[0].Title, underBid[0].BestBuyOrderCents!.Value * 6 / 10);
            var cheaper = await PlantAsync("rust", underBid[1].Title, underBid[1].BestBuyOrderCents!.Value * 6 / 10);
            planted.AddRange([dearer, cheaper]);
            var first = await WaitForOpportunityAsync(database, dearer);
            var second = await WaitForOpportunityAsync(database, cheaper);

            // One book a look: the dearer title's at the look that met both, the other's at the next, before any new title's.
            Assert.True(first.FirstSeenAt < second.FirstSeenAt, $"both recorded at {first.FirstSeenAt:O}: one look read both books");
            Assert.True(second.FirstSeenAt - first.FirstSeenAt < TimeSpan.FromSeconds(5), $"the cheaper waited {second.FirstSeenAt - first.FirstSeenAt} after the dearer, more than a look or two");
        }
        finally
        {
            await RemoveOffersAsync(planted);
        }
    }

    /// <summary>Rust titles the engine prices at $5–$500 (not blacklisted).</summary>
    private async Task<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>> PricedRustTitlesAsync()
    {
        var catalogue = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>("/_sim/catalogue/rust", Ct);
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions()));
        return catalogue!.Where(c => c.FairPriceCents is >= 500 and < 50_000 && !engine.Describe(c.Title, default, default).Blacklisted).ToList();
    }

    /// <summary>
    /// Lists <paramref name="title"/> under its best bid, then more listings of <paramref name="others"/> than a page holds
    /// (DMarket dates them to the second, hence the pause), so that the newest page no longer shows it; returns its offer.
    /// </summary>
    private async Task<string> BuryUnderNewerListingsAsync(DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry title,
        IReadOnlyList<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry> others, List<string> planted)
    {
        var buried = await PlantAsync("rust", title.Title, title.BestBuyOrderCents!.Value * 6 / 10);
        planted.Add(buried);
        await Task.Delay(TimeSpan.FromSeconds(1.1), Ct);
        await PlantAboveWorthAsync(others, 150, planted);
        return buried;
    }

    /// <summary>Lists <paramref name="count"/> listings of <paramref name="titles"/> in turn, each well above its title's worth.</summary>
    private async Task PlantAboveWorthAsync(IReadOnlyList<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry> titles, int count, List<string> planted)
    {
        for (var i = 0; i < count; i++)
        {
            var filler = titles[i % titles.Count];
            planted.Add(await PlantAsync("rust", filler.Title, filler.FairPriceCents * 3 / 2));
        }
    }

    /// <summary>
    /// Lists a Rust listing under its title's bid (the <paramref name="skip"/>-th such title, so tests keep apart), waits
    /// for the fresh pass to record it, buys it as another trader the moment it is found, and waits until it is Gone.
    /// </summary>
    private async Task<(Opportunity Found, DateTimeOffset BoughtAt, Opportunity Gone)> FoundThenBoughtAsync(string database, int skip)
    {
        var catalogue = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>("/_sim/catalogue/rust", Ct);
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions()));
        var title = catalogue!.Where(c => c.BestBuyOrderCents >= 200 && !engine.Describe(c.Title, default, default).Blacklisted).Skip(skip).First();

        var (found, _, _) = await PlantAndWaitAsync(database, title);
        var boughtAt = DateTimeOffset.UtcNow;
        Opportunity? gone = null;
        await WaitUntilAsync(async () =>
        {
            gone = await OpportunityAsync(database, found.OfferId);
            return gone.Status == OpportunityStatus.Gone;
        });

        return (found, boughtAt, gone!);
    }

    /// <summary>Takes planted offers off the market (the simulator is shared by the class's tests).</summary>
    private async Task RemoveOffersAsync(IEnumerable<string> offerIds)
    {
        foreach (var offerId in offerIds)
        {
            await simulator.Control.DeleteAsync($"/_sim/offers/{offerId}", Ct);
        }
    }

    /// <summary>Lists an offer at the simulator, past the title's buy orders (none takes it at once).</summary>
    private async Task<string> PlantAsync(string gameId, string title, long priceCents, DMarketAspire.DMarket.Client.Models.ItemAttributes? attributes = null)
    {
        var planted = await simulator.Control.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest(gameId, title, priceCents, BypassBuyOrders: true, Attributes: attributes), Ct);
        planted.EnsureSuccessStatusCode();
        return (await planted.Content.ReadFromJsonAsync<DMarketSimulator.Apis.SimulatorControlApi.PlantedOffer>(Ct))!.OfferId!;
    }

    /// <summary>Waits (up to <see cref="RoundTimeout"/>) until the offer is recorded as an opportunity.</summary>
    private static async Task<Opportunity> WaitForOpportunityAsync(string database, string offerId)
    {
        Opportunity? found = null;
        await WaitUntilAsync(async () =>
        {
            await using var db = SchemaTests.NewContext(database);
            found = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.OfferId == offerId, Ct);
            return found is not null;
        });

        return found!;
    }

    private async Task<StackExchange.Redis.ConnectionMultiplexer> HoldSweepLeasesAsync(string prefix, IEnumerable<ScanLevel> levels)
    {
        var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(infrastructure.Redis.ConnectionString);
        var sweeper = new DMarketAspire.Coordination.RedisLeases(redis, prefix, "replica-sweeping");
        foreach (var unit in Games.SelectMany(g => levels.Select(l => $"{g}:{l.Name}")))
        {
            Assert.True(await sweeper.TryAcquireAsync(unit, TimeSpan.FromMinutes(5)));
        }

        return redis;
    }

    [Fact]
    public async Task AnUnderpricedListingOfATitleNothingIsKnownOfIsLookedUpAndRecordedByTheFreshPassWithinSeconds() =>
        // The most discounted page off: the lookup alone tells the title's worth.
        await PlantOnATitleNothingIsKnownOfAsync("replica-lookup", told: "scanner.fresh.lookups", notTold: "scanner.fresh.discount_pages",
            ("Scanner:FreshDiscountPageSize", "0"));

    [Fact]
    public async Task AnUnderpricedListingOfATitleNothingIsKnownOfIsFoundOnTheMostDiscountedPageWithoutALookup() =>
        // Lookups off: only the page read as the title came can tell its suggested price.
        await PlantOnATitleNothingIsKnownOfAsync("replica-discount", told: "scanner.fresh.discount_pages", notTold: "scanner.fresh.lookups",
            ("Scanner:FreshLookupsPerMinute", "0"), ("Scanner:FreshPagesLane", PagesLane));

    /// <summary>
    /// Plants a listing at 60% of the worth of a title the fresh pass meets knowing nothing of it (no sweep runs; every
    /// other listing of the title asks above the only level), and asserts it is recorded within seconds, told by the
    /// counter <paramref name="told"/> counts and not by the one <paramref name="notTold"/> counts.
    /// </summary>
    private async Task PlantOnATitleNothingIsKnownOfAsync(string replica, string told, string notTold, params (string Key, string Value)[] settings)
    {
        using var meters = new ScannerMeterRecorder();
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        // Another replica holds every sweep's lease, so no sweep tells this one what a title is asked or suggested at.
        using var sweeper = await HoldSweepLeasesAsync(prefix, [BlindLevel]);
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, replica,
            [.. BlindLevelSettings, .. settings]);
        // With no sweep and no lookup, every market search is a most discounted page.
        using var searches = new LaneRequestCounter(scanner.Services, "market/items");

        var (game, title) = (await TitlesNothingIsKnownOfAsync())[0];
        var (found, plantedAt, price) = await PlantAndWaitAsync(database, title, title.FairPriceCents * 6 / 10, game);
        var after = found.FirstSeenAt - plantedAt;
        TestContext.Current.TestOutputHelper?.WriteLine($"Planted {title.Title} at {price}c (fair {title.FairPriceCents}c, best bid {title.BestBuyOrderCents}c, cheapest other listing {title.CheapestOfferCents}c): recorded {after.TotalSeconds:0.0} s later, resale {found.ResaleCents}c.");
        Assert.True(after < TimeSpan.FromSeconds(10), $"found {after} after listing");
        Assert.True(found.ResaleCents > price, $"resale {found.ResaleCents}c is not above the price {price}c");
        await using var check = SchemaTests.NewContext(database);
        Assert.False(await check.Scans.AnyAsync(Ct), "a sweep ran: it, not the fresh pass, could have told the title's worth");
        Assert.True(meters.Count(told) > 0, $"{told} counted nothing");
        Assert.Equal(0, meters.Count(notTold));
        if (settings.Any(s => s.Key == "Scanner:FreshPagesLane"))
        {
            // In a lane of their own: behind the sweeps' requests a game's page came every 7 s at market scale.
            Assert.True(searches.In(PagesLane) > 0, "no most discounted page was read in the pages' lane");
            Assert.Equal(0, searches.OutsideOf(PagesLane));
        }
    }

    /// <summary>
    /// One level, up to $30: a title whose listings all ask more is one the fresh pass (which looks only within the
    /// levels) never meets, as a title asked above $1,000 is on the real market.
    /// </summary>
    private static readonly ScanLevel BlindLevel = new("low", 50, 3_000, 5m);

    private static readonly (string Key, string Value)[] BlindLevelSettings =
        [("Scanner:ListingWatchInterval", "00:00:00"), ("Pricing:Levels:0:Name", BlindLevel.Name), ("Pricing:Levels:0:MinPriceCents", $"{BlindLevel.MinPriceCents}"),
        ("Pricing:Levels:0:MaxPriceCents", $"{BlindLevel.MaxPriceCents}"), ("Pricing:Levels:0:MinProfitPercent", "5")];

    /// <summary>
    /// Titles listed only above <see cref="BlindLevel"/>, with no sales stored and no buy order near 60% of their worth,
    /// 60% of which is within the level: planted there, a listing of one is of a title nothing is known of.
    /// </summary>
    private async Task<List<(string Game, DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry Entry)>> TitlesNothingIsKnownOfAsync()
    {
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions { Levels = [BlindLevel] }));
        List<(string Game, DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry Entry)> candidates = [];
        foreach (var g in Games)
        {
            var entries = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>($"/_sim/catalogue/{g}", Ct);
            candidates.AddRange(entries!.Where(c => c.CheapestOfferCents >= BlindLevel.MaxPriceCents && BlindLevel.Contains(c.FairPriceCents * 6 / 10)
                && (c.BestBuyOrderCents ?? 0) < c.FairPriceCents * 6 / 10 && !engine.Describe(c.Title, default, default).Blacklisted).Select(c => (g, c)));
        }

        Assert.True(candidates.Count > 0, "the simulator's market has no title listed only above the level");
        return candidates;
    }

    [Fact]
    public async Task TheCostliestTitleNothingIsKnownOfIsLookedUpAtOnceWhileCheaperOnesHaveSpentTheLookups()
    {
        using var meters = new ScannerMeterRecorder();
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        using var sweeper = await HoldSweepLeasesAsync(prefix, [BlindLevel]);
        var dearest = (await TitlesNothingIsKnownOfAsync()).MaxBy(c => c.Entry.FairPriceCents);
        var dearestPrice = dearest.Entry.FairPriceCents * 6 / 10;
        // Listed at the level's floor under every other listing of their titles, two more titles nothing is known of.
        var cheapPrice = BlindLevel.MinPriceCents;
        List<(string Game, string Title)> cheaper = [];
        foreach (var g in Games)
        {
            var entries = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>($"/_sim/catalogue/{g}", Ct);
            cheaper.AddRange(entries!.Where(c => c.CheapestOfferCents >= BlindLevel.MaxPriceCents && (c.BestBuyOrderCents ?? 0) < cheapPrice && c.Title != dearest.Entry.Title)
                .Select(c => (g, c.Title)));
        }

        Assert.True(cheaper.Count >= 2, "the simulator's market has too few titles listed only above the level");

        // Lookups only (no most discounted page tells a title), two a minute: two at once, then one every 30 s. One is
        // kept for listings from the dearest's price. With no pages to fill it, the pages' lane is the lookups' from the start.
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-reserve",
            [.. BlindLevelSettings, ("Scanner:FreshDiscountPageSize", "0"), ("Scanner:FreshLookupsPerMinute", "2"), ("Scanner:FreshLookupReserve", "1"),
            ("Scanner:FreshLookupReservedFromCents", $"{dearestPrice}"), ("Scanner:FreshPagesLane", PagesLane)]);
        // With no sweep and no page, every market search is a lookup.
        using var searches = new LaneRequestCounter(scanner.Services, "market/items");

        List<string> planted = [];
        try
        {
            // The first cheaper title spends a lookup; the second finds only the kept one and waits for the next permit.
            planted.Add(await PlantAsync(cheaper[0].Game, cheaper[0].Title, cheapPrice));
            await WaitUntilAsync(() => Task.FromResult(meters.Count("scanner.fresh.lookups") == 1));
            planted.Add(await PlantAsync(cheaper[1].Game, cheaper[1].Title, cheapPrice));
            // Spent as they came, the second would take the last permit now and the dearest wait 30 s for the next.
            await Task.Delay(TimeSpan.FromSeconds(4), Ct);

            var (found, plantedAt, price) = await PlantAndWaitAsync(database, dearest.Entry, dearestPrice, dearest.Game);
            var after = found.FirstSeenAt - plantedAt;
            TestContext.Current.TestOutputHelper?.WriteLine($"Planted {dearest.Entry.Title} at {price}c: recorded {after.TotalSeconds:0.0} s later, {meters.Count("scanner.fresh.lookups")} lookups.");
            Assert.True(after < TimeSpan.FromSeconds(10), $"found {after} after listing");
            Assert.Equal(2, meters.Count("scanner.fresh.lookups"));
            Assert.Equal(0, searches.OutsideOf(PagesLane));
            Assert.Equal(2, searches.In(PagesLane));
        }
        finally
        {
            foreach (var offerId in planted)
            {
                await simulator.Control.DeleteAsync($"/_sim/offers/{offerId}", Ct);
            }
        }
    }

    [Fact]
    public async Task AListingBoughtBySomeoneElseTurnsGoneWithinSecondsWithoutASweep()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";

        // Another replica holds every sweep's lease: a sweep paging that price range after the purchase would also tell it
        // is gone (seen in CI), and this is about the listing watch alone.
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-watch",
            ("DMarket:RateLimits:MarketItemsPerSecond", "3"), ("Scanner:FreshShare", "0.34"), ("Scanner:ListingWatchInterval", "00:00:01"));
        var (found, boughtAt, gone) = await FoundThenBoughtAsync(database, Attempts);

        var after = gone.GoneAt!.Value - boughtAt;
        TestContext.Current.TestOutputHelper?.WriteLine($"Gone {after.TotalSeconds:0.0} s after the purchase ({gone.GoneReason}); first seen {(gone.GoneAt.Value - found.FirstSeenAt).TotalSeconds:0.0} s before.");
        Assert.Equal(ListingWatch.ListingGone, gone.GoneReason);
        Assert.True(after < TimeSpan.FromSeconds(10), $"gone {after} after the purchase");
        await using var db = SchemaTests.NewContext(database);
        Assert.True(await db.OpportunityEvents.AnyAsync(e => e.OpportunityId == gone.Id && e.Kind == OpportunityEventKind.Gone, Ct), "no Gone event in the outbox");
        Assert.False(await db.Scans.AnyAsync(Ct), "a sweep ran: it, not the watch, could have told");
    }

    [Fact]
    public async Task TheListingWatchOfAReplicaKilledHoldingItResumesElsewhereWithinItsShortLease()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);

        // A replica killed while it led the watch: nobody renews or releases its lease, which lapses after the duration it
        // last renewed it for, a Scanner's default.
        var lease = new ScannerOptions().ListingWatchLeaseDuration;
        var killed = new DMarketAspire.Coordination.RedisLeases(sweeper, prefix, "replica-killed");
        Assert.True(await killed.TryAcquireAsync(ListingWatchWorker.LeaseName, lease));
        var lapsesAt = DateTimeOffset.UtcNow + lease;

        // The sweeps' lease as a Scanner has it by default (test hosts shorten it): the watch must not keep one that long.
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-successor",
            ("DMarket:RateLimits:MarketItemsPerSecond", "3"), ("Scanner:FreshShare", "0.34"), ("Scanner:ListingWatchInterval", "00:00:01"),
            ("Scanner:LeaseDuration", new ScannerOptions().LeaseDuration.ToString()));
        var (_, boughtAt, gone) = await FoundThenBoughtAsync(database, Attempts + 6);

        // Not before the dead replica's lease lapsed (nor the purchase), then within a few of the watch's rounds.
        var judgedFrom = boughtAt > lapsesAt ? boughtAt : lapsesAt;
        var after = gone.GoneAt!.Value - judgedFrom;
        TestContext.Current.TestOutputHelper?.WriteLine($"Gone {after.TotalSeconds:0.0} s after the dead replica's {lease.TotalSeconds:0} s lease lapsed or the purchase, whichever was later ({gone.GoneReason}).");
        Assert.Equal(ListingWatch.ListingGone, gone.GoneReason);
        Assert.True(after < TimeSpan.FromSeconds(10), $"gone {after} after the lease lapsed or the purchase");

        // And the lease its successor keeps is as short: were it killed now, the watch would pause no longer than that.
        Assert.Equal("replica-successor", await killed.HolderAsync(ListingWatchWorker.LeaseName));
        var left = await sweeper.GetDatabase().KeyTimeToLiveAsync($"{prefix}lease:{ListingWatchWorker.LeaseName}");
        Assert.True(left is { } l && l <= lease, $"the watch's lease has {left} left; at most {lease} expected");
    }

    [Fact]
    public async Task AnOpportunityAboveItsTitlesCheapestListingTurnsGoneWithinSecondsOnceBought()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";

        // No sweeps (another replica holds their leases): in CI one paged the price range just after the purchase and told
        // it first (OfferGone); this is about the listing watch alone.
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-watch-above",
            ("DMarket:RateLimits:MarketItemsPerSecond", "3"), ("Scanner:FreshShare", "0.34"), ("Scanner:ListingWatchInterval", "00:00:01"));
        var catalogue = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>("/_sim/catalogue/rust", Ct);
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions()));
        var title = catalogue!.Where(c => c.BestBuyOrderCents >= 400 && !engine.Describe(c.Title, default, default).Blacklisted).Skip(Attempts + 1).First();

        // Two opportunities of one title: the title's book shows only the cheaper, so it cannot tell when the dearer sells.
        var cheaper = await PlantAsync(title, title.BestBuyOrderCents!.Value * 5 / 10);
        var dearer = await PlantAsync(title, title.BestBuyOrderCents!.Value * 6 / 10);
        try
        {
            await WaitUntilAsync(async () =>
            {
                await using var db = SchemaTests.NewContext(database);
                return await db.Opportunities.CountAsync(o => (o.OfferId == cheaper || o.OfferId == dearer) && o.Status == OpportunityStatus.Active, Ct) == 2;
            });

            // Past the watch's grace, so that both are judged, then another trader buys the dearer.
            await Task.Delay(TimeSpan.FromSeconds(4), Ct);
            (await simulator.Control.DeleteAsync($"/_sim/offers/{dearer}", Ct)).EnsureSuccessStatusCode();
            await AssertTheWatchRetiresOnlyTheDearerAsync(database, cheaper, dearer, DateTimeOffset.UtcNow, "the purchase", TimeSpan.FromSeconds(10));
        }
        finally
        {
            await RemoveOffersAsync([cheaper, dearer]);
        }

        Task<string> PlantAsync(DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry entry, long price) => this.PlantAsync("rust", entry.Title, price);
    }

    [Fact]
    public async Task AnOpportunityAboveItsTitlesCheapestListingSoldWhileNoOneWatchedTurnsGoneAtTheNextWatchersFirstRounds()
    {
        var database = await MigratedDatabaseAsync();
        var prefix = $"test:{Guid.NewGuid():N}:";
        using var sweeper = await HoldSweepLeasesAsync(prefix, PricingOptions.DefaultLevels);
        (string, string)[] settings = [("DMarket:RateLimits:MarketItemsPerSecond", "3"), ("Scanner:FreshShare", "0.34"), ("Scanner:ListingWatchInterval", "00:00:01")];
        var catalogue = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>("/_sim/catalogue/rust", Ct);
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions()));
        var title = catalogue!.Where(c => c.BestBuyOrderCents >= 400 && !engine.Describe(c.Title, default, default).Blacklisted).Skip(Attempts + 2).First();
        var cheaper = await PlantAsync("rust", title.Title, title.BestBuyOrderCents!.Value * 5 / 10);
        var dearer = await PlantAsync("rust", title.Title, title.BestBuyOrderCents!.Value * 6 / 10);
        try
        {
            // The first replica finds both and watches the title's listing count, then stops (a restart, a deploy).
            await using (var first = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-watch-first", settings))
            {
                await WaitUntilAsync(async () =>
                {
                    await using var db = SchemaTests.NewContext(database);
                    return await db.Opportunities.CountAsync(o => (o.OfferId == cheaper || o.OfferId == dearer) && o.Status == OpportunityStatus.Active, Ct) == 2
                        && await sweeper.GetDatabase().HashExistsAsync($"{prefix}listing-counts:rust", title.Title);
                });
            }

            // While no one watches, another trader buys the dearer: the title's book still shows the cheaper.
            (await simulator.Control.DeleteAsync($"/_sim/offers/{dearer}", Ct)).EnsureSuccessStatusCode();
            var startedAt = DateTimeOffset.UtcNow;
            await using var second = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, prefix, "replica-watch-second", settings);
            await AssertTheWatchRetiresOnlyTheDearerAsync(database, cheaper, dearer, startedAt, "the second replica started", TimeSpan.FromSeconds(20));
        }
        finally
        {
            await RemoveOffersAsync([cheaper, dearer]);
        }
    }

    /// <summary>The dearer of two opportunities of a title turns Gone by the listing watch within <paramref name="within"/> of <paramref name="from"/>; the cheaper stays, and no sweep ran.</summary>
    private static async Task AssertTheWatchRetiresOnlyTheDearerAsync(string database, string cheaper, string dearer, DateTimeOffset from, string since, TimeSpan within)
    {
        Opportunity? gone = null;
        await WaitUntilAsync(async () =>
        {
            gone = await OpportunityAsync(database, dearer);
            return gone.Status == OpportunityStatus.Gone;
        });

        var after = gone!.GoneAt!.Value - from;
        TestContext.Current.TestOutputHelper?.WriteLine($"Gone {after.TotalSeconds:0.0} s after {since} ({gone.GoneReason}).");
        Assert.Equal(ListingWatch.ListingGone, gone.GoneReason);
        Assert.True(after < within, $"gone {after} after {since}");
        Assert.Equal(OpportunityStatus.Active, (await OpportunityAsync(database, cheaper)).Status);
        await using var check = SchemaTests.NewContext(database);
        Assert.False(await check.Scans.AnyAsync(Ct), "a sweep ran: it, not the watch, could have told");
    }

    [Fact]
    public async Task EachGamesItemAttributesAreRecordedWithTheOpportunity()
    {
        var database = await MigratedDatabaseAsync();
        await using var scanner = await ScannerHost.StartAsync(database, infrastructure.Redis.ConnectionString, simulator.Address, $"test:{Guid.NewGuid():N}:", "replica-attributes",
            ("Scanner:Games:2", "9a92"), ("Scanner:Games:3", "tf2"));
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(new PricingOptions()));
        foreach (var (game, attributes) in new (string, Func<string, DMarketAspire.DMarket.Client.Models.ItemAttributes>)[]
        {
            ("a8db", title => new() { Exterior = title[(title.LastIndexOf('(') + 1)..^1], FloatValue = 0.4321, PaintSeed = 77, Phase = "Ruby", StatTrak = title.Contains("StatTrak™", StringComparison.Ordinal),
                Souvenir = title.StartsWith("Souvenir ", StringComparison.Ordinal), Category = "knife", Stickers = 4, TradeLockDays = 5 }),
            ("9a92", _ => new() { Hero = "Invoker", Quality = "Autographed", Rarity = "Arcana", TradeLockDays = 1 }),
            ("tf2", _ => new() { Quality = "Unusual", Killstreak = "Specialized Killstreak", Craftable = false }),
            ("rust", _ => new() { Category = "armor", TradeLockDays = 7 }),
        })
        {
            var catalogue = await simulator.Control.GetFromJsonAsync<List<DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry>>($"/_sim/catalogue/{game}", Ct);
            // A title whose best buy order pays for the listing after the fee, so it is an opportunity whatever its sales.
            var title = catalogue!.First(c => c.BestBuyOrderCents >= 200 && !engine.Describe(c.Title, default, default).Blacklisted
                && (game != "a8db" || c.Title.EndsWith(')')) && (game != "tf2" || !c.Title.Contains("Killstreak", StringComparison.Ordinal)));
            var planted = attributes(title.Title);
            var offerId = await PlantAsync(game, title.Title, title.BestBuyOrderCents!.Value * 6 / 10, planted);
            var found = await WaitForOpportunityAsync(database, offerId);

            var a = found.Attributes;
            Assert.Equal(
                (planted.Exterior, planted.FloatValue, planted.PaintSeed, planted.Phase, planted.StatTrak, planted.Souvenir, planted.Category, planted.Stickers),
                (a.Exterior, a.FloatValue, a.PaintSeed, a.Phase, a.StatTrak, a.Souvenir, a.Category, a.Stickers));
            Assert.Equal((planted.Hero, planted.Quality, planted.Rarity, planted.Killstreak, planted.Craftable, planted.TradeLockDays),
                (a.Hero, a.Quality, a.Rarity, a.Killstreak, a.Craftable, a.TradeLockDays));
            await simulator.Control.DeleteAsync($"/_sim/offers/{offerId}", Ct);
        }
    }

    /// <summary>Lists an offer under the title's best buy order after the fee (an instant resale, whatever the sales say) and waits for its opportunity.</summary>
    private Task<(Opportunity Found, DateTimeOffset PlantedAt, long PriceCents)> PlantAndWaitAsync(string database, DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry title) =>
        PlantAndWaitAsync(database, title, title.BestBuyOrderCents!.Value * 6 / 10);

    /// <summary>Lists an offer of the title at <paramref name="price"/> and waits for its opportunity.</summary>
    private async Task<(Opportunity Found, DateTimeOffset PlantedAt, long PriceCents)> PlantAndWaitAsync(string database, DMarketSimulator.Apis.SimulatorControlApi.CatalogEntry title, long price, string gameId = "rust")
    {
        var offerId = await PlantAsync(gameId, title.Title, price);
        var plantedAt = DateTimeOffset.UtcNow;
        try
        {
            Opportunity? found = null;
            while (found is null && DateTimeOffset.UtcNow - plantedAt < TimeSpan.FromSeconds(20))
            {
                await using var db = SchemaTests.NewContext(database);
                found = await db.Opportunities.SingleOrDefaultAsync(o => o.OfferId == offerId, Ct);
                await Task.Delay(found is null ? 100 : 0, Ct);
            }

            Assert.NotNull(found);
            return (found, plantedAt, price);
        }
        finally
        {
            await simulator.Control.DeleteAsync($"/_sim/offers/{offerId}", Ct);
        }
    }

    private async Task<string> MigratedDatabaseAsync()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("scanner");
        await using var db = SchemaTests.NewContext(database);
        await DMarketDbMigrator.MigrateAsync(db, Ct);
        return database;
    }

    /// <summary>The model's profitable offers that a correct scanner must find: within a level, above its minimum, not blacklisted.</summary>
    private static async Task<List<GroundTruthOffer>> GroundTruthAsync(ScannerSimulatorFixture market)
    {
        var options = new PricingOptions();
        var engine = new OpportunityEngine(Microsoft.Extensions.Options.Options.Create(options));
        List<GroundTruthOffer> truth = [];
        foreach (var game in Games)
        {
            var offers = await market.Control.GetFromJsonAsync<List<GroundTruthOffer>>($"/_sim/ground-truth?gameId={game}", Ct);
            truth.AddRange(offers!.Where(o => engine.LevelOf(o.PriceCents) is { } level && o.ProfitPercent >= level.MinProfitPercent
                && !engine.Describe(o.Title, default, default).Blacklisted));
        }

        return truth;
    }

    private static async Task<Dictionary<string, Opportunity>> ActiveOpportunitiesAsync(string database)
    {
        await using var db = SchemaTests.NewContext(database);
        return await db.Opportunities.Where(o => o.Status == OpportunityStatus.Active).ToDictionaryAsync(o => o.OfferId, Ct);
    }

    private static async Task<Opportunity> OpportunityAsync(string database, string offerId)
    {
        await using var db = SchemaTests.NewContext(database);
        return await db.Opportunities.SingleAsync(o => o.OfferId == offerId, Ct);
    }

    /// <summary>Waits until every unit has completed at least <paramref name="rounds"/> scans; says what the scans did if not.</summary>
    private static async Task WaitForRoundsAsync(string database, int rounds)
    {
        try
        {
            await WaitUntilAsync(async () =>
            {
                await using var db = SchemaTests.NewContext(database);
                var completed = await db.Scans.Where(s => s.Status == "Completed").GroupBy(s => new { s.GameId, s.Level }).Select(g => g.Count()).ToListAsync(Ct);
                return completed.Count == Units && completed.All(c => c >= rounds);
            });
        }
        catch (OperationCanceledException)
        {
            await using var db = SchemaTests.NewContext(database);
            var scans = await db.Scans.OrderBy(s => s.Id).Select(s => $"{s.GameId}:{s.Level} {s.Replica} {s.Status} {s.OffersPriced} priced {s.Error}").ToListAsync(CancellationToken.None);
            Assert.Fail($"Not every unit completed {rounds} scan(s) in {RoundTimeout}. Scans:{Environment.NewLine}{string.Join(Environment.NewLine, scans)}");
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(RoundTimeout);
        while (!await condition())
        {
            await Task.Delay(250, timeout.Token);
        }
    }
}
