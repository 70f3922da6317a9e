using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DMarketAspire.Api.Model;
using DMarketAspire.Data.Domain;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DMarketAspire.IntegrationTests.Api;

/// <summary>The Api over real HTTP, on real PostgreSQL and Redis.</summary>
public sealed class ApiTests(InfrastructureFixture infrastructure)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListsFiltersAndSortsOpportunities()
    {
        var database = await ApiSeed.DatabaseAsync(infrastructure);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString);
        using var client = api.CreateClient();

        var page = await GetPageAsync(client, "/api/opportunities?game=rust&minProfitPercent=12&minLiquidity=45&limit=100&sort=percent");

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, o => Assert.True(o.GameId == "rust" && o.ProfitPercent >= 12 && o.Liquidity >= 45 && o.Status == "Active"));
        Assert.Equal(page.Items.OrderByDescending(o => o.ProfitPercent).ThenByDescending(o => o.Id).Select(o => o.Id), page.Items.Select(o => o.Id));
        Assert.Null(page.NextCursor);

        var byDollars = await GetPageAsync(client, "/api/opportunities?minProfitUsd=1.05&limit=100");
        Assert.All(byDollars.Items, o => Assert.True(o.ProfitCents >= 105));
        Assert.Contains(byDollars.Items, o => o.ProfitCents == 105);

        var one = byDollars.Items[0];
        Assert.Equal(one, await client.GetFromJsonAsync<OpportunityDto>($"/api/opportunities/{one.Id}", Json, Ct));
        using var missing = await client.GetAsync("/api/opportunities/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FiltersByItemAttributesEachBindingOnlyItsGame()
    {
        var database = await ApiSeed.DatabaseAsync(infrastructure);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString);
        using var client = api.CreateClient();
        await using var db = SchemaTests.NewContext(database);
        var all = await db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Active).ToListAsync(Ct);

        var factoryNew = await GetPageAsync(client, "/api/opportunities?exterior=fn&limit=100");
        Assert.Equal(all.Count(o => o.GameId != "a8db" || o.Attributes.Exterior == "Factory New"), factoryNew.Items.Count);
        Assert.All(factoryNew.Items, o => Assert.True(o.GameId == "rust" || o.Attributes.Exterior == "Factory New"));
        Assert.Contains(factoryNew.Items, o => o.GameId == "rust");

        var narrow = await GetPageAsync(client, "/api/opportunities?game=a8db&exterior=fn&statTrak=only&float=0-0.04&limit=100");
        var expected = all.Where(o => o.GameId == "a8db" && o.Attributes.Exterior == "Factory New" && o.Attributes.StatTrak && o.Attributes.FloatValue < 0.04).Select(o => o.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, narrow.Items.Select(o => o.Id).Order().ToList());
        Assert.All(narrow.Items, o => Assert.Equal("rifle", o.Attributes.Category));

        var rustArmor = await GetPageAsync(client, "/api/opportunities?game=rust&category=armor&limit=100");
        Assert.Empty(rustArmor.Items);
    }

    [Theory]
    [InlineData("profit")]
    [InlineData("percent")]
    [InlineData("liquidity")]
    [InlineData("newest")]
    public async Task PagesWithoutGapsOrRepeatsWhileOpportunitiesComeAndGo(string sort)
    {
        var database = await ApiSeed.DatabaseAsync(infrastructure);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString);
        using var client = api.CreateClient();
        await using var db = SchemaTests.NewContext(database);
        var present = await db.Opportunities.Where(o => o.Status == OpportunityStatus.Active).Select(o => o.Id).ToListAsync(Ct);
        var item = await db.Items.FirstAsync(Ct);

        List<OpportunityDto> seen = [];
        string? cursor = null;
        var pages = 0;
        HashSet<long> removed = [];
        do
        {
            var page = await GetPageAsync(client, $"/api/opportunities?sort={sort}&limit=7" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            seen.AddRange(page.Items);
            cursor = page.NextCursor;

            // Between pages the scanner finds new opportunities and others go: one already seen goes, one new appears.
            var gone = await db.Opportunities.FirstAsync(o => o.Id == page.Items[0].Id, Ct);
            gone.Status = OpportunityStatus.Gone;
            removed.Add(gone.Id);
            db.Opportunities.Add(ApiSeed.Opportunity(item, 1000 + pages));
            await db.SaveChangesAsync(Ct);
            await PublishChangeAsync();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Select(o => o.Id).Distinct().Count());
        Assert.Superset(present.ToHashSet(), seen.Select(o => o.Id).ToHashSet());
        Assert.True(pages >= 8, $"Only {pages} pages.");
    }

    [Theory]
    [InlineData("game=csgo", "game")]
    [InlineData("level=ultra", "level")]
    [InlineData("minProfitPercent=lots", "minProfitPercent")]
    [InlineData("minProfitUsd=-1", "minProfitUsd")]
    [InlineData("minLiquidity=101", "minLiquidity")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("status=sold", "status")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("float=0.9-0.1", "float")]
    [InlineData("float=abc", "float")]
    [InlineData("exterior=fn,shiny", "exterior")]
    [InlineData("statTrak=maybe", "statTrak")]
    [InlineData("tradeLock=99", "tradeLock")]
    public async Task ABadParameterGetsA400NamingIt(string query, string parameter)
    {
        var database = await ApiSeed.DatabaseAsync(infrastructure, opportunities: 0);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString);
        using var client = api.CreateClient();

        using var response = await client.GetAsync($"/api/opportunities?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Equal([parameter], problem!.Errors.Keys);
    }

    [Fact]
    public async Task OtherEndpointsAnswerAndValidate()
    {
        var database = await ApiSeed.DatabaseAsync(infrastructure);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString);
        using var client = api.CreateClient();

        var items = await client.GetFromJsonAsync<List<ItemSummary>>("/api/items?search=redline", Json, Ct);
        var redline = Assert.Single(items!);
        Assert.Equal((1304L, 1150L, 1250L), (redline.BestOfferCents!.Value, redline.BestBuyOrderCents!.Value, redline.MedianSaleCents!.Value));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/items?search=a", Ct)).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<List<ItemSummary>>("/api/items?search=%25_", Json, Ct))!);

        var history = await client.GetFromJsonAsync<ItemHistory>($"/api/items/a8db/{Uri.EscapeDataString("AK-47 | Redline (Field-Tested)")}/history", Json, Ct);
        Assert.Equal(5, history!.Prices.Count);
        Assert.Equal(5, history.Sales.Count);
        Assert.True(history.Prices.Zip(history.Prices.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/items/a8db/Nothing/history", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/items/a8db/Nothing/history?days=0", Ct)).StatusCode);

        var stats = await client.GetFromJsonAsync<Stats>("/api/stats", Json, Ct);
        Assert.Equal((500L, 60L, 60L, 2L), (stats!.Total.OffersPriced, stats.Total.OpportunitiesFound, stats.Total.OpportunitiesActive, stats.Total.Scans));
        Assert.Equal(20, stats.ByGameAndLevel.Single(u => u.GameId == "rust").OpportunitiesActive);

        var scans = await client.GetFromJsonAsync<ScanPage>("/api/scans?limit=1", Json, Ct);
        Assert.Equal("rust", Assert.Single(scans!.Items).GameId);
        var older = await client.GetFromJsonAsync<ScanPage>($"/api/scans?limit=1&cursor={scans.NextCursor}", Json, Ct);
        Assert.Equal("a8db", Assert.Single(older!.Items).GameId);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/scans?limit=x", Ct)).StatusCode);

        var openApi = await client.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("\"/api/opportunities\"", openApi);
        Assert.Contains("GetItemHistory", openApi);
    }

    [Fact]
    public async Task AClientOverItsRateGetsA429WithRetryAfter()
    {
        var database = await ApiSeed.DatabaseAsync(infrastructure, opportunities: 3);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString, ("Api:PermitsPerSecond", "2"), ("Api:Burst", "5"));
        using var client = api.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12 && limited is null; i++)
        {
            var response = await client.GetAsync("/api/opportunities", Ct);
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 5);
        Assert.True(limited!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
    }

    [Fact]
    public async Task HotReadsComeFromTheCacheUntilTheScannerSignalsAChange()
    {
        var database = await ApiSeed.DatabaseAsync(infrastructure, opportunities: 3);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString, ("Api:CacheTtl", "00:10:00"), ("Api:PollInterval", "00:10:00"));
        using var client = api.CreateClient();
        await using var db = SchemaTests.NewContext(database);
        Assert.Equal(3, (await GetPageAsync(client, "/api/opportunities")).Items.Count);

        // A row written behind the cache's back is not seen: the cache answers.
        var item = await db.Items.FirstAsync(Ct);
        var added = ApiSeed.Opportunity(item, 99);
        db.Opportunities.Add(added);
        await db.SaveChangesAsync(Ct);
        Assert.Equal(3, (await GetPageAsync(client, "/api/opportunities")).Items.Count);

        // The scanner's way: an outbox event, then the Redis signal.
        db.OpportunityEvents.Add(new OpportunityEvent { OpportunityId = added.Id, Kind = OpportunityEventKind.Found, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(Ct);
        await PublishChangeAsync();
        await WaitUntilAsync(async () => (await GetPageAsync(client, "/api/opportunities")).Items.Count == 4);
    }

    [Fact]
    public async Task TheStreamPushesChangesAsTheyHappen()
    {
        var database = await ApiSeed.DatabaseAsync(infrastructure, opportunities: 1);
        await using var api = await ApiHost.StartAsync(database, infrastructure.Redis.ConnectionString);
        using var client = api.CreateClient();
        await using var stream = await client.GetStreamAsync("/api/opportunities/stream", Ct);
        using var reader = new StreamReader(stream);
        Assert.Equal("event: ready", await reader.ReadLineAsync(Ct));

        await using var db = SchemaTests.NewContext(database);
        var opportunity = ApiSeed.Opportunity(await db.Items.FirstAsync(Ct), 7);
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(Ct);
        db.OpportunityEvents.Add(new OpportunityEvent { OpportunityId = opportunity.Id, Kind = OpportunityEventKind.Found, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(Ct);
        await PublishChangeAsync();

        string? line;
        do
        {
            line = await reader.ReadLineAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(20), Ct);
        }
        while (line is not null && !line.StartsWith("data: {\"eventId\"", StringComparison.Ordinal));

        var change = JsonSerializer.Deserialize<OpportunityChange>(line!["data: ".Length..], Json)!;
        Assert.Equal(("Found", opportunity.OfferId), (change.Kind, change.Opportunity.OfferId));
    }

    private async Task PublishChangeAsync()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.Redis.ConnectionString);
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(OpportunityChannels.Events), 1);
    }

    private static async Task<OpportunityPage> GetPageAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<OpportunityPage>(url, Json, Ct))!;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
