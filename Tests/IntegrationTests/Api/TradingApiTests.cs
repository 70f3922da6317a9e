using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace DMarketAspire.IntegrationTests.Api;

/// <summary>
/// The caller's trading through the Api (positions, trades, P&amp;L, buys' bad input) and the web page that shows them,
/// in Debian's Chromium.
/// </summary>
public sealed class TradingApiTests(InfrastructureFixture infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PositionsTradesAndProfitAreTheCallersAndToTheCent()
    {
        var database = await ApiSeed.DatabaseAsync(infrastructure, opportunities: 3);
        var key = await TradingSeed.UserWithTradesAsync(database);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString);
        using var http = api.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        var positions = await http.GetFromJsonAsync<JsonElement>("/api/me/positions", Ct);
        Assert.Equal(2, positions.GetArrayLength());
        Assert.Equal("Listed Crate", positions[0].GetProperty("title").GetString());
        Assert.Equal(500, positions[0].GetProperty("listPriceCents").GetInt64());
        Assert.Equal("Unknown", positions[0].GetProperty("costSource").GetString());
        Assert.Equal(1234, positions[1].GetProperty("costCents").GetInt64());

        var trades = await http.GetFromJsonAsync<JsonElement>("/api/me/trades", Ct);
        Assert.Equal(["Deposited Knife", "Loss Case", "Sold Crate"], trades.EnumerateArray().Select(t => t.GetProperty("title").GetString()));

        var pnl = await http.GetFromJsonAsync<JsonElement>("/api/me/pnl", Ct);
        var all = pnl.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "all");
        Assert.Equal((3, 350 - 140L, 10900L, 460L, 1), (all.GetProperty("trades").GetInt32(), all.GetProperty("realizedCents").GetInt64(), all.GetProperty("volumeCents").GetInt64(), all.GetProperty("feesCents").GetInt64(), all.GetProperty("unknownCost").GetInt32()));
        var today = pnl.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "7d");
        Assert.Equal(210, today.GetProperty("realizedCents").GetInt64());
        Assert.Equal("Sold Crate", pnl.GetProperty("best").GetProperty("title").GetString());
        Assert.Equal("Loss Case", pnl.GetProperty("worst").GetProperty("title").GetString());
        Assert.Equal([350L, 210L, 210L], pnl.GetProperty("series").EnumerateArray().Select(p => p.GetProperty("realizedCents").GetInt64()));

        // Bad input: a 400 ProblemDetails naming each field; no key: 401.
        var bad = await http.PostAsJsonAsync("/api/me/buys", new { offerId = "", requestKey = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("offerId", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("requestKey", out _));
        var unknown = await http.PostAsJsonAsync("/api/me/buys", new { offerId = "no-such-offer", requestKey = "k1" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("No listing with offer id 'no-such-offer'", await unknown.Content.ReadAsStringAsync(Ct));
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/positions", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheWebPageShowsPositionsTradesAndTheProfitChart()
    {
        Chromium.AssertInstalled();
        var database = await ApiSeed.DatabaseAsync(infrastructure, opportunities: 3);
        var key = await TradingSeed.UserWithTradesAsync(database);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        List<string> console = [];
        page.PageError += (_, error) => console.Add($"error: {error}");

        // The key rides in the fragment, which the browser never sends; the page drops it from the address at once.
        await page.GotoAsync(new Uri(api.BaseAddress, "me.html#key=" + key).ToString());
        await page.WaitForFunctionAsync("() => Number(document.getElementById('pnl-chart').dataset.points) === 3");
        Assert.DoesNotContain(key, page.Url, StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("#positions tr").CountAsync());
        Assert.Equal(3, await page.Locator("#trades tr").CountAsync());
        Assert.Equal("Realized +$2.10 over 3 sales (volume $109.00, fees $4.60).", await page.TextContentAsync("#pnl-summary"));
        Assert.Contains("−$1.40", await page.Locator("#trades tr", new() { HasText = "Loss Case" }).TextContentAsync());
        Assert.Empty(console);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "dmarket-me-page.png"), FullPage = true });

        // A wrong key says what to do.
        var other = await browser.NewPageAsync();
        await other.GotoAsync(new Uri(api.BaseAddress, "me.html#key=dma_wrong").ToString());
        await other.Locator("#error").WaitForAsync();
        Assert.Contains("/apikey issues a new one", await other.TextContentAsync("#error"));
    }
}
