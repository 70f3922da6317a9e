using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.TelegramSimulator.Control;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// Opportunities written to the outbox as the Scanner writes them, through the bot's planner and sender, counted at the
/// Telegram simulator: who gets what, silently or in a digest, within the limits, once, through Telegram's faults.
/// </summary>
public sealed class NotificationTests(NotificationTests.Fixture bot) : IClassFixture<NotificationTests.Fixture>
{
    private const string NewOpportunity = "🔔 New opportunity";
    private const string Notification = "🔔 ";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(20);

    public sealed class Fixture(InfrastructureFixture infrastructure) : BotFixture(infrastructure)
    {
        // A one-minute digest, so a test sees one; and no cooldown across tests' unrelated titles.
        protected override (string Key, string Value)[] BotSettings => [("Notifications:DigestIntervals:0", "1"), ("Notifications:DigestIntervals:1", "60")];
    }

    [Fact]
    public async Task AnOpportunityReachesExactlyTheUsersWhoseFiltersMatch()
    {
        var users = new Dictionary<long, string?>
        {
            [7101] = null,
            [7102] = "/settings games rust",
            [7103] = "/settings profit 50",
            [7104] = "/pause",
            [7105] = "/settings mode off",
            [7106] = "/settings maxprice 5",
            [7107] = "/settings liquidity 90",
        };
        await RegisterAsync(users);

        var planted = await BotSeed.PlantAsync(bot.Database, bot.Redis,
            new BotSeed.Planted("a8db", "medium", "Routing AK-47 | Slate", 1000, 20m, 60),
            new BotSeed.Planted("rust", "standard", "Routing Tempered AK47", 400, 30m, 95),
            new BotSeed.Planted("rust", "advanced", "Routing Big Grin", 4000, 60m, 60));
        var expected = new Dictionary<long, string[]>
        {
            [7101] = ["Routing AK-47 | Slate", "Routing Tempered AK47", "Routing Big Grin"],
            [7102] = ["Routing Tempered AK47", "Routing Big Grin"],
            [7103] = ["Routing Big Grin"],
            [7104] = [],
            [7105] = [],
            [7106] = ["Routing Tempered AK47"],
            [7107] = ["Routing Tempered AK47"],
        };

        await WaitForNotificationsAsync(expected.Sum(e => e.Value.Length), users.Keys);
        await Task.Delay(1500, Ct);
        foreach (var (user, titles) in expected)
        {
            var received = (await NotificationsToAsync(user)).SelectMany(m => TitlesIn(m.Text)).ToList();
            Assert.Equal(titles.Order(), received.Order());
        }

        // Recorded once per user and opportunity, with Telegram's message id.
        var rows = (await BotSeed.NotificationsAsync(bot.Database)).Where(n => users.ContainsKey(n.UserId)).ToList();
        Assert.Equal(8, rows.Count);
        Assert.All(rows, n => Assert.True(n.Status == NotificationStatus.Sent && n.TelegramMessageId > 0 && n.SentAt >= n.CreatedAt, $"{n.UserId}/{n.OpportunityId}: {n.Status}"));
        var card = (await NotificationsToAsync(7103)).Single();
        Assert.StartsWith(NewOpportunity, card.Text);
        Assert.Contains("Rust · advanced", card.Text);
        Assert.Contains("Buy $40.00", card.Text);
        Assert.Contains(planted[2].ProfitPercent.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%", card.Text);
        await AssertCleanAsync();
    }

    [Fact]
    public async Task QuietHoursDeliverSilentlyInTheUsersTimeZone()
    {
        var hour = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(5)).Hour;
        await RegisterAsync(new Dictionary<long, string?>
        {
            [7201] = "/settings tz Asia/Tashkent",
            [7202] = null,
        });
        await bot.SendAsync(7201, $"/settings quiet {hour}-{(hour + 2) % 24}");
        await bot.WaitForBotMessageAsync(7201, m => m.Text.Contains($"Quiet hours: {hour:00}:00"));

        await BotSeed.PlantAsync(bot.Database, bot.Redis, new BotSeed.Planted("9a92", "standard", "Quiet Arcana", 500, 40m));
        await WaitForNotificationsAsync(2, [7201, 7202]);
        Assert.True((await NotificationsToAsync(7201)).Single().Silent);
        Assert.False((await NotificationsToAsync(7202)).Single().Silent);
        await AssertCleanAsync();
    }

    [Fact]
    public async Task DigestModeSendsOneSummaryPerPeriod()
    {
        await RegisterAsync(new Dictionary<long, string?> { [7301] = "/settings mode digest 1" });
        await BotSeed.PlantAsync(bot.Database, bot.Redis,
            new BotSeed.Planted("tf2", "medium", "Digest Rocket Launcher", 1500, 25m),
            new BotSeed.Planted("tf2", "medium", "Digest Minigun", 1600, 35m),
            new BotSeed.Planted("tf2", "medium", "Digest Medigun", 1700, 15m));

        var digest = await bot.WaitForBotMessageAsync(7301, m => m.Text.StartsWith("🗞 Digest: 3 new opportunities", StringComparison.Ordinal), TimeSpan.FromSeconds(75));
        Assert.True(digest.Text.IndexOf("Digest Minigun", StringComparison.Ordinal) < digest.Text.IndexOf("Digest Rocket Launcher", StringComparison.Ordinal), "Best first.");
        Assert.Empty(await NotificationsToAsync(7301));
        var rows = (await BotSeed.NotificationsAsync(bot.Database)).Where(n => n.UserId == 7301).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, n => Assert.Equal((NotificationStatus.Sent, digest.MessageId), (n.Status, n.TelegramMessageId!.Value)));
        await AssertCleanAsync();
    }

    [Fact]
    public async Task TheDailyCapAndThePerItemCooldownSkipWithAReason()
    {
        await RegisterAsync(new Dictionary<long, string?> { [7401] = "/settings cap 2", [7402] = "/settings games dota2" });
        await BotSeed.PlantAsync(bot.Database, bot.Redis,
            new BotSeed.Planted("a8db", "boost", "Capped one", 200, 30m),
            new BotSeed.Planted("a8db", "boost", "Capped two", 210, 31m),
            new BotSeed.Planted("a8db", "boost", "Capped three", 220, 32m));
        await BotSeed.PlantAsync(bot.Database, bot.Redis, new BotSeed.Planted("9a92", "boost", "Cooled Dragonclaw Hook", 250, 30m));
        await WaitForNotificationsAsync(1, [7402]);
        await BotSeed.PlantAsync(bot.Database, bot.Redis, new BotSeed.Planted("9a92", "boost", "Cooled Dragonclaw Hook", 240, 35m));

        await WaitUntilAsync(async () => (await BotSeed.NotificationsAsync(bot.Database)).Count(n => n.UserId == 7402) == 2 && (await NotificationsToAsync(7401)).SelectMany(m => TitlesIn(m.Text)).Count() == 2);
        await Task.Delay(1000, Ct);
        var rows = await BotSeed.NotificationsAsync(bot.Database);
        Assert.Equal(2, (await NotificationsToAsync(7401)).SelectMany(m => TitlesIn(m.Text)).Count());
        Assert.Contains(rows, n => n.UserId == 7401 && n.Status == NotificationStatus.Skipped && n.Error == "daily cap");
        Assert.Single(await NotificationsToAsync(7402));
        Assert.Contains(rows, n => n.UserId == 7402 && n.Status == NotificationStatus.Skipped && n.Error == "cooldown");
        await AssertCleanAsync();
    }

    [Fact]
    public async Task AUserWhoBlockedTheBotIsMarkedInactiveUntilTheyWriteAgain()
    {
        await RegisterAsync(new Dictionary<long, string?> { [7501] = null });
        (await bot.Http.PostAsync("/_sim/users/7501/block", null, Ct)).EnsureSuccessStatusCode();
        await WaitUntilAsync(async () => (await BotSeed.UserAsync(bot.Database, 7501)).Blocked);

        // Blocked from the bot's side too (the sender's 403), when the update saying so was missed.
        await using (var db = SchemaTests.NewContext(bot.Database))
        {
            await db.BotUsers.Where(u => u.Id == 7501).ExecuteUpdateAsync(s => s.SetProperty(u => u.Blocked, false), Ct);
        }

        await BotSeed.PlantAsync(bot.Database, bot.Redis, new BotSeed.Planted("rust", "pro", "Blocked Alien Red", 20_000, 40m));
        await WaitUntilAsync(async () => (await BotSeed.UserAsync(bot.Database, 7501)).Blocked);
        var row = (await BotSeed.NotificationsAsync(bot.Database)).Single(n => n.UserId == 7501);
        Assert.Equal(NotificationStatus.Failed, row.Status);
        Assert.Contains("blocked", row.Error);

        (await bot.Http.PostAsync("/_sim/users/7501/unblock", null, Ct)).EnsureSuccessStatusCode();
        await bot.SendAsync(7501, "/start");
        await bot.WaitForBotMessageAsync(7501, m => m.Text.StartsWith("Welcome back", StringComparison.Ordinal));
        Assert.False((await BotSeed.UserAsync(bot.Database, 7501)).Blocked);
        await AssertCleanAsync();
    }

    [Fact]
    public async Task TooManyRequestsStormsAndServerErrorsLoseNothingAndRepeatNothing()
    {
        var users = Enumerable.Range(7600, 30).Select(i => (long)i).ToList();
        await AddUsersAsync(users, games: ["tf2"], levels: ["pro"]);
        await bot.AddFaultAsync(new { method = "sendMessage", status = 429, retryAfter = 1, delayMs = 0, times = 6 });
        await bot.AddFaultAsync(new { method = "sendMessage", status = 502, delayMs = 0, times = 4 });
        await bot.AddFaultAsync(new { method = "sendMessage", status = 500, delayMs = 0, times = 4 });

        await BotSeed.PlantAsync(bot.Database, bot.Redis, new BotSeed.Planted("tf2", "pro", "Stormy Golden Frying Pan", 50_000, 30m));
        await WaitForNotificationsAsync(users.Count, users, TimeSpan.FromSeconds(40));
        await Task.Delay(1000, Ct);
        foreach (var user in users)
        {
            Assert.Single(await NotificationsToAsync(user));
        }

        var rejections = await bot.RejectionsAsync();
        Assert.Equal(14, rejections.Count(r => r.Kind == CallKind.Injected));
        Assert.DoesNotContain(rejections, r => r.Kind == CallKind.Flood);
        var rows = (await BotSeed.NotificationsAsync(bot.Database)).Where(n => users.Contains(n.UserId)).ToList();
        Assert.All(rows, n => Assert.Equal(NotificationStatus.Sent, n.Status));
        // Other users of this fixture (a digest, say) may meet some of the faults too: count the ones these users met.
        var serverErrors = rejections.Count(r => r.Kind == CallKind.Injected && r.ErrorCode >= 500 && r.ChatId is { } chat && users.Contains(chat));
        Assert.Equal(users.Count + serverErrors, rows.Sum(n => n.Attempts));
        Assert.True(serverErrors > 0, "No 5xx reached these users' sends.");
        await AssertCleanAsync();
    }

    [Fact]
    public async Task ABurstDrainsAtTelegramsLimitWithNo429AndNoDuplicate()
    {
        var users = Enumerable.Range(8000, 150).Select(i => (long)i).ToList();
        await AddUsersAsync(users, games: ["rust"], levels: ["boost"]);
        await BotSeed.PlantAsync(bot.Database, bot.Redis, new BotSeed.Planted("rust", "boost", "Burst Garage Door", 150, 50m));
        await WaitForNotificationsAsync(users.Count, users, TimeSpan.FromSeconds(40));
        await Task.Delay(1000, Ct);

        var sent = (await bot.SentAsync()).Where(s => s.Method == "sendMessage").OrderBy(s => s.At).ToList();
        var burst = sent.Where(s => users.Contains(s.ChatId)).ToList();
        Assert.Equal(users.Count, burst.Count);
        Assert.Equal(users.Count, burst.Select(s => s.ChatId).Distinct().Count());
        var busiest = sent.Max(s => sent.Count(o => o.At >= s.At && o.At < s.At.AddSeconds(1)));
        Assert.True(busiest <= 30, $"At most 30 messages in any second; saw {busiest}.");
        var seconds = (burst[^1].At - burst[0].At).TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine($"{burst.Count} notifications in {seconds:0.0} s ({burst.Count / seconds:0.0}/s), busiest second {busiest}.");
        Assert.True(burst.Count / seconds > 20, $"Drained at {burst.Count / seconds:0.0}/s, below Telegram's pace.");
        Assert.DoesNotContain(await bot.RejectionsAsync(), r => r.Kind == CallKind.Flood);
        await AssertCleanAsync();
    }

    [Fact]
    public async Task AUserTypingFastWhileNotificationsFlowGetsEveryReplyAndTelegramNever429s()
    {
        const long Typist = 7901, Other = 7902, WarmUp = 7903;
        const int Commands = 10, Planted = 20;
        await AddUsersAsync([Typist, Other, WarmUp], games: ["tf2"], levels: ["standard"]);

        // The bounds below measure the pace, not the JIT: as the first test of a clean clone on two cores, the first reply
        // of the run took 2.4 s. Another user's two commands compile the same reply paths before the clock starts.
        foreach (var command in (string[])["/help", "/stats"])
        {
            var before = (await bot.SentAsync(WarmUp)).Count;
            await bot.SendAsync(WarmUp, command);
            var warmDeadline = DateTime.UtcNow.AddSeconds(15);
            while ((await bot.SentAsync(WarmUp)).Count == before)
            {
                Assert.True(DateTime.UtcNow < warmDeadline, $"No reply to the warm-up user's {command}.");
                await Task.Delay(50, Ct);
            }
        }

        // Five opportunities a second for four seconds, for both users, while one of them types ten commands in three.
        var plantedAt = new Dictionary<long, DateTimeOffset>();
        var planting = Task.Run(async () =>
        {
            for (var i = 0; i < Planted; i++)
            {
                var at = DateTimeOffset.UtcNow;
                var planted = await BotSeed.PlantAsync(bot.Database, bot.Redis, new BotSeed.Planted("tf2", "standard", $"Typed Team Captain {i:00}", 500, 30m));
                plantedAt[planted[0].Id] = at;
                await Task.Delay(200, Ct);
            }
        }, Ct);
        var typedAt = new List<DateTimeOffset>();
        var otherAskedAt = DateTimeOffset.MinValue;
        for (var i = 0; i < Commands; i++)
        {
            typedAt.Add(DateTimeOffset.UtcNow);
            await bot.SendAsync(Typist, i % 2 == 0 ? "/help" : "/stats");
            if (i == Commands / 2)
            {
                otherAskedAt = DateTimeOffset.UtcNow;
                await bot.SendAsync(Other, "/help");
            }

            await Task.Delay(300, Ct);
        }

        await planting;
        var deadline = DateTime.UtcNow.AddSeconds(40);
        List<SentMessage> replies;
        List<Notification> sent;
        while ((replies = [.. (await bot.SentAsync(Typist)).Where(s => s.Method == "sendMessage" && !s.Text.StartsWith(Notification, StringComparison.Ordinal))]).Count < Commands
            || (sent = await SentToAsync([Typist, Other], plantedAt.Keys)).Count < 2 * Planted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{replies.Count} of {Commands} replies and {(await SentToAsync([Typist, Other], plantedAt.Keys)).Count} of {2 * Planted} notifications sent.");
            await Task.Delay(100, Ct);
        }

        Assert.DoesNotContain(await bot.RejectionsAsync(), r => r.Kind == CallKind.Flood);
        Assert.Equal(Commands, replies.Count);
        Assert.Equal(Planted, sent.Count(n => n.UserId == Typist));
        Assert.True(replies[0].At - typedAt[0] < TimeSpan.FromSeconds(2), $"The first reply took {(replies[0].At - typedAt[0]).TotalSeconds:0.0} s.");
        // Another user's command in the middle of it is handled beside the typist's, not behind all of them: at most the
        // poll it arrives in waits for the batch before it (one chat interval of the typist's pace), never ten.
        var otherReply = (await bot.SentAsync(Other)).First(m => m.Method == "sendMessage" && !m.Text.StartsWith(Notification, StringComparison.Ordinal));
        Assert.True(otherReply.At - otherAskedAt < TimeSpan.FromSeconds(3), $"The other user's reply took {(otherReply.At - otherAskedAt).TotalSeconds:0.0} s.");
        // Each opportunity reached the other user as if the typist were quiet: within a notification pass and a chat interval.
        var delays = sent.Where(n => n.UserId == Other).Select(n => n.SentAt!.Value - plantedAt[n.OpportunityId!.Value]).ToList();
        Assert.Equal(Planted, delays.Count);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Replies: first {(replies[0].At - typedAt[0]).TotalSeconds:0.00} s, the other user's {(otherReply.At - otherAskedAt).TotalSeconds:0.00} s, last {(replies[^1].At - typedAt[^1]).TotalSeconds:0.00} s after its command; " +
            $"the other user's notifications {delays.Average(d => d.TotalSeconds):0.00} s on average, at most {delays.Max().TotalSeconds:0.00} s; " +
            $"messages to the typist: {(await NotificationsToAsync(Typist)).Count} notifications, {replies.Count} replies.");
        Assert.All(delays, d => Assert.True(d < TimeSpan.FromSeconds(3), $"A notification to the other user took {d.TotalSeconds:0.0} s."));
        await AssertCleanAsync();
    }

    /// <summary>The notifications of these opportunities sent to these users (users of earlier tests may match them too).</summary>
    private async Task<List<Notification>> SentToAsync(long[] users, IEnumerable<long> opportunities)
    {
        var ids = opportunities.ToHashSet();
        return [.. (await BotSeed.NotificationsAsync(bot.Database)).Where(n => users.Contains(n.UserId) && n.OpportunityId is { } id && ids.Contains(id) && n.Status == NotificationStatus.Sent)];
    }

    private async Task RegisterAsync(Dictionary<long, string?> users)
    {
        foreach (var (user, command) in users)
        {
            await bot.SendAsync(user, "/start");
            await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Hi,", StringComparison.Ordinal));
            if (command is not null)
            {
                await bot.SendAsync(user, command);
                await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Saved.", StringComparison.Ordinal) || m.Text.StartsWith("Notifications paused.", StringComparison.Ordinal), what: command);
            }
        }
    }

    private Task AddUsersAsync(IReadOnlyList<long> users, string[] games, string[] levels) => BotSeed.AddUsersAsync(bot.Database, bot.Http, users, games, levels);

    private async Task<List<SentMessage>> NotificationsToAsync(long user) =>
        [.. (await bot.SentAsync(user)).Where(s => s.Method == "sendMessage" && s.Text.StartsWith(Notification, StringComparison.Ordinal))];

    private async Task WaitForNotificationsAsync(int count, IEnumerable<long> users, TimeSpan? timeout = null)
    {
        var set = users.ToHashSet();
        var deadline = DateTime.UtcNow + (timeout ?? Delivery);
        while (true)
        {
            var seen = (await bot.SentAsync()).Where(s => set.Contains(s.ChatId) && s.Method == "sendMessage" && s.Text.StartsWith(Notification, StringComparison.Ordinal)).Sum(s => TitlesIn(s.Text).Count);
            if (seen >= count)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{seen} of {count} notifications arrived. Bot log:\n{string.Join("\n", bot.Log.All.TakeLast(20))}");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>The titles a notification names: one card, or the cards of a message that gathered several.</summary>
    private static List<string> TitlesIn(string text) => text.StartsWith(NewOpportunity, StringComparison.Ordinal)
        ? [text.Split('\n')[1]]
        : [.. text.Split("\n\n").Skip(1).Where(b => !b.StartsWith('…')).Select(b => b.Split('\n')[0])];

    private async Task AssertCleanAsync()
    {
        Assert.Empty(await bot.ValidationRejectionsAsync());
        Assert.Empty(bot.Log.Errors);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Delivery;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(100, Ct);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
