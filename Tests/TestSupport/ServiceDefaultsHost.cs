using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.TestSupport;

/// <summary>A host wired exactly as a service is (<c>AddServiceDefaults()</c>), with test configuration.</summary>
public static class ServiceDefaultsHost
{
    public static IHost Build(IDictionary<string, string?> settings, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        configure?.Invoke(builder);
        return builder.Build();
    }

    public static HttpClient CreateClient(this IHost host, string name = "test") =>
        host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    /// <summary>A client with a standard handler of its own, as the DMarket client registers: configurable by its name.</summary>
    public static Action<HostApplicationBuilder> OwnStandardHandler(string name) => builder =>
    {
        var client = builder.Services.AddHttpClient(name);
#pragma warning disable EXTEXP0001 // For evaluation in Microsoft.Extensions.Http.Resilience 10.x; the DMarket client uses it too.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler();
    };
}
