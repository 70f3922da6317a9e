using DMarketAspire.TestSupport;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DMarketAspire.IntegrationTests.ServiceDefaults;

public sealed class ResilienceTests
{
    // Short delays so the tests are quick; the code defaults (2 s exponential) are checked separately.
    private static Dictionary<string, string?> FastRetries(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Resilience:Default:Retry:Delay"] = "00:00:00.010",
            ["Resilience:Default:Retry:UseJitter"] = "false",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task RetriesA503UntilTheServerRecovers()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Status(503), ScriptedServer.Status(503), ScriptedServer.Status(200));
        using var host = ServiceDefaultsHost.Build(FastRetries());

        using var response = await host.CreateClient().GetAsync(server.Address, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task RetriesA429AfterWaitingRetryAfter()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Status(429, retryAfter: "1"), ScriptedServer.Status(200));
        using var host = ServiceDefaultsHost.Build(FastRetries());

        using var response = await host.CreateClient().GetAsync(server.Address, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var arrivals = server.Arrivals;
        Assert.Equal(2, arrivals.Length);
        // The configured backoff is 10 ms; only Retry-After explains a gap of a second.
        Assert.InRange(arrivals[1] - arrivals[0], TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task IgnoresRetryAfterWhenSwitchedOff()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Status(429, retryAfter: "5"), ScriptedServer.Status(200));
        using var host = ServiceDefaultsHost.Build(FastRetries(("Resilience:Default:Retry:ShouldRetryAfterHeader", "false")));

        using var response = await host.CreateClient().GetAsync(server.Address, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var arrivals = server.Arrivals;
        Assert.True(arrivals[1] - arrivals[0] < TimeSpan.FromSeconds(2), $"Waited {arrivals[1] - arrivals[0]} although Retry-After is off.");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task DoesNotRetryAClientError(int status)
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Status(status), ScriptedServer.Status(200));
        using var host = ServiceDefaultsHost.Build(FastRetries());

        using var response = await host.CreateClient().GetAsync(server.Address, TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task GivesUpAfterThreeRetriesByDefault()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Status(500));
        using var host = ServiceDefaultsHost.Build(FastRetries());

        using var response = await host.CreateClient().GetAsync(server.Address, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task CircuitBreakerOpensAndStopsCallingTheServer()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Status(500));
        using var host = ServiceDefaultsHost.Build(FastRetries(
            ("Resilience:Default:Retry:MaxRetryAttempts", "1"),
            ("Resilience:Default:CircuitBreaker:MinimumThroughput", "4"),
            ("Resilience:Default:CircuitBreaker:FailureRatio", "0.5"),
            ("Resilience:Default:CircuitBreaker:BreakDuration", "00:01:00")));
        var client = host.CreateClient();

        // Two calls of two attempts each reach the minimum throughput, all failing: the breaker opens.
        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.GetAsync(server.Address, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        var calledBeforeOpen = server.RequestCount;
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync(server.Address, TestContext.Current.CancellationToken));
        Assert.Equal(4, calledBeforeOpen);
        Assert.Equal(calledBeforeOpen, server.RequestCount);
    }

    [Fact]
    public async Task AttemptTimeoutCancelsASlowAttemptAndRetries()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Delay(TimeSpan.FromSeconds(30)), ScriptedServer.Status(200));
        using var host = ServiceDefaultsHost.Build(FastRetries(("Resilience:Default:AttemptTimeout:Timeout", "00:00:00.300")));

        using var response = await host.CreateClient().GetAsync(server.Address, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task AttemptTimeoutSurfacesWhenEveryAttemptIsSlow()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Delay(TimeSpan.FromSeconds(30)));
        using var host = ServiceDefaultsHost.Build(FastRetries(
            ("Resilience:Default:AttemptTimeout:Timeout", "00:00:00.200"),
            ("Resilience:Default:Retry:MaxRetryAttempts", "1")));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => host.CreateClient().GetAsync(server.Address, TestContext.Current.CancellationToken));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task ConcurrencyLimitRejectsRequestsBeyondThePermit()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Delay(TimeSpan.FromMilliseconds(500)));
        using var host = ServiceDefaultsHost.Build(FastRetries(("Resilience:Default:RateLimiter:DefaultRateLimiterOptions:PermitLimit", "1")));
        var client = host.CreateClient();

        var first = client.GetAsync(server.Address, TestContext.Current.CancellationToken);
        await WaitUntil(() => server.RequestCount == 1);
        await Assert.ThrowsAsync<Polly.RateLimiting.RateLimiterRejectedException>(() => client.GetAsync(server.Address, TestContext.Current.CancellationToken));

        using var response = await first;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PerClientSectionOverridesTheDefaults()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Status(503));
        using var host = ServiceDefaultsHost.Build(FastRetries(("Resilience:frugal:Retry:MaxRetryAttempts", "1")), ServiceDefaultsHost.OwnStandardHandler("frugal"));

        using var frugal = await host.CreateClient("frugal").GetAsync(server.Address, TestContext.Current.CancellationToken);
        Assert.Equal(2, server.RequestCount);

        using var standard = await host.CreateClient("other").GetAsync(server.Address, TestContext.Current.CancellationToken);
        Assert.Equal(2 + 4, server.RequestCount);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
