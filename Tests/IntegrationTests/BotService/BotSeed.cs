using System.Net.Http.Json;
using DMarketAspire.Data.Domain;
using DMarketAspire.TelegramSimulator.Control;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>Writes opportunities and their outbox events as the Scanner does (one transaction, event ids in order, then the Redis signal).</summary>
public static class BotSeed
{
    public static async Task<string> DatabaseAsync(InfrastructureFixture infrastructure)
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("bot");
        await using var db = SchemaTests.NewContext(database);
        await DMarketDbMigrator.MigrateAsync(db, CancellationToken.None);
        return database;
    }

    public sealed record Planted(string GameId, string Level, string Title, long BuyPriceCents, decimal ProfitPercent, int Liquidity = 60, string? OfferId = null,
        OpportunityAttributes? Attributes = null);

    public static async Task<IReadOnlyList<Opportunity>> PlantAsync(string database, IConnectionMultiplexer? redis, params Planted[] planted)
    {
        await using var db = SchemaTests.NewContext(database);
        var now = DateTimeOffset.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync();
        List<Opportunity> rows = [];
        foreach (var p in planted)
        {
            var item = await db.Items.FirstOrDefaultAsync(i => i.GameId == p.GameId && i.Title == p.Title);
            if (item is null)
            {
                item = new Item { GameId = p.GameId, Title = p.Title, FirstSeenAt = now, UpdatedAt = now };
                db.Items.Add(item);
                await db.SaveChangesAsync();
            }

            var profit = (long)decimal.Round(p.BuyPriceCents * p.ProfitPercent / 100m);
            rows.Add(new Opportunity
            {
                OfferId = p.OfferId ?? $"offer-{Guid.NewGuid():N}",
                GameId = p.GameId,
                Level = p.Level,
                Title = p.Title,
                ItemId = item.Id,
                BuyPriceCents = p.BuyPriceCents,
                ResaleCents = (long)decimal.Round((p.BuyPriceCents + profit) / 0.9m),
                FeeFraction = 0.1m,
                ProfitCents = profit,
                ProfitPercent = p.ProfitPercent,
                Liquidity = p.Liquidity,
                Status = OpportunityStatus.Active,
                FirstSeenAt = now,
                LastSeenAt = now,
                Attributes = p.Attributes ?? new OpportunityAttributes(),
            });
        }

        db.Opportunities.AddRange(rows);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", OpportunityEvent.WriterLockKey);
        var events = rows.Select(o => new OpportunityEvent { OpportunityId = o.Id, Kind = OpportunityEventKind.Found, CreatedAt = DateTimeOffset.UtcNow }).ToList();
        db.OpportunityEvents.AddRange(events);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        if (redis is not null)
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(OpportunityChannels.Events), events.Max(e => e.Id));
        }

        return rows;
    }

    /// <summary>Users who opened the bot earlier (chats at the simulator, rows in the database), without a conversation each.</summary>
    public static async Task AddUsersAsync(string database, HttpClient simulator, IReadOnlyList<long> users, string[] games, string[] levels)
    {
        foreach (var user in users)
        {
            (await simulator.PutAsJsonAsync($"/_sim/users/{user}", new UserProfile($"User {user}", null, "en"))).EnsureSuccessStatusCode();
        }

        await using var db = SchemaTests.NewContext(database);
        var now = DateTimeOffset.UtcNow;
        db.BotUsers.AddRange(users.Select(id => new BotUser
        {
            Id = id,
            ChatId = id,
            FirstName = $"User {id}",
            Language = "en",
            TimeZone = "UTC",
            Games = games,
            Levels = levels,
            MinProfitPercent = 5,
            DigestIntervalMinutes = 60,
            DailyCap = 100,
            CreatedAt = now,
            LastSeenAt = now,
        }));
        await db.SaveChangesAsync();
    }

    public static async Task<List<Notification>> NotificationsAsync(string database)
    {
        await using var db = SchemaTests.NewContext(database);
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    public static async Task<BotUser> UserAsync(string database, long id)
    {
        await using var db = SchemaTests.NewContext(database);
        return await db.BotUsers.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    /// <summary>
    /// Waits until both of the bot's planners (notifications, autopilot) have a checkpoint: each starts from the newest
    /// event when it first leads, so an event planted before its checkpoint exists counts as history and is never planned.
    /// </summary>
    public static async Task WaitForCheckpointAsync(string database, TimeSpan timeout)
    {
        string[] planners = [BotCheckpoint.Notifications, BotCheckpoint.Autopilot];
        var deadline = DateTime.UtcNow + timeout;
        await using var db = SchemaTests.NewContext(database);
        while (await db.BotCheckpoints.CountAsync(c => planners.Contains(c.Name)) < planners.Length)
        {
            if (DateTime.UtcNow > deadline)
            {
                var present = await db.BotCheckpoints.Select(c => c.Name).ToListAsync();
                throw new TimeoutException($"The bot's planners did not all start within {timeout}: checkpoints [{string.Join(", ", present)}] of [{string.Join(", ", planners)}].");
            }

            await Task.Delay(100);
        }
    }
}
