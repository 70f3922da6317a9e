using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.Pricing;
using DMarketAspire.Scanner.Infrastructure;
using DMarketAspire.Scanner.Scanning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DMarketAspire.IntegrationTests.Scanner;

/// <summary>
/// The fresh pass and a sweep may both meet a new listing in the same moment, and each reads before it inserts. On real
/// PostgreSQL: the writer that loses the race on the offer's unique index tries again, finds the row and updates it,
/// so neither a sweep's round nor a fresh look fails, the offer keeps one row and one Found event, and nothing is logged
/// as an error.
/// </summary>
public sealed class OpportunityStoreTests(InfrastructureFixture infrastructure)
{
    private static readonly ScanLevel Level = new("standard", 300, 1000, 5m);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AWriterThatLosesTheInsertRaceUpdatesTheRowInstead(bool sweep)
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("opportunity-race");
        var now = DateTimeOffset.UtcNow;
        long itemId;
        await using (var db = SchemaTests.NewContext(database))
        {
            await DMarketDbMigrator.MigrateAsync(db, Ct);
            var item = new Item { GameId = "rust", Title = "Raced Crate", FirstSeenAt = now, UpdatedAt = now };
            db.Items.Add(item);
            await db.SaveChangesAsync(Ct);
            itemId = item.Id;
        }

        // The other writer has inserted the offer and not committed yet: the store reads no row, and its insert waits
        // on the unique index until the other commits, then fails with a unique violation.
        await using var other = SchemaTests.NewContext(database);
        await using var otherTransaction = await other.Database.BeginTransactionAsync(Ct);
        other.Opportunities.Add(new Opportunity
        {
            OfferId = "raced-offer", GameId = "rust", Level = Level.Name, Title = "Raced Crate", ItemId = itemId, BuyPriceCents = 500,
            Status = OpportunityStatus.Active, FirstSeenAt = now, LastSeenAt = now,
        });
        await other.SaveChangesAsync(Ct);
        other.OpportunityEvents.Add(new OpportunityEvent { OpportunityId = other.Opportunities.Local.Single().Id, Kind = OpportunityEventKind.Found, CreatedAt = now });
        await other.SaveChangesAsync(Ct);

        // Built as the Scanner builds its context, logging included: the retried conflict is no error in its log.
        using var log = new ErrorLog();
        using var loggers = LoggerFactory.Create(l => l.AddProvider(log));
        await using var db2 = new DMarketDbContext(new DbContextOptionsBuilder<DMarketDbContext>().UseNpgsql(database).UseLoggerFactory(loggers).QuietRetriedConflicts().Options);
        var store = new OpportunityStore(db2);
        var evaluation = new Evaluation(OfferVerdict.Opportunity, Level, ResaleCents: 800, FeeBasisPoints: 1000, ProfitCents: 220, ProfitPercent: 44m, Liquidity: 70);
        PricedOffer[] offers = [new("raced-offer", "Raced Crate", itemId, 500, null, evaluation, ItemAttributes.None)];
        var write = sweep
            ? store.ApplyAsync(new ScanUnit("rust", Level), scanId: 7, offers, now, listedSince: now, Ct)
            : store.RecordAsync("rust", offers, now, Ct);

        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        Assert.False(write.IsCompleted, "The store's insert should wait on the other writer's uncommitted row.");
        await otherTransaction.CommitAsync(Ct);
        var changes = await write;

        Assert.Empty(changes.FoundIds);
        await using var check = SchemaTests.NewContext(database);
        var row = await check.Opportunities.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((OpportunityStatus.Active, 220L, 800L), (row.Status, row.ProfitCents, row.ResaleCents));
        var found = await check.OpportunityEvents.AsNoTracking().CountAsync(e => e.Kind == OpportunityEventKind.Found, Ct);
        Assert.Equal(1, found);
        Assert.Empty(log.Errors);
    }

    [Fact]
    public async Task AFailureThatIsNoRetriedConflictIsStillLoggedAsAnErrorOnce()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("opportunity-failure");
        await using (var db = SchemaTests.NewContext(database))
        {
            await DMarketDbMigrator.MigrateAsync(db, Ct);
        }

        using var log = new ErrorLog();
        using var loggers = LoggerFactory.Create(l => l.AddProvider(log));
        await using var scanner = new DMarketDbContext(new DbContextOptionsBuilder<DMarketDbContext>().UseNpgsql(database).UseLoggerFactory(loggers).QuietRetriedConflicts().Options);
        var now = DateTimeOffset.UtcNow;

        // An opportunity of an item that does not exist: a foreign-key violation, which no writer retries.
        scanner.Opportunities.Add(new Opportunity
        {
            OfferId = "orphan-offer", GameId = "rust", Level = Level.Name, Title = "Orphan Crate", ItemId = 424242, BuyPriceCents = 500,
            Status = OpportunityStatus.Active, FirstSeenAt = now, LastSeenAt = now,
        });
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => scanner.SaveChangesAsync(Ct));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
        var error = Assert.Single(log.Errors);
        Assert.Contains(UnretriedFailureInterceptor.Category, error, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO", error, StringComparison.Ordinal);
    }
}
