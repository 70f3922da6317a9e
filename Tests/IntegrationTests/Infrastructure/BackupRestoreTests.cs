using DMarketAspire.Trading.Accounts;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Extensions;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.DMarket.Client.Signing;
using DMarketAspire.IntegrationTests.AppHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.IntegrationTests.Infrastructure;

/// <summary>
/// A backup taken with the AppHost's <see cref="PostgresBackup"/> from one PostgreSQL cluster, restored into a cluster
/// made afresh (a new data folder), as the README's restore steps do: the users, their settings, their price alerts and
/// their DMarket secret keys come back, the keys readable with the key ring that came back with them.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class BackupRestoreTests
{
    private const long User = 424242;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFreshClusterRestoredFromABackupHasTheUsersSettingsAlertsAndReadableKeys()
    {
        var keys = DMarketKeys.FromSeed(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var folder = Directory.CreateTempSubdirectory("backups-").FullName;
        string backup;
        string protectedSecret;
        await using (var source = await PostgresServer.StartAsync())
        {
            var database = await source.CreateDatabaseAsync("backup");
            await using (var db = SchemaTests.NewContext(database))
            {
                await DMarketDbMigrator.MigrateAsync(db, Ct);
                var now = DateTimeOffset.UtcNow;
                db.BotUsers.Add(new BotUser { Id = User, ChatId = User, FirstName = "Kept", Language = "ru", TimeZone = "Europe/Berlin", Games = ["rust"], MinProfitPercent = 12.5m, CreatedAt = now, LastSeenAt = now });
                var item = new Item { GameId = "rust", Title = "Backed Up Door", FirstSeenAt = now, UpdatedAt = now };
                db.Items.Add(item);
                await db.SaveChangesAsync(Ct);
                db.PriceAlerts.Add(new PriceAlert { UserId = User, ItemId = item.Id, GameId = "rust", Title = item.Title, Direction = PriceAlertDirection.Below, ThresholdCents = 1250, Armed = true, CreatedAt = now });
                await db.SaveChangesAsync(Ct);
            }

            using (var bot = SecretsHost(database))
            await using (var scope = bot.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AccountStore>().SaveAsync(User, keys, Ct);
            }

            await using (var db = SchemaTests.NewContext(database))
            {
                protectedSecret = (await db.DMarketAccounts.SingleAsync(a => a.UserId == User, Ct)).ProtectedSecretKey;
                Assert.DoesNotContain(keys.SecretKeyHex(), protectedSecret, StringComparison.OrdinalIgnoreCase);
            }

            // Three backups keeping two: the oldest goes.
            for (var i = 0; i < 3; i++)
            {
                await PostgresBackup.BackUpAsync(database, folder, keep: 2, DateTimeOffset.UtcNow.AddMinutes(i), Ct);
            }

            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, files.Count);
            Assert.All(files, f => Assert.EndsWith(PostgresBackup.Extension, f, StringComparison.Ordinal));
            backup = files[^1];
        }

        await using var target = await PostgresServer.StartAsync();
        var restored = await target.CreateDatabaseAsync("restored");
        await PostgresBackup.RestoreAsync(restored, backup, Ct);

        await using (var db = SchemaTests.NewContext(restored))
        {
            var user = await db.BotUsers.SingleAsync(u => u.Id == User, Ct);
            Assert.Equal(("ru", "Europe/Berlin", 12.5m), (user.Language, user.TimeZone, user.MinProfitPercent));
            Assert.Equal(["rust"], user.Games);
            var alert = await db.PriceAlerts.SingleAsync(a => a.UserId == User, Ct);
            Assert.Equal(("Backed Up Door", 1250L, true), (alert.Title, alert.ThresholdCents, alert.Armed));
            Assert.Equal(protectedSecret, (await db.DMarketAccounts.SingleAsync(a => a.UserId == User, Ct)).ProtectedSecretKey);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        }

        using (var bot = SecretsHost(restored))
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var read = await scope.ServiceProvider.GetRequiredService<AccountStore>().KeysAsync(User, Ct);
            Assert.Equal(keys.SecretKeyHex(), read!.SecretKeyHex());
        }
    }

    [Fact]
    public async Task TheAppHostStartedOnAFreshDataFolderWithRestoreFromComesUpWithTheBackedUpData()
    {
        var folder = Directory.CreateTempSubdirectory("backups-").FullName;
        string backup;
        await using (var source = await PostgresServer.StartAsync())
        {
            var database = await source.CreateDatabaseAsync("backup");
            await using var db = SchemaTests.NewContext(database);
            await DMarketDbMigrator.MigrateAsync(db, Ct);
            var now = DateTimeOffset.UtcNow;
            db.BotUsers.Add(new BotUser { Id = User, ChatId = User, FirstName = "Restored", Language = "en", TimeZone = "UTC", MinProfitPercent = 7.5m, CreatedAt = now, LastSeenAt = now });
            await db.SaveChangesAsync(Ct);
            backup = await PostgresBackup.BackUpAsync(database, folder, keep: 1, now, Ct);
        }

        var data = AppHostData.CreateFolder();
        try
        {
            await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DMarketAspire_AppHost>(
                [$"--AppHost:DataDirectory={data}", $"--AppHost:Backups:RestoreFrom={backup}"], Ct);
            await using var app = await appHost.BuildAsync(Ct);
            await app.StartAsync(Ct);
            await app.ResourceNotifications.WaitForResourceAsync("migrations", KnownResourceStates.Finished, Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("botservice", Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);

            await using var restored = SchemaTests.NewContext((await app.GetConnectionStringAsync("dmarketdb", Ct))!);
            var user = await restored.BotUsers.SingleAsync(u => u.Id == User, Ct);
            Assert.Equal(("Restored", 7.5m), (user.FirstName, user.MinProfitPercent));
            Assert.Empty(await restored.Database.GetPendingMigrationsAsync(Ct));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The bot's own wiring of its database and Data Protection (key ring in PostgreSQL), without Telegram.</summary>
    private static IHost SecretsHost(string database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:dmarketdb"] = database;
        builder.AddNpgsqlDbContext<DMarketDbContext>(DMarketDbContext.ConnectionName);
        builder.AddSecretProtection();
        builder.Services.AddSingleton<SecretProtector>();
        builder.Services.AddScoped<AccountStore>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder.Build();
    }
}
