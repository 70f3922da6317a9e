using DMarketAspire.IntegrationTests.Infrastructure;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>Personal word lists: titles with a skip word never reach the user; with "only" words, only titles holding one do.</summary>
public sealed class BotWordListTests(BotWordListTests.Fixture bot) : IClassFixture<BotWordListTests.Fixture>
{
    private const long User = 930001;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Fixture(InfrastructureFixture infrastructure) : BotFixture(infrastructure);

    [Fact]
    public async Task SkipAndOnlyWordsDecideNotificationsAndScans()
    {
        await bot.SendAsync(User, "/start");
        await bot.WaitForBotMessageAsync(User, m => m.Text.StartsWith("Hi", StringComparison.Ordinal));
        await bot.SendAsync(User, "/settings skip a");
        await bot.WaitForBotMessageAsync(User, m => m.Text.StartsWith("Words: /settings skip souvenir, sticker", StringComparison.Ordinal), what: "too short a word");
        await bot.SendAsync(User, "/settings only");
        await bot.WaitForBotMessageAsync(User, m => m.Text.StartsWith("Words: /settings only souvenir, sticker", StringComparison.Ordinal), what: "no words");
        await bot.SendAsync(User, "/settings skip Souvenir, 100%_Off");
        var saved = await bot.WaitForBotMessageAsync(User, m => m.Text.StartsWith("Saved.", StringComparison.Ordinal) && m.Text.Contains("Skip titles with: souvenir, 100%_off", StringComparison.Ordinal), what: "saved");
        Assert.Contains("Only titles with: off", saved.Text);

        await BotSeed.PlantAsync(bot.Database, bot.Redis,
            new BotSeed.Planted("a8db", "pro", "AK-47 | Words Souvenir Test (Field-Tested)", 50_000, 30m),
            new BotSeed.Planted("a8db", "pro", "Sticker | 100%_off Words Test", 50_000, 30m),
            new BotSeed.Planted("a8db", "pro", "Sticker | 100% off Words Test", 50_000, 30m),
            new BotSeed.Planted("a8db", "pro", "M4A1-S | Words Plain Test (Field-Tested)", 50_000, 30m));
        await bot.WaitForBotMessageAsync(User, m => m.Text.Contains("Words Plain Test", StringComparison.Ordinal), what: "the plain one");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var chat = (await bot.ChatAsync(User))!;
        Assert.DoesNotContain(chat.Messages, m => m.Text.Contains("Words Souvenir Test", StringComparison.Ordinal) || m.Text.Contains("100%_off Words", StringComparison.Ordinal));
        // "%" and "_" are matched as typed, not as LIKE's wildcards: "100% off" is not "100%_off".
        Assert.Contains(chat.Messages, m => m.Text.Contains("100% off Words Test", StringComparison.Ordinal));

        await bot.SendAsync(User, "/scan cs2 pro");
        var scan = await bot.WaitForBotMessageAsync(User, m => m.Text.StartsWith("🔎", StringComparison.Ordinal) || m.Text.Contains("Words Plain Test", StringComparison.Ordinal) && !m.Text.StartsWith("🔔", StringComparison.Ordinal), what: "scan");
        Assert.Contains("Words Plain Test", scan.Text);
        Assert.DoesNotContain("Words Souvenir Test", scan.Text);
        Assert.DoesNotContain("100%_off", scan.Text);

        await bot.SendAsync(User, "/settings only doppler");
        await bot.WaitForBotMessageAsync(User, m => m.Text.StartsWith("Saved.", StringComparison.Ordinal) && m.Text.Contains("Only titles with: doppler", StringComparison.Ordinal), what: "only saved");
        await BotSeed.PlantAsync(bot.Database, bot.Redis,
            new BotSeed.Planted("a8db", "pro", "Karambit | Words Doppler Test (Factory New)", 50_000, 30m),
            new BotSeed.Planted("a8db", "pro", "AWP | Words Other Test (Factory New)", 50_000, 30m));
        await bot.WaitForBotMessageAsync(User, m => m.Text.Contains("Words Doppler Test", StringComparison.Ordinal), what: "the doppler");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.DoesNotContain((await bot.ChatAsync(User))!.Messages, m => m.Text.Contains("Words Other Test", StringComparison.Ordinal));
        var before = (await bot.ChatAsync(User))!.Messages.Max(m => m.MessageId);
        await bot.SendAsync(User, "/scan cs2 pro");
        var only = await bot.WaitForBotMessageAsync(User, m => m.MessageId > before + 1, what: "scan in whitelist mode");
        Assert.Contains("Words Doppler Test", only.Text);
        Assert.DoesNotContain("Words Plain Test", only.Text);
    }
}
