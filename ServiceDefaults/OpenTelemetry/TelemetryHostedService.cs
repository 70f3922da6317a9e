using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OpenTelemetry;

/// <summary>
/// Providers only start listening once resolved; resolving them first thing at start-up is all that
/// OpenTelemetry.Extensions.Hosting's hosted service does.
/// </summary>
internal sealed class TelemetryHostedService(IServiceProvider serviceProvider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = serviceProvider.GetService<MeterProvider>();
        _ = serviceProvider.GetService<TracerProvider>();
        _ = serviceProvider.GetService<LoggerProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
