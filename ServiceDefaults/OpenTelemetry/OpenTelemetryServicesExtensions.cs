using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Same name and namespace as OpenTelemetry.Extensions.Hosting, so swapping to it needs no code change.</summary>
public static class OpenTelemetryServicesExtensions
{
    public static OpenTelemetryBuilder AddOpenTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // First in line, so telemetry is flowing before any other hosted service starts working.
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TelemetryHostedService)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, TelemetryHostedService>());
        }

        return new OpenTelemetryBuilder(services);
    }
}
