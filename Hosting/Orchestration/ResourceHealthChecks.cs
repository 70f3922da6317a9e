using System.Net.Sockets;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Aspire.Hosting.Orchestration;

/// <summary>The checks Aspire's hosting integrations register: a query for PostgreSQL, a PING for Redis, a GET for HTTP.</summary>
internal static class ResourceHealthChecks
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) });

    public static async Task<HealthCheckResult> PostgresAsync(PostgresServerResource server, string database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(server.AdminConnectionString(database));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }

    public static async Task<HealthCheckResult> RedisAsync(RedisResource redis, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(redis.PrimaryEndpoint.Host, redis.PrimaryEndpoint.Port, cancellationToken);
            var stream = client.GetStream();
            var password = redis.PasswordParameter.Value;
            var request = $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(request), cancellationToken);
            var reply = new StringBuilder();
            var buffer = new byte[256];
            while (!reply.ToString().Contains("PONG", StringComparison.Ordinal) && !reply.ToString().Contains('-', StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                reply.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }

            return reply.ToString().Contains("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Unexpected reply: {reply.ToString().Trim()}");
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }

    public static async Task<HealthCheckResult> HttpAsync(Uri url, int expectedStatusCode, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(url, cancellationToken);
            return (int)response.StatusCode == expectedStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"GET {url} answered {(int)response.StatusCode}, expected {expectedStatusCode}.");
        }
        catch (HttpRequestException exception)
        {
            return HealthCheckResult.Unhealthy($"GET {url} failed: {exception.Message}");
        }
    }
}
