using System.Diagnostics;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DMarketAspire.Api.Model;
using DMarketAspire.DMarketSimulator.Market;
using static DMarketAspire.DMarketSimulator.Apis.SimulatorControlApi;
using DMarketAspire.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Playwright;

namespace DMarketAspire.Tests.AppHost;

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
    private static readonly string[] LongRunning = ["postgres", "dmarketdb", "cache", "dmarket-simulator", "scanner", "api"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheWholeAppRunsFindsAPlantedOfferRecoversAKilledReplicaAndLeavesNoProcessBehind()
    {
        Chromium.AssertInstalled();
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DMarketAspire_AppHost>(["--Scanner:Replicas=2"], Ct);
        var app = await appHost.BuildAsync(Ct);
        var processes = new List<int>();
        try
        {
            // Everything healthy; the migration step ran to completion first.
            var started = Stopwatch.StartNew();
            await app.StartAsync(Ct);
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct))
            {
                timeout.CancelAfter(StartTimeout);
                try
                {
                    await Task.WhenAll(LongRunning.Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r, timeout.Token)));
                }
                catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
                {
                    Assert.Fail($"Not all healthy within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{Describe(app)}");
                }
            }

            Log($"All resources healthy after {started.Elapsed.TotalSeconds:F1} s.");
            Assert.Equal(KnownResourceStates.Finished, app.ResourceNotifications.GetCurrent("migrations").Single().Snapshot.State);
            Assert.Equal(["scanner-0", "scanner-1"], app.ResourceNotifications.GetCurrent("scanner").Select(e => e.ResourceId));
            processes.AddRange(app.ResourceNotifications.GetCurrent("postgres").Concat(app.ResourceNotifications.GetCurrent("cache"))
                .Concat(app.ResourceNotifications.GetCurrent("dmarket-simulator")).Concat(app.ResourceNotifications.GetCurrent("scanner"))
                .Concat(app.ResourceNotifications.GetCurrent("api")).Select(e => e.Snapshot.ProcessId!.Value));

            // Each service got Aspire's environment.
            var scannerEnvironment = ProcFs.EnvironmentOf(app.ResourceNotifications.GetCurrent("scanner-1").Single().Snapshot.ProcessId!.Value);
            Assert.Equal(await app.GetConnectionStringAsync("dmarketdb", Ct), scannerEnvironment["ConnectionStrings__dmarketdb"]);
            Assert.Equal(await app.GetConnectionStringAsync("cache", Ct), scannerEnvironment["ConnectionStrings__cache"]);
            Assert.Equal(app.GetEndpoint("dmarket-simulator").ToString().TrimEnd('/'), scannerEnvironment["DMarket__BaseUrl"]);
            Assert.Equal("scanner", scannerEnvironment["OTEL_SERVICE_NAME"]);
            Assert.Equal("service.instance.id=scanner-1", scannerEnvironment["OTEL_RESOURCE_ATTRIBUTES"]);
            Assert.StartsWith("http://localhost:", scannerEnvironment["ASPNETCORE_URLS"]);
            Assert.Contains("Database=dmarketdb", scannerEnvironment["ConnectionStrings__dmarketdb"]);

            using var api = app.CreateHttpClient("api");
            using var simulator = app.CreateHttpClient("dmarket-simulator");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync();
            await page.GotoAsync(app.GetEndpoint("api").ToString());
            await page.WaitForSelectorAsync(".live.on");

            // From here on the simulator counts what two replicas in their stride send. (The start-up minute, when eight
            // processes and Chromium JIT at once on two cores, can hold a granted request back past the limiter's margin;
            // the client then meets a 429 and waits it out. See the README's Scanner section.)
            (await simulator.PostAsync("/_sim/stats/reset", null, Ct)).EnsureSuccessStatusCode();
            var measuring = Stopwatch.StartNew();

            // A profitable offer listed on the simulator: the scanner finds it, the Api serves it, the open page shows it.
            var planted = await PlantProfitableOfferAsync(simulator, (await app.GetConnectionStringAsync("dmarketdb", Ct))!);
            var found = await WaitForOpportunityAsync(api, planted);
            Log($"Planted {planted.Title} at {planted.PriceCents} cents; the Api served it {found.Elapsed.TotalSeconds:F1} s later (profit {found.Opportunity.ProfitCents} cents).");
            await page.Locator($"#opportunities tbody tr[data-id='{found.Opportunity.Id}']").WaitForAsync(new() { Timeout = 15_000 });

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

            // A killed replica is Exited (no automatic restart, as in Aspire); the restart command brings it back.
            var victim = app.ResourceNotifications.GetCurrent("scanner-1").Single().Snapshot.ProcessId!.Value;
            Process.GetProcessById(victim).Kill();
            var exited = await app.ResourceNotifications.WaitForResourceAsync("scanner-1", KnownResourceStates.Exited, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            Assert.NotEqual(0, exited.Snapshot.ExitCode);
            Assert.Equal(KnownResourceStates.Running, app.ResourceNotifications.GetCurrent("scanner-0").Single().Snapshot.State);
            var restart = await app.ResourceCommands.ExecuteCommandAsync("scanner-1", KnownResourceCommands.RestartCommand, Ct);
            Assert.True(restart.Success, restart.ErrorMessage);
            var back = await app.ResourceNotifications.WaitForResourceAsync("scanner-1",
                e => e.Snapshot.State == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy, Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);
            Assert.NotEqual(victim, back.Snapshot.ProcessId);
            processes.Add(back.Snapshot.ProcessId!.Value);
            processes.AddRange(ProcFs.GroupMembers(processes));
        }
        finally
        {
            await app.DisposeAsync();
        }

        // Stopping the AppHost leaves nothing behind: no service, no postmaster or backend, no redis-server.
        Assert.NotEmpty(processes);
        var survivors = processes.Distinct().Where(ProcFs.IsAlive).ToList();
        Assert.True(survivors.Count == 0, $"Still running after the AppHost stopped: {string.Join(", ", survivors.Select(ProcFs.CommandLine))}");
    }

    private static async Task<PlantedOffer> PlantProfitableOfferAsync(HttpClient simulator, string database)
    {
        // A title in the standard level's band whose sales the scanner already holds (the engine prices resale from
        // sales), listed at 60% of what it trades at; past the buy orders, which would otherwise take it at once.
        var catalogue = (await simulator.GetFromJsonAsync<List<CatalogEntry>>($"/_sim/catalogue/{Cs2}", Ct))!
            .Where(c => c.FairPriceCents is >= 500 and <= 900).ToDictionary(c => c.Title, c => c.FairPriceCents);
        var stopwatch = Stopwatch.StartNew();
        (string Title, long PriceCents)? choice = null;
        while (choice is null && stopwatch.Elapsed < FindTimeout)
        {
            await using var db = SchemaTests.NewContext(database);
            var candidates = await db.Items.Where(i => i.GameId == Cs2 && db.Sales.Count(s => s.ItemId == i.Id) >= MinimumSales).Select(i => i.Title).ToListAsync(Ct);
            choice = candidates.Where(catalogue.ContainsKey).Order(StringComparer.Ordinal)
                .Select(t => (t, catalogue[t] * 6 / 10)).Cast<(string, long)?>().FirstOrDefault();
            if (choice is null)
            {
                await Task.Delay(500, Ct);
            }
        }

        Assert.True(choice is not null, $"The scanner held no sales of a CS2 title between $5 and $9 within {FindTimeout.TotalSeconds} s.");
        var (title, priceCents) = choice.Value;
        var response = await simulator.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest(Cs2, title, priceCents, BypassBuyOrders: true), Ct);
        var planted = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PlantedOffer>(Ct))!;
        Assert.NotNull(planted.OfferId);
        return planted;
    }

    private static async Task<(OpportunityDto Opportunity, TimeSpan Elapsed)> WaitForOpportunityAsync(HttpClient api, PlantedOffer planted)
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

        Assert.Fail($"The Api did not serve an opportunity for {planted.Title} at {planted.PriceCents} cents within {FindTimeout.TotalSeconds} s.");
        return default;
    }

    private static string Describe(DistributedApplication app) => string.Join(Environment.NewLine,
        app.Model.Resources.SelectMany(r => app.ResourceNotifications.GetCurrent(r.Name)).Select(e =>
            $"{e.ResourceId}: {e.Snapshot.State} {e.Snapshot.HealthStatus} {e.Snapshot.Message} {string.Join("; ", e.Snapshot.HealthReports.Select(h => h.Description))}{Environment.NewLine}  "
            + string.Join($"{Environment.NewLine}  ", app.ResourceLogs.GetLines(e.ResourceId).TakeLast(8).Select(l => l.Content))));

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

}
