using DMarketAspire.Data.Domain;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.TelegramSimulator.Control;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// Users talking to the bot through the Telegram simulator: commands in both languages, bad input, pagination and
/// settings by inline buttons. Every test ends by checking the simulator refused none of the bot's messages.
/// </summary>
public sealed class BotConversationTests(BotConversationTests.Fixture bot) : IClassFixture<BotConversationTests.Fixture>
{
    public sealed class Fixture(InfrastructureFixture infrastructure) : BotFixture(infrastructure);

    [Fact]
    public async Task StartGreetsANewUserInTheirTelegramLanguageAndRegistersCommandsInBoth()
    {
        await bot.SendAsync(1001, "/start", "en", "Ann <&>");
        var english = await bot.WaitForBotMessageAsync(1001, m => m.Text.StartsWith("Hi, Ann <&>!", StringComparison.Ordinal));
        Assert.Contains("at least 5% profit", english.Text);
        Assert.Equal(["m:scan", "m:top", "m:settings", "m:stats", "m:pause", "m:help"], english.Buttons.SelectMany(r => r).Select(b => b.CallbackData));

        await bot.SendAsync(1002, "/start", "ru", "Борис");
        await bot.WaitForBotMessageAsync(1002, m => m.Text.StartsWith("Привет, Борис!", StringComparison.Ordinal));
        Assert.Equal("ru", (await BotSeed.UserAsync(bot.Database, 1002)).Language);

        await bot.SendAsync(1001, "/start");
        await bot.WaitForBotMessageAsync(1001, m => m.Text.StartsWith("Welcome back, Ann <&>.", StringComparison.Ordinal));

        var commands = await bot.Http.GetStringAsync("/_sim/commands", Ct);
        Assert.Contains("\"default\"", commands);
        Assert.Contains("\"ru\"", commands);
        Assert.Contains("Приостановить уведомления", commands);
        await AssertNothingRejectedAsync();
    }

    [Theory]
    [InlineData("/frobnicate", "I don't know /frobnicate.")]
    [InlineData("hello there", "I understand commands.")]
    [InlineData("/scan xyz", "There is no game \"xyz\".")]
    [InlineData("/scan cs2 xyz", "There is no level \"xyz\".")]
    [InlineData("/scan cs2 rust", "Usage: /scan [game] [level]")]
    [InlineData("/settings profit abc", "\"abc\" is not a number.")]
    [InlineData("/settings profit 5000", "Min profit must be between 0% and 1000%.")]
    [InlineData("/settings minprofit 1.234", "\"1.234\" is not a dollar amount with at most two decimals.")]
    [InlineData("/settings minprofit -1", "\"-1\" is not a dollar amount")]
    [InlineData("/settings maxprice 0.001", "\"0.001\" is not a dollar amount")]
    [InlineData("/settings liquidity 101", "Min liquidity must be between 0 and 100.")]
    [InlineData("/settings tz Mars/Olympus", "I don't know the time zone \"Mars/Olympus\".")]
    [InlineData("/settings quiet 25-3", "\"25-3\" is not a range of hours.")]
    [InlineData("/settings games cs2,minecraft", "\"minecraft\" is not one of: cs2, dota2, tf2, rust.")]
    [InlineData("/settings mode digest 7", "\"7\" is not one of: 60, 180, 720, 1440.")]
    [InlineData("/settings lang de", "\"de\" is not one of: en, ru.")]
    [InlineData("/settings colour blue", "\"colour\" is not one of: profit, minprofit")]
    [InlineData("/status", "/status is for the bot's administrators.")]
    public async Task BadInputGetsAReplyThatSaysWhatWasWrong(string text, string expected)
    {
        var user = 2000 + Math.Abs(text.GetHashCode() % 10_000);
        var before = (await bot.ChatAsync(user))?.Messages.Count ?? 0;
        await bot.SendAsync(user, text);
        await bot.WaitForBotMessageAsync(user, m => m.MessageId > before && m.Text.Contains(expected, StringComparison.Ordinal), what: expected);
        var stored = await BotSeed.UserAsync(bot.Database, user);
        Assert.Equal(5m, stored.MinProfitPercent);
        Assert.Null(stored.MaxPriceCents);
        await AssertNothingRejectedAsync();
    }

    [Fact]
    public async Task ScanPagesThroughOpportunitiesWithButtonsAndEscapesMarketText()
    {
        const long user = 3001;
        const string tricky = "Souvenir <AWP> & \"Dragon\" | Lore's";
        await BotSeed.PlantAsync(bot.Database, null,
        [
            .. Enumerable.Range(0, 11).Select(i => new BotSeed.Planted("tf2", "standard", $"Scan page item {i}", 500 + i, 10 + i)),
            new BotSeed.Planted("tf2", "standard", tricky, 700, 99),
        ]);
        await bot.SendAsync(user, "/scan tf2 standard");
        var first = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Opportunities: TF2 · standard (12 found)", StringComparison.Ordinal));
        Assert.Contains(tricky, first.Text);
        Assert.Contains("&lt;AWP&gt; &amp; &quot;Dragon&quot;", first.Html);
        Assert.Equal(["1/3", "Next »"], first.Buttons.Single().Select(b => b.Text));

        await bot.PressAsync(user, first.MessageId, "sc:tf2:standard:1");
        var second = await bot.WaitForBotMessageAsync(user, m => m.MessageId == first.MessageId && m.Buttons.Count > 0 && m.Buttons[0].Any(b => b.Text == "2/3"));
        Assert.True(second.Edited);
        Assert.Equal(["« Prev", "2/3", "Next »"], second.Buttons.Single().Select(b => b.Text));
        Assert.Contains("Scan page item 5", second.Text);

        // The page it already shows: Telegram's "message is not modified", taken as done; the press is still answered.
        var again = await bot.PressAsync(user, first.MessageId, "sc:tf2:standard:1");
        await WaitUntilAsync(async () => (await bot.ChatAsync(user))!.CallbackAnswers.Single(a => a.Id == again.CallbackQueryId).Answered);

        await bot.PressAsync(user, first.MessageId, "sc:tf2:standard:2");
        var last = await bot.WaitForBotMessageAsync(user, m => m.MessageId == first.MessageId && m.Buttons.Count > 0 && m.Buttons[0].Any(b => b.Text == "3/3"));
        Assert.Equal(["« Prev", "3/3"], last.Buttons.Single().Select(b => b.Text));
        Assert.Contains("Scan page item 0", last.Text);
        await AssertNothingRejectedAsync();
    }

    [Fact]
    public async Task SettingsChangeThroughInlineButtons()
    {
        const long user = 4001;
        await bot.SendAsync(user, "/settings");
        var settings = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Settings\nGames: all", StringComparison.Ordinal));
        var id = settings.MessageId;

        await bot.PressAsync(user, id, "st:g");
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == id && m.Text.Contains("Which games?"));
        await bot.PressAsync(user, id, "st:g:rust");
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == id && m.Buttons.SelectMany(r => r).Any(b => b.Text == "✅ Rust"));
        await bot.PressAsync(user, id, "st:g:cs2");
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == id && m.Buttons.SelectMany(r => r).Any(b => b.Text == "✅ CS2"));
        await bot.PressAsync(user, id, "st:main");
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == id && m.Text.Contains("Games: CS2, Rust"));

        await bot.PressAsync(user, id, "st:pp");
        await bot.PressAsync(user, id, "st:pp:15");
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == id && m.Text.Contains("Min profit: 15% · $0.00"));
        await bot.PressAsync(user, id, "st:md");
        await bot.PressAsync(user, id, "st:md:d:180");
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == id && m.Text.Contains("Notifications: digest every 3 h"));
        await bot.PressAsync(user, id, "st:qh");
        await bot.PressAsync(user, id, "st:qh:23-7");
        await bot.PressAsync(user, id, "st:tz");
        await bot.PressAsync(user, id, "st:tz:Europe/Moscow");
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == id && m.Text.Contains("Quiet hours: 23:00–07:00") && m.Text.Contains("Time zone: Europe/Moscow"));

        // Data no keyboard offers (an old keyboard, a modified client) changes nothing and says so.
        var forged = await bot.PressAnyAsync(user, id, "st:pp:999");
        await WaitUntilAsync(async () => (await bot.ChatAsync(user))!.CallbackAnswers.Single(a => a.Id == forged.CallbackQueryId) is { Answered: true, Text: "This button has expired. /menu has fresh ones." });
        await bot.PressAsync(user, id, "st:ln");
        await bot.PressAsync(user, id, "st:ln:ru");
        var russian = await bot.WaitForBotMessageAsync(user, m => m.MessageId == id && m.Text.StartsWith("Настройки", StringComparison.Ordinal));
        Assert.Contains("Язык: Русский", russian.Text);

        var stored = await BotSeed.UserAsync(bot.Database, user);
        Assert.Equal(["a8db", "rust"], stored.Games);
        Assert.Equal(15m, stored.MinProfitPercent);
        Assert.Equal(NotificationMode.Digest, stored.Mode);
        Assert.Equal(180, stored.DigestIntervalMinutes);
        Assert.Equal((23, 7), (stored.QuietFromHour, stored.QuietToHour));
        Assert.Equal("Europe/Moscow", stored.TimeZone);
        Assert.Equal("ru", stored.Language);
        Assert.True((await bot.ChatAsync(user))!.CallbackAnswers.All(a => a.Answered), "Every press is answered.");

        await bot.SendAsync(user, "/settings cap 3");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Сохранено.", StringComparison.Ordinal) && m.Text.Contains("Лимит в день: 3"));
        await AssertNothingRejectedAsync();
    }

    [Fact]
    public async Task PauseResumeStatsAndStatusForAdmins()
    {
        const long user = 5001;
        // Other tests of the class seed opportunities; a user who resumes may be notified of them, so this one asks
        // for a profit nothing offers and "/stats" can count on nothing sent (CI once saw a notification land first).
        await bot.SendAsync(user, "/settings profit 1000");
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("1000%", StringComparison.Ordinal), what: "profit set");
        await bot.SendAsync(user, "/pause");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Notifications paused.", StringComparison.Ordinal));
        Assert.True((await BotSeed.UserAsync(bot.Database, user)).Paused);
        await bot.SendAsync(user, "/pause");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Notifications are already paused.", StringComparison.Ordinal));
        await bot.SendAsync(user, "/resume");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Notifications are on again.", StringComparison.Ordinal));
        Assert.False((await BotSeed.UserAsync(bot.Database, user)).Paused);

        await bot.SendAsync(user, "/stats");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Your stats\nSent today: 0 (cap 100)", StringComparison.Ordinal));

        await bot.SendAsync(BotFixture.AdminId, "/status");
        var status = await bot.WaitForBotMessageAsync(BotFixture.AdminId, m => m.Text.StartsWith("Status\nLeader: bot-a", StringComparison.Ordinal));
        Assert.Contains("Mode: polling", status.Text);

        // The menu's pause button flips itself in place.
        await bot.SendAsync(user, "/menu");
        var menu = await bot.WaitForBotMessageAsync(user, m => m.Text == "Menu");
        await bot.PressAsync(user, menu.MessageId, "m:pause");
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == menu.MessageId && m.Buttons.SelectMany(r => r).Any(b => b.CallbackData == "m:resume"));
        Assert.True((await BotSeed.UserAsync(bot.Database, user)).Paused);
        await AssertNothingRejectedAsync();
    }

    [Fact]
    public async Task AFloodingUserIsToldOnceAndThenIgnored()
    {
        const long user = 6001;
        for (var i = 0; i < 16; i++)
        {
            await bot.SendAsync(user, "/help");
        }

        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Too many messages;", StringComparison.Ordinal));

        // Replies go at the chat's pace, so they are counted once they stop coming, not at a fixed moment; what
        // arrived is printed when the count is wrong (CI once saw 9 answers where 10 were due).
        var replies = await SettledRepliesAsync(user);
        var transcript = string.Join("\n", replies.Select(m => $"#{m.MessageId} {m.Text.Split('\n')[0]}"));
        var rejected = await bot.ValidationRejectionsAsync();
        Assert.True(
            replies.Count(m => m.Text.StartsWith("Commands", StringComparison.Ordinal)) == 10
                && replies.Count(m => m.Text.StartsWith("Too many messages;", StringComparison.Ordinal)) == 1,
            $"Expected 10 answers and one warning. The bot's messages:\n{transcript}\nRefused calls: {rejected.Count}\nThe bot's log:\n{string.Join("\n", bot.Log.All.TakeLast(60))}");
        await AssertNothingRejectedAsync();
    }

    /// <summary>The bot's messages in a chat once none has come for a while longer than the chat's pace.</summary>
    private async Task<List<ChatMessageView>> SettledRepliesAsync(long user)
    {
        var quiet = TimeSpan.FromSeconds(2.5);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var replies = (await bot.ChatAsync(user))!.Messages.Where(m => m.FromBot).ToList();
        var lastChange = DateTime.UtcNow;
        while (DateTime.UtcNow - lastChange < quiet && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, Ct);
            var now = (await bot.ChatAsync(user))!.Messages.Where(m => m.FromBot).ToList();
            if (now.Count != replies.Count)
            {
                (replies, lastChange) = (now, DateTime.UtcNow);
            }
        }

        return replies;
    }

    private async Task AssertNothingRejectedAsync()
    {
        Assert.Empty(await bot.ValidationRejectionsAsync());
        Assert.Empty(bot.Log.Errors);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(50, Ct);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
