using DMarketAspire.Data.Infrastructure;

namespace DMarketAspire.MigrationService;

/// <summary>The one migration step: applies pending migrations, then exits (0 on success, 1 on failure) so the AppHost can wait for it.</summary>
internal sealed partial class MigrationWorker(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<MigrationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var applied = await DMarketDbMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<DMarketDbContext>(), stoppingToken);
            LogMigrated(logger, applied.Count, string.Join(", ", applied));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Count} migration(s) applied ({Migrations}).")]
    private static partial void LogMigrated(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database migration failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
