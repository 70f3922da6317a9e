using System.Net.Http.Json;
using DMarketAspire.Data.Domain;
using DMarketAspire.DMarketSimulator.Extensions;
using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.IntegrationTests.TelegramSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using DMarketControl = DMarketAspire.DMarketSimulator.Apis.SimulatorControlApi;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// The live autopilot's limits across a SIGKILL: a $50 day and 3 open positions, the BotService killed while a buy it sent
/// has taken effect at DMarket but not yet answered, listings arriving while it is down. After the restart the buy in
/// doubt is reconciled, and the limits hold: the simulator never sees more than $50 spent or more than 3 items bought.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class AutopilotCrashTests(InfrastructureFixture infrastructure, AutopilotCrashTests.Simulator telegram) : IClassFixture<AutopilotCrashTests.Simulator>
{
    private const long User = 7950;
    private const string BuyPath = "/exchange/v1/offers-buy";

    public sealed class Simulator : TelegramSimulatorFixture;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDailySpendAndOpenPositionsHoldAcrossASigkillMidDay()
    {
        await using var dmarket = await TestWebServer.StartAsync(
            app => app.MapDMarketSimulator(),
            builder =>
            {
                builder.Configuration["Simulator:OffersPerGame"] = "100";
                builder.Configuration["Simulator:Dynamics"] = "false";
                builder.AddServiceDefaults();
                builder.AddDMarketSimulator();
            });
        using var http = dmarket.CreateClient();
        var database = await BotSeed.DatabaseAsync(infrastructure);
        var settings = BotHost.Settings(database, infrastructure.Redis.ConnectionString, telegram.Address, telegram.Token, $"test:apcrash:{Guid.NewGuid():N}:", "a")
            .Append(("DMarket:BaseUrl", dmarket.BaseAddress.ToString()))
            // Long enough that the buy in doubt is still Sending when the restarted autopilot acts on the next listings.
            .Append(("Trading:AnswerDeadline", "00:00:15"))
            .Append(("Trading:ReconcileDelay", "00:00:01"))
            .Append(("Autopilot:PollInterval", "00:00:00.200"))
            .ToList();
        var bot = BotProcess.Start(settings);
        try
        {
            await BotSeed.WaitForCheckpointAsync(database, TimeSpan.FromSeconds(60));
            var account = (await (await http.PostAsJsonAsync("/_sim/accounts", new DMarketControl.NewAccountRequest("trader", 500_00), Ct)).Content.ReadFromJsonAsync<DMarketControl.NewAccount>(Ct))!;
            await telegram.SendAsync(User, "/start");
            await telegram.WaitForBotMessageAsync(User, m => m.Text.StartsWith("Hi", StringComparison.Ordinal));
            await telegram.SendAsync(User, $"/keys {account.PublicKey} {account.SecretKey}");
            await telegram.WaitForBotMessageAsync(User, m => m.Text.Contains("Keys connected", StringComparison.Ordinal), what: "keys connected");
            foreach (var command in new[] { "/autopilot set daily 50", "/autopilot set positions 3", "/autopilot set after hold", "/autopilot set share 100", "/autopilot on" })
            {
                var before = LastMessageId(await telegram.ChatAsync(User));
                await telegram.SendAsync(User, command);
                await telegram.WaitForBotMessageAsync(User, m => m.MessageId > before && m.Text.StartsWith("🤖 Autopilot:", StringComparison.Ordinal), what: command);
            }

            await telegram.SendAsync(User, "/autopilot live");
            var ask = await telegram.WaitForBotMessageAsync(User, m => m.Text.StartsWith("💵 Switch to live?", StringComparison.Ordinal), what: "live?");
            await telegram.PressAsync(User, ask.MessageId, ask.Buttons.SelectMany(r => r).Single(b => b.Text == "✅ Yes, go live").CallbackData!);
            await telegram.WaitForBotMessageAsync(User, m => m.MessageId == ask.MessageId && m.Text.Contains("live: buys with your money", StringComparison.Ordinal), what: "live");

            // DMarket takes each buy at once and answers 20 s later: the bot dies with the first one in doubt.
            (await http.PostAsJsonAsync("/_sim/faults", new { path = BuyPath, answerDelayMs = 20_000 }, Ct)).EnsureSuccessStatusCode();
            await PlantAsync(http, database, "Autopilot Crash Crate 1");
            await PlantAsync(http, database, "Autopilot Crash Crate 2");
            await WaitUntilAsync(async () => (await BuysAsync(http, account)).Count >= 1, "the first buy to take effect");
            bot.Dispose();
            (await http.DeleteAsync("/_sim/faults", Ct)).EnsureSuccessStatusCode();

            // Listings keep coming while it is down, and after.
            for (var i = 3; i <= 5; i++)
            {
                await PlantAsync(http, database, $"Autopilot Crash Crate {i}");
            }

            bot = BotProcess.Start(settings);
            for (var i = 6; i <= 8; i++)
            {
                await PlantAsync(http, database, $"Autopilot Crash Crate {i}");
            }

            await WaitUntilAsync(
                async () =>
                {
                    await using var db = SchemaTests.NewContext(database);
                    return await db.AutopilotDecisions.CountAsync(d => d.UserId == User, Ct) == 8
                        && !await db.AutopilotDecisions.AnyAsync(d => d.UserId == User && (d.Outcome == AutopilotOutcome.Pending || d.Outcome == AutopilotOutcome.Sent), Ct);
                },
                "every decision settled",
                TimeSpan.FromSeconds(90));

            var buys = await BuysAsync(http, account);
            Assert.Equal(3, buys.Count);
            Assert.True(buys.Sum(b => b.PriceCents) <= 50_00, $"spent {buys.Sum(b => b.PriceCents)}");
            await using (var db = SchemaTests.NewContext(database))
            {
                var decisions = await db.AutopilotDecisions.AsNoTracking().Where(d => d.UserId == User).ToListAsync(Ct);
                Assert.Equal(3, decisions.Count(d => d.Outcome == AutopilotOutcome.Bought));
                Assert.All(decisions.Where(d => d.Outcome == AutopilotOutcome.Skipped), d => Assert.Contains(d.Reason, new[] { "open_positions", "daily_spend", "stale" }));
                Assert.Equal(3, await db.Buys.CountAsync(b => b.UserId == User && b.Status == BuyStatus.Bought, Ct));
                Assert.Equal(3, await db.Positions.CountAsync(p => p.UserId == User, Ct));
            }
        }
        finally
        {
            await bot.StopAsync(TimeSpan.FromSeconds(10));
            bot.Dispose();
        }
    }

    private static async Task PlantAsync(HttpClient http, string database, string title)
    {
        var planted = (await (await http.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest("rust", title, 15_00, 30_00, BypassBuyOrders: true), Ct))
            .Content.ReadFromJsonAsync<DMarketControl.PlantedOffer>(Ct))!;
        await BotSeed.PlantAsync(database, null, new BotSeed.Planted("rust", "standard", title, 15_00, 40m, OfferId: planted.OfferId));
    }

    private static int LastMessageId(DMarketAspire.TelegramSimulator.Control.ChatView? chat) => chat?.Messages.Select(m => m.MessageId).DefaultIfEmpty(0).Max() ?? 0;

    private static async Task<IReadOnlyList<BuyRecord>> BuysAsync(HttpClient http, DMarketControl.NewAccount account) =>
        (await http.GetFromJsonAsync<List<BuyRecord>>($"/_sim/accounts/{account.PublicKey}/buys", Ct))!;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(200, Ct);
        }
    }
}
