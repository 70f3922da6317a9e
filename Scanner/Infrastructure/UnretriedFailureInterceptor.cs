using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace DMarketAspire.Scanner.Infrastructure;

/// <summary>
/// Logs at Error the database failures <see cref="RetriedConflictLogging"/> takes out of EF Core's own Error entries, all
/// but the unique violations the Scanner's writers retry: a failed command once, with its SQL, and a failed save no
/// command explains (a concurrency conflict) once. So a broken statement is as red in the dashboard as before.
/// </summary>
public sealed partial class UnretriedFailureInterceptor : DbCommandInterceptor, ISaveChangesInterceptor
{
    public const string Category = "DMarketAspire.Scanner.Database";

    public static UnretriedFailureInterceptor Instance { get; } = new();

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LogCommand(command, eventData);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LogCommand(command, eventData);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => LogSave(eventData);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LogSave(eventData);
        return Task.CompletedTask;
    }

    /// <summary>The insert race a writer retries (OpportunityStore): another writer's row with the same key won.</summary>
    public static bool IsRetriedConflict(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static void LogCommand(DbCommand command, CommandErrorEventData eventData)
    {
        if (eventData.Context is { } context && !IsRetriedConflict(eventData.Exception))
        {
            LogCommandFailed(LoggerOf(context), command.CommandText, eventData.Exception);
        }
    }

    private static void LogSave(DbContextErrorEventData eventData)
    {
        // A database error reached the save through a failed command, logged above.
        if (eventData.Context is { } context && eventData.Exception.InnerException is not DbException && eventData.Exception is not DbException)
        {
            LogSaveFailed(LoggerOf(context), context.GetType().Name, eventData.Exception);
        }
    }

    private static ILogger LoggerOf(DbContext context) => context.GetService<ILoggerFactory>().CreateLogger(Category);

    [LoggerMessage(Level = LogLevel.Error, Message = "A database command failed: {CommandText}")]
    private static partial void LogCommandFailed(ILogger logger, string commandText, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving changes of {Context} failed.")]
    private static partial void LogSaveFailed(ILogger logger, string context, Exception exception);
}
