using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace DMarketAspire.UnitTests.ServiceDefaults;

/// <summary>Aspire's client integrations with no connection string: nothing is reached, the error names the key.</summary>
public sealed class MissingConnectionStringTests
{
    private sealed class EmptyContext(DbContextOptions<EmptyContext> options) : DbContext(options);

    [Fact]
    public void MissingConnectionStringsNameTheKeyToSet()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddNpgsqlDbContext<EmptyContext>("dmarketdb");
        builder.AddRedisClient("cache");
        using var host = builder.Build();

        // Aspire's client integrations say so when the client is first asked for.
        var db = Assert.ThrowsAny<InvalidOperationException>(() => host.Services.CreateScope().ServiceProvider.GetRequiredService<EmptyContext>());
        var cache = Assert.ThrowsAny<InvalidOperationException>(() => host.Services.GetRequiredService<IConnectionMultiplexer>());

        Assert.Contains("ConnectionStrings:dmarketdb", db.Message);
        Assert.Contains("ConnectionStrings:cache", cache.Message);
    }
}
