using DMarketAspire.DMarketSimulator.Extensions;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.IntegrationTests.Scanner;

/// <summary>A still market with more genuinely underpriced offers than usual, so recall is measured on dozens of cases.</summary>
public sealed class ScannerSimulatorFixture : IAsyncLifetime
{
    private TestWebServer? _server;

    public Uri Address => _server!.BaseAddress;

    public HttpClient Control { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestWebServer.StartAsync(
            app => app.MapDMarketSimulator(),
            builder =>
            {
                builder.Configuration["Simulator:OffersPerGame"] = "200";
                builder.Configuration["Simulator:UnderpricedShare"] = "0.15";
                builder.Configuration["Simulator:Dynamics"] = "false";
                builder.AddServiceDefaults();
                builder.AddDMarketSimulator();
            });
        Control = _server.CreateClient();
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
