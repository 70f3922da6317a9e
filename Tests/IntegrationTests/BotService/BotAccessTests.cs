using System.Net.Http.Json;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.TelegramSimulator.Control;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// A bot restricted by <c>Telegram:AllowedUsers</c>: a stranger is refused once and nothing about them is stored; an
/// admin's <c>/allow</c> admits them, <c>/deny</c> shuts them out again; a non-admin cannot change the list.
/// </summary>
public sealed class BotAccessTests(BotAccessTests.Fixture bot) : IClassFixture<BotAccessTests.Fixture>
{
    private const long Member = 900100;
    private const long Stranger = 910001;
    private const long FriendById = 910002;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Fixture(InfrastructureFixture infrastructure) : BotFixture(infrastructure)
    {
        protected override (string Key, string Value)[] BotSettings => [("Telegram:AllowedUsers", $"{Member}, @Friendly")];
    }

    [Fact]
    public async Task AStrangerIsRefusedOnceAndNotStoredUntilAnAdminAllowsThem()
    {
        await bot.SendAsync(Stranger, "/start");
        await bot.WaitForBotMessageAsync(Stranger, m => m.Text.StartsWith("This bot is private", StringComparison.Ordinal), what: "refusal");
        await bot.SendAsync(Stranger, "/help");
        await bot.SendAsync(Stranger, "hello?");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Single((await bot.ChatAsync(Stranger))!.Messages, m => m.FromBot);
        Assert.False(await StoredAsync(Stranger));

        // A member may use the bot but not change who may.
        await bot.SendAsync(Member, "/start");
        await bot.WaitForBotMessageAsync(Member, m => m.Text.StartsWith("Hi", StringComparison.Ordinal), what: "member welcomed");
        await bot.SendAsync(Member, $"/allow {Stranger}");
        await bot.WaitForBotMessageAsync(Member, m => m.Text == "Only the bot's administrators decide who may use it.", what: "not an admin");
        Assert.False(await StoredAsync(Stranger));

        await bot.SendAsync(BotFixture.AdminId, "/allow nobody");
        await bot.WaitForBotMessageAsync(BotFixture.AdminId, m => m.Text.StartsWith("Usage: /allow <Telegram user id | @username>", StringComparison.Ordinal), what: "usage");
        await bot.SendAsync(BotFixture.AdminId, $"/allow {Stranger}");
        await bot.WaitForBotMessageAsync(BotFixture.AdminId, m => m.Text == $"✅ {Stranger} may use the bot now.", what: "allowed");
        await bot.SendAsync(Stranger, "/start");
        await bot.WaitForBotMessageAsync(Stranger, m => m.Text.StartsWith("Hi", StringComparison.Ordinal), what: "stranger welcomed");
        Assert.True(await StoredAsync(Stranger));

        await bot.SendAsync(BotFixture.AdminId, "/users");
        var list = await bot.WaitForBotMessageAsync(BotFixture.AdminId, m => m.Text.StartsWith("Who may use the bot", StringComparison.Ordinal), what: "users");
        Assert.Contains($"• {Member} (configuration)", list.Text);
        Assert.Contains("• @friendly (configuration)", list.Text);
        Assert.Contains($"• {Stranger} (added by {BotFixture.AdminId}", list.Text);

        await bot.SendAsync(BotFixture.AdminId, $"/deny {Stranger}");
        await bot.WaitForBotMessageAsync(BotFixture.AdminId, m => m.Text == $"🚫 {Stranger} may no longer use the bot; their notifications are stopped.", what: "denied");
        // Refused again, silently: the one refusal of the interval was given already.
        var answered = (await bot.ChatAsync(Stranger))!.Messages.Count(m => m.FromBot);
        await bot.SendAsync(Stranger, "/help");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Equal(answered, (await bot.ChatAsync(Stranger))!.Messages.Count(m => m.FromBot));
        await using var db = SchemaTests.NewContext(bot.Database);
        Assert.True((await db.BotUsers.SingleAsync(u => u.Id == Stranger, Ct)).Paused);
    }

    [Fact]
    public async Task AUserAllowedByUsernameGetsInAndAnOpenCommandTellsAdminsHowItIsSet()
    {
        (await bot.Http.PostAsJsonAsync($"/_sim/users/{FriendById}/messages", new UserMessageRequest("/start", "Friend", "FRIENDLY", "ru"), Ct)).EnsureSuccessStatusCode();
        await bot.WaitForBotMessageAsync(FriendById, m => m.Text.StartsWith("Привет", StringComparison.Ordinal), what: "friend welcomed in Russian");
        Assert.True(await StoredAsync(FriendById));

        // A stranger writing in Russian is refused in Russian.
        await bot.SendAsync(910003, "/start", "ru");
        await bot.WaitForBotMessageAsync(910003, m => m.Text.StartsWith("Это частный бот", StringComparison.Ordinal), what: "refusal in Russian");
        Assert.False(await StoredAsync(910003));
    }

    private async Task<bool> StoredAsync(long user)
    {
        await using var db = SchemaTests.NewContext(bot.Database);
        return await db.BotUsers.AnyAsync(u => u.Id == user, Ct) || await db.Notifications.AnyAsync(n => n.UserId == user, Ct);
    }
}
