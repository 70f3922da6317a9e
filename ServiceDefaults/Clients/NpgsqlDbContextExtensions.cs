using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Stand-in for Aspire.Npgsql.EntityFrameworkCore.PostgreSQL, with its method name and configuration keys.</summary>
public static class NpgsqlDbContextExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> as a pooled DbContext on PostgreSQL, with retry on transient
    /// failures and a health check named after the context. The connection string comes from
    /// <c>ConnectionStrings:&lt;connectionName&gt;</c>; its absence fails start-up with the key to set.
    /// </summary>
    public static void AddNpgsqlDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<NpgsqlEntityFrameworkCorePostgreSQLSettings>? configureSettings = null,
        Action<DbContextOptionsBuilder>? configureDbContextOptions = null) where TContext : DbContext
    {
        var settings = new NpgsqlEntityFrameworkCorePostgreSQLSettings();
        builder.Configuration.GetSection(NpgsqlEntityFrameworkCorePostgreSQLSettings.ConfigurationSection).Bind(settings);
        if (builder.Configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            settings.ConnectionString = connectionString;
        }

        configureSettings?.Invoke(settings);

        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException(ConnectionStringMessages.Missing(connectionName, NpgsqlEntityFrameworkCorePostgreSQLSettings.ConfigurationSection));
        }

        builder.Services.AddDbContextPool<TContext>(options =>
        {
            options.UseNpgsql(settings.ConnectionString, npgsql =>
            {
                if (!settings.DisableRetry)
                {
                    npgsql.EnableRetryOnFailure();
                }

                if (settings.CommandTimeout is { } timeout)
                {
                    npgsql.CommandTimeout(timeout);
                }
            });
            configureDbContextOptions?.Invoke(options);
        });

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(typeof(TContext).Name);
        }
    }
}
