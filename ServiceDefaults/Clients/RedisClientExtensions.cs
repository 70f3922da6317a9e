using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Stand-in for Aspire.StackExchange.Redis, with its method name and configuration keys.</summary>
public static class RedisClientExtensions
{
    public const string HealthCheckName = "StackExchange.Redis";

    /// <summary>
    /// Registers one <see cref="IConnectionMultiplexer"/> for the app, connected from
    /// <c>ConnectionStrings:&lt;connectionName&gt;</c>, and a PING health check. The multiplexer keeps
    /// reconnecting in the background, so the app starts and recovers while Redis is down.
    /// </summary>
    public static void AddRedisClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<StackExchangeRedisSettings>? configureSettings = null,
        Action<ConfigurationOptions>? configureOptions = null)
    {
        var settings = new StackExchangeRedisSettings();
        builder.Configuration.GetSection(StackExchangeRedisSettings.ConfigurationSection).Bind(settings);
        if (builder.Configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            settings.ConnectionString = connectionString;
        }

        configureSettings?.Invoke(settings);

        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException(ConnectionStringMessages.Missing(connectionName, StackExchangeRedisSettings.ConfigurationSection));
        }

        var options = ConfigurationOptions.Parse(settings.ConnectionString);
        // Aspire's default: never fail the app because Redis is not up yet; keep retrying instead.
        options.AbortOnConnectFail = false;
        configureOptions?.Invoke(options);

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                HealthCheckName,
                services => new RedisHealthCheck(services.GetRequiredService<IConnectionMultiplexer>()),
                failureStatus: null,
                tags: null,
                timeout: settings.HealthCheckTimeout));
        }
    }
}
