using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DMarketAspire.IntegrationTests.DMarket;

/// <summary>A host wired as a service is (<c>AddServiceDefaults</c> + <c>AddDMarketClient</c>), pointed at a simulator.</summary>
public sealed class DMarketClientHost : IDisposable
{
    private readonly IHost _host;

    private DMarketClientHost(IHost host) => _host = host;

    public DMarketClient Client => _host.Services.GetRequiredService<DMarketClient>();

    public IServiceProvider Services => _host.Services;

    /// <summary>An HttpClient with the DMarket pipeline (pacing, signing), for reading raw JSON.</summary>
    public HttpClient SignedHttpClient() => _host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DMarketClient));

    public static DMarketClientHost Create(Uri simulator, DMarketKeys? keys = null, IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        keys ??= DMarketKeys.Demo;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DMarket:BaseUrl"] = simulator.ToString(),
            ["DMarket:PublicKey"] = keys.PublicKeyHex,
            ["DMarket:SecretKey"] = keys.SecretKeyHex(),
            // Fault tests should not wait seconds between retries.
            ["Resilience:DMarketClient:Retry:Delay"] = "00:00:00.020",
            ["Resilience:DMarketClient:Retry:MaxRetryAttempts"] = "5",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.AddServiceDefaults();
        builder.AddDMarketClient();
        var host = builder.Build();
        host.Start();
        return new DMarketClientHost(host);
    }

    public void Dispose()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }
}
