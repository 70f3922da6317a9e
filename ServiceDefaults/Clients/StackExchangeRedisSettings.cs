namespace Microsoft.Extensions.Hosting;

/// <summary>Aspire.StackExchange.Redis's settings, bound from <c>Aspire:StackExchange:Redis</c>.</summary>
public sealed class StackExchangeRedisSettings
{
    public const string ConfigurationSection = "Aspire:StackExchange:Redis";

    public string? ConnectionString { get; set; }

    public bool DisableHealthChecks { get; set; }

    /// <summary>How long the health check waits for PONG.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
