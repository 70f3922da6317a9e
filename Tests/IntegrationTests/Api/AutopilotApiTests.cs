using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DMarketAspire.Data.Domain;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.IntegrationTests.Api;

/// <summary>The caller's autopilot through the Api: settings with 400 ProblemDetails for bad input, on/off, live only when confirmed with keys, panic.</summary>
public sealed class AutopilotApiTests(InfrastructureFixture infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SettingsSwitchesModeAndPanicAreTheCallersAndBadInputIsNamed()
    {
        var database = await ApiSeed.DatabaseAsync(infrastructure, opportunities: 1);
        var key = await TradingSeed.UserWithTradesAsync(database);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString);
        using var http = api.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        // Never set: the defaults, off and paper.
        var fresh = await http.GetFromJsonAsync<JsonElement>("/api/me/autopilot", Ct);
        Assert.Equal((false, "paper", 5000L, 3), (fresh.GetProperty("enabled").GetBoolean(), fresh.GetProperty("mode").GetString(), fresh.GetProperty("dailySpendCents").GetInt64(), fresh.GetProperty("maxOpenPositions").GetInt32()));

        // Bad input: each field named, nothing changed.
        var bad = await http.PatchAsJsonAsync("/api/me/autopilot", new { dailySpendCents = -1, maxBalanceSharePercent = 150, games = new[] { "csgo" }, afterBuy = "sell", sanityMultiple = 0.5 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["afterBuy", "dailySpendCents", "games", "maxBalanceSharePercent", "sanityMultiple"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(5000L, (await http.GetFromJsonAsync<JsonElement>("/api/me/autopilot", Ct)).GetProperty("dailySpendCents").GetInt64());

        var changed = await (await http.PatchAsJsonAsync("/api/me/autopilot", new { dailySpendCents = 2500, maxOpenPositions = 5, games = new[] { "a8db" }, afterBuy = "hold" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((2500L, 5, "a8db", "hold", 2000L), (changed.GetProperty("dailySpendCents").GetInt64(), changed.GetProperty("maxOpenPositions").GetInt32(), changed.GetProperty("games")[0].GetString(), changed.GetProperty("afterBuy").GetString(), changed.GetProperty("maxPriceCents").GetInt64()));

        var on = await (await http.PostAsJsonAsync("/api/me/autopilot/switch", new { enabled = true }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(on.GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/me/autopilot/switch", new { }, Ct)).StatusCode);

        // Live needs a confirmation, then keys: neither given, the mode stays paper.
        var unconfirmed = await http.PostAsJsonAsync("/api/me/autopilot/mode", new { mode = "live" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("confirm", await unconfirmed.Content.ReadAsStringAsync(Ct));
        var keyless = await http.PostAsJsonAsync("/api/me/autopilot/mode", new { mode = "live", confirm = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, keyless.StatusCode);
        Assert.Contains("/connect", await keyless.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/me/autopilot/mode", new { mode = "turbo" }, Ct)).StatusCode);
        Assert.Equal("paper", (await http.GetFromJsonAsync<JsonElement>("/api/me/autopilot", Ct)).GetProperty("mode").GetString());

        // Panic: a typo still stops it first; without keys the report says so.
        var typo = await http.PostAsJsonAsync("/api/me/autopilot/panic", new { then = "dlist" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.False((await http.GetFromJsonAsync<JsonElement>("/api/me/autopilot", Ct)).GetProperty("enabled").GetBoolean());
        await http.PostAsJsonAsync("/api/me/autopilot/switch", new { enabled = true }, Ct);
        var panic = await (await http.PostAsJsonAsync("/api/me/autopilot/panic", new { then = "delist" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Delist", true, false), (panic.GetProperty("choice").GetString(), panic.GetProperty("stopped").GetBoolean(), panic.GetProperty("keysConnected").GetBoolean()));
        Assert.False((await http.GetFromJsonAsync<JsonElement>("/api/me/autopilot", Ct)).GetProperty("enabled").GetBoolean());

        // The decision log and paper positions are the caller's own.
        await using (var db = SchemaTests.NewContext(database))
        {
            var user = await db.ApiKeys.Select(k => k.UserId).FirstAsync(Ct);
            var decision = new AutopilotDecision { UserId = user, OfferId = "o-1", GameId = "a8db", Title = "Logged Crate", PriceCents = 300, ResaleCents = 400, Mode = AutopilotMode.Paper, Outcome = AutopilotOutcome.Skipped, Reason = "daily_spend", CreatedAt = DateTimeOffset.UtcNow };
            db.AutopilotDecisions.Add(decision);
            await db.SaveChangesAsync(Ct);
        }

        var decisions = await http.GetFromJsonAsync<JsonElement>("/api/me/autopilot/decisions?limit=5", Ct);
        Assert.Equal(("skipped", "daily_spend", "Logged Crate"), (decisions[0].GetProperty("outcome").GetString(), decisions[0].GetProperty("reason").GetString(), decisions[0].GetProperty("title").GetString()));
        var today = (await http.GetFromJsonAsync<JsonElement>("/api/me/autopilot", Ct)).GetProperty("today");
        Assert.Equal(("skipped", "daily_spend", 1), (today[0].GetProperty("outcome").GetString(), today[0].GetProperty("reason").GetString(), today[0].GetProperty("count").GetInt32()));
        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>("/api/me/autopilot/paper", Ct)).GetArrayLength());

        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/autopilot", Ct)).StatusCode);
    }
}
