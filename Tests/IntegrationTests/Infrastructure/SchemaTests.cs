using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DMarketAspire.IntegrationTests.Infrastructure;

public sealed class SchemaTests(InfrastructureFixture infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DMarketDbContext NewContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<DMarketDbContext>().UseNpgsql(connectionString);
        return new DMarketDbContext(options.Options);
    }

    [Fact]
    public async Task MigrationsMatchTheModel()
    {
        var migrated = await infrastructure.Postgres.CreateDatabaseAsync("migrated");
        var modelled = await infrastructure.Postgres.CreateDatabaseAsync("modelled");
        await using (var db = NewContext(migrated))
        {
            Assert.NotEmpty(await DMarketDbMigrator.MigrateAsync(db, Ct));
        }

        await using (var db = NewContext(modelled))
        {
            // A model change without `dotnet ef migrations add` fails here first.
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: run dotnet ef migrations add (README, Data model).");
            await db.Database.EnsureCreatedAsync(Ct);
        }

        var expected = await DescribeSchemaAsync(modelled);
        var actual = await DescribeSchemaAsync(migrated);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task ConcurrentMigrationStepsApplyEachMigrationOnce()
    {
        var connectionString = await infrastructure.Postgres.CreateDatabaseAsync("concurrent");

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var db = NewContext(connectionString);
            return await DMarketDbMigrator.MigrateAsync(db, Ct);
        }));

        Assert.Equal(1, runs.Count(applied => applied.Count > 0));
        await using var check = NewContext(connectionString);
        Assert.Empty(await check.Database.GetPendingMigrationsAsync(Ct));
    }

    /// <summary>Columns with their types, nullability and identity, indexes and constraints: everything a migration decides.</summary>
    private static async Task<List<string>> DescribeSchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || coalesce(' p' || numeric_precision || ',' || numeric_scale, '') || ' null=' || is_nullable || ' identity=' || is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            ORDER BY 1
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        List<string> rows = [];
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
