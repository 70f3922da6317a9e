using System.Net;
using System.Net.Http.Json;
using DMarketAspire.Data.Domain;
using DMarketAspire.Pricing;
using DMarketAspire.Scanner.Scanning;
using DMarketAspire.IntegrationTests.DMarket;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// Price alerts through the Telegram simulator: set by (part of) a title, fired from the Scanner's latest prices (written
/// here with the Scanner's own <see cref="MarketDataStore"/>) once per crossing through the notifications outbox, listed
/// and deleted; the same alerts through the Api; and an opportunity card's buy-order button against the DMarket simulator.
/// </summary>
public sealed class BotAlertTests(BotAccountTests.Fixture bot) : IClassFixture<BotAccountTests.Fixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAlertFiresOnceWhenThePriceCrossesAndAgainOnlyAfterItCrossesBack()
    {
        const long user = 7101;
        var item = await ItemAsync("a8db", "AK-47 | Alertline (Field-Tested)");
        await PriceAsync(item, 1300);
        await bot.SendAsync(user, "/alert alertline field below 12.50");
        var set = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🔔 Alert set", StringComparison.Ordinal), what: "alert set");
        Assert.Contains("AK-47 | Alertline (Field-Tested) (CS2), best offer at or under $12.50", set.Text);
        Assert.Contains("It is $13.00 now.", set.Text);

        // Crossing: one message, from the outbox, with the price that crossed.
        await PriceAsync(item, 1240);
        var fired = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🔔 Price alert", StringComparison.Ordinal), what: "alert fired");
        Assert.Contains("best offer $12.40, at or under your $12.50", fired.Text);
        Assert.Contains(fired.Buttons.SelectMany(r => r), b => b.Url?.Contains("title=AK-47", StringComparison.Ordinal) == true);
        Assert.Contains(fired.Buttons.SelectMany(r => r), b => b.CallbackData?.StartsWith("al:x:", StringComparison.Ordinal) == true);

        // Still under: judged, and quiet.
        await PriceAsync(item, 1200);
        await WaitForAlertAsync(user, a => a.LastPriceCents == 1200, "the $12.00 price judged");
        // An older answer than the one already stored does not overwrite it.
        await PriceAsync(item, 1500, DateTimeOffset.UtcNow.AddMinutes(-1));
        await PriceAsync(item, 1190);
        var quiet = await WaitForAlertAsync(user, a => a.LastPriceCents == 1190, "the $11.90 price judged");
        Assert.Equal((1, false), (quiet.Crossings, quiet.Armed));

        // Back over: armed again; the threshold itself is a crossing ("at or under").
        await PriceAsync(item, 1300);
        await WaitForAlertAsync(user, a => a.Armed, "armed again");
        await PriceAsync(item, 1250);
        var again = await bot.WaitForBotMessageAsync(user, m => m.MessageId > fired.MessageId && m.Text.StartsWith("🔔 Price alert", StringComparison.Ordinal), what: "second crossing");
        Assert.Contains("best offer $12.50", again.Text);

        var chat = await bot.ChatAsync(user);
        Assert.Equal(2, chat!.Messages.Count(m => m.FromBot && m.Text.StartsWith("🔔 Price alert", StringComparison.Ordinal)));
        await using var db = SchemaTests.NewContext(bot.Database);
        var rows = await db.Notifications.Where(n => n.UserId == user).OrderBy(n => n.AlertCrossing).ToListAsync(Ct);
        Assert.Equal([(NotificationKind.PriceAlert, 1, 1240L, NotificationStatus.Sent), (NotificationKind.PriceAlert, 2, 1250L, NotificationStatus.Sent)],
            rows.Select(n => (n.Kind, n.AlertCrossing!.Value, n.PriceCents!.Value, n.Status)));
        Assert.Empty(await bot.ValidationRejectionsAsync());
    }

    [Fact]
    public async Task AnAboveAlertSetWhileThePriceIsPastItWaitsForTheNextCrossing()
    {
        const long user = 7102;
        var item = await ItemAsync("rust", "Alertwood Door");
        await PriceAsync(item, 800);
        await bot.SendAsync(user, "/alert alertwood door above 7.50");
        var set = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🔔 Alert set", StringComparison.Ordinal), what: "alert set");
        Assert.Contains("It is $8.00 now, already past that: the alert fires at the next crossing.", set.Text);

        await PriceAsync(item, 810);
        await WaitForAlertAsync(user, a => a.LastPriceCents == 810, "the $8.10 price judged");
        await PriceAsync(item, 700);
        await WaitForAlertAsync(user, a => a.Armed, "armed under the threshold");
        await PriceAsync(item, 760);
        var fired = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🔔 Price alert", StringComparison.Ordinal), what: "alert fired");
        Assert.Contains("best offer $7.60, at or over your $7.50", fired.Text);

        // The button on the fired alert deletes it; a crossing after that tells nothing.
        await bot.PressAsync(user, fired.MessageId, fired.Buttons.SelectMany(r => r).Single(b => b.CallbackData?.StartsWith("al:x:", StringComparison.Ordinal) == true).CallbackData!);
        await using var db = SchemaTests.NewContext(bot.Database);
        await WaitAsync(async () => !await db.PriceAlerts.AnyAsync(a => a.UserId == user, Ct), "alert deleted");
    }

    [Fact]
    public async Task ACrossingWhoseAlertIsDeletedBeforeItGoesOutIsNotSent()
    {
        const long user = 7106;
        var item = await ItemAsync("rust", "Alertstone Pickaxe");
        await PriceAsync(item, 500);
        await bot.SendAsync(user, "/alert alertstone pickaxe below 4");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🔔 Alert set", StringComparison.Ordinal), what: "alert set");

        // Telegram fails the first sends: the crossing waits in the outbox for its retry, and the user deletes the alert meanwhile.
        await bot.AddFaultAsync(new { method = "sendMessage", status = 502, delayMs = 0, times = 2 });
        try
        {
            await PriceAsync(item, 390);
            await using var db = SchemaTests.NewContext(bot.Database);
            await WaitAsync(() => db.Notifications.AnyAsync(n => n.UserId == user && n.Status == NotificationStatus.Pending && n.Attempts == 1, Ct), "a failed first attempt");
            var alert = await db.PriceAlerts.SingleAsync(a => a.UserId == user, Ct);
            Assert.True(await new DMarketAspire.Data.Alerts.PriceAlertBook(db, Microsoft.Extensions.Options.Options.Create(new DMarketAspire.Data.Alerts.PriceAlertOptions()), TimeProvider.System)
                .DeleteAsync(user, alert.Id, Ct));

            await WaitAsync(() => db.Notifications.AnyAsync(n => n.UserId == user && n.Status == NotificationStatus.Skipped && n.Error == "alert deleted before sending", Ct), "the crossing skipped");
        }
        finally
        {
            await bot.ClearFaultsAsync();
        }

        Assert.DoesNotContain((await bot.ChatAsync(user))!.Messages, m => m.Text.StartsWith("🔔 Price alert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameAlertAskedForFourTimesAtOnceIsOneAlert()
    {
        const long user = 7107;
        await bot.SendAsync(user, "/start");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Hi", StringComparison.Ordinal), what: "greeting");
        var item = await ItemAsync("rust", "Alertrace Hammer");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = SchemaTests.NewContext(bot.Database);
            var book = new DMarketAspire.Data.Alerts.PriceAlertBook(db, Microsoft.Extensions.Options.Options.Create(new DMarketAspire.Data.Alerts.PriceAlertOptions()), TimeProvider.System);
            return await book.CreateAsync(user, item, PriceAlertDirection.Below, 250, Ct);
        }));

        Assert.Equal([DMarketAspire.Data.Alerts.PriceAlertOutcome.Created, .. Enumerable.Repeat(DMarketAspire.Data.Alerts.PriceAlertOutcome.Duplicate, 3)], outcomes.Select(o => o.Outcome).Order());
        Assert.Single(outcomes.Select(o => o.Alert!.Id).Distinct());
        await using var check = SchemaTests.NewContext(bot.Database);
        Assert.Equal(1, await check.PriceAlerts.CountAsync(a => a.UserId == user, Ct));
    }

    [Fact]
    public async Task AlertsFindTitlesByWordsOfferAChoiceAcrossGamesAndAreListedWithDeleteButtons()
    {
        const long user = 7103;
        await ItemAsync("rust", "Alertfade Box");
        await ItemAsync("tf2", "Alertfade Box");
        var knife = await ItemAsync("a8db", "★ Karambit | Alertfade (Factory New)");
        await PriceAsync(knife, 150_000);

        // Words in any order, part of words: one title.
        await bot.SendAsync(user, "/alert karam alertfade below 1400");
        var set = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🔔 Alert set", StringComparison.Ordinal), what: "knife alert");
        Assert.Contains("★ Karambit | Alertfade (Factory New) (CS2)", set.Text);

        // The same title in two games: a choice, and the press edits it into the outcome.
        await bot.SendAsync(user, "/alert alertfade box ниже 3");
        var choice = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Several items match \"alertfade box\"", StringComparison.Ordinal), what: "choice");
        Assert.Equal(["Alertfade Box (rust)", "Alertfade Box (tf2)"], choice.Buttons.SelectMany(r => r).Select(b => b.Text).Order(StringComparer.Ordinal));
        await bot.PressAsync(user, choice.MessageId, choice.Buttons.SelectMany(r => r).Single(b => b.Text == "Alertfade Box (tf2)").CallbackData!);
        var chosen = await bot.WaitForBotMessageAsync(user, m => m.MessageId == choice.MessageId && m.Edited, what: "chosen");
        Assert.Contains("Alertfade Box (TF2), best offer at or under $3.00", chosen.Text);
        Assert.Contains("No price seen for it yet", chosen.Text);
        await bot.SendAsync(user, "/alert alertfade box below 3");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Several items match", StringComparison.Ordinal) && m.MessageId > chosen.MessageId, what: "second choice");

        await bot.SendAsync(user, "/alerts");
        var list = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Your price alerts", StringComparison.Ordinal), what: "list");
        Assert.Contains("1. ★ Karambit | Alertfade (Factory New) (CS2) at or under $1400.00 · now $1500.00", list.Text);
        Assert.Contains("2. Alertfade Box (TF2) at or under $3.00 · now —", list.Text);
        await bot.PressAsync(user, list.MessageId, list.Buttons.SelectMany(r => r).First(b => b.Text == "🗑 Delete 1").CallbackData!);
        var shorter = await bot.WaitForBotMessageAsync(user, m => m.MessageId == list.MessageId && m.Edited && !m.Text.Contains("Karambit", StringComparison.Ordinal), what: "list after delete");
        Assert.Contains("1. Alertfade Box (TF2)", shorter.Text);
        await bot.PressAsync(user, list.MessageId, "al:all");
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == list.MessageId && m.Text.StartsWith("You have no price alerts", StringComparison.Ordinal), what: "empty list");
        Assert.Empty(await bot.ValidationRejectionsAsync());
    }

    [Theory]
    [InlineData("/alert", "Set a price alert: /alert <title or part of it> below|above <price>")]
    [InlineData("/alert alertline below", "Set a price alert")]
    [InlineData("/alert alertline sideways 5", "Put below or above before the price")]
    [InlineData("/alert alertline below 0", "The price must be more than $0; \"0\" is not.")]
    [InlineData("/alert alertline below -3", "The price must be more than $0")]
    [InlineData("/alert alertline below 1.234", "\"1.234\" is not a dollar amount with at most two decimals.")]
    [InlineData("/alert alertline below abc", "\"abc\" is not a dollar amount")]
    [InlineData("/alert zzzz-no-such-thing below 5", "I know no item whose title contains \"zzzz-no-such-thing\"")]
    public async Task ABadAlertGetsAReplyThatNamesTheProblemAndNothingIsSaved(string text, string expected)
    {
        var user = 7200 + Math.Abs(text.GetHashCode() % 700);
        await ItemAsync("a8db", "AK-47 | Alertline (Field-Tested)");
        await bot.SendAsync(user, text);
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains(expected, StringComparison.Ordinal), what: expected);
        await using var db = SchemaTests.NewContext(bot.Database);
        Assert.False(await db.PriceAlerts.AnyAsync(a => a.UserId == user, Ct));
    }

    [Fact]
    public async Task TheApiListsCreatesAndDeletesAlertsAndAnswersBadOnesWithAProblem()
    {
        const long user = 7104;
        var item = await ItemAsync("9a92", "Alertblade of the Tester");
        await PriceAsync(item, 2000);
        var key = await bot.IssueApiKeyAsync(user);
        await using var api = await DMarketAspire.IntegrationTests.Api.ApiHost.StartAsync(bot.Database, bot.Infrastructure.Redis.ConnectionString);
        using var http = api.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        var bad = await http.PostAsJsonAsync("/api/me/alerts", new { gameId = "chess", title = "x", direction = "sideways", thresholdCents = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Ct);
        Assert.Equal(["direction", "gameId", "thresholdCents"], problem!.Errors.Keys.Order(StringComparer.Ordinal));
        var unknown = await http.PostAsJsonAsync("/api/me/alerts", new { gameId = "9a92", title = "No Such Blade", direction = "above", thresholdCents = 100 }, Ct);
        Assert.Equal(["title"], (await unknown.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Ct))!.Errors.Keys);

        var created = await http.PostAsJsonAsync("/api/me/alerts", new { gameId = "9a92", title = "Alertblade of the Tester", direction = "above", thresholdCents = 2500 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var alert = (await created.Content.ReadFromJsonAsync<DMarketAspire.Api.Me.MeAlert>(Ct))!;
        Assert.Equal(("above", 2500L, true, 2000L), (alert.Direction, alert.ThresholdCents, alert.Armed, alert.LastPriceCents!.Value));
        Assert.Equal($"/api/me/alerts/{alert.Id}", created.Headers.Location?.ToString());
        var same = await http.PostAsJsonAsync("/api/me/alerts", new { gameId = "9a92", title = "Alertblade of the Tester", direction = "above", thresholdCents = 2500 }, Ct);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(alert.Id, (await same.Content.ReadFromJsonAsync<DMarketAspire.Api.Me.MeAlert>(Ct))!.Id);

        // Set through the Api, told in the chat.
        await PriceAsync(item, 2600);
        var fired = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🔔 Price alert", StringComparison.Ordinal), what: "alert fired");
        Assert.Contains("Alertblade of the Tester (Dota 2): best offer $26.00, at or over your $25.00", fired.Text);
        var listed = await http.GetFromJsonAsync<List<DMarketAspire.Api.Me.MeAlert>>("/api/me/alerts", Ct);
        Assert.Equal((1, false), (Assert.Single(listed!).Crossings, listed![0].Armed));

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/me/alerts/{alert.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync($"/api/me/alerts/{alert.Id}", Ct)).StatusCode);
        Assert.Equal("[]", await http.GetStringAsync("/api/me/alerts", Ct));
    }

    [Fact]
    public async Task AnOpportunityCardPlacesABuyOrderFirstInLineWithTheUsersKeys()
    {
        const long user = 7105;
        var account = await bot.NewAccountAsync(100_000);
        await bot.SendAsync(user, $"/keys {account.PublicKey} {account.SecretKey}");
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("Keys connected", StringComparison.Ordinal), what: "keys connected");
        var (title, ask, bid) = await bot.TitleWithListingsAsync();

        await BotSeed.PlantAsync(bot.Database, bot.Redis, new BotSeed.Planted("rust", "standard", title, ask, 40m));
        var card = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🔔 New opportunity", StringComparison.Ordinal) && m.Text.Contains(title, StringComparison.Ordinal), what: "card");
        var button = card.Buttons.SelectMany(r => r).Single(b => b.Text == "🎯 Buy order");
        await bot.PressAsync(user, card.MessageId, button.CallbackData!);

        var price = Math.Min((bid ?? 0) + 1, ask - 1);
        var proposal = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Buy order for", StringComparison.Ordinal), what: "proposal");
        Assert.Contains($"Place one for 1 at ${DMarketAspire.DMarket.Client.Money.DollarString(price)}", proposal.Text);
        await bot.PressAsync(user, proposal.MessageId, proposal.Buttons.SelectMany(r => r).Single().CallbackData!);
        var placed = await bot.WaitForBotMessageAsync(user, m => m.MessageId == proposal.MessageId && m.Text.StartsWith("🎯 Buy order placed", StringComparison.Ordinal), what: "placed");
        Assert.Empty(placed.Buttons);

        using var client = DMarketClientHost.Create(bot.DMarketAddress, DMarketAspire.DMarket.Client.Signing.DMarketKeys.Parse(account.PublicKey, account.SecretKey));
        var target = Assert.Single(await client.Client.GetUserTargetsAsync("rust", cancellationToken: Ct).ToListAsync(Ct));
        Assert.Equal((title, price, 1), (target.Title, target.PriceCents, target.Amount));
        Assert.Empty(await bot.ValidationRejectionsAsync());
    }

    private async Task<Item> ItemAsync(string gameId, string title)
    {
        await using var db = SchemaTests.NewContext(bot.Database);
        if (await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.GameId == gameId && i.Title == title, Ct) is { } known)
        {
            return known;
        }

        var item = new Item { GameId = gameId, Title = title, FirstSeenAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Items.Add(item);
        await db.SaveChangesAsync(Ct);
        return item;
    }

    /// <summary>The title's best offer, written as a Scanner sweep writes it.</summary>
    private async Task PriceAsync(Item item, long bestOfferCents, DateTimeOffset? observedAt = null)
    {
        await using var db = SchemaTests.NewContext(bot.Database);
        await new MarketDataStore(db).SavePricesAsync([(item.Id, new OrderBook(bestOfferCents / 2, 3, bestOfferCents, 5))], observedAt ?? DateTimeOffset.UtcNow, Ct);
    }

    private async Task<PriceAlert> WaitForAlertAsync(long user, Func<PriceAlert, bool> match, string what)
    {
        PriceAlert? alert = null;
        await WaitAsync(async () =>
        {
            await using var db = SchemaTests.NewContext(bot.Database);
            alert = await db.PriceAlerts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == user, Ct);
            return alert is not null && match(alert);
        }, what);
        return alert!;
    }

    private async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; the bot's warnings:\n" + string.Join("\n", bot.Log.All.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal))));
            await Task.Delay(100, Ct);
        }
    }
}
