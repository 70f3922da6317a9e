using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Aspire.Hosting;

/// <summary>
/// PostgreSQL answers a query on the given database. Unpooled: an idle pooled connection from the AppHost would hold
/// PostgreSQL's smart shutdown open until it is killed.
/// </summary>
internal sealed class PostgresReadyCheck(Func<string?> connectionString, string database) : IHealthCheck
{
    private const int TimeoutSeconds = 5;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connectionString() is not { } value)
        {
            return HealthCheckResult.Unhealthy("The connection string is not available yet.");
        }

        try
        {
            await using var connection = new NpgsqlConnection(Unpooled(value, database));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(e.Message, e);
        }
    }

    public static string Unpooled(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = false, Timeout = TimeoutSeconds }.ConnectionString;
}
