using Microsoft.Extensions.DependencyInjection;

namespace OpenTelemetry;

/// <summary>
/// Stand-in for OpenTelemetry.Extensions.Hosting's builder: the core SDK's WithTracing, WithMetrics, WithLogging
/// and the exporter's UseOtlpExporter are all extensions of <see cref="IOpenTelemetryBuilder"/>.
/// </summary>
public sealed class OpenTelemetryBuilder(IServiceCollection services) : IOpenTelemetryBuilder
{
    public IServiceCollection Services { get; } = services;
}
