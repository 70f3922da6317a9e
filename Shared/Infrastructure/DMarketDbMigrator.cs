using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Infrastructure;

/// <summary>
/// Applies pending migrations under a PostgreSQL advisory lock, so two migration steps started at once (a redeploy,
/// replicas) apply each migration exactly once; the second waits, then finds nothing to do.
/// </summary>
public static class DMarketDbMigrator
{
    public const string ActivitySourceName = "DMarketAspire.Migrations";

    // Any fixed 64-bit number, the same for every migrator of this database.
    private const long AdvisoryLockKey = 0x444D61726B6574; // "DMarket"

    private static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    public static async Task<IReadOnlyList<string>> MigrateAsync(DMarketDbContext db, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("Migrating database", ActivityKind.Client);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
                try
                {
                    var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                    await db.Database.MigrateAsync(ct);
                    activity?.SetTag("migrations.applied", pending.Count);
                    return (IReadOnlyList<string>)pending;
                }
                finally
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }, cancellationToken);
    }

    /// <summary>Waits until the migration step has brought the schema up to date (services start only then).</summary>
    public static async Task WaitUntilMigratedAsync(DMarketDbContext db, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0)
                {
                    return;
                }

                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"The database still lacks migrations {string.Join(", ", pending)} after {timeout.TotalSeconds:0} s: run the migration step (MigrationService).");
                }
            }
            catch (Npgsql.NpgsqlException) when (DateTimeOffset.UtcNow <= deadline)
            {
                // The database is not reachable yet: keep waiting.
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
