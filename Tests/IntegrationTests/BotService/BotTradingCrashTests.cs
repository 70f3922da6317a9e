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
/// The BotService as a process, killed with SIGKILL after a confirmed buy left and before its answer came back (DMarket
/// answers slowly after taking it). The restarted bot settles the buy from the inventory: one buy at the simulator, one
/// position, the user told once, and nothing sent again.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class BotTradingCrashTests(InfrastructureFixture infrastructure, BotTradingCrashTests.Simulator telegram) : IClassFixture<BotTradingCrashTests.Simulator>
{
    private const long User = 7900;

    public sealed class Simulator : TelegramSimulatorFixture;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABotKilledBetweenSendingABuyAndRecordingItsAnswerSettlesItOnceAfterRestart()
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
        var prefix = $"test:buycrash:{Guid.NewGuid():N}:";
        var settings = BotHost.Settings(database, infrastructure.Redis.ConnectionString, telegram.Address, telegram.Token, prefix, "a")
            .Append(("DMarket:BaseUrl", dmarket.BaseAddress.ToString()))
            .Append(("Trading:AnswerDeadline", "00:00:04"))
            .Append(("Trading:ReconcileDelay", "00:00:01"))
            .ToList();
        var bot = BotProcess.Start(settings);
        try
        {
            await BotSeed.WaitForCheckpointAsync(database, TimeSpan.FromSeconds(60));
            var account = (await (await http.PostAsJsonAsync("/_sim/accounts", new DMarketControl.NewAccountRequest("trader", 40_00), Ct)).Content.ReadFromJsonAsync<DMarketControl.NewAccount>(Ct))!;
            await telegram.SendAsync(User, "/start");
            await telegram.WaitForBotMessageAsync(User, m => m.Text.StartsWith("Hi", StringComparison.Ordinal));
            await telegram.SendAsync(User, $"/keys {account.PublicKey} {account.SecretKey}");
            await telegram.WaitForBotMessageAsync(User, m => m.Text.Contains("Keys connected", StringComparison.Ordinal), what: "keys connected");

            var planted = (await (await http.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest("rust", "Crash Test Crate", 7_77, 20_00, BypassBuyOrders: true), Ct))
                .Content.ReadFromJsonAsync<DMarketControl.PlantedOffer>(Ct))!;
            await BotSeed.PlantAsync(database, null, new BotSeed.Planted("rust", "standard", "Crash Test Crate", 7_77, 40m, OfferId: planted.OfferId));
            await telegram.SendAsync(User, $"/buy {planted.OfferId}");
            var summary = await telegram.WaitForBotMessageAsync(User, m => m.Text.StartsWith("🛒 Buy Crash Test Crate", StringComparison.Ordinal), what: "summary");

            // DMarket takes the buy at once and answers 30 s later: the bot dies in between.
            (await http.PostAsJsonAsync("/_sim/faults", new { path = "/exchange/v1/offers-buy", answerDelayMs = 30_000 }, Ct)).EnsureSuccessStatusCode();
            await telegram.PressAsync(User, summary.MessageId, summary.Buttons.SelectMany(r => r).Single(b => b.Text == "✅ Buy for $7.77").CallbackData!);
            await WaitUntilAsync(async () => (await BuysAsync(http, account)).Count == 1, "the buy to take effect");
            bot.Dispose();
            (await http.DeleteAsync("/_sim/faults", Ct)).EnsureSuccessStatusCode();

            await using (var db = SchemaTests.NewContext(database))
            {
                Assert.Equal(BuyStatus.Sending, (await db.Buys.SingleAsync(b => b.UserId == User, Ct)).Status);
            }

            bot = BotProcess.Start(settings);
            await telegram.WaitForBotMessageAsync(User, m => m.Text.StartsWith("✅ The buy of Crash Test Crate for $7.77 went through", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "settled after the restart");

            // A press of the same confirmation after the restart sends nothing either.
            await telegram.PressAnyAsync(User, summary.MessageId, summary.Buttons.SelectMany(r => r).Single(b => b.Text == "✅ Buy for $7.77").CallbackData!);
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            Assert.Single(await BuysAsync(http, account));
            Assert.Single((await telegram.ChatAsync(User))!.Messages, m => m.Text.StartsWith("✅ The buy of", StringComparison.Ordinal));
            await using (var db = SchemaTests.NewContext(database))
            {
                var buy = await db.Buys.SingleAsync(b => b.UserId == User, Ct);
                Assert.Equal(BuyStatus.Bought, buy.Status);
                var position = await db.Positions.SingleAsync(p => p.UserId == User, Ct);
                Assert.Equal((7_77L, PositionCostSource.Bought, buy.Id), (position.CostCents!.Value, position.CostSource, position.BuyId!.Value));
            }
        }
        finally
        {
            await bot.StopAsync(TimeSpan.FromSeconds(10));
            bot.Dispose();
        }
    }

    private static async Task<IReadOnlyList<BuyRecord>> BuysAsync(HttpClient http, DMarketControl.NewAccount account) =>
        (await http.GetFromJsonAsync<List<BuyRecord>>($"/_sim/accounts/{account.PublicKey}/buys", Ct))!;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100, Ct);
        }
    }
}
