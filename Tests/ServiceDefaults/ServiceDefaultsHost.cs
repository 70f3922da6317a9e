using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.Tests.ServiceDefaults;

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
}
