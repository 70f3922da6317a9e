using System.Net;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.IntegrationTests.ServiceDefaults;

/// <summary>
/// The health endpoints against PostgreSQL and Redis servers of the test's own, which it stops and restarts.
/// </summary>
public sealed class HealthTests
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    // A probe that hangs is as bad as a wrong one: an orchestrator times it out. Without the checks' own timeout, a
    // database check rode EF Core's retries and answered after 58 s.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    private sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options);

    private static Task<TestWebServer> StartServiceAsync(PostgresServer postgres, RedisServer redis, string environment = "Development") =>
        TestWebServer.StartAsync(
            app => app.MapDefaultEndpoints(),
            builder =>
            {
                builder.Configuration["ConnectionStrings:dmarketdb"] = postgres.ConnectionString;
                builder.Configuration["ConnectionStrings:cache"] = redis.ConnectionString;
                builder.AddServiceDefaults();
                builder.AddNpgsqlDbContext<ProbeDbContext>("dmarketdb");
                builder.AddRedisClient("cache");
            },
            environment);

    [Fact]
    public async Task HealthFollowsPostgresAndRedisWhileAliveStaysHealthy()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var service = await StartServiceAsync(postgres, redis);
        using var client = service.CreateClient();
        client.Timeout = ProbeTimeout;
        var ct = TestContext.Current.CancellationToken;

        await WaitForStatus(client, "/health", HttpStatusCode.OK);

        await postgres.StopAsync();
        await WaitForStatus(client, "/health", HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", ct)).StatusCode);

        await postgres.StartAgainAsync();
        await WaitForStatus(client, "/health", HttpStatusCode.OK);

        await redis.StopAsync();
        await WaitForStatus(client, "/health", HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", ct)).StatusCode);

        await redis.StartAgainAsync();
        await WaitForStatus(client, "/health", HttpStatusCode.OK);
    }

    [Fact]
    public async Task HealthEndpointsAreHiddenOutsideDevelopmentUnlessExposed()
    {
        await using var production = await TestWebServer.StartAsync(app => app.MapDefaultEndpoints(), b => b.AddServiceDefaults(), "Production");
        await using var exposed = await TestWebServer.StartAsync(
            app => app.MapDefaultEndpoints(),
            b =>
            {
                b.Configuration[Extensions.ExposeHealthEndpointsKey] = "true";
                b.AddServiceDefaults();
            },
            "Production");
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.NotFound, (await production.CreateClient().GetAsync("/health", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await exposed.CreateClient().GetAsync("/health", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await exposed.CreateClient().GetAsync("/alive", ct)).StatusCode);
    }

    private static async Task WaitForStatus(HttpClient client, string path, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + RecoveryTimeout;
        HttpStatusCode last;
        do
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            last = response.StatusCode;
            if (last == expected)
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"{path} stayed {last} for {RecoveryTimeout.TotalSeconds} s; expected {expected}.");
    }
}
