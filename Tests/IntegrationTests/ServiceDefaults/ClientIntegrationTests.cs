using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace DMarketAspire.IntegrationTests.ServiceDefaults;

public sealed class ClientIntegrationTests(InfrastructureFixture infrastructure)
{
    private sealed class Note
    {
        public int Id { get; set; }

        public required string Text { get; set; }
    }

    private sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    [Fact]
    public async Task NpgsqlDbContextReadsAndWritesThroughThePool()
    {
        var connectionString = await infrastructure.Postgres.CreateDatabaseAsync("clients");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:dmarketdb"] = connectionString;
        builder.AddNpgsqlDbContext<NotesContext>("dmarketdb");
        using var host = builder.Build();
        var ct = TestContext.Current.CancellationToken;

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotesContext>();
            await db.Database.EnsureCreatedAsync(ct);
            db.Notes.Add(new Note { Text = "$12.50 is 1250 cents" });
            await db.SaveChangesAsync(ct);
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotesContext>();
            Assert.Equal("$12.50 is 1250 cents", (await db.Notes.SingleAsync(ct)).Text);
            Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);
        }
    }

    [Fact]
    public async Task RedisClientSharesOneMultiplexer()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:cache"] = infrastructure.Redis.ConnectionString;
        builder.AddRedisClient("cache");
        using var host = builder.Build();

        var multiplexer = host.Services.GetRequiredService<IConnectionMultiplexer>();
        Assert.Same(multiplexer, host.Services.GetRequiredService<IConnectionMultiplexer>());

        var key = $"tests:{Guid.NewGuid():N}";
        var db = multiplexer.GetDatabase();
        await db.StringSetAsync(key, "1250", TimeSpan.FromMinutes(1));
        Assert.Equal("1250", (string?)await db.StringGetAsync(key));
    }
}
