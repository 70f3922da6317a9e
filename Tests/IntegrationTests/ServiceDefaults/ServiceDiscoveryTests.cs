using DMarketAspire.TestSupport;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.ServiceDiscovery;

namespace DMarketAspire.IntegrationTests.ServiceDefaults;

public sealed class ServiceDiscoveryTests
{
    private static Task<TestWebServer> StartNamedServer(string name) =>
        TestWebServer.StartAsync(app => app.MapGet("/whoami", () => name));

    [Theory]
    [InlineData("http://catalog")]
    [InlineData("https+http://catalog")]
    public async Task ResolvesAServiceNameFromTheServicesSection(string baseAddress)
    {
        await using var catalog = await StartNamedServer("catalog-1");
        using var host = ServiceDefaultsHost.Build(new Dictionary<string, string?>
        {
            ["services:catalog:http:0"] = catalog.BaseAddress.ToString(),
        });
        var client = host.CreateClient();
        client.BaseAddress = new Uri(baseAddress);

        var body = await client.GetStringAsync("/whoami?x=1", TestContext.Current.CancellationToken);

        Assert.Equal("catalog-1", body);
    }

    [Fact]
    public async Task SpreadsRequestsOverReplicas()
    {
        await using var first = await StartNamedServer("replica-a");
        await using var second = await StartNamedServer("replica-b");
        using var host = ServiceDefaultsHost.Build(new Dictionary<string, string?>
        {
            ["services:scanner:http:0"] = first.BaseAddress.ToString(),
            ["services:scanner:http:1"] = second.BaseAddress.ToString(),
        });
        var client = host.CreateClient();

        List<string> answers = [];
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.GetStringAsync("http://scanner/whoami", TestContext.Current.CancellationToken));
        }

        Assert.Equal(2, answers.Count(a => a == "replica-a"));
        Assert.Equal(2, answers.Count(a => a == "replica-b"));
    }

    [Fact]
    public async Task ResolvesANamedEndpoint()
    {
        await using var admin = await StartNamedServer("admin-endpoint");
        using var host = ServiceDefaultsHost.Build(new Dictionary<string, string?>
        {
            ["services:api:http:0"] = "http://127.0.0.1:1",
            ["services:api:admin:0"] = admin.BaseAddress.ToString(),
        });

        var body = await host.CreateClient().GetStringAsync("http://_admin.api/whoami", TestContext.Current.CancellationToken);

        Assert.Equal("admin-endpoint", body);
    }

    [Fact]
    public async Task LeavesAnUnconfiguredHostAlone()
    {
        await using var server = await StartNamedServer("plain");
        using var host = ServiceDefaultsHost.Build(new Dictionary<string, string?>());

        var body = await host.CreateClient().GetStringAsync(new Uri(server.BaseAddress, "/whoami"), TestContext.Current.CancellationToken);

        Assert.Equal("plain", body);
    }
}
