using DMarketAspire.IntegrationTests.Infrastructure;

[assembly: AssemblyFixture(typeof(InfrastructureFixture))]

namespace DMarketAspire.IntegrationTests.Infrastructure;

/// <summary>One real PostgreSQL and one real Redis for the whole test run; tests isolate by database and key prefix.</summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private PostgresServer? _postgres;
    private RedisServer? _redis;

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public RedisServer Redis => _redis ?? throw new InvalidOperationException("Redis has not started.");

    public async ValueTask InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync();
        var redis = RedisServer.StartAsync();
        try
        {
            _postgres = await postgres;
        }
        finally
        {
            // Started together to save time; make sure neither is left behind if the other failed.
            _redis = await redis;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
