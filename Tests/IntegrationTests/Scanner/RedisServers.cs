using DMarketAspire.IntegrationTests.Infrastructure;

namespace DMarketAspire.IntegrationTests.Scanner;

/// <summary>
/// One Debian Redis and one Garnet for a test class, each started the first time a test asks for it. Garnet runs
/// through <c>dotnet tool run</c> and takes about ten seconds to answer; the tests keep their keys apart by prefix.
/// </summary>
public sealed class RedisServers : IAsyncDisposable
{
    private readonly Lazy<Task<RedisServer>> _redis = new(() => RedisServer.StartAsync(garnet: false));
    private readonly Lazy<Task<RedisServer>> _garnet = new(() => RedisServer.StartAsync(garnet: true));

    public Task<RedisServer> GetAsync(bool garnet) => (garnet ? _garnet : _redis).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in new[] { _redis, _garnet }.Where(s => s.IsValueCreated))
        {
            await (await server.Value).DisposeAsync();
        }
    }
}
