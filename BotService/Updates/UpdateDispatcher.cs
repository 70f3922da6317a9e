using System.Diagnostics;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DMarketAspire.BotService.Updates;

/// <summary>
/// Every update, from polling or the webhook: skipped if already handled, else handled in a scope of its own and
/// marked handled. A handler's exception is logged with the update's id and type (never its text, which may be a
/// secret) and the user gets a short apology; the loop goes on.
/// </summary>
public sealed partial class UpdateDispatcher(IServiceScopeFactory scopes, ProcessedUpdates processed, BotMetrics metrics, ILogger<UpdateDispatcher> logger)
{
    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var type = update.Type.ToString();
        using var activity = BotActivities.Source.StartActivity($"update {type}");
        activity?.SetTag("telegram.update.id", update.Id);
        if (await IsHandledAsync(update.Id))
        {
            metrics.Update(type, "duplicate", 0);
            return;
        }

        var outcome = "handled";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            switch (update.Type)
            {
                case UpdateType.Message when update.Message is { } message:
                    await services.GetRequiredService<MessageHandler>().HandleAsync(message, cancellationToken);
                    break;
                case UpdateType.CallbackQuery when update.CallbackQuery is { } query:
                    await services.GetRequiredService<CallbackQueryHandler>().HandleAsync(query, cancellationToken);
                    break;
                case UpdateType.MyChatMember when update.MyChatMember is { } member:
                    await services.GetRequiredService<ChatMemberHandler>().HandleAsync(member, cancellationToken);
                    break;
                default:
                    outcome = "ignored";
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-update: leave it unmarked, so whoever polls next handles it.
            throw;
        }
        catch (Exception exception)
        {
            outcome = "failed";
            activity?.SetStatus(ActivityStatusCode.Error);
            LogHandlerFailed(logger, exception, update.Id, type, ChatOf(update));
        }

        await MarkHandledAsync(update.Id);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        activity?.SetTag("bot.update.outcome", outcome);
        metrics.Update(type, outcome, elapsed);
        LogHandled(logger, update.Id, type, outcome, elapsed);
    }

    private async Task<bool> IsHandledAsync(int updateId)
    {
        try
        {
            return await processed.ContainsAsync(updateId);
        }
        catch (StackExchange.Redis.RedisException exception)
        {
            // Losing Redis costs at most a repeated reply, never a lost update.
            LogDeduplicationUnavailable(logger, exception, updateId);
            return false;
        }
    }

    private async Task MarkHandledAsync(int updateId)
    {
        try
        {
            await processed.MarkAsync(updateId);
        }
        catch (StackExchange.Redis.RedisException exception)
        {
            LogDeduplicationUnavailable(logger, exception, updateId);
        }
    }

    /// <summary>The chat an update belongs to (a press: its user's private chat); null for kinds the bot does not take.</summary>
    public static long? ChatOf(Update update) => update.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? update.MyChatMember?.Chat.Id;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} ({UpdateType}) {Outcome} in {Milliseconds:0.0} ms.")]
    private static partial void LogHandled(ILogger logger, int updateId, string updateType, string outcome, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling update {UpdateId} ({UpdateType}, chat {ChatId}) failed; the bot goes on.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, int updateId, string updateType, long? chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable for update {UpdateId}'s de-duplication; handling it anyway.")]
    private static partial void LogDeduplicationUnavailable(ILogger logger, Exception exception, int updateId);
}
