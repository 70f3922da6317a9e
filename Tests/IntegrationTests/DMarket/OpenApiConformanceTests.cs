using System.Net.Http.Json;
using System.Text.Json;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.DMarketSimulator.Apis;
using DMarketAspire.DMarketSimulator.Market;
using YamlDotNet.Serialization;

namespace DMarketAspire.IntegrationTests.DMarket;

/// <summary>
/// The simulator answers every endpoint of DMarket's OpenAPI file that it serves with every field the spec
/// declares for the 200 response, of the declared JSON type, at every depth the response has data for.
/// </summary>
public sealed class OpenApiConformanceTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string Cs2 = DMarketGames.CounterStrike2;
    private static readonly Lazy<Dictionary<object, object>> Spec = new(() =>
        (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "dmarket-trading-openapi.yml")))!);

    // Lists a healthy account legitimately has empty, so there is nothing in them to check.
    private static readonly HashSet<string> MayBeEmpty = ["$.restrictions"];

    private readonly DMarketClientHost _host = DMarketClientHost.Create(simulator.Address);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string> ServedOperations() => new()
    {
        { "get", "/account/v1/user" },
        { "get", "/account/v1/balance" },
        { "get", "/marketplace-api/v1/targets-by-title/{game_id}/{title}" },
        { "post", "/marketplace-api/v1/aggregated-prices" },
        { "get", "/marketplace-api/v2/user/targets" },
        { "get", "/marketplace-api/v1/user-targets/closed" },
        { "post", "/marketplace-api/v1/user-targets/create" },
        { "post", "/marketplace-api/v1/user-targets/delete" },
        { "get", "/marketplace-api/v2/offers" },
        { "patch", "/exchange/v1/offers-buy" },
        { "get", "/exchange/v1/customized-fees" },
        { "get", "/trade-aggregator/v1/last-sales" },
        { "get", "/marketplace-api/v2/user/inventory" },
        { "get", "/marketplace-api/v2/user/offers" },
        { "post", "/marketplace-api/v2/offers:batchCreate" },
        { "post", "/marketplace-api/v2/offers:batchUpdate" },
        { "post", "/marketplace-api/v2/offers:batchDelete" },
        { "get", "/marketplace-api/v1/user-offers/closed" },
    };

    [Theory]
    [MemberData(nameof(ServedOperations))]
    public async Task ResponsesCarryEveryDeclaredField(string method, string path)
    {
        var schema = ResponseSchema(method, path);
        var body = await CallAsync(method, path);

        List<string> problems = [];
        Check(schema, body, "$", problems);

        Assert.True(problems.Count == 0, $"{method.ToUpperInvariant()} {path}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private async Task<JsonElement> CallAsync(string method, string path)
    {
        var http = _host.SignedHttpClient();
        var client = _host.Client;
        var title = $"AK-47 | Spec {Guid.NewGuid():N} (Field-Tested)";

        // Every list must have data, or the fields of its items go unchecked.
        var target = (await client.CreateTargetsAsync(Cs2, [new NewTarget(title, 1000, 2)], Ct)).Single();
        var offer = await Plant(title, 1500);

        HttpResponseMessage response = (method, path) switch
        {
            ("get", "/marketplace-api/v1/targets-by-title/{game_id}/{title}") => await http.GetAsync($"/marketplace-api/v1/targets-by-title/{Cs2}/{Uri.EscapeDataString(title)}", Ct),
            ("post", "/marketplace-api/v1/aggregated-prices") => await http.PostAsJsonAsync(path, new { filter = new { game = Cs2, titles = new[] { title } }, limit = "100", cursor = "" }, Ct),
            ("get", "/marketplace-api/v2/user/targets") => await http.GetAsync($"{path}?gameId={Cs2}&limit=10", Ct),
            ("get", "/marketplace-api/v1/user-targets/closed") => await ClosedTargets(http, title),
            ("post", "/marketplace-api/v1/user-targets/create") => await http.PostAsync(path, JsonContent.Create(new
            {
                GameID = Cs2,
                Targets = new[] { new { Amount = "1", Price = new { Currency = "USD", Amount = 10.5m }, Title = title, Attrs = new { floatPartValue = "FT-0", phase = "", paintSeed = 0 } } },
            }), Ct),
            ("post", "/marketplace-api/v1/user-targets/delete") => await http.PostAsJsonAsync(path, new { Targets = new[] { new { TargetID = target.TargetId } } }, Ct),
            ("get", "/marketplace-api/v2/offers") => await http.GetAsync($"{path}?gameId={Cs2}&limit=5", Ct),
            ("patch", "/exchange/v1/offers-buy") => await http.PatchAsJsonAsync(path, new { offers = new[] { new { offerId = offer, price = new { amount = "1500", currency = "USD" }, type = "dmarket" } } }, Ct),
            ("get", "/exchange/v1/customized-fees") => await http.GetAsync($"{path}?gameId={Cs2}&limit=10", Ct),
            ("get", "/marketplace-api/v2/user/inventory") => await OwnedThen(client, title, offer, _ => http.GetAsync($"{path}?gameId={Cs2}&limit=10&title={Uri.EscapeDataString(title)}", Ct)),
            ("get", "/marketplace-api/v2/user/offers") => await ListedThen(client, title, offer, 1600, _ => http.GetAsync($"{path}?gameId={Cs2}&limit=10", Ct)),
            ("post", "/marketplace-api/v2/offers:batchCreate") => await OwnedThen(client, title, offer, asset =>
                http.PostAsJsonAsync(path, new { requests = new object[] { new { assetId = asset, priceCents = 1700 }, new { assetId = "no-such-asset", priceCents = 1700 } } }, Ct)),
            ("post", "/marketplace-api/v2/offers:batchUpdate") => await ListedThen(client, title, offer, 1700, listed =>
                http.PostAsJsonAsync(path, new { requests = new object[] { new { offerId = listed, priceCents = 1650 }, new { offerId = "no-such-offer", priceCents = 1650 } } }, Ct)),
            ("post", "/marketplace-api/v2/offers:batchDelete") => await ListedThen(client, title, offer, 1700, listed =>
                http.PostAsJsonAsync(path, new { requests = new object[] { new { offerId = listed }, new { offerId = "no-such-offer" } } }, Ct)),
            // Listed under the title's buy order, the item sells at once: a closed offer with its fee.
            ("get", "/marketplace-api/v1/user-offers/closed") => await ListedThen(client, title, offer, 900, _ => http.GetAsync($"{path}?Limit=10", Ct)),
            ("get", "/trade-aggregator/v1/last-sales") => await http.GetAsync($"{path}?gameId={Cs2}&title={Uri.EscapeDataString((await simulator.GetAsync<List<SimulatorControlApi.CatalogEntry>>($"/_sim/catalogue/{Cs2}"))[0].Title)}&limit=5", Ct),
            _ => await http.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path), Ct),
        };

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    /// <summary>Buys the planted offer, so the account holds an item, then calls with its asset id.</summary>
    private static async Task<HttpResponseMessage> OwnedThen(DMarketClient client, string title, string offer, Func<string, Task<HttpResponseMessage>> call)
    {
        Assert.Equal("TxSuccess", (await client.BuyOffersAsync([new OfferToBuy(offer, 1500)], Ct)).Status);
        var asset = await client.GetInventoryAsync(Cs2, title, Ct).SingleAsync(Ct);
        return await call(asset.AssetId);
    }

    /// <summary>Buys the planted offer and lists the item at a price, then calls with the listing's offer id.</summary>
    private static Task<HttpResponseMessage> ListedThen(DMarketClient client, string title, string offer, long priceCents, Func<string, Task<HttpResponseMessage>> call) =>
        OwnedThen(client, title, offer, async asset =>
        {
            var listed = (await client.CreateOffersAsync([(asset, priceCents)], Ct)).Single();
            Assert.True(listed.Successful, listed.FailMessage);
            return await call(listed.OfferId!);
        });

    private async Task<HttpResponseMessage> ClosedTargets(HttpClient http, string title)
    {
        // A listing under the buy order fills it, which closes a target.
        await Plant(title, 900);
        return await http.GetAsync("/marketplace-api/v1/user-targets/closed?Limit=10", Ct);
    }

    private async Task<string> Plant(string title, long priceCents)
    {
        using var response = await simulator.PostAsync("/_sim/offers", new PlantOfferRequest(Cs2, title, priceCents));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SimulatorControlApi.PlantedOffer>(Ct))!.OfferId ?? string.Empty;
    }

    private static Dictionary<object, object> ResponseSchema(string method, string path)
    {
        var paths = (Dictionary<object, object>)Spec.Value["paths"];
        var operation = (Dictionary<object, object>)((Dictionary<object, object>)paths[path])[method];
        var ok = (Dictionary<object, object>)((Dictionary<object, object>)operation["responses"])["200"];
        var json = (Dictionary<object, object>)((Dictionary<object, object>)ok["content"])["application/json"];
        return (Dictionary<object, object>)json["schema"];
    }

    private static Dictionary<object, object> Resolve(Dictionary<object, object> schema)
    {
        while (schema.TryGetValue("$ref", out var reference))
        {
            var name = ((string)reference).Split('/')[^1];
            schema = (Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)Spec.Value["components"])["schemas"])[name];
        }

        return schema;
    }

    private static void Check(Dictionary<object, object> schema, JsonElement value, string at, List<string> problems)
    {
        schema = Resolve(schema);
        var type = schema.TryGetValue("type", out var t) ? (string)t : schema.ContainsKey("properties") ? "object" : null;

        switch (type)
        {
            case "object":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{at}: expected an object, got {value.ValueKind}");
                    return;
                }

                if (schema.TryGetValue("properties", out var properties))
                {
                    foreach (var (name, propertySchema) in (Dictionary<object, object>)properties)
                    {
                        if (value.TryGetProperty((string)name, out var property))
                        {
                            Check((Dictionary<object, object>)propertySchema, property, $"{at}.{name}", problems);
                        }
                        else
                        {
                            problems.Add($"{at}.{name}: missing");
                        }
                    }
                }

                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{at}: expected an array, got {value.ValueKind}");
                }
                else if (value.GetArrayLength() == 0 && !MayBeEmpty.Contains(at))
                {
                    problems.Add($"{at}: empty, so its items could not be checked");
                }
                else if (value.GetArrayLength() > 0)
                {
                    Check((Dictionary<object, object>)schema["items"], value[0], $"{at}[0]", problems);
                }

                break;
            case "string" when value.ValueKind != JsonValueKind.String:
            case "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
            case "integer" or "number" when value.ValueKind != JsonValueKind.Number:
                problems.Add($"{at}: expected {type}, got {value.ValueKind}");
                break;
        }
    }
}
