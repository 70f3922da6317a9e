using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DMarketAspire.Data.Infrastructure;

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
        using var activity = ActivitySource.StartActivity("Migrating database");
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
                try
                {
                    var pending = await PendingMigrationsAsync(db, ct);

                    // EF's migrator reads the history table before it creates it, and logs that as an error; with the
                    // table in place a new database migrates without one.
                    await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
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

    /// <summary>
    /// EF's own GetPendingMigrationsAsync reads the history table even before it exists, and logs that failure as an
    /// error: on a new database every migration is pending, and nothing needs to be read.
    /// </summary>
    private static async Task<List<string>> PendingMigrationsAsync(DMarketDbContext db, CancellationToken cancellationToken) =>
        await HistoryTableExistsAsync(db, cancellationToken)
            ? [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)]
            : [.. db.Database.GetMigrations()];

    private static async Task<bool> HistoryTableExistsAsync(DMarketDbContext db, CancellationToken cancellationToken)
    {
        // Quoted: EF creates the table with its mixed-case name.
        var table = $"\"{HistoryRepository.DefaultTableName}\"";
        return await db.Database.SqlQuery<bool>($"SELECT to_regclass({table}) IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>Waits until the migration step has brought the schema up to date (services start only then).</summary>
    public static async Task WaitUntilMigratedAsync(DMarketDbContext db, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            try
            {
                var pending = await PendingMigrationsAsync(db, cancellationToken);
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
