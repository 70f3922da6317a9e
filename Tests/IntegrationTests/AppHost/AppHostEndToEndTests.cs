using System.Diagnostics;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DMarketAspire.Api.Model;
using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.Data.Domain;
using static DMarketAspire.DMarketSimulator.Apis.SimulatorControlApi;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.IntegrationTests.TelegramSimulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Playwright;

namespace DMarketAspire.IntegrationTests.AppHost;

/// <summary>
/// The whole AppHost through the testing builder, as Aspire.Hosting.Testing runs it: PostgreSQL, Redis, the migration
/// step, the DMarket simulator, two Scanner replicas and the Api as real processes on random ports.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class AppHostEndToEndTests
{
    private const string Cs2 = "a8db";
    private const int MinimumSales = 5;
    private static readonly TimeSpan MeasureAtLeast = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan FindTimeout = TimeSpan.FromSeconds(90);
    // Measured 3–14 s (the Api's the slowest: `dotnet run`, start-up, then the AppHost's health check); 15 s was missed
    // once in a clean-clone run with the whole suite on two cores. The issue's bar is "back within 60 s".
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] LongRunning = ["postgres", "dmarketdb", "cache", "dmarket-simulator", "telegram-simulator", "scanner", "botservice", "api"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A backstop: a start-up that never settles (a port DCP handed out taken by another process, a resource failing over
    // and over) must fail the test, not hold the suite until CI's limit. It takes two to four minutes when it passes.
    [Fact(Timeout = 12 * 60 * 1000)]
    public async Task TheWholeAppRunsFindsAPlantedOfferRestartsKilledServicesAndLeavesNoProcessBehind()
    {
        Chromium.AssertInstalled();
        var data = AppHostData.CreateFolder();
        var processes = new List<int>();
        try
        {
            await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DMarketAspire_AppHost>(
                ["--Scanner:Replicas=2", $"--AppHost:DataDirectory={data}"], Ct);
            // Digests every minute and no per-item cooldown, so the bot's stage sees a digest and the planted offer.
            appHost.CreateResourceBuilder<ProjectResource>("botservice")
                .WithEnvironment("Notifications__DigestIntervals__0", "1")
                .WithEnvironment("Notifications__ItemCooldown", "00:00:00")
                .WithEnvironment("Trading__SaleWatchInterval", "00:00:02");
            // Simulated buyers take a listing at what the next buyer pays within 5 s, so the trading loop closes quickly.
            appHost.CreateResourceBuilder<ProjectResource>("dmarket-simulator").WithEnvironment("Simulator__BuyerDelay", "00:00:05");
            // Each fresh look is logged, so a planted offer the Api never served can be traced in the failure message.
            appHost.CreateResourceBuilder<ProjectResource>("scanner").WithEnvironment("Logging__LogLevel__DMarketAspire.Scanner.Scanning.FreshListingsScanner", "Debug");
            await using var app = await appHost.BuildAsync(Ct);
            await using var states = new ResourceStates(app);

            // Everything healthy; the migration step ran to completion first.
            var started = Stopwatch.StartNew();
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct))
            {
                // Starting is bounded too: the start timeout covers both.
                timeout.CancelAfter(StartTimeout);
                try
                {
                    await app.StartAsync(timeout.Token);
                    await Task.WhenAll(LongRunning.Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r, timeout.Token)));
                }
                catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
                {
                    Assert.Fail($"Not all healthy within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{Describe(app, states)}");
                }
            }

            Log($"All resources healthy after {started.Elapsed.TotalSeconds:F1} s.");
            Assert.Equal(KnownResourceStates.Finished, states.Instances("migrations").Single().Snapshot.State?.Text);
            Assert.Equal(0, states.Instances("migrations").Single().Snapshot.ExitCode);
            Assert.IsType<LocalPostgresServerResource>(app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "postgres"));
            var replicas = states.Instances("scanner");
            Assert.Equal(2, replicas.Count);
            foreach (var resource in new[] { "postgres", "cache", "dmarket-simulator", "telegram-simulator", "scanner", "botservice", "api" })
            {
                processes.AddRange(states.Instances(resource).Select(e => ResourceStates.ProcessId(e)!.Value));
            }

            processes.AddRange(processes.SelectMany(ProcFs.Descendants).ToList());

            // Each service got Aspire's environment (the service runs below `dotnet run`).
            var scannerProcess = ServiceProcess(replicas[1]);
            var scannerEnvironment = ProcFs.EnvironmentOf(scannerProcess);
            Assert.Equal(await app.GetConnectionStringAsync("dmarketdb", Ct), scannerEnvironment["ConnectionStrings__dmarketdb"]);
            Assert.Equal(await app.GetConnectionStringAsync("cache", Ct), scannerEnvironment["ConnectionStrings__cache"]);
            Assert.Equal(app.GetEndpoint("dmarket-simulator", "http").ToString().TrimEnd('/'), scannerEnvironment["DMarket__BaseUrl"]);
            Assert.Equal("scanner", scannerEnvironment["OTEL_SERVICE_NAME"]);
            Assert.StartsWith("service.instance.id=", scannerEnvironment["OTEL_RESOURCE_ATTRIBUTES"]);
            Assert.NotEqual(scannerEnvironment["OTEL_RESOURCE_ATTRIBUTES"], ProcFs.EnvironmentOf(ServiceProcess(replicas[0]))["OTEL_RESOURCE_ATTRIBUTES"]);
            Assert.Matches(@"^http://(localhost|127\.0\.0\.1):\d+$", scannerEnvironment["ASPNETCORE_URLS"]);
            Assert.Contains("Database=dmarketdb", scannerEnvironment["ConnectionStrings__dmarketdb"]);
            Assert.Equal(scannerEnvironment["DMARKETDB_PORT"], new Npgsql.NpgsqlConnectionStringBuilder(scannerEnvironment["ConnectionStrings__dmarketdb"]).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

            using var api = app.CreateHttpClient("api");
            using var simulator = app.CreateHttpClient("dmarket-simulator");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync();
            await page.GotoAsync(app.GetEndpoint("api", "http").ToString());
            await page.WaitForSelectorAsync(".live.on");

            // From here on the simulator counts what two replicas in their stride send. (The start-up minute, when eight
            // processes and Chromium JIT at once on two cores, can hold a granted request back past the limiter's margin;
            // the client then meets a 429 and waits it out. See the README's Scanner section.)
            (await simulator.PostAsync("/_sim/stats/reset", null, Ct)).EnsureSuccessStatusCode();
            var measuring = Stopwatch.StartNew();

            // Telegram users of the bot, through the Telegram simulator: a newcomer, one who keeps to Rust by the settings'
            // buttons, one in quiet hours, one on a digest. /scan pages with its buttons.
            using var telegramHttp = app.CreateHttpClient("telegram-simulator");
            var telegram = TelegramSimulatorFixture.Over(telegramHttp);
            await PrepareBotUsersAsync(telegram);

            // A profitable offer listed on the simulator: the scanner finds it, the Api serves it, the open page shows it.
            var database = (await app.GetConnectionStringAsync("dmarketdb", Ct))!;
            Func<PlantedOffer, Task<string>> explain = offer => ExplainMissingAsync(app, states, simulator, database, offer);
            var planted = await PlantProfitableOfferAsync(simulator, database);
            var found = await WaitForOpportunityAsync(api, planted, explain);
            Log($"Planted {planted.Title} at {planted.PriceCents} cents; the Api served it {found.Elapsed.TotalSeconds:F1} s later (profit {found.Opportunity.ProfitCents} cents).");
            await page.Locator($"#opportunities tbody tr[data-id='{found.Opportunity.Id}']").WaitForAsync(new() { Timeout = 15_000 });

            // ...and the bot tells exactly the users whose filters match: at once, silently in quiet hours, not the Rust-only one.
            var toldAt = await WaitForNotifiedAsync(database, planted.OfferId!, [Newcomer, Sleeper], TimeSpan.FromSeconds(30));
            Log($"The bot told users {Newcomer} and {Sleeper} about it {found.Elapsed.TotalSeconds + toldAt.TotalSeconds:F1} s after planting.");
            await ScanPagesAsync(telegram);

            // Two replicas shared one budget: the simulator never counted more than the per-account limits.
            if (measuring.Elapsed < MeasureAtLeast)
            {
                await Task.Delay(MeasureAtLeast - measuring.Elapsed, Ct);
            }

            var stats = (await simulator.GetFromJsonAsync<SimulatorStats>("/_sim/stats", Ct))!;
            foreach (var group in stats.Groups.Where(g => g.Accepted > 0))
            {
                Log($"{group.Group}: {group.Accepted} accepted, {group.Rejected} rejected, at most {group.MaxAttemptedPerSecond}/s of {group.LimitPerSecond}/s.");
                Assert.Equal(0, group.Rejected);
                Assert.True(group.MaxAttemptedPerSecond <= group.LimitPerSecond, $"{group.Group}: {group.MaxAttemptedPerSecond} requests in one second; the limit is {group.LimitPerSecond}.");
            }

            await using (var db = SchemaTests.NewContext((await app.GetConnectionStringAsync("dmarketdb", Ct))!))
            {
                Assert.Equal(2, await db.Scans.Select(s => s.Replica).Distinct().CountAsync(Ct));
            }

            // Each service killed with SIGKILL is Running and Healthy again within 30 s on its own (the restart policy); the
            // other Scanner replica runs on meanwhile. The bot is killed after its digest went out (below): a send cut off
            // mid-way is never repeated (Unconfirmed), so a kill at that moment could cost the digest this test waits for.
            async Task KillAndWaitForRestartAsync(string victimId)
            {
                var resource = states.Instance(victimId).Resource.Name;
                var victim = ServiceProcess(states.Instance(victimId));
                var killedAt = Stopwatch.StartNew();
                Process.GetProcessById(victim).Kill();
                var back = await app.ResourceNotifications.WaitForResourceAsync(resource,
                    e => e.ResourceId == victimId && e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy
                        && ResourceStates.ProcessId(e) is { } pid && ServiceProcess(e) != victim && pid > 0, Ct)
                    .WaitAsync(RestartTimeout, Ct);
                Log($"{victimId} killed with SIGKILL: Running and Healthy again after {killedAt.Elapsed.TotalSeconds:F1} s, restart.count {back.Snapshot.Properties.FirstOrDefault(p => p.Name == "restart.count")?.Value}.");
                Assert.Equal(KnownResourceStates.Running, states.Instance(replicas[0].ResourceId).Snapshot.State?.Text);
                var restarted = ResourceStates.ProcessId(back)!.Value;
                processes.Add(restarted);
                processes.AddRange(ProcFs.Descendants(restarted));
            }

            await KillAndWaitForRestartAsync(replicas[1].ResourceId);
            await KillAndWaitForRestartAsync(states.Instances("api").Single().ResourceId);

            // The dashboard's "Back up now" on the database: a pg_dump in the data folder's backups.
            var dmarketdb = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "dmarketdb");
            var backup = await app.ResourceCommands.ExecuteCommandAsync(dmarketdb, PostgresBackupExtensions.CommandName, Ct);
            Assert.True(backup.Success, backup.Message);
            var dump = Assert.Single(Directory.GetFiles(Path.Combine(data, "backups"), "dmarketdb-*" + PostgresBackup.Extension));
            Log($"Back up now: {new FileInfo(dump).Length / 1024} KiB in {Path.GetFileName(dump)}.");

            // The digest user gets one summary with the planted offer at the next minute; the Rust-only user never got it.
            await WaitForNotifiedAsync(database, planted.OfferId!, [Newcomer, Sleeper, Digester], TimeSpan.FromSeconds(75));
            await using (var db = SchemaTests.NewContext(database))
            {
                var told = await db.Notifications.Where(n => db.Opportunities.Any(o => o.Id == n.OpportunityId && o.OfferId == planted.OfferId) && n.UserId >= Newcomer && n.UserId <= Digester)
                    .OrderBy(n => n.UserId).ToListAsync(Ct);
                Assert.Equal([Newcomer, Sleeper, Digester], told.Select(n => n.UserId));
                var shown = told.Select(n => telegram.SentAsync(n.UserId).Result.Single(m => m.MessageId == n.TelegramMessageId)).ToList();
                Assert.All(shown.Take(2), m => Assert.Contains(planted.Title, m.Text));
                Assert.Equal([false, true], shown.Take(2).Select(m => m.Silent));
                // The digest lists the best ten of the minute's finds and counts the rest; the planted one is among them either way.
                Assert.StartsWith("🗞 Digest:", shown[2].Text);
                Assert.True(shown[2].Text.Contains(planted.Title, StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(shown[2].Text, @"…and \d+ more\."), shown[2].Text);
            }

            // The bot killed too: the restarted one takes the lead and serves the trader's stage below.
            await KillAndWaitForRestartAsync(states.Instances("botservice").Single().ResourceId);

            // A trader's own account through the whole app: keys, balance, a buy order DMarket fills, a price alert the
            // Scanner's fresh pass trips, an item chart, an Api key.
            await TradeThroughTheBotAsync(simulator, api, telegram, database, explain);
            Assert.Empty(await telegram.ValidationRejectionsAsync());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        // Stopping the AppHost leaves nothing behind: no service, no postmaster or backend, no redis-server.
        Assert.NotEmpty(processes);
        var survivors = await AppHostData.SurvivorsAsync(processes, TimeSpan.FromSeconds(30));
        Assert.True(survivors.Count == 0, $"Still running after the AppHost stopped: {string.Join(", ", survivors.Select(ProcFs.CommandLine))}");
    }

    private const long Trader = 70_005;

    private static async Task TradeThroughTheBotAsync(HttpClient simulator, HttpClient api, TelegramSimulatorFixture telegram, string database, Func<PlantedOffer, Task<string>> explain)
    {
        var watch = Stopwatch.StartNew();
        var account = (await (await simulator.PostAsJsonAsync("/_sim/accounts", new NewAccountRequest("e2e-trader", 50_000), Ct)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<NewAccount>(Ct))!;
        await telegram.SendAsync(Trader, "/start", "en", "Trader");
        await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("Hi, Trader!", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        // Keys DMarket does not know are refused; the trader's are checked, kept, and the message with the secret is gone.
        var stranger = DMarketAspire.DMarket.Client.Signing.DMarketKeys.FromSeed(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await telegram.SendAsync(Trader, $"/keys {stranger.PublicKeyHex} {stranger.SecretKeyHex()}");
        await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("DMarket rejected these keys", StringComparison.Ordinal), what: "keys rejected");
        var keysMessage = await telegram.SendAsync(Trader, $"/keys {account.PublicKey} {account.SecretKey}");
        await telegram.WaitForBotMessageAsync(Trader, m => m.Text.Contains("Keys connected", StringComparison.Ordinal) && m.Text.Contains("$500.00", StringComparison.Ordinal), what: "keys connected");
        Assert.DoesNotContain((await telegram.ChatAsync(Trader))!.Messages, m => m.MessageId == keysMessage.MessageId || m.Text.Contains(account.SecretKey, StringComparison.Ordinal));
        await telegram.SendAsync(Trader, "/balance");
        await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("Balance", StringComparison.Ordinal) && m.Text.Contains("Available: $500.00", StringComparison.Ordinal), what: "balance");

        // A title of its own, listed at $20: the Scanner's fresh pass records it and its price. The moving market lists
        // copies of a planted title around its fair price, so that is set well above every price below: a copy at $17
        // once fired the alert below instead of the listing this test plants (a clean-clone run). Its random buyers are
        // kept off the listing: one bought it before the alert below was set, which then saw no price (a clean-clone run).
        const string title = "E2E Trader Crate";
        (await simulator.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest(DMarketAspire.DMarket.Client.DMarketGames.Rust, title, 2000, FairPriceCents: 6000, BypassBuyOrders: true,
            KeepListed: true), Ct)).EnsureSuccessStatusCode();
        var recorded = Stopwatch.StartNew();
        long itemId = 0;
        await EventuallyAsync(async () =>
        {
            await using var db = SchemaTests.NewContext(database);
            itemId = await db.Items.Where(i => i.Title == title).Select(i => i.Id).SingleOrDefaultAsync(Ct);
            return await db.ItemPrices.AnyAsync(p => p.ItemId == itemId && p.BestOfferCents == 2000, Ct);
        }, "the Scanner recorded the title's price", TimeSpan.FromSeconds(150));
        // Usually seconds; one clean-clone run in three took over 60 s (a new title without sales or bids: the Scanner's
        // freshness is issue 24's subject). Logged, so the figure is seen rather than hidden by the longer allowance.
        Log($"The Scanner recorded the new title's price {recorded.Elapsed.TotalSeconds:F1} s after it was listed.");

        // A buy order under the offer; a seller then lists at its price and DMarket fills it: the trader is told.
        await telegram.SendAsync(Trader, $"/target {title} 15 1");
        await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("🎯 Buy order placed", StringComparison.Ordinal) && m.Text.Contains("$15.00 × 1", StringComparison.Ordinal), what: "buy order placed");
        var seller = await (await simulator.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest(DMarketAspire.DMarket.Client.DMarketGames.Rust, title, 1500), Ct)).Content.ReadFromJsonAsync<PlantedOffer>(Ct);
        Assert.True(seller!.FilledABuyOrder);
        await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("✅ Buy order filled", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "buy order filled");

        // An alert under the offer; a cheaper listing appears and the fresh pass carries it to the bot.
        await telegram.SendAsync(Trader, "/alert trader crate below 18");
        await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("🔔 Alert set", StringComparison.Ordinal) && m.Text.Contains("It is $20.00 now.", StringComparison.Ordinal), what: "alert set");
        var cheaper = Stopwatch.StartNew();
        (await simulator.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest(DMarketAspire.DMarket.Client.DMarketGames.Rust, title, 1750, BypassBuyOrders: true, KeepListed: true), Ct)).EnsureSuccessStatusCode();
        var alert = await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("🔔 Price alert", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "alert fired");
        Assert.Contains("best offer $17.50, at or under your $18.00", alert.Text);
        Log($"The alert fired {cheaper.Elapsed.TotalSeconds:F1} s after the cheaper listing appeared.");

        await telegram.SendAsync(Trader, "/item trader crate");
        await telegram.WaitForBotMessageAsync(Trader, m => m.Photo && m.Text.Contains(title, StringComparison.Ordinal), what: "item chart");

        // An Api key shows the same account's data; revoked, it stops working.
        await telegram.SendAsync(Trader, "/apikey");
        var issued = await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("🔑 Your Api key", StringComparison.Ordinal), what: "api key");
        var key = System.Text.RegularExpressions.Regex.Match(issued.Text, "dma_[A-Za-z0-9_-]{43}").Value;
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/targets") { Headers = { { "X-Api-Key", key } } })
        {
            var targets = await (await api.SendAsync(request, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<List<DMarketAspire.Api.Me.MeTarget>>(Ct);
            Assert.Equal((title, 1500L, 1, "Filled"), (Assert.Single(targets!).Title, targets![0].PriceCents, targets[0].Filled, targets[0].Status));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/alerts") { Headers = { { "X-Api-Key", key } } })
        {
            var alerts = await (await api.SendAsync(request, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<List<DMarketAspire.Api.Me.MeAlert>>(Ct);
            Assert.Equal((title, 1, false), (Assert.Single(alerts!).Title, alerts![0].Crossings, alerts[0].Armed));
        }

        await BuyListSellAndCountAsync(simulator, api, telegram, database, account, key, explain);

        await telegram.SendAsync(Trader, "/apikey revoke");
        await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("Your Api key is revoked", StringComparison.Ordinal), what: "revoked");
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/alerts") { Headers = { { "X-Api-Key", key } } })
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.SendAsync(request, Ct)).StatusCode);
        }

        Log($"The trader's stage (keys, balance, a filled buy order, a fired alert, /item, an Api key) took {watch.Elapsed.TotalSeconds:F1} s.");
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < timeout, $"Not within {timeout.TotalSeconds} s: {what}.");
            await Task.Delay(250, Ct);
        }
    }

    /// <summary>Waits until each user's notification about the offer is recorded as sent; returns how long that took.</summary>
    private static async Task<TimeSpan> WaitForNotifiedAsync(string database, string offerId, long[] users, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        await using var db = SchemaTests.NewContext(database);
        while (await db.Notifications.CountAsync(n => users.Contains(n.UserId) && n.Status == NotificationStatus.Sent && db.Opportunities.Any(o => o.Id == n.OpportunityId && o.OfferId == offerId), Ct) < users.Length)
        {
            Assert.True(watch.Elapsed < timeout, $"Not every one of users {string.Join(", ", users)} was told about offer {offerId} within {timeout.TotalSeconds} s.");
            await Task.Delay(250, Ct);
        }

        return watch.Elapsed;
    }

    private static async Task BuyOutUndercuttingListingsAsync(HttpClient simulator, string title, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var listings = (await simulator.GetFromJsonAsync<List<TitleListing>>($"/_sim/listings/{Cs2}?title={Uri.EscapeDataString(title)}", cancellationToken))!;
                if (listings.FirstOrDefault(l => l.ByAccount) is { } own)
                {
                    foreach (var other in listings.Where(l => !l.ByAccount && l.PriceCents <= own.PriceCents))
                    {
                        await simulator.DeleteAsync($"/_sim/offers/{other.OfferId}", cancellationToken);
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The trader's listing sold, or the test ended.
        }
    }

    private const long Newcomer = 70_001;
    private const long RustOnly = 70_002;
    private const long Sleeper = 70_003;
    private const long Digester = 70_004;

    /// <summary>
    /// The trading loop: the trader is told of a profitable listing, buys it (one buy at the simulator), lists it at the
    /// proposed price, a simulated buyer takes it, the trader is told, and /pnl and the Api count the profit to the cent
    /// as the simulator's balance says (sale − the fee it kept − cost).
    /// </summary>
    private static async Task BuyListSellAndCountAsync(HttpClient simulator, HttpClient api, TelegramSimulatorFixture telegram, string database, NewAccount account, string key, Func<PlantedOffer, Task<string>> explain)
    {
        var watch = Stopwatch.StartNew();
        // A title none of whose other listings is under its worth: a cent under the best offer is then above break-even.
        var underpriced = (await simulator.GetFromJsonAsync<List<GroundTruthOffer>>($"/_sim/ground-truth?gameId={Cs2}", Ct))!.Select(o => o.Title).ToHashSet(StringComparer.Ordinal);
        var planted = await PlantProfitableOfferAsync(simulator, database, title => !underpriced.Contains(title) && !title.Contains("E2E", StringComparison.Ordinal));
        var served = await WaitForOpportunityAsync(api, planted, explain);
        Log($"Planted {planted.Title} at {planted.PriceCents} cents for the trader; the Api served it {served.Elapsed.TotalSeconds:F1} s later.");
        await WaitForNotifiedAsync(database, planted.OfferId!, [Trader], TimeSpan.FromSeconds(30));
        await using (var db = SchemaTests.NewContext(database))
        {
            var told = await db.Notifications.SingleAsync(n => n.UserId == Trader && db.Opportunities.Any(o => o.Id == n.OpportunityId && o.OfferId == planted.OfferId), Ct);
            var card = (await telegram.ChatAsync(Trader))!.Messages.Single(m => m.MessageId == told.TelegramMessageId);
            // A card of its own carries Buy now; one that arrived in a pile (a list) does not, and /buy with the offer id does the same.
            if (card.Buttons.SelectMany(r => r).FirstOrDefault(b => b.Text == "🛒 Buy now") is { } buyNow)
            {
                await telegram.PressAsync(Trader, card.MessageId, buyNow.CallbackData!);
            }
            else
            {
                await telegram.SendAsync(Trader, $"/buy {planted.OfferId}");
            }
        }

        var balanceBefore = (await simulator.GetFromJsonAsync<AccountState>($"/_sim/accounts/{account.PublicKey}", Ct))!.BalanceCents;
        var summary = await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("🛒 Buy " + planted.Title, StringComparison.Ordinal), what: "buy summary");
        var confirm = summary.Buttons.SelectMany(r => r).Single(b => b.Text.StartsWith("✅ Buy for", StringComparison.Ordinal)).CallbackData!;
        await telegram.PressAsync(Trader, summary.MessageId, confirm);
        await telegram.WaitForBotMessageAsync(Trader, m => m.MessageId == summary.MessageId && m.Text.StartsWith("✅ Bought", StringComparison.Ordinal), what: "bought");
        var buys = (await simulator.GetFromJsonAsync<List<BuyRecord>>($"/_sim/accounts/{account.PublicKey}/buys", Ct))!;
        var buy = Assert.Single(buys, b => b.OfferId == planted.OfferId);
        Assert.Equal(planted.PriceCents, buy.PriceCents);

        long positionId;
        await using (var db = SchemaTests.NewContext(database))
        {
            positionId = (await db.Positions.SingleAsync(p => p.UserId == Trader && p.AssetId == buy.AssetId, Ct)).Id;
        }

        await telegram.SendAsync(Trader, $"/sell {positionId}");
        var quote = await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("💲 " + planted.Title, StringComparison.Ordinal), what: "sale quote");
        var list = quote.Buttons.SelectMany(r => r).First(b => b.Text.StartsWith("🏷 List at", StringComparison.Ordinal));
        await telegram.PressAsync(Trader, quote.MessageId, list.CallbackData!);
        var listed = await telegram.WaitForBotMessageAsync(Trader, m => m.MessageId == quote.MessageId && m.Text.StartsWith("🏷 Listed", StringComparison.Ordinal), what: "listed");
        // The market moves: a new listing of the title at or under the trader's would take the buyers (they take the
        // cheapest), so another trader buys those out until the trader's sells (seen in CI: not sold within 60 s).
        using var buyingOut = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var buyOut = BuyOutUndercuttingListingsAsync(simulator, planted.Title, buyingOut.Token);
        var sold = await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("💰 Sold " + planted.Title, StringComparison.Ordinal), TimeSpan.FromSeconds(60), "sold");
        await buyingOut.CancelAsync();
        await buyOut;

        // The simulator's books: what it credited for the sale says the fee it kept.
        var balanceAfter = (await simulator.GetFromJsonAsync<AccountState>($"/_sim/accounts/{account.PublicKey}", Ct))!.BalanceCents;
        Trade trade;
        await using (var db = SchemaTests.NewContext(database))
        {
            trade = await db.Trades.SingleAsync(t => t.UserId == Trader, Ct);
        }

        Assert.Equal(balanceAfter - balanceBefore, trade.PriceCents - trade.FeeCents - buy.PriceCents);
        Assert.Equal(trade.PriceCents - trade.FeeCents - buy.PriceCents, trade.ProfitCents);
        Assert.Contains($" at ${DMarketAspire.DMarket.Client.Money.DollarString(trade.PriceCents)}", listed.Text);
        var profit = (trade.ProfitCents < 0 ? "−$" : "+$") + DMarketAspire.DMarket.Client.Money.DollarString(Math.Abs(trade.ProfitCents!.Value));
        Assert.Contains($"fee ${DMarketAspire.DMarket.Client.Money.DollarString(trade.FeeCents)}, cost ${DMarketAspire.DMarket.Client.Money.DollarString(buy.PriceCents)} → profit {profit}", sold.Text);

        await telegram.SendAsync(Trader, "/pnl");
        var pnl = await telegram.WaitForBotMessageAsync(Trader, m => m.Text.StartsWith("📈 Profit and loss", StringComparison.Ordinal), what: "pnl");
        Assert.Contains($"All: {profit} · 1 trades", pnl.Text);
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/trades") { Headers = { { "X-Api-Key", key } } })
        {
            var trades = await (await api.SendAsync(request, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<List<DMarketAspire.Api.Trading.MeTrade>>(Ct);
            Assert.Equal(trade.ProfitCents, Assert.Single(trades!).ProfitCents);
        }

        Log($"The trading loop (told, bought at {buy.PriceCents}, listed, sold at {trade.PriceCents}, fee {trade.FeeCents}, profit {trade.ProfitCents} cents) took {watch.Elapsed.TotalSeconds:F1} s.");
    }

    private static async Task PrepareBotUsersAsync(TelegramSimulatorFixture telegram)
    {
        foreach (var user in new[] { Newcomer, RustOnly, Sleeper, Digester })
        {
            await telegram.SendAsync(user, "/start", "en", $"User {user}");
            await telegram.WaitForBotMessageAsync(user, m => m.Text.StartsWith($"Hi, User {user}!", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            await telegram.SendAsync(user, "/settings cap 10000");
            await telegram.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Saved.", StringComparison.Ordinal));
        }

        var settings = await telegram.WaitForBotMessageAsync(RustOnly, m => m.Text.Contains("Daily cap: 10000"));
        await telegram.PressAsync(RustOnly, settings.MessageId, "st:g");
        await telegram.PressAsync(RustOnly, settings.MessageId, "st:g:rust");
        await telegram.PressAsync(RustOnly, settings.MessageId, "st:main");
        await telegram.WaitForBotMessageAsync(RustOnly, m => m.MessageId == settings.MessageId && m.Text.Contains("Games: Rust"));

        var hour = DateTime.UtcNow.Hour;
        await telegram.SendAsync(Sleeper, $"/settings quiet {hour}-{(hour + 2) % 24}");
        await telegram.WaitForBotMessageAsync(Sleeper, m => m.Text.Contains($"Quiet hours: {hour:00}:00"));
        await telegram.SendAsync(Digester, "/settings mode digest 1");
        await telegram.WaitForBotMessageAsync(Digester, m => m.Text.Contains("Notifications: digest every 1 min"));

    }

    /// <summary>/scan cs2 pages with its buttons (once the scanner has found more than a page of CS2 opportunities).</summary>
    private static async Task ScanPagesAsync(TelegramSimulatorFixture telegram)
    {
        var deadline = DateTime.UtcNow + FindTimeout;
        while (true)
        {
            var before = (await telegram.ChatAsync(Newcomer))!.Messages.Max(m => m.MessageId);
            await telegram.SendAsync(Newcomer, "/scan cs2");
            var scan = await telegram.WaitForBotMessageAsync(Newcomer, m => m.MessageId > before && m.Text.StartsWith("Opportunities: CS2", StringComparison.Ordinal));
            if (scan.Buttons.SelectMany(r => r).SingleOrDefault(b => b.Text == "Next »") is { } next)
            {
                await telegram.PressAsync(Newcomer, scan.MessageId, next.CallbackData!);
                await telegram.WaitForBotMessageAsync(Newcomer, m => m.MessageId == scan.MessageId && m.Buttons.SelectMany(r => r).Any(b => b.Text.StartsWith("2/", StringComparison.Ordinal)));
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/scan cs2 never had more than one page: {scan.Text}");
            await Task.Delay(3000, Ct);
        }
    }

    /// <summary>The service itself: DCP starts a project as <c>dotnet run</c>, which runs the built program as its child.</summary>
    private static int ServiceProcess(ResourceEvent e)
    {
        var launcher = ResourceStates.ProcessId(e)!.Value;
        return ProcFs.Descendants(launcher).LastOrDefault(p => ProcFs.CommandLine(p).Contains("DMarketAspire.", StringComparison.Ordinal)) is var child and > 0
            ? child
            : launcher;
    }

    private static async Task<PlantedOffer> PlantProfitableOfferAsync(HttpClient simulator, string database, Func<string, bool>? eligible = null, int pick = 0)
    {
        // A title in the standard level's band whose sales the scanner already holds (the engine prices resale from
        // sales), listed at 60% of what it trades at; past the buy orders, which would otherwise take it at once, and
        // the moving market's random buyers, who would otherwise take it before the Scanner saw it now and then.
        var catalogue = (await simulator.GetFromJsonAsync<List<CatalogEntry>>($"/_sim/catalogue/{Cs2}", Ct))!
            .Where(c => c.FairPriceCents is >= 500 and <= 900).ToDictionary(c => c.Title, c => c.FairPriceCents);
        var stopwatch = Stopwatch.StartNew();
        (string Title, long PriceCents)? choice = null;
        while (choice is null && stopwatch.Elapsed < FindTimeout)
        {
            await using var db = SchemaTests.NewContext(database);
            var candidates = await db.Items.Where(i => i.GameId == Cs2 && db.Sales.Count(s => s.ItemId == i.Id) >= MinimumSales).Select(i => i.Title).ToListAsync(Ct);
            choice = candidates.Where(catalogue.ContainsKey).Where(eligible ?? (_ => true)).Order(StringComparer.Ordinal).Skip(pick)
                .Select(t => (t, catalogue[t] * 6 / 10)).Cast<(string, long)?>().FirstOrDefault();
            if (choice is null)
            {
                await Task.Delay(500, Ct);
            }
        }

        Assert.True(choice is not null, $"The scanner held no sales of a CS2 title between $5 and $9 within {FindTimeout.TotalSeconds} s.");
        var (title, priceCents) = choice.Value;
        var response = await simulator.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest(Cs2, title, priceCents, BypassBuyOrders: true, KeepListed: true), Ct);
        var planted = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PlantedOffer>(Ct))!;
        Assert.NotNull(planted.OfferId);
        return planted;
    }

    private static async Task<(OpportunityDto Opportunity, TimeSpan Elapsed)> WaitForOpportunityAsync(HttpClient api, PlantedOffer planted, Func<PlantedOffer, Task<string>> explain)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < FindTimeout)
        {
            var page = await api.GetFromJsonAsync<OpportunityPage>($"/api/opportunities?game={Cs2}&sort=newest&limit=100", Ct);
            if (page!.Items.FirstOrDefault(o => o.OfferId == planted.OfferId) is { } found)
            {
                return (found, stopwatch.Elapsed);
            }

            await Task.Delay(500, Ct);
        }

        Assert.Fail($"The Api did not serve an opportunity for {planted.Title} at {planted.PriceCents} cents within {FindTimeout.TotalSeconds} s.{Environment.NewLine}{await explain(planted)}");
        return default;
    }

    /// <summary>What the database, the simulator and the Scanners' logs say of a planted offer the Api did not serve.</summary>
    private static async Task<string> ExplainMissingAsync(DistributedApplication app, ResourceStates states, HttpClient simulator, string database, PlantedOffer planted)
    {
        var lines = new List<string>();
        await using (var db = SchemaTests.NewContext(database))
        {
            var rows = await db.Opportunities.Where(o => o.OfferId == planted.OfferId).ToListAsync(Ct);
            lines.Add(rows.Count == 0 ? "No opportunity row for the offer." : string.Join("; ", rows.Select(o => $"Row: {o.Status}, first seen {o.FirstSeenAt:O}, gone {o.GoneAt:O} ({o.GoneReason}), profit {o.ProfitCents}")));
            var item = await db.Items.Where(i => i.GameId == Cs2 && i.Title == planted.Title).Select(i => new { i.Id, Sales = db.Sales.Count(s => s.ItemId == i.Id) }).FirstOrDefaultAsync(Ct);
            lines.Add($"Item {item?.Id}: {item?.Sales} sales recorded.");
        }

        var listings = await simulator.GetFromJsonAsync<List<TitleListing>>($"/_sim/listings/{Cs2}?title={Uri.EscapeDataString(planted.Title)}", Ct);
        lines.Add($"Simulator: {(listings!.Any(l => l.OfferId == planted.OfferId) ? "still listed" : "no longer listed")}; the title's cheapest: {string.Join(", ", listings!.Take(3).Select(l => l.PriceCents))}.");
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var replica in states.Instances("scanner"))
        {
            var tail = new List<string>();
            await foreach (var batch in logs.GetAllAsync(replica.ResourceId).WithCancellation(Ct))
            {
                tail.AddRange(batch.Where(l => l.Content.Contains(Cs2, StringComparison.Ordinal) || l.Content.Contains("warn", StringComparison.OrdinalIgnoreCase) || l.Content.Contains("fail", StringComparison.OrdinalIgnoreCase)).Select(l => l.Content));
            }

            lines.Add($"{replica.ResourceId}, its last lines on {Cs2} and its warnings:");
            lines.AddRange(tail.TakeLast(40));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Describe(DistributedApplication app, ResourceStates states) => string.Join(Environment.NewLine,
        states.All.OrderBy(e => e.ResourceId, StringComparer.Ordinal).Select(e =>
            $"{e.ResourceId}: {e.Snapshot.State?.Text} {e.Snapshot.HealthStatus} {e.Snapshot.ExitCode} {string.Join("; ", e.Snapshot.HealthReports.Select(h => $"{h.Name}={h.Status} {h.Description} {h.ExceptionText}"))}"));

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

}
