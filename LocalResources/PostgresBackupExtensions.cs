using System.ComponentModel.DataAnnotations;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

public static partial class PostgresBackupExtensions
{
    public const string CommandName = "backup";

    /// <summary>
    /// In run mode: a "Back up now" command on the database in the dashboard, and a daily backup at
    /// <c>AppHost:Backups:Hour</c> (machine time), both with <see cref="PostgresBackup"/> into <c>AppHost:Backups:Folder</c>
    /// (default: <c>backups</c> in the AppHost's data folder), keeping the newest <c>AppHost:Backups:Keep</c>; and with
    /// <c>AppHost:Backups:RestoreFrom</c>, a backup restored into the database when it is new (empty), before anything
    /// that waits for the database starts.
    /// </summary>
    public static IResourceBuilder<PostgresDatabaseResource> WithBackups(this IResourceBuilder<PostgresDatabaseResource> builder)
    {
        var app = builder.ApplicationBuilder;
        if (!app.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        var options = app.Configuration.GetSection(PostgresBackupOptions.SectionName).Get<PostgresBackupOptions>() ?? new PostgresBackupOptions();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            throw new DistributedApplicationException($"{PostgresBackupOptions.SectionName}: {string.Join("; ", errors.Select(e => e.ErrorMessage))}");
        }

        var folder = Path.GetFullPath(options.Folder ?? Path.Combine(LocalDataDirectory.Resolve(app), "backups"));
        var database = builder.Resource;
        builder.WithCommand(CommandName, "Back up now", async context =>
        {
            try
            {
                var file = await BackUpAsync(database, folder, options.Keep, context.CancellationToken);
                return CommandResults.Success($"Backed up to {file}");
            }
            catch (Exception exception) when (exception is DistributedApplicationException or IOException or InvalidOperationException)
            {
                return CommandResults.Failure(exception.Message);
            }
        }, new CommandOptions { Description = $"pg_dump into {folder}, keeping the newest {options.Keep}", IconName = "ArrowDownload" });

        if (options.RestoreFrom is { Length: > 0 } restoreFrom)
        {
            var file = Path.GetFullPath(restoreFrom);
            // Ready comes after CREATE DATABASE and before anything that waits for the database (the migration step).
            app.Eventing.Subscribe<ResourceReadyEvent>(database, async (@event, cancellationToken) =>
            {
                var log = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(database);
                var connectionString = await database.ConnectionStringExpression.GetValueAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"{database.Name} has no connection string.");
                if (!await PostgresBackup.IsEmptyAsync(connectionString, cancellationToken))
                {
                    LogRestoreSkipped(log, file);
                    return;
                }

                await PostgresBackup.RestoreAsync(connectionString, file, cancellationToken);
                LogRestored(log, file);
            });
        }

        if (options.Daily)
        {
            app.Eventing.Subscribe<AfterResourcesCreatedEvent>((@event, cancellationToken) =>
            {
                var services = @event.Services;
                var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(database);
                _ = Task.Run(() => DailyAsync(database, folder, options, log, stopping), stopping);
                return Task.CompletedTask;
            });
        }

        return builder;
    }

    private static async Task<string> BackUpAsync(PostgresDatabaseResource database, string folder, int keep, CancellationToken cancellationToken)
    {
        var connectionString = await database.ConnectionStringExpression.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"{database.Name} has no connection string yet.");
        return await PostgresBackup.BackUpAsync(connectionString, folder, keep, DateTimeOffset.UtcNow, cancellationToken);
    }

    private static async Task DailyAsync(PostgresDatabaseResource database, string folder, PostgresBackupOptions options, ILogger log, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                var now = DateTimeOffset.Now;
                var next = new DateTimeOffset(now.Date.AddHours(options.Hour), now.Offset);
                next = next > now ? next : next.AddDays(1);
                await Task.Delay(next - now, stopping);
                try
                {
                    LogBackedUp(log, await BackUpAsync(database, folder, options.Keep, stopping));
                }
                catch (Exception exception) when (exception is DistributedApplicationException or IOException or InvalidOperationException)
                {
                    LogBackupFailed(log, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not restoring {File}: the database already has tables, and a restore never overwrites data. Restore into a fresh data folder.")]
    private static partial void LogRestoreSkipped(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored the database from {File}.")]
    private static partial void LogRestored(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily backup written to {File}.")]
    private static partial void LogBackedUp(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily backup failed; the next one is tomorrow, or press Back up now.")]
    private static partial void LogBackupFailed(ILogger logger, Exception exception);
}
