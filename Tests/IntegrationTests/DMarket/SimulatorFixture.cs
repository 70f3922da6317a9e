using System.Net.Http.Json;
using DMarketAspire.DMarketSimulator.Extensions;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.IntegrationTests.DMarket;

/// <summary>
/// A DMarket simulator on a real loopback port, one per test class (so rate-limit counts are the class's own),
/// with a small, still market unless a test moves it.
/// </summary>
public class SimulatorFixture : IAsyncLifetime
{
    private TestWebServer? _server;

    public Uri Address => _server!.BaseAddress;

    public HttpClient Control { get; private set; } = null!;

    protected virtual int OffersPerGame => 400;

    public async ValueTask InitializeAsync()
    {
        _server = await TestWebServer.StartAsync(
            app => app.MapDMarketSimulator(),
            builder =>
            {
                builder.Configuration["Simulator:OffersPerGame"] = OffersPerGame.ToString();
                builder.Configuration["Simulator:Dynamics"] = "false";
                builder.AddServiceDefaults();
                builder.AddDMarketSimulator();
            });
        Control = _server.CreateClient();
    }

    public async Task<T> GetAsync<T>(string path) =>
        (await Control.GetFromJsonAsync<T>(path, TestContext.Current.CancellationToken))!;

    public async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        var response = await Control.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        Control?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
