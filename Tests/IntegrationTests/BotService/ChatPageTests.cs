using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>The Telegram simulator's chat page in Debian's Chromium: a newcomer types /start, presses buttons, sees replies.</summary>
public sealed class ChatPageTests(ChatPageTests.Fixture bot) : IClassFixture<ChatPageTests.Fixture>
{
    public sealed class Fixture(InfrastructureFixture infrastructure) : BotFixture(infrastructure);

    [Fact]
    public async Task ANewcomerChatsWithTheBotInTheBrowser()
    {
        Chromium.AssertInstalled();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(bot.Address, "/?user=31001&name=Pat%20%3Cb%3E&language=en").ToString());

        var shots = Path.Combine(AppContext.BaseDirectory, "chat-page-screenshots");
        Directory.CreateDirectory(shots);
        try
        {
            await ConverseAsync(page);
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "chat.png"), FullPage = true });
        }

        Assert.Equal(10m, (await BotSeed.UserAsync(bot.Database, 31001)).MinProfitPercent);
        Assert.Empty(await bot.ValidationRejectionsAsync());
    }

    private static async Task ConverseAsync(IPage page)
    {
        await page.FillAsync("#text", "/start");
        await page.PressAsync("#text", "Enter");
        var welcome = page.Locator(".message.bot", new() { HasTextString = "Hi, Pat <b>!" });
        await welcome.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(0, await page.Locator(".message.bot b").CountAsync());

        await welcome.GetByRole(AriaRole.Button, new() { Name = "⚙️ Settings" }).ClickAsync();
        var settings = page.Locator(".message.bot", new() { HasTextString = "Games: all" });
        await settings.WaitForAsync(new() { Timeout = 15_000 });
        // The bot edits this message in place as the user moves through the settings.
        var same = page.Locator($".message.bot[data-message-id=\"{await settings.GetAttributeAsync("data-message-id")}\"]");
        await same.GetByRole(AriaRole.Button, new() { Name = "% Min profit" }).ClickAsync();
        await same.GetByRole(AriaRole.Button, new() { Name = "10%", Exact = true }).ClickAsync();
        await page.Locator(".message.bot", new() { HasTextString = "Min profit: 10% · $0.00" }).WaitForAsync(new() { Timeout = 15_000 });
    }
}
